"""Reads for implementation tracking: roll-ups, overdue measures, committees, latest updates.

Roll-up rule (documented in docs/architecture.md): the progress of a strategy, goal, focus
area or the whole plan is the plain mean of the `progress` of the measures under it, with
dropped measures left out (they will never be done, and counting them as 0 % or 100 % would
both mislead). Done measures count as 100 %, postponed ones with the progress they had. A node
with no measures left has no progress (None), not 0 %.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from veikart.plans.models import Measure, MeasureStatus, Plan, Strategy
from veikart.processes.models import Process
from veikart.tracking.models import Committee, MeasureUpdate

FINISHED = (MeasureStatus.DONE, MeasureStatus.DROPPED)


def today() -> datetime.date:
    return timezone.localdate()


def overdue_q(on: datetime.date) -> Q:
    """Measures whose due date has passed without being done or dropped."""
    return Q(due_on__lt=on) & ~Q(status__in=FINISHED)


def is_overdue(measure: Measure, on: datetime.date | None = None) -> bool:
    on = on or today()
    return bool(measure.due_on and measure.due_on < on and measure.status not in FINISHED)


@dataclass
class Progress:
    """Counts for one node of the plan. `mean` is the roll-up (see the module docstring)."""

    total: int = 0  # every measure, dropped included
    counted: int = 0  # measures in the mean (not dropped)
    progress_sum: int = 0
    done: int = 0
    overdue: int = 0

    def add(self, other: "Progress") -> None:
        self.total += other.total
        self.counted += other.counted
        self.progress_sum += other.progress_sum
        self.done += other.done
        self.overdue += other.overdue

    @property
    def mean(self) -> float | None:
        return self.progress_sum / self.counted if self.counted else None


@dataclass
class Node:
    """A strategy, goal or focus area with its roll-up and its children."""

    kind: str
    pk: int
    label: str
    progress: Progress = field(default_factory=Progress)
    children: list["Node"] = field(default_factory=list)


@dataclass
class PlanRollup:
    plan: Progress
    focus_areas: list[Node]

    @property
    def goals(self) -> list[Node]:
        return [g for fa in self.focus_areas for g in fa.children]


def plan_rollup(*, plan: Plan, on: datetime.date | None = None) -> PlanRollup:
    """Progress of every strategy, goal, focus area and the whole plan, in two queries."""
    on = on or today()
    not_dropped = ~Q(status=MeasureStatus.DROPPED)
    rows = (
        Measure.objects.filter(strategy__goal__plan=plan)
        .order_by()
        .values("strategy_id")
        .annotate(
            total=Count("id"),
            counted=Count("id", filter=not_dropped),
            progress_sum=Sum("progress", filter=not_dropped, default=0),
            done=Count("id", filter=Q(status=MeasureStatus.DONE)),
            overdue=Count("id", filter=overdue_q(on)),
        )
    )
    by_strategy = {
        r["strategy_id"]: Progress(
            total=r["total"],
            counted=r["counted"],
            progress_sum=r["progress_sum"],
            done=r["done"],
            overdue=r["overdue"],
        )
        for r in rows
    }
    strategies = (
        Strategy.objects.filter(goal__plan=plan)
        .select_related("goal__focus_area")
        .order_by("goal__order", "goal__id", "order", "id")
    )
    whole = Progress()
    focus_areas: dict[int, Node] = {}
    goals: dict[int, Node] = {}
    for s in strategies:
        goal, fa = s.goal, s.goal.focus_area
        if fa.pk not in focus_areas:
            focus_areas[fa.pk] = Node("focus_area", fa.pk, fa.name)
        if goal.pk not in goals:
            goals[goal.pk] = Node("goal", goal.pk, goal.title)
            focus_areas[fa.pk].children.append(goals[goal.pk])
        stats = by_strategy.get(s.pk, Progress())
        goals[goal.pk].children.append(Node("strategy", s.pk, s.title, stats))
        goals[goal.pk].progress.add(stats)
        focus_areas[fa.pk].progress.add(stats)
        whole.add(stats)
    return PlanRollup(plan=whole, focus_areas=list(focus_areas.values()))


@dataclass(frozen=True)
class ProgressBar:
    """A row for components/bar_chart.html: label, the figure shown, bar length 0–100."""

    label: str
    count: str
    percent: float


def progress_bars(nodes: list[Node]) -> list[ProgressBar]:
    return [
        ProgressBar(
            label=n.label,
            count=f"{n.progress.mean:.0f} %" if n.progress.mean is not None else "–",
            percent=n.progress.mean or 0.0,
        )
        for n in nodes
    ]


@dataclass(frozen=True)
class StatusCount:
    value: str
    label: str
    count: int
    percent: float


def status_counts(*, plan: Plan) -> list[StatusCount]:
    """Measures by status (every status, zeros included) with their share of all measures."""
    counts = dict(
        Measure.objects.filter(strategy__goal__plan=plan)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    total = sum(counts.values())
    return [
        StatusCount(value, str(label), counts.get(value, 0), 100.0 * counts.get(value, 0) / total)
        if total
        else StatusCount(value, str(label), 0, 0.0)
        for value, label in MeasureStatus.choices
    ]


def measures_overdue(*, plan: Plan, on: datetime.date | None = None) -> QuerySet[Measure]:
    """Overdue measures of a plan, the longest overdue first."""
    return (
        Measure.objects.filter(strategy__goal__plan=plan)
        .filter(overdue_q(on or today()))
        .select_related("responsible", "strategy__goal__focus_area")
        .order_by("due_on", "id")
    )


def updates_latest(*, plan: Plan, limit: int = 10) -> QuerySet[MeasureUpdate]:
    return (
        MeasureUpdate.objects.filter(measure__strategy__goal__plan=plan)
        .select_related("measure")
        .order_by("-date", "-id")[:limit]
    )


def committee_list(*, process: Process) -> QuerySet[Committee]:
    return (
        Committee.objects.filter(process=process)
        .annotate(measure_count=Count("measures", distinct=True))
        .order_by("name")
    )


def committee_get(*, process: Process, pk: int) -> Committee:
    try:
        return Committee.objects.get(process=process, pk=pk)
    except Committee.DoesNotExist:
        raise Http404("No such committee") from None


def committee_measures(*, committee: Committee) -> QuerySet[Measure]:
    """The measures a committee follows, in plan order, with the date of their latest update."""
    return (
        committee.measures.select_related(
            "responsible", "strategy__goal__focus_area", "strategy__goal__plan"
        )
        .annotate(last_update=Max("updates__date"))
        .order_by("strategy__goal__order", "strategy__order", "order", "id")
    )


def committees_of_user(*, user, process: Process) -> QuerySet[Committee]:
    if not user.is_authenticated:
        return Committee.objects.none()
    return Committee.objects.filter(process=process, members=user).order_by("name")


def measure_for_update(*, process: Process, pk: int) -> Measure:
    try:
        return Measure.objects.select_related("strategy__goal__plan__process").get(
            pk=pk, strategy__goal__plan__process=process
        )
    except Measure.DoesNotExist:
        raise Http404("No such measure") from None


def update_get(*, process: Process, pk: int) -> MeasureUpdate:
    try:
        return MeasureUpdate.objects.select_related("measure").get(
            pk=pk, measure__strategy__goal__plan__process=process
        )
    except MeasureUpdate.DoesNotExist:
        raise Http404("No such update") from None
