"""Writes to a plan's tree: the plan, its goals, strategies and measures, their order."""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.plans.models import (
    Goal,
    Measure,
    MeasureProposal,
    Plan,
    PlanStatus,
    Strategy,
)
from veikart.plans.services.checks import (
    check_dates,
    check_proposals,
    check_sdgs,
    plan_check_editable,
    require_text,
)
from veikart.processes.models import FocusArea, Process
from veikart.proposals.models import Actor, Proposal


# --- numbering and order ---------------------------------------------------------------------
def plan_renumber(*, plan: Plan) -> None:
    """Give goals, strategies and measures the orders 1..n and measures the numbers g.s.m."""
    goals = list(plan.goals.order_by("order", "id"))
    strategies = list(Strategy.objects.filter(goal__plan=plan).order_by("order", "id"))
    measures = list(Measure.objects.filter(strategy__goal__plan=plan).order_by("order", "id"))
    goal_no, strategy_no = {}, {}
    changed_goals, changed_strategies, changed_measures = [], [], []
    for n, goal in enumerate(goals, start=1):
        goal_no[goal.pk] = n
        if goal.order != n:
            goal.order = n
            changed_goals.append(goal)
    per_goal: dict[int, int] = {}
    for strategy in sorted(strategies, key=lambda s: (goal_no[s.goal_id], s.order, s.pk)):
        per_goal[strategy.goal_id] = per_goal.get(strategy.goal_id, 0) + 1
        strategy_no[strategy.pk] = (strategy.goal_id, per_goal[strategy.goal_id])
        if strategy.order != per_goal[strategy.goal_id]:
            strategy.order = per_goal[strategy.goal_id]
            changed_strategies.append(strategy)
    per_strategy: dict[int, int] = {}
    for measure in measures:
        per_strategy[measure.strategy_id] = per_strategy.get(measure.strategy_id, 0) + 1
        n = per_strategy[measure.strategy_id]
        goal_id, s = strategy_no[measure.strategy_id]
        number = f"{goal_no[goal_id]}.{s}.{n}"
        if measure.order != n or measure.number != number:
            measure.order, measure.number = n, number
            changed_measures.append(measure)
    Goal.objects.bulk_update(changed_goals, ["order"])
    Strategy.objects.bulk_update(changed_strategies, ["order"])
    Measure.objects.bulk_update(changed_measures, ["order", "number"])


def next_order(qs) -> int:
    return (qs.aggregate(m=Max("order"))["m"] or 0) + 1


def _swap(siblings: list, item, direction: str) -> bool:
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Move up or down.")})
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for n, s in enumerate(siblings, start=1):
        s.order = n
    type(item).objects.bulk_update(siblings, ["order"])
    return True


# --- the plan --------------------------------------------------------------------------------
def _check_plan_fields(title: str, main_goal: str, period_start, period_end) -> tuple:
    errors: dict = {}
    title = require_text(errors, "title", title, 300)
    main_goal = require_text(errors, "main_goal", main_goal, 300)
    for field, year in (("period_start", period_start), ("period_end", period_end)):
        if year is not None and not 1900 <= year <= 2200:
            errors[field] = _("Give a year such as 2017.")
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = _("The period cannot end before it starts.")
    if errors:
        raise ValidationError(errors)
    return title, main_goal


@transaction.atomic
def plan_create(
    *,
    actor,
    process: Process,
    title: str,
    main_goal: str,
    period_start: int | None = None,
    period_end: int | None = None,
) -> Plan:
    """A new draft plan for a process (the next edition number of the process)."""
    title, main_goal = _check_plan_fields(title, main_goal, period_start, period_end)
    edition = (Plan.objects.filter(process=process).aggregate(m=Max("version"))["m"] or 0) + 1
    plan = Plan.objects.create(
        process=process,
        title=title,
        main_goal=main_goal,
        version=edition,
        status=PlanStatus.DRAFT,
        period_start=period_start,
        period_end=period_end,
    )
    audit_log_write(actor=actor, action="plan.create", obj=plan, data={"title": title})
    return plan


@transaction.atomic
def plan_update(
    *,
    actor,
    plan: Plan,
    title: str,
    main_goal: str,
    period_start: int | None = None,
    period_end: int | None = None,
) -> Plan:
    plan_check_editable(plan)
    title, main_goal = _check_plan_fields(title, main_goal, period_start, period_end)
    plan.title, plan.main_goal = title, main_goal
    plan.period_start, plan.period_end = period_start, period_end
    plan.save(update_fields=["title", "main_goal", "period_start", "period_end", "updated_at"])
    audit_log_write(actor=actor, action="plan.update", obj=plan, data={"title": title})
    return plan


