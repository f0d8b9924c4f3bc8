"""Writes for proposals: create, edit, link inputs. Each in one transaction, each audit-logged."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.inputs.models import Input
from veikart.processes.models import FocusArea, Process
from veikart.proposals.models import Proposal, ProposalInput, ProposalStatus, Realiser
from veikart.proposals.search import search_stems


def _check(*, process: Process, title: str, realiser: str, focus_area: FocusArea | None) -> str:
    title = (title or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the proposal a title.")
    elif len(title) > 200:
        errors["title"] = _("The title is too long: at most 200 characters.")
    if realiser not in Realiser.values:
        errors["realiser"] = _("Choose who can realise the proposal.")
    if focus_area is not None and focus_area.process_id != process.pk:
        errors["focus_area"] = _("The focus area belongs to another process.")
    if errors:
        raise ValidationError(errors)
    return title


@transaction.atomic
def proposal_create(
    *,
    actor,
    process: Process,
    title: str,
    realiser: str,
    description: str = "",
    focus_area: FocusArea | None = None,
    status: str = ProposalStatus.PUBLISHED,
    inputs: Iterable[Input] = (),
) -> Proposal:
    title = _check(process=process, title=title, realiser=realiser, focus_area=focus_area)
    # Lock the process row so two staff creating proposals at once get distinct numbers.
    Process.objects.select_for_update().filter(pk=process.pk).first()
    number = (Proposal.objects.filter(process=process).aggregate(n=Max("number"))["n"] or 0) + 1
    proposal = Proposal.objects.create(
        process=process,
        number=number,
        title=title,
        description=description.strip(),
        realiser=realiser,
        focus_area=focus_area,
        status=status,
        search_stems=search_stems(title, description),
    )
    audit_log_write(actor=actor, action="proposal.create", obj=proposal, data={"number": number})
    proposal_link_inputs(actor=actor, proposal=proposal, inputs=inputs)
    return proposal


@transaction.atomic
def proposal_update(
    *,
    actor,
    proposal: Proposal,
    title: str,
    realiser: str,
    description: str = "",
    focus_area: FocusArea | None = None,
    status: str | None = None,
) -> Proposal:
    title = _check(process=proposal.process, title=title, realiser=realiser, focus_area=focus_area)
    changes = {
        "title": title,
        "description": description.strip(),
        "realiser": realiser,
        "focus_area_id": focus_area.pk if focus_area else None,
        "status": status or proposal.status,
    }
    before = {k: getattr(proposal, k) for k in changes}
    for key, value in changes.items():
        setattr(proposal, key, value)
    proposal.search_stems = search_stems(proposal.title, proposal.description)
    proposal.save()
    diff = {k: [before[k], v] for k, v in changes.items() if before[k] != v}
    audit_log_write(actor=actor, action="proposal.update", obj=proposal, data=diff)
    return proposal


@transaction.atomic
def proposal_link_inputs(*, actor, proposal: Proposal, inputs: Iterable[Input]) -> int:
    """Link inputs to a proposal (already-linked ones are left as they are). Returns how many new."""
    inputs = list(inputs)
    if any(i.process_id != proposal.process_id for i in inputs):
        raise ValidationError(_("An input from another process cannot be linked."))
    existing = set(
        ProposalInput.objects.filter(proposal=proposal).values_list("input_id", flat=True)
    )
    user = actor if getattr(actor, "is_authenticated", False) else None
    new = [
        ProposalInput(proposal=proposal, input=i, linked_by=user)
        for i in inputs
        if i.pk not in existing
    ]
    ProposalInput.objects.bulk_create(new, ignore_conflicts=True)
    if new:
        audit_log_write(
            actor=actor,
            action="proposal.link_inputs",
            obj=proposal,
            data={"inputs": [link.input_id for link in new]},
        )
    return len(new)


@transaction.atomic
def proposal_unlink_input(*, actor, proposal: Proposal, item: Input) -> bool:
    deleted, _rows = ProposalInput.objects.filter(proposal=proposal, input=item).delete()
    if deleted:
        audit_log_write(
            actor=actor, action="proposal.unlink_input", obj=proposal, data={"input": item.pk}
        )
    return bool(deleted)
