"""Writes for the thematic plan: the builder, saved versions and the political decision.

Every service that changes a plan's content (the plan's own fields, its goals, strategies and
measures, and a measure's proposals and partners) starts with `plan_check_editable`, the one
check that refuses when the plan is frozen. Database triggers (migration 0002) refuse the same
changes underneath, so nothing that bypasses the services can change an adopted plan either.
Measure status and progress are not content: tracking changes them through MeasureUpdate.
"""

import datetime
import re
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.plans.models import (
    Decision,
    Goal,
    Measure,
    MeasureProposal,
    Plan,
    PlanStatus,
    PlanVersion,
    Strategy,
)
from veikart.processes.models import FocusArea, Process
from veikart.proposals.models import Actor, Proposal, ProposalStatus

SDG_RANGE = range(1, 18)
ADOPTING = {Decision.Outcome.ADOPTED, Decision.Outcome.ADOPTED_AMENDED}


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
def _require_text(errors: dict, field: str, value: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = _("This field is required.")
    elif len(value) > max_length:
        errors[field] = _("At most %(n)s characters.") % {"n": max_length}
    return value


def _check_sdgs(errors: dict, sdgs: Iterable) -> list[int]:
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


def _check_proposals(errors: dict, process: Process, proposals: Iterable[Proposal]) -> list:
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


def _check_dates(errors: dict, starts_on, due_on) -> None:
    if starts_on and due_on and due_on < starts_on:
        errors["due_on"] = _("The due date cannot be before the start.")


def _plan_of(item: Goal | Strategy | Measure) -> Plan:
    if isinstance(item, Goal):
        return item.plan
    if isinstance(item, Strategy):
        return item.goal.plan
    return item.strategy.goal.plan


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


def _next_order(qs) -> int:
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
    title = _require_text(errors, "title", title, 300)
    main_goal = _require_text(errors, "main_goal", main_goal, 300)
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
    title = _require_text(errors, "title", title, 300)
    if focus_area is None or focus_area.process_id != plan.process_id:
        errors["focus_area"] = _("Choose a focus area of this process.")
    if errors:
        raise ValidationError(errors)
    goal = Goal.objects.create(
        plan=plan, focus_area=focus_area, title=title, order=_next_order(plan.goals.all())
    )
    plan_renumber(plan=plan)
    audit_log_write(actor=actor, action="plan.goal_create", obj=plan, data={"goal": goal.pk})
    return goal


@transaction.atomic
def goal_update(*, actor, goal: Goal, focus_area: FocusArea, title: str) -> Goal:
    plan_check_editable(goal.plan)
    errors: dict = {}
    title = _require_text(errors, "title", title, 300)
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
    title = _require_text(errors, "title", title, 300)
    if errors:
        raise ValidationError(errors)
    strategy = Strategy.objects.create(
        goal=goal, title=title, order=_next_order(goal.strategies.all())
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
    title = _require_text(errors, "title", title, 300)
    if goal is not None and goal.plan_id != plan.pk:
        errors["goal"] = _("Choose a goal of this plan.")
    if errors:
        raise ValidationError(errors)
    strategy.title = title
    if goal is not None and goal.pk != strategy.goal_id:
        strategy.goal = goal
        strategy.order = _next_order(goal.strategies.all())
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
    title = _require_text(errors, "title", title, 300)
    if strategy is None or strategy.goal.plan_id != plan.pk:
        errors["strategy"] = _("Choose a strategy of this plan.")
    proposals = _check_proposals(errors, plan.process, proposals)
    partners = list(partners or [])
    if responsible is not None and responsible in partners:
        errors["partners"] = _("The responsible actor is not also a partner.")
    _check_dates(errors, starts_on, due_on)
    budget_line = (budget_line or "").strip()
    if len(budget_line) > 200:
        errors["budget_line"] = _("At most %(n)s characters.") % {"n": 200}
    sdgs = _check_sdgs(errors, sdgs)
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
        order=_next_order(strategy.measures.all()),
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
        measure.order = _next_order(strategy.measures.all())
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
    proposals = _check_proposals(errors, plan.process, proposals)
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
            order=_next_order(plan.goals.all()),
        )
    strategy = goal.strategies.order_by("order", "id").first()
    if strategy is None:
        strategy = Strategy.objects.create(goal=goal, title=_("Measures from the Veikart"), order=1)
    return strategy


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
    body = _require_text(errors, "body", body, 200)
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