# --- goals and strategies --------------------------------------------------------------------
@transaction.atomic
def goal_create(*, actor, plan: Plan, focus_area: FocusArea, title: str) -> Goal:
    plan_check_editable(plan)
    errors: dict = {}
    title = require_text(errors, "title", title, 300)
    if focus_area is None or focus_area.process_id != plan.process_id:
        errors["focus_area"] = _("Choose a focus area of this process.")
    if errors:
        raise ValidationError(errors)
    goal = Goal.objects.create(
        plan=plan, focus_area=focus_area, title=title, order=next_order(plan.goals.all())
    )
    plan_renumber(plan=plan)
    audit_log_write(actor=actor, action="plan.goal_create", obj=plan, data={"goal": goal.pk})
    return goal


@transaction.atomic
def goal_update(*, actor, goal: Goal, focus_area: FocusArea, title: str) -> Goal:
    plan_check_editable(goal.plan)
    errors: dict = {}
    title = require_text(errors, "title", title, 300)
    if focus_area is None or focus_area.process_id != goal.plan.process_id:
        errors["focus_area"] = _("Choose a focus area of this process.")
    if errors:
        raise ValidationError(errors)
    goal.title, goal.focus_area = title, focus_area
    goal.save(update_fields=["title", "focus_area"])
    audit_log_write(actor=actor, action="plan.goal_update", obj=goal.plan, data={"goal": goal.pk})
    return goal


@transaction.atomic
def goal_delete(*, actor, goal: Goal) -> None:
    plan = goal.plan
    plan_check_editable(plan)
    if Measure.objects.filter(strategy__goal=goal).exists():
        raise ValidationError(_("Move or delete the goal's measures first."))
    pk = goal.pk
    goal.delete()
    plan_renumber(plan=plan)
    audit_log_write(actor=actor, action="plan.goal_delete", obj=plan, data={"goal": pk})


@transaction.atomic
def goal_move(*, actor, goal: Goal, direction: str) -> None:
    plan_check_editable(goal.plan)
    if _swap(list(goal.plan.goals.order_by("order", "id")), goal, direction):
        plan_renumber(plan=goal.plan)
        audit_log_write(
            actor=actor,
            action="plan.goal_move",
            obj=goal.plan,
            data={"goal": goal.pk, "direction": direction},
        )


@transaction.atomic
def strategy_create(*, actor, goal: Goal, title: str) -> Strategy:
    plan_check_editable(goal.plan)
    errors: dict = {}
    title = require_text(errors, "title", title, 300)
    if errors:
        raise ValidationError(errors)
    strategy = Strategy.objects.create(
        goal=goal, title=title, order=next_order(goal.strategies.all())
    )
    plan_renumber(plan=goal.plan)
    audit_log_write(
        actor=actor, action="plan.strategy_create", obj=goal.plan, data={"strategy": strategy.pk}
    )
    return strategy


@transaction.atomic
def strategy_update(*, actor, strategy: Strategy, title: str, goal: Goal | None = None) -> Strategy:
    plan = strategy.goal.plan
    plan_check_editable(plan)
    errors: dict = {}
    title = require_text(errors, "title", title, 300)
    if goal is not None and goal.plan_id != plan.pk:
        errors["goal"] = _("Choose a goal of this plan.")
    if errors:
        raise ValidationError(errors)
    strategy.title = title
    if goal is not None and goal.pk != strategy.goal_id:
        strategy.goal = goal
        strategy.order = next_order(goal.strategies.all())
    strategy.save(update_fields=["title", "goal", "order"])
    plan_renumber(plan=plan)
    audit_log_write(
        actor=actor, action="plan.strategy_update", obj=plan, data={"strategy": strategy.pk}
    )
    return strategy


@transaction.atomic
def strategy_delete(*, actor, strategy: Strategy) -> None:
    plan = strategy.goal.plan
    plan_check_editable(plan)
    if strategy.measures.exists():
        raise ValidationError(_("Move or delete the strategy's measures first."))
    pk = strategy.pk
    strategy.delete()
    plan_renumber(plan=plan)
    audit_log_write(actor=actor, action="plan.strategy_delete", obj=plan, data={"strategy": pk})


@transaction.atomic
def strategy_move(*, actor, strategy: Strategy, direction: str) -> None:
    plan = strategy.goal.plan
    plan_check_editable(plan)
    if _swap(list(strategy.goal.strategies.order_by("order", "id")), strategy, direction):
        plan_renumber(plan=plan)
        audit_log_write(
            actor=actor,
            action="plan.strategy_move",
            obj=plan,
            data={"strategy": strategy.pk, "direction": direction},
        )


# --- measures --------------------------------------------------------------------------------
def _check_measure(
    *,
    plan: Plan,
    strategy: Strategy,
    title: str,
    proposals,
    responsible,
    partners,
    starts_on,
    due_on,
    budget_line: str,
    sdgs,
) -> tuple:
    errors: dict = {}
    title = require_text(errors, "title", title, 300)
    if strategy is None or strategy.goal.plan_id != plan.pk:
        errors["strategy"] = _("Choose a strategy of this plan.")
    proposals = check_proposals(errors, plan.process, proposals)
    partners = list(partners or [])
    if responsible is not None and responsible in partners:
        errors["partners"] = _("The responsible actor is not also a partner.")
    check_dates(errors, starts_on, due_on)
    budget_line = (budget_line or "").strip()
    if len(budget_line) > 200:
        errors["budget_line"] = _("At most %(n)s characters.") % {"n": 200}
    sdgs = check_sdgs(errors, sdgs)
    if errors:
        raise ValidationError(errors)
    return title, proposals, partners, budget_line, sdgs


