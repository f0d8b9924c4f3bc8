"""The public pages: they render, every figure follows the stored data, bad input is handled."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ArenaFactory,
    FocusAreaFactory,
    InputFactory,
    PlanFactory,
    ProcessFactory,
    ProposalFactory,
    link,
    measure_create,
)
from veikart.plans.models import MeasureStatus
from veikart.proposals.models import Realiser

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    process = ProcessFactory(slug="borgen")
    fa = FocusAreaFactory(process=process, name="Stedsutvikling")
    arena = ArenaFactory(process=process, participant_count=12)
    inputs = [InputFactory(process=process, arena=arena) for _ in range(3)]
    proposal = ProposalFactory(process=process, focus_area=fa, realiser=Realiser.RESIDENTS)
    link(proposal, *inputs)
    plan = PlanFactory(process=process)
    measure = measure_create(plan, fa, title="Ungdomsklubb på fredager")
    measure.proposals.add(proposal)
    return {"process": process, "fa": fa, "arena": arena, "proposal": proposal, "measure": measure}


def page_urls(world):
    slug = world["process"].slug
    return [
        reverse("core:home"),
        reverse("processes:detail", args=[slug]),
        reverse("processes:participation", args=[slug]),
        reverse("proposals:list", args=[slug]),
        reverse("proposals:detail", args=[slug, world["proposal"].number]),
        reverse("stats:distribution", args=[slug]),
        reverse("plans:detail", args=[slug]),
        reverse("plans:measure", args=[slug, world["measure"].pk]),
    ]


def test_every_public_page_renders(client, world):
    for url in page_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b'lang="nb"' in response.content


def test_pages_switch_to_english(client, world):
    client.get(reverse("core:language", args=["en"]), {"next": "/"})
    response = client.get(reverse("proposals:list", args=["borgen"]))
    assert b'lang="en"' in response.content


def test_participant_figure_follows_the_data(client, world):
    url = reverse("processes:participation", args=["borgen"])
    assert ">12<" in client.get(url).content.decode()
    ArenaFactory(process=world["process"], participant_count=30)
    html = client.get(url).content.decode()
    assert ">42<" in html


def test_measure_count_and_status_follow_the_data(client, world):
    url = reverse("processes:detail", args=["borgen"])
    assert "<dd>1</dd>" in client.get(url).content.decode().replace(" ", "")
    world["measure"].status = MeasureStatus.DONE
    world["measure"].save()
    plan_html = client.get(reverse("plans:detail", args=["borgen"])).content.decode()
    assert 'status-done">1<' in plan_html


def test_realiser_shares_follow_the_data(client, world):
    url = reverse("stats:distribution", args=["borgen"])
    assert "100 %" in client.get(url).content.decode()
    ProposalFactory(process=world["process"], realiser=Realiser.MUNICIPALITY)
    html = client.get(url).content.decode()
    assert "50 %" in html


@pytest.mark.parametrize("query", ["møteplassene", "ungdommen", "UNGDOM", "møteplass ungdom"])
def test_search_finds_norwegian_word_forms(client, world, query):
    url = reverse("proposals:list", args=["borgen"])
    html = client.get(url, {"q": query}).content.decode()
    assert "Møteplass for ungdom" in html


def test_search_without_match_says_so(client, world):
    html = client.get(reverse("proposals:list", args=["borgen"]), {"q": "sykkelparkering"})
    assert "Møteplass for ungdom" not in html.content.decode()


def test_filters_by_realiser_and_focus_area(client, world):
    url = reverse("proposals:list", args=["borgen"])
    ProposalFactory(process=world["process"], title="Ny gatebelysning", realiser="municipality")
    html = client.get(url, {"realiser": "municipality"}).content.decode()
    assert "Ny gatebelysning" in html and "Møteplass for ungdom" not in html
    html = client.get(url, {"focus_area": world["fa"].pk}).content.decode()
    assert "Møteplass for ungdom" in html and "Ny gatebelysning" not in html


def test_filter_by_arena_and_method(client, world):
    url = reverse("proposals:list", args=["borgen"])
    other = ArenaFactory(process=world["process"])
    html = client.get(url, {"arena": world["arena"].pk}).content.decode()
    assert "Møteplass for ungdom" in html
    html = client.get(url, {"arena": other.pk}).content.decode()
    assert "Møteplass for ungdom" not in html
    html = client.get(url, {"method": world["arena"].method_id}).content.decode()
    assert "Møteplass for ungdom" in html


@pytest.mark.parametrize(
    "params",
    [
        {"focus_area": "abc"},
        {"realiser": "<script>"},
        {"page": "999"},
        {"page": "x"},
        {"q": "x" * 500},
    ],
)
def test_bad_filter_values_do_not_break_the_list(client, world, params):
    response = client.get(reverse("proposals:list", args=["borgen"]), params)
    assert response.status_code == 200
    assert b"<script>" not in response.content


def test_htmx_request_gets_only_the_results(client, world):
    response = client.get(
        reverse("proposals:list", args=["borgen"]),
        headers={"HX-Request": "true", "HX-Target": "proposal-results"},
    )
    html = response.content.decode()
    assert 'id="proposal-results"' in html and "<html" not in html


@pytest.mark.parametrize(
    "name,args",
    [
        ("processes:detail", ["nope"]),
        ("proposals:detail", ["borgen", 999]),
        ("plans:measure", ["borgen", 999999]),
    ],
)
def test_unknown_objects_are_404(client, world, name, args):
    assert client.get(reverse(name, args=args)).status_code == 404


def test_proposal_page_shows_inputs_and_measure(client, world):
    html = client.get(
        reverse("proposals:detail", args=["borgen", world["proposal"].number])
    ).content.decode()
    assert html.count("flere møteplasser for ungdom") == 3
    assert "Ungdomsklubb på fredager" in html


def test_proposal_list_has_no_n_plus_one(client, world):
    url = reverse("proposals:list", args=["borgen"])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(15):
        p = ProposalFactory(process=world["process"], focus_area=world["fa"], title=f"Forslag {n}")
        link(p, InputFactory(process=world["process"], arena=world["arena"]))
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_plan_page_has_no_n_plus_one(client, world):
    url = reverse("plans:detail", args=["borgen"])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    plan = world["measure"].strategy.goal.plan
    for _ in range(5):
        measure_create(plan, world["fa"])
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_bokmal_is_the_default_even_for_english_browsers(client, world):
    response = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert b'lang="nb"' in response.content


def test_language_link_sets_the_cookie_and_goes_back_only_to_this_site(client, settings):
    url = reverse("core:language", args=["en"])
    response = client.get(url, {"next": "/p/borgen/veikart/?page=2"})
    assert response.status_code == 302 and response["Location"] == "/p/borgen/veikart/?page=2"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    for unsafe in ("https://evil.example/", "//evil.example/", "javascript:alert(1)", ""):
        assert client.get(url, {"next": unsafe})["Location"] == "/", unsafe
    assert client.get(reverse("core:language", args=["xx"])).status_code == 404


def test_the_language_links_mark_the_current_language(client, world):
    html = client.get(reverse("proposals:list", args=["borgen"])).content.decode()
    assert 'lang="nb" hreflang="nb" aria-current="true"' in html
    assert 'href="/sprak/en/?next=/p/borgen/veikart/"' in html
    assert "csrfmiddlewaretoken" not in html
