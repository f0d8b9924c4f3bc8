"""Reads about processes, arenas and participation. Every figure a page shows comes from here."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum
from django.http import Http404

from veikart.inputs.models import Input
from veikart.processes.models import Arena, Phase, Process


def process_get_public(*, slug: str) -> Process:
    try:
        return Process.objects.public().get(slug=slug)
    except Process.DoesNotExist:
        raise Http404("No such process") from None


def process_list_public() -> QuerySet[Process]:
    return Process.objects.public().order_by("-created_at")


def phase_list(*, process: Process) -> list[Phase]:
    return list(process.phases.order_by("order", "starts_on"))


@dataclass(frozen=True)
class KeyFigures:
    participants: int
    arenas: int
    inputs: int
    proposals: int
    measures: int


def process_key_figures(*, process: Process) -> KeyFigures:
    """The headline numbers of a process, all counted from stored data."""
    from veikart.plans.models import Measure
    from veikart.plans.selectors import plan_current
    from veikart.proposals.models import Proposal

    arenas = Arena.objects.filter(process=process).aggregate(
        n=Count("id"), people=Sum("participant_count")
    )
    plan = plan_current(process=process)
    return KeyFigures(
        participants=arenas["people"] or 0,
        arenas=arenas["n"],
        inputs=Input.objects.filter(process=process).public().count(),
        proposals=Proposal.objects.filter(process=process).public().count(),
        measures=Measure.objects.of_plan(plan).count() if plan else 0,
    )


@dataclass(frozen=True)
class MethodParticipation:
    method_id: int
    method_name: str
    arenas: int
    participants: int
    inputs: int


def participation_by_method(*, process: Process) -> list[MethodParticipation]:
    """Participants and inputs per method, most participants first."""
    people = (
        Arena.objects.filter(process=process)
        .values("method_id", "method__name")
        .annotate(arenas=Count("id"), participants=Sum("participant_count"))
    )
    inputs = dict(
        Input.objects.filter(process=process, arena__isnull=False)
        .public()
        .values_list("arena__method_id")
        .annotate(n=Count("id"))
        .values_list("arena__method_id", "n")
    )
    rows = [
        MethodParticipation(
            method_id=row["method_id"],
            method_name=row["method__name"],
            arenas=row["arenas"],
            participants=row["participants"] or 0,
            inputs=inputs.get(row["method_id"], 0),
        )
        for row in people
    ]
    return sorted(rows, key=lambda r: (-r.participants, r.method_name))


def arena_list(*, process: Process) -> QuerySet[Arena]:
    """Arenas of a process with their method and number of public inputs."""
    return (
        Arena.objects.filter(process=process)
        .select_related("method")
        .annotate(input_count=Count("inputs", filter=_public_inputs()))
        .order_by("held_on", "id")
    )


def _public_inputs():
    from django.db.models import Q

    from veikart.inputs.models import InputStatus

    return Q(inputs__status=InputStatus.PUBLISHED)
