"""Reads about plans and measures."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404

from veikart.plans.models import (
    Goal,
    Measure,
    MeasureProposal,
    MeasureStatus,
    Plan,
    PlanStatus,
    PlanVersion,
    Strategy,
)
from veikart.processes.models import Process


def plan_current(*, process: Process) -> Plan | None:
    """The plan the public sees: the newest adopted plan. Drafts are staff work (None)."""
    return (
        Plan.objects.filter(process=process, status=PlanStatus.ADOPTED).order_by("-version").first()
    )


def plan_list_for_staff(*, process: Process) -> QuerySet[Plan]:
    """Every plan of a process, newest edition first, with its measure and version counts."""
    return (
        Plan.objects.filter(process=process)
        .annotate(
            measure_count=Count("goals__strategies__measures", distinct=True),
            version_count=Count("versions", distinct=True),
        )
        .order_by("-version")
    )


def plan_get(*, process: Process, pk: int) -> Plan:
    try:
        return Plan.objects.select_related("process").get(process=process, pk=pk)
    except Plan.DoesNotExist:
        raise Http404("No such plan") from None


def plan_goal_tree(*, plan: Plan) -> list[Goal]:
    """Goals → strategies → measures of a plan, fetched in four queries."""
    measures = Measure.objects.select_related("responsible").annotate(
        proposal_count=Count("proposal_links")
    )
    strategies = Strategy.objects.prefetch_related(Prefetch("measures", queryset=measures))
    return list(
        plan.goals.select_related("focus_area").prefetch_related(
            Prefetch("strategies", queryset=strategies)
        )
    )


def measure_status_counts(*, plan: Plan) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, in workflow order, zeros included."""
    counts = dict(
        Measure.objects.of_plan(plan).order_by().values_list("status").annotate(n=Count("id"))
    )
    return [(value, label, counts.get(value, 0)) for value, label in MeasureStatus.choices]


def measure_get(*, process: Process, pk: int) -> Measure:
    try:
        return (
            Measure.objects.select_related("strategy__goal__plan", "strategy__goal__focus_area")
            .select_related("responsible")
            .prefetch_related("partners")
            .get(pk=pk, strategy__goal__plan__process=process)
        )
    except Measure.DoesNotExist:
        raise Http404("No such measure") from None


def measure_updates(*, measure: Measure) -> QuerySet:
    return measure.updates.order_by("-date", "-id")


def measure_proposals(*, measure: Measure) -> QuerySet:
    from veikart.proposals.models import Proposal

    return (
        Proposal.objects.filter(measure_links__measure=measure)
        .select_related("focus_area")
        .annotate(input_count=Count("input_links", distinct=True))
        .order_by("number")
    )


# --- the builder -----------------------------------------------------------------------------
def plan_builder_tree(*, plan: Plan) -> list[Goal]:
    """The tree for the builder: goals → strategies → measures with partners and proposals."""
    measures = (
        Measure.objects.select_related("responsible")
        .prefetch_related("partners", "proposals")
        .annotate(proposal_count=Count("proposal_links"))
        .order_by("order", "id")
    )
    strategies = Strategy.objects.order_by("order", "id").prefetch_related(
        Prefetch("measures", queryset=measures)
    )
    return list(
        plan.goals.select_related("focus_area")
        .order_by("order", "id")
        .prefetch_related(Prefetch("strategies", queryset=strategies))
    )


def plan_strategies(*, plan: Plan) -> QuerySet[Strategy]:
    return (
        Strategy.objects.filter(goal__plan=plan)
        .select_related("goal")
        .order_by("goal__order", "order", "id")
    )


@dataclass(frozen=True)
class ResidentShare:
    from_residents: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.from_residents / self.total if self.total else 0.0


def plan_resident_share(*, plan: Plan) -> ResidentShare:
    """How many of the plan's measures came from residents (have a proposal behind them)."""
    row = (
        Measure.objects.filter(strategy__goal__plan=plan)
        .annotate(linked=Exists(MeasureProposal.objects.filter(measure=OuterRef("pk"))))
        .aggregate(total=Count("id"), from_residents=Count("id", filter=Q(linked=True)))
    )
    return ResidentShare(from_residents=row["from_residents"], total=row["total"])


def proposals_for_plan(*, process: Process) -> QuerySet:
    """The process's proposals for the builder, prioritised ones first.

    Prioritised first (status, then workshop dots, then a realisation plan), then the rest of
    the Veikart by number. Annotated with `dots`, `has_realisation` and `in_plan_count`.
    """
    from veikart.proposals.models import Proposal, ProposalStatus, RealisationPlan, Vote

    dots = (
        Vote.objects.filter(proposal=OuterRef("pk"))
        .order_by()
        .values("proposal")
        .annotate(n=Sum("dots"))
        .values("n")
    )
    return (
        Proposal.objects.filter(process=process)
        .public()
        .select_related("focus_area")
        .annotate(
            dots=Coalesce(Subquery(dots), 0),
            has_realisation=Exists(RealisationPlan.objects.filter(proposal=OuterRef("pk"))),
            in_plan_count=Count("measure_links", distinct=True),
            prioritised=Exists(
                Proposal.objects.filter(
                    pk=OuterRef("pk"),
                    status__in=[ProposalStatus.PRIORITISED, ProposalStatus.IN_PLAN],
                )
            ),
        )
        .order_by("-prioritised", "-dots", "-has_realisation", "number")
    )


