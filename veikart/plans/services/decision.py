"""Saved versions of a plan and the political decision that freezes it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.plans.models import (
    Decision,
    Measure,
    Plan,
    PlanStatus,
    PlanVersion,
)
from veikart.plans.services.checks import plan_check_editable, require_text
from veikart.proposals.models import Proposal, ProposalStatus

ADOPTING = {Decision.Outcome.ADOPTED, Decision.Outcome.ADOPTED_AMENDED}


# --- versions --------------------------------------------------------------------------------
def _version_create(*, actor, plan: Plan, note: str, adopted: bool = False) -> PlanVersion:
    from veikart.plans.selectors import plan_snapshot

    number = (plan.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = PlanVersion.objects.create(
        plan=plan,
        number=number,
        note=note,
        snapshot=plan_snapshot(plan=plan),
        is_adopted=adopted,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    return version


@transaction.atomic
def plan_version_save(*, actor, plan: Plan, note: str = "") -> PlanVersion:
    """Save the draft as a new immutable version: a JSON snapshot of the whole tree."""
    plan_check_editable(plan)
    errors: dict = {}
    note = (note or "").strip()
    if len(note) > 300:
        errors["note"] = _("At most %(n)s characters.") % {"n": 300}
    if errors:
        raise ValidationError(errors)
    version = _version_create(actor=actor, plan=plan, note=note)
    audit_log_write(
        actor=actor, action="plan.version_save", obj=plan, data={"version": version.number}
    )
    return version


# --- the political decision ------------------------------------------------------------------
@transaction.atomic
def decision_record(
    *,
    actor,
    plan: Plan,
    body: str,
    meeting_date: datetime.date | None,
    outcome: str,
    case_number: str = "",
    amendments: str = "",
) -> Decision:
    """Record the political processing of a plan.

    The plan as it stands is saved as a version and the decision points to it. When the body
    adopted the plan, that version becomes the adopted version and the plan is frozen: from
    now on its content cannot change, and it is public. Work the body's amendments into the
    draft before recording an adoption with amendments.
    """
    locked = plan_check_editable(plan)
    errors: dict = {}
    body = require_text(errors, "body", body, 200)
    if meeting_date is None:
        errors["meeting_date"] = _("Give the date of the meeting.")
    elif meeting_date > timezone.localdate():
        errors["meeting_date"] = _("Record a decision after the meeting, not before.")
    if outcome not in Decision.Outcome.values:
        errors["outcome"] = _("Choose the outcome.")
    case_number = (case_number or "").strip()
    if len(case_number) > 40:
        errors["case_number"] = _("At most %(n)s characters.") % {"n": 40}
    amendments = (amendments or "").strip()
    if outcome == Decision.Outcome.ADOPTED_AMENDED and not amendments:
        errors["amendments"] = _("Say what the amendments were.")
    adopting = outcome in ADOPTING
    if adopting and not Measure.objects.filter(strategy__goal__plan=plan).exists():
        errors["outcome"] = _("A plan without measures cannot be adopted.")
    if errors:
        raise ValidationError(errors)

    from veikart.plans.selectors import plan_snapshot

    latest = plan.versions.order_by("-number").first()
    if latest is not None and latest.snapshot == plan_snapshot(plan=plan) and not adopting:
        version = latest
    else:
        note = _("Processed by %(body)s on %(date)s") % {
            "body": body,
            "date": date_format(meeting_date, "DATE_FORMAT"),
        }
        version = _version_create(actor=actor, plan=plan, note=note, adopted=adopting)
    decision = Decision.objects.create(
        plan=plan,
        body=body,
        meeting_date=meeting_date,
        case_number=case_number,
        outcome=outcome,
        amendments=amendments,
        version=version,
        recorded_at=timezone.now(),
    )
    if adopting:
        locked.status = PlanStatus.ADOPTED
        locked.frozen_at = timezone.now()
        locked.save(update_fields=["status", "frozen_at", "updated_at"])
        plan.status, plan.frozen_at = locked.status, locked.frozen_at
        Proposal.objects.filter(
            measure_links__measure__strategy__goal__plan=plan,
            status__in=[ProposalStatus.PUBLISHED, ProposalStatus.PRIORITISED],
        ).update(status=ProposalStatus.IN_PLAN)
    audit_log_write(
        actor=actor,
        action="plan.decision_record",
        obj=plan,
        data={
            "decision": decision.pk,
            "outcome": outcome,
            "version": version.number,
            "frozen": adopting,
        },
    )
    return decision
