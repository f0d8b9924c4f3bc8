"""Reads about plans and measures."""

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from veikart.plans.models import Goal, Measure, MeasureStatus, Plan, PlanStatus, Strategy
from veikart.processes.models import Process


def plan_current(*, process: Process) -> Plan | None:
    """The plan the public sees: the newest adopted version, else the newest draft."""
    plans = Plan.objects.filter(process=process)
    return (
        plans.filter(status=PlanStatus.ADOPTED).order_by("-version").first()
        or plans.order_by("-version").first()
    )


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
