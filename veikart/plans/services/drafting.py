"""Drafting measures from the Veikart: one measure per prioritised proposal."""

import datetime
import re
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.plans.models import (
    Goal,
    Measure,
    Plan,
    Strategy,
)
from veikart.plans.services.checks import check_proposals, plan_check_editable
from veikart.plans.services.tree import measure_create, next_order
from veikart.processes.models import FocusArea
from veikart.proposals.models import Actor, Proposal

# --- drafting measures from the Veikart ------------------------------------------------------
SEASONS = {"vår": (1, 6), "var": (1, 6), "spring": (1, 6), "høst": (8, 12), "autumn": (8, 12)}


def time_frame_dates(text: str) -> tuple[datetime.date | None, datetime.date | None]:
    """Read a workshop's time frame ("Høsten 2016", "2017", "2017–2018") as start and due dates.

    Anything it cannot read gives (None, None); the text is then kept in the description.
    """
    text = (text or "").strip().lower()
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", text)]
    if not years:
        return None, None
    first, last = min(years), max(years)
    months = (1, 12)
    for word, season in SEASONS.items():
        if word in text and first == last:
            months = season
    start = datetime.date(first, months[0], 1)
    end_month = months[1]
    end = datetime.date(last, end_month, 31 if end_month == 12 else 30)
    return start, end


@transaction.atomic
def measures_draft_from_proposals(
    *, actor, plan: Plan, proposals: Sequence[Proposal], strategy: Strategy | None = None
) -> list[Measure]:
    """One measure per chosen proposal, pre-filled from it.

    Title and description from the proposal; the goal from its focus area (the first goal of
    the plan for that focus area, made if missing, with a strategy if it has none), or all into
    `strategy` when one is given; responsible actor, partners and time frame from the
    workshop's realisation plan, else from the actors named on the proposal.
    """
    from veikart.proposals.models import ActorRole, RealisationPlan

    plan_check_editable(plan)
    errors: dict = {}
    proposals = check_proposals(errors, plan.process, proposals)
    if not proposals:
        errors["proposals"] = _("Choose at least one proposal.")
    if strategy is not None and strategy.goal.plan_id != plan.pk:
        errors["strategy"] = _("Choose a strategy of this plan.")
    if strategy is None:
        homeless = [p for p in proposals if p.focus_area_id is None]
        if homeless:
            errors["strategy"] = _(
                "Proposals %(numbers)s have no focus area: choose a strategy to put them in."
            ) % {"numbers": ", ".join(str(p.number) for p in homeless)}
    if errors:
        raise ValidationError(errors)

    realisations: dict[int, RealisationPlan] = {}
    for r in (
        RealisationPlan.objects.filter(proposal__in=proposals)
        .select_related("responsible")
        .prefetch_related("partners")
        .order_by("-id")
    ):
        realisations.setdefault(r.proposal_id, r)
    named: dict[int, dict[str, list[Actor]]] = {}
    for link in (
        Proposal.actors.through.objects.filter(proposal__in=proposals)
        .select_related("actor")
        .order_by("id")
    ):
        named.setdefault(link.proposal_id, {}).setdefault(link.role, []).append(link.actor)

    created = []
    for proposal in sorted(proposals, key=lambda p: p.number):
        target = strategy or _strategy_for_focus_area(plan, proposal.focus_area)
        realisation = realisations.get(proposal.pk)
        description = proposal.description
        starts_on = due_on = None
        if realisation is not None:
            responsible = realisation.responsible
            partners = list(realisation.partners.all())
            starts_on, due_on = time_frame_dates(realisation.time_frame)
            extra = []
            if realisation.first_steps:
                extra.append(_("First steps: %(text)s") % {"text": realisation.first_steps})
            if realisation.time_frame and starts_on is None:
                extra.append(_("Time frame: %(text)s") % {"text": realisation.time_frame})
            if extra:
                description = "\n\n".join([description, *extra]).strip()
        else:
            actors = named.get(proposal.pk, {})
            responsible = (actors.get(ActorRole.RESPONSIBLE) or [None])[0]
            partners = actors.get(ActorRole.PARTNER, [])
        partners = [a for a in partners if a != responsible]
        created.append(
            measure_create(
                actor=actor,
                strategy=target,
                title=proposal.title,
                description=description,
                proposals=[proposal],
                responsible=responsible,
                partners=partners,
                starts_on=starts_on,
                due_on=due_on,
            )
        )
    audit_log_write(
        actor=actor,
        action="plan.measures_draft_from_proposals",
        obj=plan,
        data={"proposals": [p.number for p in proposals], "measures": [m.pk for m in created]},
    )
    return created


def _strategy_for_focus_area(plan: Plan, focus_area: FocusArea) -> Strategy:
    goal = plan.goals.filter(focus_area=focus_area).order_by("order", "id").first()
    if goal is None:
        goal = Goal.objects.create(
            plan=plan,
            focus_area=focus_area,
            title=focus_area.name,
            order=next_order(plan.goals.all()),
        )
    strategy = goal.strategies.order_by("order", "id").first()
    if strategy is None:
        strategy = Strategy.objects.create(goal=goal, title=_("Measures from the Veikart"), order=1)
    return strategy
