"""The roadmap workshop as people use it: set-up, phones joining and voting, projector, plans."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from tests.factories import (
    ActorFactory,
    FocusAreaFactory,
    ProposalFactory,
    UserFactory,
    workshop_with_proposals,
)
from veikart.accounts.models import Role
from veikart.core.models import AuditLog
from veikart.proposals import workshop_services as services
from veikart.proposals.models import (
    Proposal,
    ProposalStatus,
    RealisationPlan,
    Realiser,
    Vote,
    Workshop,
    WorkshopGroup,
    WorkshopParticipant,
)
from veikart.proposals.realisation_services import realisation_plan_save
from veikart.proposals.workshop_selectors import workshop_results

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    """Messages are checked in English here; the bokmål is checked by the browser test."""
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def host(client):
    user = UserFactory(role=Role.HOST)
    client.force_login(user)
    return user


def join(client, workshop, group=""):
    return client.post(reverse("proposals:workshop_join", args=[workshop.code]), {"group": group})


def vote(client, workshop, proposal, dots, **extra):
    return client.post(
        reverse("proposals:workshop_vote", args=[workshop.code]),
        {"proposal": proposal.pk, "dots": dots},
        **extra,
    )


# --- set-up -----------------------------------------------------------------------------


def test_host_creates_a_workshop_with_a_short_code_without_look_alikes(client, host):
    process = ProposalFactory().process
    url = reverse("proposals:workshop_list", args=[process.slug])
    response = client.post(
        url,
        {
            "title": "Verksted",
            "voting_method": "dots",
            "dots_per_person": "4",
            "several_dots_per_proposal": "on",
        },
    )
    workshop = Workshop.objects.get(process=process)
    assert response.status_code == 302
    assert len(workshop.code) == 6 and not set(workshop.code) & set("0O1IL")
    assert workshop.dots_per_person == 4 and workshop.status == Workshop.Status.DRAFT
    assert AuditLog.objects.filter(action="workshop.create").count() == 1


def test_bad_settings_are_refused_field_by_field(client, host):
    process = ProposalFactory().process
    url = reverse("proposals:workshop_list", args=[process.slug])
    response = client.post(url, {"title": "", "voting_method": "lottery", "dots_per_person": "0"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"title", "voting_method", "dots_per_person"} <= set(errors)
    assert not Workshop.objects.exists()


def test_residents_and_anonymous_cannot_set_up_workshops(client):
    process = ProposalFactory().process
    url = reverse("proposals:workshop_list", args=[process.slug])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(role=Role.RESIDENT))
    assert client.get(url).status_code == 403


def test_scope_select_all_matching_then_untick(client, host):
    workshop, _ = workshop_with_proposals(0, status="draft")
    process = workshop.process
    fa = FocusAreaFactory(process=process)
    in_fa = [ProposalFactory(process=process, focus_area=fa) for _ in range(3)]
    other = ProposalFactory(process=process, realiser=Realiser.MUNICIPALITY)
    url = reverse("proposals:workshop_scope", args=[process.slug, workshop.pk])
    page = client.get(url, {"focus_area": fa.pk, "select": "all"})
    assert [r["checked"] for r in page.context["rows"]] == [True, True, True]
    post = client.post(
        url + f"?focus_area={fa.pk}",
        {"shown": [p.pk for p in in_fa], "proposals": [in_fa[0].pk, in_fa[2].pk]},
    )
    assert post.status_code == 302
    assert set(workshop.proposals.all()) == {in_fa[0], in_fa[2]}
    # A second filter adds to the scope; proposals it hides keep their choice.
    client.post(url + "?realiser=municipality", {"shown": [other.pk], "proposals": [other.pk]})
    assert set(workshop.proposals.all()) == {in_fa[0], in_fa[2], other}


def test_scope_tables_and_method_are_locked_once_voting_opens(host):
    workshop, proposals = workshop_with_proposals(2, status="draft")
    services.workshop_set_groups(actor=host, workshop=workshop, names=["Bord 1", "Bord 2", ""])
    assert list(workshop.groups.values_list("name", flat=True).order_by("name")) == [
        "Bord 1",
        "Bord 2",
    ]
    with pytest.raises(Exception, match="Two tables"):
        services.workshop_set_groups(actor=host, workshop=workshop, names=["A", "a"])
    services.workshop_set_status(actor=host, workshop=workshop, status="open")
    with pytest.raises(Exception, match="Voting has started"):
        services.workshop_set_groups(actor=host, workshop=workshop, names=["Bord 3"])
    with pytest.raises(Exception, match="Voting has started"):
        services.workshop_set_proposals(actor=host, workshop=workshop, selected=[], shown=proposals)
    with pytest.raises(Exception, match="cannot change"):
        services.workshop_set_status(actor=host, workshop=workshop, status="open")


def test_opening_needs_proposals(host):
    workshop, _ = workshop_with_proposals(0, status="draft")
    with pytest.raises(Exception, match="Choose the proposals"):
        services.workshop_set_status(actor=host, workshop=workshop, status="open")


# --- in the room --------------------------------------------------------------------------


def test_join_by_code_typed_in_lower_case_and_with_spaces(client):
    workshop, _ = workshop_with_proposals(1)
    response = client.get(
        reverse("proposals:workshop_enter"), {"code": " " + workshop.code.lower()}
    )
    assert response.status_code == 302 and response.url.endswith(f"/v/{workshop.code}/")
    bad = client.get(reverse("proposals:workshop_enter"), {"code": "ZZZZZZ"})
    assert bad.status_code == 400 and "ZZZZZZ" in bad.content.decode()


def test_reloading_rejoins_the_same_participant_and_keeps_the_votes(client):
    workshop, proposals = workshop_with_proposals(3)
    table = WorkshopGroup.objects.create(workshop=workshop, name="Bord 1")
    join(client, workshop, group=table.pk)
    vote(client, workshop, proposals[0], 2)
    join(client, workshop, group=table.pk)  # the phone reconnects and posts the form again
    page = client.get(reverse("proposals:workshop_join", args=[workshop.code]))
    assert WorkshopParticipant.objects.count() == 1
    assert page.context["ballot"].remaining == 3
    assert Vote.objects.get().dots == 2


def test_spending_dots_and_being_refused_over_budget(client):
    workshop, proposals = workshop_with_proposals(3, dots_per_person=3)
    join(client, workshop)
    assert vote(client, workshop, proposals[0], 2).status_code == 302
    vote(client, workshop, proposals[0], 2)  # the same request again changes nothing
    refused = vote(client, workshop, proposals[1], 2, follow=True)
    assert "You do not have that many dots left." in refused.content.decode()
    participant = WorkshopParticipant.objects.get()
    assert participant.dots_spent == 2
    vote(client, workshop, proposals[1], 1)
    vote(client, workshop, proposals[0], 0)  # take them back
    participant.refresh_from_db()
    assert participant.dots_spent == 1
    assert list(Vote.objects.values_list("proposal_id", "dots")) == [(proposals[1].pk, 1)]


def test_htmx_vote_returns_the_ballot_partial_with_the_error(client):
    workshop, proposals = workshop_with_proposals(2, dots_per_person=1)
    join(client, workshop)
    ok = vote(client, workshop, proposals[0], 1, HTTP_HX_REQUEST="true")
    assert ok.status_code == 200 and 'id="ballot"' in ok.content.decode()
    assert "<html" not in ok.content.decode()
    refused = vote(client, workshop, proposals[1], 1, HTTP_HX_REQUEST="true")
    assert "You do not have that many dots left." in refused.content.decode()


def test_one_dot_per_proposal_when_so_set_up(client):
    workshop, proposals = workshop_with_proposals(2, several_dots_per_proposal=False)
    join(client, workshop)
    page = vote(client, workshop, proposals[0], 2, follow=True)
    assert "each proposal can get one dot" in page.content.decode()
    assert not Vote.objects.exists()


def test_votes_outside_the_open_window_are_refused(client, host):
    workshop, proposals = workshop_with_proposals(2, status="draft")
    other_client = client.__class__()
    other_client.cookies["django_language"] = "en"
    join(other_client, workshop)
    vote(other_client, workshop, proposals[0], 1)
    services.workshop_set_status(actor=host, workshop=workshop, status="open")
    vote(other_client, workshop, proposals[0], 1)
    services.workshop_set_status(actor=host, workshop=workshop, status="closed")
    page = vote(other_client, workshop, proposals[1], 1, follow=True)
    assert "Voting is not open." in page.content.decode()
    assert Vote.objects.count() == 1


def test_a_proposal_outside_the_workshop_cannot_be_voted_on(client):
    workshop, _ = workshop_with_proposals(1)
    outside = ProposalFactory(process=workshop.process)
    join(client, workshop)
    vote(client, workshop, outside, 1)
    assert not Vote.objects.exists()


def test_ranking_add_move_take_out(client):
    workshop, (a, b, c) = workshop_with_proposals(3, voting_method="ranking", dots_per_person=2)
    join(client, workshop)
    url = reverse("proposals:workshop_rank", args=[workshop.code])
    client.post(url, {"proposal": a.pk, "position": 1})
    client.post(url, {"proposal": b.pk, "position": 2})
    client.post(url, {"proposal": b.pk, "position": 2})  # repeated: no change
    page = client.post(url, {"proposal": c.pk, "position": 3}, follow=True)
    assert "You can rank at most 2 proposals." in page.content.decode()
    client.post(url, {"proposal": b.pk, "position": 1})  # move up
    assert list(Vote.objects.order_by("rank").values_list("proposal_id", "rank")) == [
        (b.pk, 1),
        (a.pk, 2),
    ]
    results = workshop_results(workshop=workshop)
    assert {r.proposal_id: r.score for r in results.rows} == {b.pk: 2, a.pk: 1, c.pk: 0}
    client.post(url, {"proposal": b.pk, "position": 0})
    assert list(Vote.objects.values_list("proposal_id", "rank")) == [(a.pk, 1)]
    assert WorkshopParticipant.objects.get().dots_spent == 1


def test_phone_status_poll_asks_for_a_reload_when_voting_opens(client):
    workshop, _ = workshop_with_proposals(1)
    url = reverse("proposals:workshop_status", args=[workshop.code])
    assert "HX-Refresh" in client.get(url, {"seen": "draft"}).headers
    assert "HX-Refresh" not in client.get(url, {"seen": "open"}).headers


def test_projector_shows_overall_and_per_table_results_in_few_queries(client):
    workshop, proposals = workshop_with_proposals(12)
    tables = [WorkshopGroup.objects.create(workshop=workshop, name=f"Bord {i}") for i in (1, 2)]
    for i in range(6):
        p = WorkshopParticipant.objects.create(
            workshop=workshop, token=f"t{i}", group=tables[i % 2], budget=5
        )
        services.vote_set_dots(participant=p, proposal=proposals[i % 3], dots=2)
    url = reverse("proposals:workshop_live", args=[workshop.code])
    page = client.get(url)
    assert page.status_code == 200 and "every 2s" in page.content.decode()
    with CaptureQueriesContext(connection) as queries:
        partial = client.get(url, {"partial": 1})
    assert len(queries) <= 6
    body = partial.content.decode()
    assert "<html" not in body and "Bord 1" in body and "Bord 2" in body
    results = workshop_results(workshop=workshop)
    assert results.participants == 6 and results.dots_spent == 12
    assert results.rows[0].score == 4


# --- realisation plans and exports ------------------------------------------------------


def test_realisation_plan_is_recorded_and_shown_on_the_proposal_page(client, host):
    workshop, proposals = workshop_with_proposals(2, status="closed")
    responsible, partner = ActorFactory(name="Borgen IL"), ActorFactory(name="Frivilligsentralen")
    url = reverse(
        "proposals:realisation_plan", args=[workshop.process.slug, workshop.pk, proposals[0].number]
    )
    response = client.post(
        url,
        {
            "responsible": responsible.pk,
            "partners": [partner.pk],
            "first_steps": "Møte i august",
            "time_frame": "Høsten 2016",
            "residents_contribution": "Dugnad",
        },
    )
    assert response.status_code == 302
    plan = RealisationPlan.objects.get()
    assert plan.responsible == responsible and list(plan.partners.all()) == [partner]
    proposals[0].refresh_from_db()
    assert proposals[0].status == ProposalStatus.PRIORITISED
    public = client.get(
        reverse("proposals:detail", args=[workshop.process.slug, proposals[0].number])
    ).content.decode()
    assert "Møte i august" in public and "Frivilligsentralen" in public
    empty = client.post(url, {"first_steps": ""})
    assert empty.status_code == 400


def test_results_export_csv_xlsx_and_printable_page(client, host):
    workshop, proposals = workshop_with_proposals(3)
    WorkshopGroup.objects.create(workshop=workshop, name="Bord 1")
    p = WorkshopParticipant.objects.create(workshop=workshop, token="x", budget=5)
    services.vote_set_dots(participant=p, proposal=proposals[1], dots=3)
    slug = workshop.process.slug
    csv = client.get(reverse("proposals:workshop_export", args=[slug, workshop.pk, "csv"]))
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("place;number;title;realiser;dots;voters;dots: Bord 1")
    assert f"1;{proposals[1].number};Forslag 2;partnership;3;1;0;3" in text
    xlsx = client.get(reverse("proposals:workshop_export", args=[slug, workshop.pk, "xlsx"]))
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Resultater", "Gjennomføring"]
    assert book["Resultater"]["E2"].value == 3
    page = client.get(reverse("proposals:workshop_results", args=[slug, workshop.pk]))
    assert page.status_code == 200 and "workshop.css" in page.content.decode()
    assert (
        client.get(
            reverse("proposals:workshop_export", args=[slug, workshop.pk, "pdf"])
        ).status_code
        == 404
    )


def test_merging_proposals_keeps_one_realisation_plan_per_workshop(host):
    from veikart.proposals.services import proposal_merge

    workshop, (a, b) = workshop_with_proposals(2, status="closed")
    for proposal, steps in ((a, "Steg A"), (b, "Steg B")):
        realisation_plan_save(actor=host, workshop=workshop, proposal=proposal, first_steps=steps)
    proposal_merge(actor=host, target=a, sources=[b])
    plan = RealisationPlan.objects.get()
    assert plan.proposal == a and "Steg A" in plan.first_steps and "Steg B" in plan.first_steps
    assert Proposal.objects.get(pk=b.pk).status == ProposalStatus.MERGED
