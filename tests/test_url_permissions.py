"""Every URL is in the permission table, and a refused request changes nothing.

A view is either decorated with `core.access.process_view(action)` (it carries
`permission_action`) or named in `core.permissions.URL_RULES`. For every guarded URL, every role
the table refuses gets a GET and a POST: the answer is a redirect to the login page, 403 or 404
— never a page, never a server error — and every table of the database is as it was.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import URLResolver, get_resolver

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
from veikart.core.backup import database_fingerprint
from veikart.core.permissions import (
    OPEN_RULES,
    PERMISSIONS,
    URL_NAMESPACE_RULES,
    URL_RULES,
    can,
)

SKIP_NAMESPACES = {"admin"}
ROLES = ["anonymous", "resident", "host", "moderator", "committee"]


def project_urls() -> list[tuple[str, str, object]]:
    found = []

    def walk(patterns, prefix="", namespace=None):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace in SKIP_NAMESPACES:
                    continue
                ns = (
                    f"{namespace}:{p.namespace}"
                    if namespace and p.namespace
                    else (p.namespace or namespace)
                )
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif p.name:  # unnamed: the DEBUG-only media server
                name = f"{namespace}:{p.name}" if namespace else p.name
                found.append((name, prefix + str(p.pattern), p.callback))

    walk(get_resolver().url_patterns)
    return found


def rule_of(name: str, callback) -> str | None:
    namespace = name.split(":", 1)[0] if ":" in name else ""
    return (
        getattr(callback, "permission_action", None)
        or URL_RULES.get(name)
        or URL_NAMESPACE_RULES.get(namespace)
    )


def test_every_url_is_in_the_permission_table():
    missing = [name for name, _p, cb in project_urls() if rule_of(name, cb) is None]
    assert not missing, (
        f"URLs without a rule (decorate with process_view or add to URL_RULES): {missing}"
    )
    for name, _p, cb in project_urls():
        rule = rule_of(name, cb)
        assert rule in PERMISSIONS or rule in OPEN_RULES, f"{name}: unknown rule {rule!r}"


def test_url_rules_name_only_existing_undecorated_urls():
    urls = {name: cb for name, _p, cb in project_urls()}
    stale = [n for n in URL_RULES if n not in urls]
    assert not stale, f"URL_RULES names URLs that do not exist: {stale}"
    doubled = [n for n in URL_RULES if getattr(urls[n], "permission_action", None)]
    assert not doubled, f"decorated views need no URL_RULES entry: {doubled}"


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    process = ProcessFactory(slug="borgen", current_phase="solution_hunt")
    focus = FocusAreaFactory(process=process)
    arena = ArenaFactory(process=process)
    item = InputFactory(process=process, arena=arena, text="Benker ved skolen")
    proposal = ProposalFactory(process=process, number=1)
    link(proposal, item)
    measure_create(PlanFactory(process=process), focus)
    users = {role: UserFactory(username=f"u-{role}", role=role) for role in ROLES[1:]}
    return {"process": process, "pk": item.pk, "number": 1, "users": users}


def url_for(pattern: str, world) -> str:
    path = "/" + pattern
    for token, value in (
        ("<slug:slug>", world["process"].slug),
        ("<int:pk>", str(world["pk"])),
        ("<int:number>", str(world["number"])),
        ("<str:code>", "ABCDEFGH"),
    ):
        path = path.replace(token, value)
    return path


GUARDED = [
    (name, pattern)
    for name, pattern, cb in project_urls()
    if rule_of(name, cb) in PERMISSIONS and "<" in pattern
]


@pytest.mark.parametrize("name,pattern", GUARDED, ids=[n for n, _p in GUARDED])
def test_refused_requests_change_nothing(world, name, pattern):
    url = url_for(pattern, world)
    callback = {n: cb for n, _p, cb in project_urls()}[name]
    action = rule_of(name, callback)
    process = world["process"]
    # The first setting of the process in which some role is refused this action.
    for change in ({}, {"is_public": False}, {"current_phase": "knowledge"}):
        for field, value in change.items():
            setattr(process, field, value)
        process.save()
        users = {r: AnonymousUser() if r == "anonymous" else world["users"][r] for r in ROLES}
        refused = [r for r, u in users.items() if not can(u, action, process)]
        if refused:
            break
    clients = {}
    for role in refused:
        clients[role] = Client()
        if role != "anonymous":
            clients[role].force_login(users[role])  # before the fingerprint: it sets last_login
    assert clients, f"no role is refused {action} on {url}: nothing to check"
    before = database_fingerprint()
    for role, client in clients.items():
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"text": "<script>x</script>", "action": "x"})
            assert response.status_code in {302, 403, 404, 405}, (
                role,
                method,
                url,
                response.status_code,
            )
            if response.status_code == 302:
                assert "/accounts/login/" in response["Location"], (role, method, url)
    after = database_fingerprint()
    changed = {t for t in before if before[t] != after[t] and t != "django_session"}
    assert not changed, f"{name}: refused requests changed {changed}"
