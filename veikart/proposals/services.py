"""Writes for proposals: create, edit, link inputs. Each in one transaction, each audit-logged."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.inputs.models import Input
from veikart.processes.models import FocusArea, Process
from veikart.proposals.models import Proposal, ProposalInput, ProposalStatus, Realiser
from veikart.proposals.search import search_stems
from veikart.proposals.support_services import support_counts_refresh


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
    if "status" in diff:
        from veikart.tracking.following import notify_proposal_status

        notify_proposal_status(proposal=proposal)
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


@transaction.atomic
def proposal_merge(*, actor, target: Proposal, sources: Iterable[Proposal]) -> Proposal:
    """Merge proposals into `target` without losing a single input link, vote or support.

    Links, actors, measure links and workshop scope move to the target; a participant who voted
    on several of them keeps one vote with the dots added up (their total is unchanged, so no
    budget is exceeded); a supporter of several keeps one support. Each source stays, with
    status 'merged' and a pointer to the target, so old links and receipts still lead somewhere.
    """
    from veikart.plans.models import MeasureProposal
    from veikart.proposals.models import ProposalActor, RealisationPlan, Support, Vote

    # Re-read (and lock) the rows: the caller's objects may be stale.
    source_pks = [s.pk for s in sources if s.pk != target.pk]
    target = Proposal.objects.select_for_update().get(pk=target.pk)
    sources = list(Proposal.objects.select_for_update().filter(pk__in=source_pks))
    if not sources:
        raise ValidationError(_("Choose at least one other proposal to merge."))
    if any(s.process_id != target.process_id for s in sources):
        raise ValidationError(_("Only proposals of the same process can be merged."))
    if any(s.status == ProposalStatus.MERGED for s in [target, *sources]):
        raise ValidationError(_("A proposal that is already merged cannot be merged again."))
    source_ids = [s.pk for s in sources]
    moved = {"links": 0, "votes": 0, "supports": 0}

    for link in ProposalInput.objects.filter(proposal_id__in=source_ids):
        _obj, created = ProposalInput.objects.get_or_create(
            proposal=target, input_id=link.input_id, defaults={"linked_by_id": link.linked_by_id}
        )
        moved["links"] += int(created)
    ProposalInput.objects.filter(proposal_id__in=source_ids).delete()

    for vote in Vote.objects.filter(proposal_id__in=source_ids).order_by("id"):
        existing = Vote.objects.filter(participant_id=vote.participant_id, proposal=target).first()
        if existing:
            existing.dots += vote.dots
            existing.save(update_fields=["dots"])
            vote.delete()
        else:
            vote.proposal = target
            vote.save(update_fields=["proposal"])
        moved["votes"] += 1

    for support in Support.objects.filter(proposal_id__in=source_ids):
        duplicate = Support.objects.filter(proposal=target).filter(
            Q(user_id=support.user_id)
            if support.user_id
            else Q(anonymous_token=support.anonymous_token)
        )
        if duplicate.exists():
            support.delete()
        else:
            support.proposal = target
            support.save(update_fields=["proposal"])
            moved["supports"] += 1

    for link in ProposalActor.objects.filter(proposal_id__in=source_ids):
        ProposalActor.objects.get_or_create(
            proposal=target, actor_id=link.actor_id, defaults={"role": link.role}
        )
    for link in MeasureProposal.objects.filter(proposal_id__in=source_ids):
        MeasureProposal.objects.get_or_create(measure_id=link.measure_id, proposal=target)
    MeasureProposal.objects.filter(proposal_id__in=source_ids).delete()
    for plan in RealisationPlan.objects.filter(proposal_id__in=source_ids).order_by("id"):
        kept = RealisationPlan.objects.filter(workshop_id=plan.workshop_id, proposal=target).first()
        if kept is None:  # one plan per workshop and proposal (a database constraint)
            RealisationPlan.objects.filter(pk=plan.pk).update(proposal=target)
            continue
        for field in ("first_steps", "residents_contribution"):
            texts = [getattr(kept, field), getattr(plan, field)]
            setattr(kept, field, "\n\n".join(t for t in texts if t))
        kept.responsible_id = kept.responsible_id or plan.responsible_id
        kept.time_frame = kept.time_frame or plan.time_frame
        kept.save()
        kept.partners.add(*plan.partners.all())
        plan.delete()
    for source in sources:
        for workshop in source.workshops.all():
            workshop.proposals.add(target)
            workshop.proposals.remove(source)

    Proposal.objects.filter(pk__in=source_ids).update(
        status=ProposalStatus.MERGED, merged_into=target
    )
    support_counts_refresh(proposals=Proposal.objects.filter(pk__in=[target.pk, *source_ids]))
    audit_log_write(
        actor=actor,
        action="proposal.merge",
        obj=target,
        data={"sources": [s.number for s in sources], **moved},
    )
    _followers_merge(sources=sources, target=target)
    return target


def _followers_merge(*, sources: list[Proposal], target: Proposal) -> None:
    """Followers of a merged proposal are told, then follow the proposal it became."""
    from veikart.tracking.following import notify_proposal_status
    from veikart.tracking.models import Subscription

    for source in sources:
        source.status, source.merged_into = ProposalStatus.MERGED, target
        notify_proposal_status(proposal=source)
    already = set(Subscription.objects.filter(proposal=target).values_list("email", flat=True))
    for subscription in Subscription.objects.filter(proposal_id__in=[s.pk for s in sources]):
        if subscription.email in already:
            continue  # they follow the target already; the old row keeps its notice
        subscription.proposal = target
        subscription.save(update_fields=["proposal"])
        already.add(subscription.email)


@transaction.atomic
def proposal_split(
    *,
    actor,
    proposal: Proposal,
    inputs: Iterable[Input],
    title: str,
    realiser: str | None = None,
    description: str = "",
    focus_area: FocusArea | None = None,
) -> Proposal:
    """Move some of a proposal's inputs to a new proposal. Votes stay where they were cast."""
    inputs = list(inputs)
    linked = set(proposal.input_links.values_list("input_id", flat=True))
    if not inputs:
        raise ValidationError(_("Choose the inputs that go to the new proposal."))
    if any(i.pk not in linked for i in inputs):
        raise ValidationError(_("Only inputs linked to this proposal can be split off."))
    new = proposal_create(
        actor=actor,
        process=proposal.process,
        title=title,
        description=description,
        realiser=realiser or proposal.realiser,
        focus_area=focus_area if focus_area is not None else proposal.focus_area,
        status=proposal.status,
        inputs=inputs,
    )
    ProposalInput.objects.filter(proposal=proposal, input__in=inputs).delete()
    audit_log_write(
        actor=actor,
        action="proposal.split",
        obj=proposal,
        data={"new": new.number, "inputs": [i.pk for i in inputs]},
    )
    from veikart.tracking.following import notify_proposal_status

    notify_proposal_status(proposal=new)  # followers of the inputs split off: a new proposal
    return new


@transaction.atomic
def input_move(*, actor, item: Input, source: Proposal, target: Proposal) -> None:
    """Move one input's link from one proposal to another."""
    if source.process_id != target.process_id:
        raise ValidationError(_("Inputs can only move between proposals of the same process."))
    deleted, _rows = ProposalInput.objects.filter(proposal=source, input=item).delete()
    if not deleted:
        raise ValidationError(_("The input is not linked to that proposal."))
    user = actor if getattr(actor, "is_authenticated", False) else None
    ProposalInput.objects.get_or_create(proposal=target, input=item, defaults={"linked_by": user})
    audit_log_write(
        actor=actor,
        action="proposal.move_input",
        obj=item,
        data={"from": source.number, "to": target.number},
    )
