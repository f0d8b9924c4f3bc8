"""Merge and split proposals without losing a single input link, vote or support."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import (
    FocusAreaFactory,
    InputFactory,
    PlanFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    link,
    measure_create,
)
from veikart.core.models import AuditLog
from veikart.proposals.models import (
    ProposalInput,
    ProposalStatus,
    Support,
    Vote,
    Workshop,
    WorkshopParticipant,
)
from veikart.proposals.services import input_move, proposal_merge, proposal_split

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    process = ProcessFactory()
    a, b, c = (ProposalFactory(process=process, title=t) for t in ("A", "B", "C"))
    inputs = InputFactory.create_batch(6, process=process)
    link(a, *inputs[:2])
    link(b, inputs[1], *inputs[2:4])  # inputs[1] is on both a and b
    link(c, *inputs[4:])
    workshop = Workshop.objects.create(process=process, title="V", code="W1")
    workshop.proposals.add(a, b, c)
    p1 = WorkshopParticipant.objects.create(workshop=workshop, token="p1")
    p2 = WorkshopParticipant.objects.create(workshop=workshop, token="p2")
    Vote.objects.create(workshop=workshop, participant=p1, proposal=a, dots=2)
    Vote.objects.create(workshop=workshop, participant=p1, proposal=b, dots=1)
    Vote.objects.create(workshop=workshop, participant=p2, proposal=b, dots=3)
    Vote.objects.create(workshop=workshop, participant=p2, proposal=c, dots=1)
    user = UserFactory()
    Support.objects.create(proposal=a, user=user)
    Support.objects.create(proposal=b, user=user)
    Support.objects.create(proposal=b, anonymous_token="anon-1")
    plan = PlanFactory(process=process)
    measure = measure_create(plan, FocusAreaFactory(process=process))
    measure.proposals.add(b)
    return {
        "process": process,
        "a": a,
        "b": b,
        "c": c,
        "inputs": inputs,
        "w": workshop,
        "p1": p1,
        "p2": p2,
        "measure": measure,
    }


def dots_by_participant():
    out: dict[int, int] = {}
    for vote in Vote.objects.all():
        out[vote.participant_id] = out.get(vote.participant_id, 0) + vote.dots
    return out


def test_merge_keeps_every_link_vote_and_support(setup):
    a, b = setup["a"], setup["b"]
    before_inputs = set(
        ProposalInput.objects.filter(proposal__in=[a, b]).values_list("input_id", flat=True)
    )
    before_dots = dots_by_participant()
    proposal_merge(actor=None, target=a, sources=[b])
    b.refresh_from_db()
    assert b.status == ProposalStatus.MERGED and b.merged_into == a
    assert set(a.input_links.values_list("input_id", flat=True)) == before_inputs
    assert not b.input_links.exists()
    assert dots_by_participant() == before_dots  # no dot lost or doubled
    assert Vote.objects.get(participant=setup["p1"], proposal=a).dots == 3
    assert Vote.objects.filter(proposal=b).count() == 0
    assert Support.objects.filter(proposal=a).count() == 2  # user once + anonymous
    assert list(setup["measure"].proposals.all()) == [a]
    assert set(setup["w"].proposals.all()) == {a, setup["c"]}
    entry = AuditLog.objects.filter(action="proposal.merge").get()
    assert entry.data["sources"] == [b.number]


def test_merged_proposal_redirects_and_leaves_the_list(client, setup):
    a, b = setup["a"], setup["b"]
    proposal_merge(actor=None, target=a, sources=[b])
    slug = setup["process"].slug
    response = client.get(f"/p/{slug}/veikart/{b.number}/")
    assert response.status_code == 302 and response["Location"].endswith(f"/veikart/{a.number}/")
    html = client.get(f"/p/{slug}/veikart/").content.decode()
    assert ">B<" not in html.replace(" ", "") and "2 forslag" in html or "2 proposals" in html


def test_merge_refuses_nonsense(setup):
    with pytest.raises(ValidationError):
        proposal_merge(actor=None, target=setup["a"], sources=[setup["a"]])
    with pytest.raises(ValidationError):
        proposal_merge(actor=None, target=setup["a"], sources=[ProposalFactory()])
    proposal_merge(actor=None, target=setup["a"], sources=[setup["b"]])
    with pytest.raises(ValidationError):
        proposal_merge(actor=None, target=setup["c"], sources=[setup["b"]])


def test_split_moves_chosen_inputs_and_keeps_votes(setup):
    b = setup["b"]
    moving = setup["inputs"][2:4]
    votes_before = list(Vote.objects.filter(proposal=b).values_list("id", flat=True))
    new = proposal_split(actor=None, proposal=b, inputs=moving, title="B2")
    assert set(new.input_links.values_list("input_id", flat=True)) == {i.pk for i in moving}
    assert set(b.input_links.values_list("input_id", flat=True)) == {setup["inputs"][1].pk}
    assert list(Vote.objects.filter(proposal=b).values_list("id", flat=True)) == votes_before
    with pytest.raises(ValidationError):
        proposal_split(actor=None, proposal=b, inputs=[setup["inputs"][5]], title="X")


def test_move_input_between_proposals(setup):
    item = setup["inputs"][0]
    input_move(actor=None, item=item, source=setup["a"], target=setup["c"])
    assert setup["c"].input_links.filter(input=item).exists()
    assert not setup["a"].input_links.filter(input=item).exists()
    with pytest.raises(ValidationError):
        input_move(actor=None, item=item, source=setup["a"], target=setup["c"])
