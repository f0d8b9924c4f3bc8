import pytest
from django.core.exceptions import ValidationError

from tests.factories import FocusAreaFactory, InputFactory, ProcessFactory, UserFactory
from veikart.core.models import AuditLog
from veikart.proposals.models import Proposal, ProposalInput
from veikart.proposals.services import (
    proposal_create,
    proposal_link_inputs,
    proposal_unlink_input,
    proposal_update,
)

pytestmark = pytest.mark.django_db


def test_create_numbers_links_and_logs():
    manager = UserFactory(role="manager")
    process = ProcessFactory()
    inputs = InputFactory.create_batch(3, process=process)
    first = proposal_create(
        actor=manager, process=process, title="Benker", realiser="municipality", inputs=inputs
    )
    second = proposal_create(actor=manager, process=process, title="Lys", realiser="residents")
    assert (first.number, second.number) == (1, 2)
    assert first.input_links.count() == 3
    assert set(first.input_links.values_list("linked_by", flat=True)) == {manager.pk}
    assert first.search_stems.strip()
    actions = list(AuditLog.objects.for_object(first).values_list("action", flat=True))
    assert sorted(actions) == ["proposal.create", "proposal.link_inputs"]


@pytest.mark.parametrize(
    "kwargs,field",
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"realiser": "mayor"}, "realiser"),
    ],
)
def test_bad_proposal_is_refused_whole(kwargs, field):
    process = ProcessFactory()
    args = {"title": "Benker", "realiser": "residents", **kwargs}
    with pytest.raises(ValidationError) as e:
        proposal_create(actor=None, process=process, inputs=[InputFactory(process=process)], **args)
    assert field in e.value.message_dict
    assert Proposal.objects.count() == 0 and ProposalInput.objects.count() == 0


def test_focus_area_of_another_process_is_refused():
    with pytest.raises(ValidationError):
        proposal_create(
            actor=None,
            process=ProcessFactory(),
            title="X",
            realiser="residents",
            focus_area=FocusAreaFactory(),
        )


def test_linking_is_idempotent_and_refuses_other_processes():
    process = ProcessFactory()
    item = InputFactory(process=process)
    proposal = proposal_create(actor=None, process=process, title="X", realiser="residents")
    assert proposal_link_inputs(actor=None, proposal=proposal, inputs=[item]) == 1
    assert proposal_link_inputs(actor=None, proposal=proposal, inputs=[item]) == 0
    with pytest.raises(ValidationError):
        proposal_link_inputs(actor=None, proposal=proposal, inputs=[InputFactory()])
    assert proposal_unlink_input(actor=None, proposal=proposal, item=item)
    assert not proposal_unlink_input(actor=None, proposal=proposal, item=item)


def test_update_recomputes_search_and_logs_the_diff():
    process = ProcessFactory()
    proposal = proposal_create(actor=None, process=process, title="Benker", realiser="residents")
    proposal_update(actor=None, proposal=proposal, title="Lekeplass", realiser="partnership")
    proposal.refresh_from_db()
    assert " lekeplas" in proposal.search_stems and "benk" not in proposal.search_stems
    entry = AuditLog.objects.for_object(proposal).first()
    assert entry.data["realiser"] == ["residents", "partnership"]
