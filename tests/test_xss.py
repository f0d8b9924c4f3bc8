"""XSS: a payload in every text field of every model, and in query parameters, is escaped on
every page a resident, a manager or an administrator can reach (the Django admin included).

The world is small but complete; then every CharField and TextField of every Veikart model is
overwritten with a payload (per row, so unique fields stay unique), and the pages are crawled
from the home page and the staff pages. An unescaped payload in any HTML response fails.
"""

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from tests.factories import (
    ArenaFactory,
    FocusAreaFactory,
    InputFactory,
    PlanFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    link,
    measure_create,
)

PAYLOADS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
]
RAW = re.compile(r"<script>alert|<img src=x onerror|<svg onload", re.I)
SKIP_FIELDS = {
    "slug",
    "password",
    "username",
    "receipt_code",
    "code",
    "token",
    "language",
    "external_ref",
    "search_stems",
    "anonymous_token",
    "key",
}
DOWNLOAD = re.compile(r"\.(csv|xlsx|pdf|docx|json|geojson|zip|svg)(\?|$)|[?&](format|download)=")
MAX_PAGES = 250


def poison_every_text_field() -> int:
    count = 0
    for model in apps.get_models():
        if not model.__module__.startswith("veikart."):
            continue
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
            and not f.choices
            and f.name not in SKIP_FIELDS
            and not isinstance(f, models.EmailField | models.URLField | models.SlugField)
            and (f.max_length is None or f.max_length >= 60)
        ]
        if not fields:
            continue
        for n, pk in enumerate(model.objects.values_list("pk", flat=True)):
            payload = PAYLOADS[n % len(PAYLOADS)]
            model.objects.filter(pk=pk).update(**{f.name: f"{payload} {pk}" for f in fields})
            count += 1
    return count


def crawl(client: Client, starts: list[str]) -> dict[str, str]:
    seen_shapes, queue, problems = set(), list(starts), {}
    pages = 0
    while queue and pages < MAX_PAGES:
        url = queue.pop(0)
        shape = re.sub(r"\d+", "N", urlparse(url).path) + urlparse(url).query[:1]
        if shape in seen_shapes:
            continue
        seen_shapes.add(shape)
        response = client.get(url)
        pages += 1
        assert response.status_code < 500, (url, response.status_code)
        if "html" not in response.get("Content-Type", "") or response.status_code != 200:
            continue
        body = response.content.decode()
        if RAW.search(body):
            start = RAW.search(body).start()
            problems[url] = body[max(0, start - 200) : start + 80]
        for href in re.findall(r'href="([^"#]+)"', body):
            href = urljoin(url, href.replace("&amp;", "&"))
            parsed = urlparse(href)
            if (
                parsed.netloc
                or DOWNLOAD.search(href)
                or href.startswith(("/static/", "/media/", "/accounts/logout", "/i18n/", "/sprak/"))
            ):
                continue
            queue.append(href)
    return problems


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    process = ProcessFactory(slug="borgen", current_phase="solution_hunt")
    focus = FocusAreaFactory(process=process, description="Beskrivelse")
    arena = ArenaFactory(process=process, place="Skolen", host="Vert", notes="Notat")
    items = [InputFactory(process=process, arena=arena, status="published") for _ in range(3)]
    items.append(InputFactory(process=process, arena=arena, status="new"))
    proposal = ProposalFactory(process=process, number=1, focus_area=focus)
    link(proposal, *items[:2])
    measure_create(PlanFactory(process=process), focus, description="Beskrivelse")
    admin = UserFactory(username="admin", role="admin", is_staff=True, is_superuser=True)
    poisoned = poison_every_text_field()
    assert poisoned > 10
    return {"process": process, "admin": admin, "input": items[0]}


def test_payloads_in_every_text_field_are_escaped_everywhere(world):
    anonymous = crawl(Client(), ["/", "/p/borgen/", "/p/borgen/veikart/1/"])
    admin_client = Client()
    admin_client.force_login(world["admin"])
    staff = crawl(
        admin_client,
        [
            "/",
            "/p/borgen/stab/arenaer/",
            "/p/borgen/stab/moderering/",
            "/p/borgen/stab/forslag/1/",
            "/admin/",
            *[
                f"/admin/{m._meta.app_label}/{m._meta.model_name}/"
                for m in apps.get_models()
                if m.__module__.startswith("veikart.")
            ],
        ],
    )
    problems = {**anonymous, **staff}
    assert not problems, "\n\n".join(f"{u}:\n{ctx}" for u, ctx in problems.items())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_query_parameters_are_escaped(world, payload):
    client = Client()
    for url in ["/p/borgen/veikart/", "/kvittering/", "/p/borgen/deltakelse/", "/"]:
        for param in ("q", "page", "realiser", "focus_area", "sort", "code", "next"):
            response = client.get(url, {param: payload})
            assert response.status_code < 500, (url, param)
            assert not RAW.search(response.content.decode()), (url, param)
