"""The opinion map in the platform: matrices from votes and supports, the stored analysis,
the page, who may run it, and the exports."""

import csv
import io
import json
import math

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import ProcessFactory, ProposalFactory, UserFactory
from veikart.core.models import AuditLog
from veikart.proposals.models import (
    OpinionAnalysis,
    ProposalStatus,
    Support,
    Vote,
    Workshop,
    WorkshopParticipant,
)
from veikart.proposals.opinion_selectors import (
    opinion_map,
    support_matrix,
    workshop_vote_matrix,
)
from veikart.proposals.opinion_services import opinion_analysis_run

pytestmark = pytest.mark.django_db


def make_workshop(process, proposals, *, method="dots", status="closed", code="W1") -> Workshop:
    workshop = Workshop.objects.create(
        process=process, title="Veikartverksted", code=code, voting_method=method, status=status
    )
    workshop.proposals.set(proposals)
    return workshop


def participant(workshop, n) -> WorkshopParticipant:
    return WorkshopParticipant.objects.create(workshop=workshop, token=f"{workshop.code}-tok-{n}")


@pytest.fixture
def camps():
    """Two camps of eight: camp A dots proposals 1-3, camp B proposals 4-6; all dot 7."""
    process = ProcessFactory(slug="p")
    proposals = [
        ProposalFactory(process=process, number=i, title=f"Forslag {i}") for i in range(1, 9)
    ]
    workshop = make_workshop(process, proposals)
    for n in range(16):
        person = participant(workshop, n)
        chosen = [0, 1, 2] if n < 8 else [3, 4, 5]
        for i in [*chosen, 6]:
            Vote.objects.create(workshop=workshop, participant=person, proposal=proposals[i])
    return process, workshop, proposals


def test_dot_votes_become_agree_and_pass(camps):
    _, workshop, _ = camps
    data = workshop_vote_matrix(workshop=workshop)
    assert data.items == [str(i) for i in range(1, 9)]
    assert data.participants == [str(i) for i in range(1, 17)]  # anonymous numbers
    assert data.matrix[0].tolist() == [1, 1, 1, 0, 0, 0, 1, 0]
    assert data.matrix[15].tolist() == [0, 0, 0, 1, 1, 1, 1, 0]


def test_ranking_top_half_agree_bottom_half_disagree():
    process = ProcessFactory()
    proposals = [ProposalFactory(process=process, number=i) for i in range(1, 6)]
    workshop = make_workshop(process, proposals, method="ranking")
    a, b = participant(workshop, 1), participant(workshop, 2)
    for rank, i in enumerate([3, 0, 1, 4], start=1):
        Vote.objects.create(workshop=workshop, participant=a, proposal=proposals[i], rank=rank)
    for rank, i in enumerate([0, 1, 2], start=1):
        Vote.objects.create(workshop=workshop, participant=b, proposal=proposals[i], rank=rank)
    data = workshop_vote_matrix(workshop=workshop)
    row_a, row_b = data.matrix.tolist()
    assert row_a[3] == 1 and row_a[0] == 1 and row_a[1] == -1 and row_a[4] == -1
    assert math.isnan(row_a[2])  # not ranked: missing
    assert row_b[:3] == [1, 0, -1] and math.isnan(row_b[3])


def test_supports_become_one_and_zero_public_proposals_only():
    process = ProcessFactory()
    p1, p2 = ProposalFactory(process=process, number=1), ProposalFactory(process=process, number=2)
    ProposalFactory(process=process, number=3, status=ProposalStatus.DRAFT)
    user = UserFactory()
    Support.objects.create(proposal=p1, user=user)
    Support.objects.create(proposal=p2, anonymous_token="abc")
    Support.objects.create(proposal=p1, anonymous_token="abc")
    data = support_matrix(process=process)
    assert data.items == ["1", "2"]
    assert data.matrix.tolist() == [[1, 0], [1, 1]]
    assert data.participants == ["1", "2"]


def test_service_stores_groups_and_writes_the_audit_log(camps):
    process, workshop, _ = camps
    manager = UserFactory(role="manager")
    analysis = opinion_analysis_run(
        actor=manager, process=process, source="workshop", workshop=workshop
    )
    analysis.refresh_from_db()
    assert analysis.n_groups == 2 and analysis.n_participants == 16 and analysis.n_grouped == 16
    groups = analysis.result["groups"]
    assert len({groups[str(i)] for i in range(1, 9)}) == 1
    assert {groups[str(i)] for i in range(1, 9)} != {groups[str(i)] for i in range(9, 17)}
    assert "7" in analysis.result["consensus"]  # everyone dotted proposal 7
    assert set(analysis.result["divisive"]) >= {"1", "2", "3", "4", "5", "6"}
    log = AuditLog.objects.for_object(analysis).get()
    assert log.action == "opinion_analysis.run" and log.actor == manager
    # nothing that identifies a person is stored
    text = json.dumps(analysis.result)
    assert "tok" not in text and manager.username not in text


