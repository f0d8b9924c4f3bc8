"""Realisation plans: what a workshop group agreed for a prioritised proposal.

One plan per workshop × proposal (a database constraint); the plan builder reads them later.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.proposals.models import (
    Actor,
    Proposal,
    ProposalStatus,
    RealisationPlan,
    Workshop,
    WorkshopGroup,
)


@transaction.atomic
def realisation_plan_save(
    *,
    actor,
    workshop: Workshop,
    proposal: Proposal,
    group: WorkshopGroup | None = None,
    responsible: Actor | None = None,
    partners: Iterable[Actor] = (),
    first_steps: str = "",
    time_frame: str = "",
    residents_contribution: str = "",
) -> RealisationPlan:
    """Record (or change) what a group agreed for a prioritised proposal.

    The proposal is marked prioritised if it was only in the Veikart until now.
    """
    partners = [p for p in partners if responsible is None or p.pk != responsible.pk]
    errors = {}
    if not workshop.proposals.filter(pk=proposal.pk).exists():
        errors["proposal"] = _("That proposal is not part of this workshop.")
    if group is not None and group.workshop_id != workshop.pk:
        errors["group"] = _("Choose one of this workshop's tables.")
    time_frame = (time_frame or "").strip()
    if len(time_frame) > 100:
        errors["time_frame"] = _("The time frame can have at most 100 characters.")
    if responsible is None and not partners and not (first_steps or "").strip():
        errors["responsible"] = _("Name who is responsible, a partner or the first steps.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            plan, created = RealisationPlan.objects.select_for_update().get_or_create(
                workshop=workshop, proposal=proposal
            )
    except IntegrityError:  # two saves at once: the other one created it
        plan, created = (
            RealisationPlan.objects.select_for_update().get(workshop=workshop, proposal=proposal),
            False,
        )
    plan.group = group
    plan.responsible = responsible
    plan.first_steps = (first_steps or "").strip()
    plan.time_frame = time_frame
    plan.residents_contribution = (residents_contribution or "").strip()
    plan.save()
    plan.partners.set(partners)
    if proposal.status == ProposalStatus.PUBLISHED:
        Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.PRIORITISED)
    audit_log_write(
        actor=actor,
        action="realisation_plan.create" if created else "realisation_plan.update",
        obj=plan,
        data={
            "proposal": proposal.number,
            "responsible": responsible.pk if responsible else None,
            "partners": [p.pk for p in partners],
        },
    )
    return plan