# --- versions --------------------------------------------------------------------------------
def plan_snapshot(*, plan: Plan) -> dict:
    """The whole plan tree as plain JSON (what a PlanVersion stores)."""
    measures = (
        Measure.objects.select_related("responsible")
        .prefetch_related("partners", "proposals")
        .order_by("order", "id")
    )
    strategies = Strategy.objects.order_by("order", "id").prefetch_related(
        Prefetch("measures", queryset=measures)
    )
    goals = (
        plan.goals.select_related("focus_area")
        .order_by("order", "id")
        .prefetch_related(Prefetch("strategies", queryset=strategies))
    )
    return {
        "plan": {
            "title": plan.title,
            "main_goal": plan.main_goal,
            "period_start": plan.period_start,
            "period_end": plan.period_end,
        },
        "goals": [
            {
                "id": g.pk,
                "title": g.title,
                "focus_area": g.focus_area.name,
                "strategies": [
                    {
                        "id": s.pk,
                        "title": s.title,
                        "measures": [_measure_json(m) for m in s.measures.all()],
                    }
                    for s in g.strategies.all()
                ],
            }
            for g in goals
        ],
    }


def _measure_json(m: Measure) -> dict:
    return {
        "id": m.pk,
        "number": m.number,
        "title": m.title,
        "description": m.description,
        "responsible": m.responsible.name if m.responsible else "",
        "partners": sorted(a.name for a in m.partners.all()),
        "proposals": sorted(p.number for p in m.proposals.all()),
        "starts_on": m.starts_on.isoformat() if m.starts_on else None,
        "due_on": m.due_on.isoformat() if m.due_on else None,
        "budget_line": m.budget_line,
        "sdgs": list(m.sdgs or []),
    }


# the fields a diff compares, in the order it shows them
DIFF_FIELDS = [
    "number",
    "title",
    "placement",
    "description",
    "responsible",
    "partners",
    "proposals",
    "starts_on",
    "due_on",
    "budget_line",
    "sdgs",
]


def diff_field_labels() -> dict[str, str]:
    from django.utils.translation import gettext as _

    return {
        "number": _("Number"),
        "title": _("Title"),
        "placement": _("Goal and strategy"),
        "description": _("Description"),
        "responsible": _("Responsible"),
        "partners": _("Partners"),
        "proposals": _("Proposals"),
        "starts_on": _("Starts"),
        "due_on": _("Due"),
        "budget_line": _("Budget line"),
        "sdgs": _("UN SDGs"),
        "main_goal": _("Main goal"),
        "period_start": _("From year"),
        "period_end": _("To year"),
    }


@dataclass
class MeasureChange:
    id: int
    number: str
    title: str
    fields: list[tuple[str, object, object]] = field(default_factory=list)


@dataclass
class PlanDiff:
    added: list[dict]
    removed: list[dict]
    changed: list[MeasureChange]
    plan_fields: list[tuple[str, object, object]]
    goals_added: list[str]
    goals_removed: list[str]
    strategies_added: list[str]
    strategies_removed: list[str]

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.plan_fields
            or self.goals_added
            or self.goals_removed
            or self.strategies_added
            or self.strategies_removed
        )


def _flatten(snapshot: dict) -> tuple[dict, dict, dict]:
    goals, strategies, measures = {}, {}, {}
    for g in snapshot.get("goals", []):
        goals[g["id"]] = g["title"]
        for s in g["strategies"]:
            strategies[s["id"]] = s["title"]
            for m in s["measures"]:
                measures[m["id"]] = {
                    **m,
                    "placement": f"{g['title']} › {s['title']}",
                    "strategy_id": s["id"],
                }
    return goals, strategies, measures