@transaction.atomic
def measure_create(
    *,
    actor,
    strategy: Strategy,
    title: str,
    description: str = "",
    proposals: Sequence[Proposal] = (),
    responsible: Actor | None = None,
    partners: Sequence[Actor] = (),
    starts_on: datetime.date | None = None,
    due_on: datetime.date | None = None,
    budget_line: str = "",
    sdgs: Sequence[int] = (),
) -> Measure:
    """A new measure at the end of a strategy; numbered g.s.m automatically."""
    plan = strategy.goal.plan
    plan_check_editable(plan)
    title, proposals, partners, budget_line, sdgs = _check_measure(
        plan=plan,
        strategy=strategy,
        title=title,
        proposals=proposals,
        responsible=responsible,
        partners=partners,
        starts_on=starts_on,
        due_on=due_on,
        budget_line=budget_line,
        sdgs=sdgs,
    )
    measure = Measure.objects.create(
        strategy=strategy,
        number="",
        title=title,
        description=(description or "").strip(),
        order=next_order(strategy.measures.all()),
        responsible=responsible,
        starts_on=starts_on,
        due_on=due_on,
        budget_line=budget_line,
        sdgs=sdgs,
    )
    MeasureProposal.objects.bulk_create(
        MeasureProposal(measure=measure, proposal=p) for p in {p.pk: p for p in proposals}.values()
    )
    measure.partners.set(partners)
    plan_renumber(plan=plan)
    measure.refresh_from_db(fields=["number", "order"])
    audit_log_write(
        actor=actor,
        action="plan.measure_create",
        obj=measure,
        data={"title": title, "proposals": [p.number for p in proposals]},
    )
    return measure


@transaction.atomic
def measure_update(
    *,
    actor,
    measure: Measure,
    title: str,
    strategy: Strategy | None = None,
    description: str = "",
    proposals: Sequence[Proposal] = (),
    responsible: Actor | None = None,
    partners: Sequence[Actor] = (),
    starts_on: datetime.date | None = None,
    due_on: datetime.date | None = None,
    budget_line: str = "",
    sdgs: Sequence[int] = (),
) -> Measure:
    """Change a measure's content (not its status or progress: that is tracking's job)."""
    plan = measure.strategy.goal.plan
    plan_check_editable(plan)
    strategy = strategy or measure.strategy
    title, proposals, partners, budget_line, sdgs = _check_measure(
        plan=plan,
        strategy=strategy,
        title=title,
        proposals=proposals,
        responsible=responsible,
        partners=partners,
        starts_on=starts_on,
        due_on=due_on,
        budget_line=budget_line,
        sdgs=sdgs,
    )
    if strategy.pk != measure.strategy_id:
        measure.order = next_order(strategy.measures.all())
    measure.strategy = strategy
    measure.title, measure.description = title, (description or "").strip()
    measure.responsible, measure.starts_on, measure.due_on = responsible, starts_on, due_on
    measure.budget_line, measure.sdgs = budget_line, sdgs
    measure.save()
    wanted = {p.pk for p in proposals}
    measure.proposal_links.exclude(proposal_id__in=wanted).delete()
    have = set(measure.proposal_links.values_list("proposal_id", flat=True))
    MeasureProposal.objects.bulk_create(
        MeasureProposal(measure=measure, proposal_id=pk) for pk in wanted - have
    )
    measure.partners.set(partners)
    plan_renumber(plan=plan)
    measure.refresh_from_db(fields=["number", "order"])
    audit_log_write(actor=actor, action="plan.measure_update", obj=measure, data={"title": title})
    return measure


@transaction.atomic
def measure_delete(*, actor, measure: Measure) -> None:
    plan = measure.strategy.goal.plan
    plan_check_editable(plan)
    if measure.updates.exists():
        raise ValidationError(_("The measure has updates in its timeline and cannot be deleted."))
    data = {"measure": measure.pk, "number": measure.number, "title": measure.title}
    measure.delete()
    plan_renumber(plan=plan)
    audit_log_write(actor=actor, action="plan.measure_delete", obj=plan, data=data)


@transaction.atomic
def measure_move(*, actor, measure: Measure, direction: str) -> None:
    plan = measure.strategy.goal.plan
    plan_check_editable(plan)
    if _swap(list(measure.strategy.measures.order_by("order", "id")), measure, direction):
        plan_renumber(plan=plan)
        audit_log_write(
            actor=actor,
            action="plan.measure_move",
            obj=measure,
            data={"direction": direction},
        )