def test_service_refuses_bad_requests(camps):
    process, workshop, proposals = camps
    manager = UserFactory(role="manager")
    other = make_workshop(ProcessFactory(), [], code="OTHER")
    with pytest.raises(ValidationError) as e:
        opinion_analysis_run(actor=manager, process=process, source="workshop", workshop=other)
    assert "workshop" in e.value.message_dict
    with pytest.raises(ValidationError) as e:
        opinion_analysis_run(actor=manager, process=process, source="supports")
    assert "source" in e.value.message_dict  # nobody supported anything
    with pytest.raises(ValidationError):
        opinion_analysis_run(actor=manager, process=process, source="rumours")
    assert not OpinionAnalysis.objects.exists()
    assert not AuditLog.objects.filter(action="opinion_analysis.run").exists()


def test_page_run_show_and_export(client, camps):
    process, workshop, _ = camps
    client.force_login(UserFactory(role="host"))
    page = client.get(reverse("proposals:opinion_list", args=["p"]))
    assert page.status_code == 200 and "Veikartverksted" in page.content.decode()
    response = client.post(
        reverse("proposals:opinion_run", args=["p"]), {"what": f"workshop-{workshop.pk}"}
    )
    analysis = OpinionAnalysis.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("proposals:opinion_detail", args=["p", analysis.pk])
    html = client.get(response["Location"]).content.decode()
    assert html.count('<polygon class="opinion-g0"') >= 8
    assert "opinion-g1" in html
    assert 'role="img"' in html and "<desc" in html
    assert "Forslag 7" in html  # consensus table
    assert "style=" not in html and "<script>" not in html

    csv_response = client.get(reverse("proposals:opinion_export", args=["p", analysis.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(csv_response.content.decode())))
    assert rows[0] == ["participant", "group", "x", "y"]
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, 17)]
    assert {r[1] for r in rows[1:]} == {"A", "B"}
    json_response = client.get(reverse("proposals:opinion_export", args=["p", analysis.pk, "json"]))
    document = json.loads(json_response.content)
    assert document["result"]["k"] == 2
    assert document["proposals"]["7"] == "Forslag 7" and document["workshop"] == "Veikartverksted"
    assert (
        client.get(reverse("proposals:opinion_export", args=["p", analysis.pk, "xml"])).status_code
        == 404
    )


def test_bad_choice_is_refused_with_a_message(client, camps):
    client.force_login(UserFactory(role="manager"))
    response = client.post(reverse("proposals:opinion_run", args=["p"]), {"what": "workshop-999"})
    assert response.status_code == 400 and "field-error" in response.content.decode()
    response = client.post(reverse("proposals:opinion_run", args=["p"]), {"what": "supports"})
    assert response.status_code == 400 and "field-error" in response.content.decode()
    assert not OpinionAnalysis.objects.exists()


@pytest.mark.parametrize("role", ["resident", "moderator", "committee", None])
def test_who_may_not_run_it_changes_nothing(client, camps, role):
    _, workshop, _ = camps
    if role:
        client.force_login(UserFactory(role=role))
    response = client.post(
        reverse("proposals:opinion_run", args=["p"]), {"what": f"workshop-{workshop.pk}"}
    )
    assert response.status_code in (302, 403)
    if role:
        assert response.status_code == 403
    else:
        assert "/accounts/" in response["Location"]
    assert not OpinionAnalysis.objects.exists()
    assert not AuditLog.objects.filter(action="opinion_analysis.run").exists()
    page = client.get(reverse("proposals:opinion_list", args=["p"]))
    assert reverse("proposals:opinion_run", args=["p"]) not in page.content.decode()


def test_public_only_once_the_workshop_is_closed(client, camps):
    process, workshop, _ = camps
    workshop.status = Workshop.Status.OPEN
    workshop.save()
    analysis = opinion_analysis_run(
        actor=UserFactory(role="manager"), process=process, source="workshop", workshop=workshop
    )
    detail = reverse("proposals:opinion_detail", args=["p", analysis.pk])
    export = reverse("proposals:opinion_export", args=["p", analysis.pk, "csv"])
    assert client.get(detail).status_code == 404
    assert client.get(export).status_code == 404
    listing = client.get(reverse("proposals:opinion_list", args=["p"])).content.decode()
    assert detail not in listing
    workshop.status = Workshop.Status.CLOSED
    workshop.save()
    assert client.get(detail).status_code == 200
    assert client.get(export).status_code == 200
    assert detail in client.get(reverse("proposals:opinion_list", args=["p"])).content.decode()


def test_map_selector_counts_from_the_stored_result(camps, django_assert_max_num_queries):
    process, workshop, _ = camps
    analysis = opinion_analysis_run(
        actor=None, process=process, source="workshop", workshop=workshop
    )
    with django_assert_max_num_queries(2):
        view = opinion_map(analysis=analysis)
    assert [g.size for g in view.groups] == [8, 8]
    assert [g.shape for g in view.groups] == ["circle", "square"]
    assert view.n_participants == 16 and view.n_left_out == 0
    assert len(view.points) == 16
    assert view.consensus[0].number == 7
    assert all(0 <= p.cx <= view.size and 0 <= p.cy <= view.size for p in view.points)


def test_list_page_queries_do_not_grow_with_analyses(client, camps, django_assert_max_num_queries):
    process, workshop, _ = camps
    for _ in range(3):
        opinion_analysis_run(actor=None, process=process, source="workshop", workshop=workshop)
    url = reverse("proposals:opinion_list", args=["p"])
    client.get(url)
    with django_assert_max_num_queries(6):
        page = client.get(url)
    assert page.content.decode().count("/meningskart/") >= 3
