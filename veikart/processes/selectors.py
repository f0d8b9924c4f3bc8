"""Reads about processes, arenas and participation. Every figure a page shows comes from here."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from veikart.inputs.models import Input, InputStatus
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

    plan = plan_current(process=process)
    return KeyFigures(
        participants=participant_total(process=process),
        arenas=Arena.objects.filter(process=process).count(),
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


def self_counted_participants(*, process: Process) -> dict[int, int]:
    """Participants of the arenas that count themselves (the online form), by arena id.

    A contributor with an account is counted once however many inputs they sent; an input
    sent without an account counts as one person, since nobody can know better.
    """
    rows = (
        Input.objects.filter(process=process, arena__counts_itself=True)
        .values("arena_id")
        .annotate(
            accounts=Count("author", distinct=True),
            anonymous=Count("id", filter=Q(author__isnull=True)),
        )
    )
    return {r["arena_id"]: r["accounts"] + r["anonymous"] for r in rows}


def participant_total(*, process: Process) -> int:
    """Everyone who took part: headcounts of the arenas, plus the self-counting arenas."""
    counted = Arena.objects.filter(process=process, counts_itself=False).aggregate(
        n=Sum("participant_count")
    )["n"]
    return (counted or 0) + sum(self_counted_participants(process=process).values())


def participation_by_method(*, process: Process) -> list[MethodParticipation]:
    """Participants and inputs per method, most participants first."""
    self_counted = self_counted_participants(process=process)
    people: dict[int, dict] = {}
    for arena in Arena.objects.filter(process=process).select_related("method"):
        row = people.setdefault(
            arena.method_id,
            {"method_id": arena.method_id, "method__name": arena.method.name, "arenas": 0},
        )
        row["arenas"] += 1
        count = self_counted.get(arena.pk, 0) if arena.counts_itself else arena.participant_count
        row["participants"] = row.get("participants", 0) + count
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
            participants=row.get("participants", 0),
            inputs=inputs.get(row["method_id"], 0),
        )
        for row in people.values()
    ]
    return sorted(rows, key=lambda r: (-r.participants, r.method_name))


def arena_list(*, process: Process, public: bool = True) -> list[Arena]:
    """Arenas of a process with method, inputs (published ones only if public) and participants.

    Each arena gets `input_count` and `participants` (the headcount, or for the online form
    the distinct contributors).
    """
    inputs_filter = Q(inputs__status=InputStatus.PUBLISHED) if public else Q()
    arenas = list(
        Arena.objects.filter(process=process)
        .select_related("method")
        .annotate(input_count=Count("inputs", filter=inputs_filter))
        .order_by("held_on", "id")
    )
    self_counted = self_counted_participants(process=process)
    for arena in arenas:
        arena.participants = (
            self_counted.get(arena.pk, 0) if arena.counts_itself else arena.participant_count
        )
    return arenas


def arena_get(*, process: Process, pk: int) -> Arena:
    try:
        return Arena.objects.select_related("method").get(process=process, pk=pk)
    except Arena.DoesNotExist:
        raise Http404("No such arena") from None


def arena_breakdown(*, arena: Arena) -> dict[str, dict[str, int]]:
    """{dimension: {group: count}} of an arena's recorded participation."""
    out: dict[str, dict[str, int]] = {}
    for row in arena.participation.all():
        out.setdefault(row.dimension, {})[row.group] = row.count
    return out


def arena_breakdown_labelled(*, arena: Arena) -> list[tuple[str, list[tuple[str, int]]]]:
    """The recorded participation as (dimension label, [(group label, count)]) for display."""
    from veikart.core.groups import GROUPS, Dimension, group_choices

    recorded = arena_breakdown(arena=arena)
    out = []
    for dimension in GROUPS:
        counts = recorded.get(dimension, {})
        if counts:
            rows = [
                (str(label), counts[key])
                for key, label in group_choices(dimension)
                if key in counts
            ]
            out.append((str(Dimension(dimension).label), rows))
    return out