def plan_version_diff(*, old: dict, new: dict) -> PlanDiff:
    """What changed from snapshot `old` to snapshot `new`: measures added, removed, changed.

    Measures are matched by identity (the plan is one living tree), so a renamed or moved
    measure shows as changed, with the fields that differ.
    """
    old_goals, old_strategies, old_measures = _flatten(old)
    new_goals, new_strategies, new_measures = _flatten(new)
    changed = []
    for pk in new_measures.keys() & old_measures.keys():
        a, b = old_measures[pk], new_measures[pk]
        fields = []
        for name in DIFF_FIELDS:
            if name == "placement":
                if a["strategy_id"] != b["strategy_id"]:
                    fields.append((name, a[name], b[name]))
            elif a.get(name) != b.get(name):
                fields.append((name, a.get(name), b.get(name)))
        if fields:
            changed.append(
                MeasureChange(id=pk, number=b["number"], title=b["title"], fields=fields)
            )
    plan_fields = [
        (name, old.get("plan", {}).get(name), new.get("plan", {}).get(name))
        for name in ("title", "main_goal", "period_start", "period_end")
        if old.get("plan", {}).get(name) != new.get("plan", {}).get(name)
    ]

    def key(m: dict) -> tuple:
        return tuple(int(x) if x.isdigit() else 0 for x in (m["number"] or "0").split("."))

    return PlanDiff(
        added=sorted(
            (new_measures[pk] for pk in new_measures.keys() - old_measures.keys()), key=key
        ),
        removed=sorted(
            (old_measures[pk] for pk in old_measures.keys() - new_measures.keys()), key=key
        ),
        changed=sorted(changed, key=lambda c: key({"number": c.number})),
        plan_fields=plan_fields,
        goals_added=[new_goals[k] for k in new_goals.keys() - old_goals.keys()],
        goals_removed=[old_goals[k] for k in old_goals.keys() - new_goals.keys()],
        strategies_added=[new_strategies[k] for k in new_strategies.keys() - old_strategies.keys()],
        strategies_removed=[
            old_strategies[k] for k in old_strategies.keys() - new_strategies.keys()
        ],
    )


def plan_versions(*, plan: Plan) -> QuerySet[PlanVersion]:
    return plan.versions.select_related("created_by").order_by("-number").defer("snapshot")


def plan_version_get(*, plan: Plan, number: int) -> PlanVersion:
    try:
        return plan.versions.get(number=number)
    except PlanVersion.DoesNotExist:
        raise Http404("No such version") from None


def plan_adopted_version(*, plan: Plan) -> PlanVersion | None:
    return plan.versions.filter(is_adopted=True).defer("snapshot").first()


# --- figures for the plan documents ----------------------------------------------------------
def plan_realiser_distribution(*, plan: Plan) -> list:
    """Measures by who can realise them: the realiser of the measure's first proposal (by
    number); measures with no proposal behind them are counted as "not from the Veikart"."""
    from django.utils.translation import gettext as _

    from veikart.proposals.models import Proposal, Realiser
    from veikart.proposals.selectors import _shares

    first = (
        Proposal.objects.filter(measure_links__measure=OuterRef("pk"))
        .order_by("number")
        .values("realiser")[:1]
    )
    counts = dict(
        Measure.objects.filter(strategy__goal__plan=plan)
        .annotate(realiser=Subquery(first))
        .order_by()
        .values_list("realiser")
        .annotate(n=Count("id"))
    )
    rows = [(value, label, counts.get(value, 0)) for value, label in Realiser.choices]
    rows.append(("none", _("Not from the Veikart"), counts.get(None, 0)))
    return _shares(rows)


def plan_focus_area_distribution(*, plan: Plan) -> list:
    """Measures by the focus area of their goal, in the process's order."""
    from veikart.proposals.selectors import _shares

    rows = (
        Measure.objects.filter(strategy__goal__plan=plan)
        .values("strategy__goal__focus_area_id", "strategy__goal__focus_area__name")
        .annotate(n=Count("id"))
        .order_by("strategy__goal__focus_area__order", "strategy__goal__focus_area__name")
    )
    return _shares(
        [
            (
                str(r["strategy__goal__focus_area_id"]),
                r["strategy__goal__focus_area__name"],
                r["n"],
            )
            for r in rows
        ]
    )


@dataclass
class MeasureTrace:
    """One row of the appendix: a measure, its proposals and the inputs behind it by arena."""

    proposals: list[tuple[int, str]] = field(default_factory=list)
    arenas: list[tuple[str, int]] = field(default_factory=list)

    @property
    def input_total(self) -> int:
        return sum(n for _a, n in self.arenas)


def plan_measure_traces(*, plan: Plan) -> dict[int, MeasureTrace]:
    """measure id → its proposals and its published inputs counted per arena (two queries).

    An input that reached a measure through two of its proposals counts once.
    """
    from django.utils.translation import gettext as _

    from veikart.inputs.models import InputStatus

    links = MeasureProposal.objects.filter(measure__strategy__goal__plan=plan)
    traces: dict[int, MeasureTrace] = {}
    for measure_id, number, title in links.values_list(
        "measure_id", "proposal__number", "proposal__title"
    ).order_by("measure_id", "proposal__number"):
        traces.setdefault(measure_id, MeasureTrace()).proposals.append((number, title))
    rows = (
        links.filter(proposal__input_links__input__status=InputStatus.PUBLISHED)
        .values("measure_id", "proposal__input_links__input__arena__title")
        .annotate(n=Count("proposal__input_links__input_id", distinct=True))
        .order_by("measure_id", "-n", "proposal__input_links__input__arena__title")
    )
    for row in rows:
        arena = row["proposal__input_links__input__arena__title"] or _("No arena")
        traces.setdefault(row["measure_id"], MeasureTrace()).arenas.append((arena, row["n"]))
    return traces
