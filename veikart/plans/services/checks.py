"""The one frozen check, and the small field checks the plan services share."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from veikart.plans.models import (
    Plan,
)
from veikart.processes.models import Process
from veikart.proposals.models import Proposal, ProposalStatus

SDG_RANGE = range(1, 18)


# --- the one frozen check --------------------------------------------------------------------
def plan_check_editable(plan: Plan) -> Plan:
    """Lock the plan row and refuse (ValidationError) if the plan is frozen.

    Called first by every service that changes the plan's content, inside its transaction, so
    a decision recorded at the same moment cannot slip a change past the freeze.
    """
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.frozen_at is not None:
        raise ValidationError(
            _(
                "The plan was adopted and is frozen (%(date)s): its content can no longer be "
                "changed. Status and progress of measures are still updated."
            )
            % {"date": date_format(timezone.localtime(locked.frozen_at), "DATE_FORMAT")}
        )
    plan.frozen_at = locked.frozen_at
    return locked


# --- small checks ----------------------------------------------------------------------------
def require_text(errors: dict, field: str, value: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = _("This field is required.")
    elif len(value) > max_length:
        errors[field] = _("At most %(n)s characters.") % {"n": max_length}
    return value


def check_sdgs(errors: dict, sdgs: Iterable) -> list[int]:
    out: list[int] = []
    for value in sdgs or []:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if number not in SDG_RANGE:
            errors["sdgs"] = _("The UN sustainable development goals are numbered 1 to 17.")
            return []
        if number not in out:
            out.append(number)
    return sorted(out)


def check_proposals(errors: dict, process: Process, proposals: Iterable[Proposal]) -> list:
    proposals = list(proposals or [])
    wrong = [
        p
        for p in proposals
        if p.process_id != process.pk or p.status in (ProposalStatus.DRAFT, ProposalStatus.MERGED)
    ]
    if wrong:
        errors["proposals"] = _(
            "Only published proposals of this process can be linked (not: %(numbers)s)."
        ) % {"numbers": ", ".join(str(p.number) for p in wrong)}
    return proposals


def check_dates(errors: dict, starts_on, due_on) -> None:
    if starts_on and due_on and due_on < starts_on:
        errors["due_on"] = _("The due date cannot be before the start.")
