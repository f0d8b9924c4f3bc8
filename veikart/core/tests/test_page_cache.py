"""The anonymous page cache (core/page_cache.py): shared only where nothing can differ, fresh
after every write through a service, never for signed-in users or visitors with a session."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver, reverse

from tests.factories import (
    ActorFactory,
    ArenaFactory,
    FocusAreaFactory,
    PlanFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    measure_create,
)
from veikart.areas.models import Area, Indicator
from veikart.core.page_cache import public_page
from veikart.processes.models import PhaseKind
from veikart.proposals.services import proposal_update
from veikart.proposals.support_services import support_add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.VEIKART_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    caches["default"].clear()


@pytest.fixture(params=[PhaseKind.SOLUTION_HUNT, PhaseKind.WORKSHOP])
def world(request):
    process = ProcessFactory(slug="borgen", current_phase=request.param)
    fa = FocusAreaFactory(process=process)
    ArenaFactory(process=process)
    proposal = ProposalFactory(process=process, title="Lys på turstien", focus_area=fa)
    measure = measure_create(PlanFactory(process=process), fa)
    return {"process": process, "proposal": proposal, "measure": measure}


def public_pages(world) -> dict[str, str]:
    """One URL of every view decorated with @public_page (a test below checks none is missing)."""
    slug = world["process"].slug
    actor = ActorFactory()
    area = Area.objects.create(name="Borgen", slug="borgen-omrade")
    indicator = Indicator.objects.create(
        name="Innbyggere",
        slug="innbyggere",
        theme=Indicator._meta.get_field("theme").choices[0][0],
        unit="personer",
        source="SSB",
    )
    return {
        "core:home": reverse("core:home"),
        "core:privacy": reverse("core:privacy"),
        "core:accessibility": reverse("core:accessibility"),
        "processes:detail": reverse("processes:detail", args=[slug]),
        "processes:participation": reverse("processes:participation", args=[slug]),
        "proposals:list": reverse("proposals:list", args=[slug]),
        "proposals:detail": reverse("proposals:detail", args=[slug, world["proposal"].number]),
        "proposals:actor_list": reverse("proposals:actor_list"),
        "proposals:actor_detail": reverse("proposals:actor_detail", args=[actor.slug]),
        "plans:detail": reverse("plans:detail", args=[slug]),
        "plans:measure": reverse("plans:measure", args=[slug, world["measure"].pk]),
        "stats:distribution": reverse("stats:distribution", args=[slug]),
        "stats:representativeness": reverse("stats:representativeness", args=[slug]),
        "stats:dashboard": reverse("stats:dashboard", args=[slug]),
        "maps:map": reverse("maps:map", args=[slug]),
        "tracking:plan_status": reverse("tracking:plan_status", args=[slug]),
        "areas:indicator_list": reverse("areas:indicator_list"),
        "areas:indicator_detail": reverse("areas:indicator_detail", args=[indicator.slug]),
        "areas:area_report": reverse("areas:area_report", args=[area.slug]),
    }


def decorated_url_names() -> set[str]:
    found = set()

    def walk(patterns, namespace=None):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif p.name and getattr(p.callback, "public_page", False):
                found.add(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns)
    return found


def test_every_cached_page_is_checked_here(world):
    assert decorated_url_names() == set(public_pages(world))


def test_no_cached_page_carries_a_csrf_token_and_a_second_visit_is_one_query(
    client, world, django_assert_max_num_queries
):
    for name, url in public_pages(world).items():
        first = client.get(url)
        assert first.status_code == 200, name
        assert b"csrfmiddlewaretoken" not in first.content, name
        assert first["X-Page-Cache"] == "miss", name
        assert not first.cookies, name
        with django_assert_max_num_queries(1):
            second = client.get(url)
        assert second["X-Page-Cache"] == "hit", name
        assert second.content == first.content, name


def test_a_write_through_a_service_shows_at_once(client, world):
    url = reverse("proposals:list", args=["borgen"])
    detail = reverse("proposals:detail", args=["borgen", world["proposal"].number])
    assert "Lys på turstien" in client.get(url).content.decode()
    client.get(detail)
    staff = UserFactory(role="manager")
    proposal_update(
        actor=staff,
        proposal=world["proposal"],
        title="Benker ved vannet",
        realiser=world["proposal"].realiser,
    )
    page = client.get(url)
    assert page["X-Page-Cache"] == "miss"
    assert "Benker ved vannet" in page.content.decode()
    support_add(actor=AnonymousUser(), proposal=world["proposal"], token="t1")
    assert "<strong>1</strong>" in client.get(detail).content.decode()


def test_signed_in_users_and_visitors_with_a_session_never_get_a_cached_page(client, world):
    url = reverse("proposals:list", args=["borgen"])
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    client.force_login(UserFactory())
    for _ in range(2):
        page = client.get(url)
        assert not page.has_header("X-Page-Cache")
        assert "Log out" in page.content.decode() or "Logg ut" in page.content.decode()
    visitor = type(client)()
    visitor.cookies["sessionid"] = "anything"
    assert not visitor.get(url).has_header("X-Page-Cache")
    visitor = type(client)()
    visitor.cookies["messages"] = "anything"
    assert not visitor.get(url).has_header("X-Page-Cache")


def test_the_language_is_part_of_the_key(client, world):
    url = reverse("proposals:list", args=["borgen"])
    assert b'lang="nb"' in client.get(url).content
    assert client.get(url)["X-Page-Cache"] == "hit"
    switched = client.get(reverse("core:language", args=["en"]), {"next": url})
    assert switched.status_code == 302 and switched["Location"] == url
    page = client.get(url)
    assert page["X-Page-Cache"] == "miss" and b'lang="en"' in page.content
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_support_from_a_cached_page_goes_through_a_confirmation_step(client, world):
    """The cached proposal page links to the support form; the form page is not cached."""
    if world["process"].current_phase != PhaseKind.WORKSHOP:
        pytest.skip("support is open in the workshop phase")
    proposal = world["proposal"]
    page = client.get(reverse("proposals:detail", args=["borgen", proposal.number]))
    support_url = reverse("proposals:support", args=["borgen", proposal.number])
    assert f'href="{support_url}"' in page.content.decode()
    form = client.get(support_url)
    assert b"csrfmiddlewaretoken" in form.content and not form.has_header("X-Page-Cache")
    client.post(support_url, {"action": "add"})
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    after = client.get(reverse("proposals:detail", args=["borgen", proposal.number]))
    assert not after.has_header("X-Page-Cache")  # the supporter now has a session
    assert "Withdraw" in after.content.decode() or "Trekk" in after.content.decode()


def test_a_page_that_uses_the_csrf_token_or_sets_a_cookie_is_never_stored():
    @public_page
    def with_form(request):
        get_token(request)
        return render(request, "base.html", {})

    @public_page
    def with_cookie(request):
        response = render(request, "base.html", {})
        response.set_cookie("x", "1")
        return response

    for view in (with_form, with_cookie):
        for _ in range(2):
            request = RequestFactory().get("/x/")
            request.user = AnonymousUser()
            assert not view(request).has_header("X-Page-Cache")


def test_redirects_and_errors_are_not_stored(client, world):
    missing = reverse("proposals:detail", args=["borgen", 999])
    for _ in range(2):
        assert not client.get(missing).has_header("X-Page-Cache")


def test_the_list_count_and_shares_are_kept_until_the_data_changes(client, world):
    """Uncached (a session cookie): the count and realiser shares come from `memo`, keyed by the
    data version like whole pages, so a proposal made through the service shows at once."""
    from veikart.proposals.services import proposal_create

    client.cookies["sessionid"] = "a-visitor-with-a-session"
    url = reverse("proposals:list", args=["borgen"])
    first = client.get(url).content.decode()
    assert ">1 " in first or "1 forslag" in first
    proposal_create(
        actor=UserFactory(role="manager"),
        process=world["process"],
        title="Ny møteplass",
        realiser=world["proposal"].realiser,
    )
    page = client.get(url)
    assert not page.has_header("X-Page-Cache")
    assert "2 forslag" in page.content.decode()
    assert page.context["page"].paginator.count == 2


def test_the_proposal_details_are_kept_until_the_data_changes(client, world):
    """Uncached (signed in): the part below the support box comes from `memo`, and an input
    linked through the service shows at once."""
    from tests.factories import InputFactory
    from veikart.proposals.services import proposal_link_inputs

    staff = UserFactory(role="manager")
    client.force_login(staff)
    url = reverse("proposals:detail", args=["borgen", world["proposal"].number])
    assert "Et trygt sted for ungdom" not in client.get(url).content.decode()
    item = InputFactory(
        process=world["process"], text="Et trygt sted for ungdom", status="published"
    )
    proposal_link_inputs(actor=staff, proposal=world["proposal"], inputs=[item])
    page = client.get(url)
    assert not page.has_header("X-Page-Cache")
    assert "Et trygt sted for ungdom" in page.content.decode()
