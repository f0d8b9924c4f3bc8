"""Representativeness: who took part in a process, by group, against the area's population.

Participants by group come from the arenas' headcounts by group (ArenaParticipation) and, for
arenas that count themselves (the online form), from the inputs' self-described groups. The
baseline is the population of the process's areas (the latest year counted for each area).
Shares are of the people whose group is known. A group is flagged when its share among the
participants is below `threshold` × its share of the population (VEIKART setting
REPRESENTATIVENESS_THRESHOLD, default 0.8). Public pages never show a count under 5.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Max, Q, Sum

from veikart.areas.models import Area, PopulationCount
from veikart.core.groups import GROUPS, UNKNOWN, Dimension, group_label
from veikart.inputs.models import Input
from veikart.processes.models import Arena, ArenaParticipation, Process

SMALL_CELL = 5
GROUP_FIELDS = {
    Dimension.AGE: "group_age",
    Dimension.GENDER: "group_gender",
    Dimension.BACKGROUND: "group_background",
}


def threshold_setting() -> float:
    return float(getattr(settings, "VEIKART", {}).get("REPRESENTATIVENESS_THRESHOLD", 0.8))


@dataclass(frozen=True)
class GroupRow:
    dimension: str
    group: str
    label: str
    participants: int
    participant_share: float | None  # percent of participants whose group is known
    inputs: int  # inputs whose writer described themselves in this group
    input_share: float | None
    population: int
    population_share: float | None
    ratio: float | None
    flagged: bool
    suppressed: bool = False  # True on public pages when a count is under 5


@dataclass
class DimensionTable:
    dimension: str
    label: str
    rows: list[GroupRow]
    known_participants: int
    unknown_participants: int
    known_inputs: int
    population: int

    @property
    def any_suppressed(self) -> bool:
        return any(r.suppressed for r in self.rows)


@dataclass(frozen=True)
class Reach:
    """How well one arena or method reached a group: the group's share of its known participants."""

    name: str
    process_name: str
    this_process: bool
    count: int
    known: int
    share: float


@dataclass
class FlaggedGroup:
    row: GroupRow
    dimension_label: str
    best_methods: list[Reach] = field(default_factory=list)
    best_arenas: list[Reach] = field(default_factory=list)


@dataclass
class Representativeness:
    process: Process
    areas: list[Area]
    population_year: int | None
    threshold: float
    tables: list[DimensionTable]
    flagged: list[FlaggedGroup]
    public: bool

    @property
    def population_total(self) -> int:
        return max((t.population for t in self.tables), default=0)


def baseline_areas(*, process: Process) -> list[Area]:
    """The areas a process covers; the whole municipality only if it names no smaller area."""
    areas = list(process.areas.order_by("name"))
    local = [a for a in areas if not a.is_municipality]
    return local or areas


def population_by_group(*, areas: list[Area]) -> tuple[dict[tuple[str, str], int], int | None]:
    """{(dimension, group): residents} summed over the areas, each at its latest year."""
    latest = dict(
        PopulationCount.objects.filter(area__in=areas)
        .values_list("area_id")
        .annotate(y=Max("year"))
        .values_list("area_id", "y")
    )
    if not latest:
        return {}, None
    cond = Q()
    for area_id, year in latest.items():
        cond |= Q(area_id=area_id, year=year)
    out: dict[tuple[str, str], int] = defaultdict(int)
    for dim, group, n in (
        PopulationCount.objects.filter(cond)
        .values_list("dimension", "group")
        .annotate(n=Sum("count"))
        .values_list("dimension", "group", "n")
    ):
        out[(dim, group)] += n
    return dict(out), max(latest.values())


def participants_by_group(*, process: Process) -> dict[tuple[str, str], int]:
    """Headcounts by group of the counted arenas, plus self-described groups of the inputs of
    the arenas that count themselves."""
    out: dict[tuple[str, str], int] = defaultdict(int)
    for dim, group, n in (
        ArenaParticipation.objects.filter(arena__process=process, arena__counts_itself=False)
        .values_list("dimension", "group")
        .annotate(n=Sum("count"))
        .values_list("dimension", "group", "n")
    ):
        out[(dim, group)] += n
    online = list(
        Arena.objects.filter(process=process, counts_itself=True).values_list("pk", flat=True)
    )
    if online:
        fields = list(GROUP_FIELDS.values())
        for *values, n in (
            Input.objects.filter(process=process, arena_id__in=online)
            .order_by()
            .values_list(*fields)
            .annotate(n=Count("id"))
            .values_list(*fields, "n")
        ):
            for dim, value in zip(GROUP_FIELDS, values, strict=True):
                if value:
                    out[(dim, value)] += n
    return dict(out)


def inputs_by_group(*, process: Process) -> dict[tuple[str, str], int]:
    """Inputs of the process by their writers' self-described groups: one grouped query over
    the three fields together, summed per dimension."""
    out: dict[tuple[str, str], int] = defaultdict(int)
    fields = list(GROUP_FIELDS.values())
    for *values, n in (
        Input.objects.filter(process=process)
        .order_by()
        .values_list(*fields)
        .annotate(n=Count("id"))
        .values_list(*fields, "n")
    ):
        for dim, value in zip(GROUP_FIELDS, values, strict=True):
            if value:
                out[(dim, value)] += n
    return dict(out)


def _share(n: int, total: int) -> float | None:
    return 100.0 * n / total if total else None


def representativeness(
    *, process: Process, public: bool = False, threshold: float | None = None
) -> Representativeness:
    threshold = threshold_setting() if threshold is None else threshold
    areas = baseline_areas(process=process)
    population, year = population_by_group(areas=areas)
    participants = participants_by_group(process=process)
    inputs = inputs_by_group(process=process)
    tables: list[DimensionTable] = []
    flagged: list[FlaggedGroup] = []
    for dim, groups in GROUPS.items():
        keys = [k for k, _l in groups]
        known = sum(participants.get((dim, k), 0) for k in keys)
        known_inputs = sum(inputs.get((dim, k), 0) for k in keys)
        pop_total = sum(population.get((dim, k), 0) for k in keys)
        rows = []
        for key in keys:
            n = participants.get((dim, key), 0)
            p = population.get((dim, key), 0)
            i = inputs.get((dim, key), 0)
            share = _share(n, known)
            pop_share = _share(p, pop_total)
            ratio = share / pop_share if share is not None and pop_share else None
            is_flagged = ratio is not None and ratio < threshold
            if ratio is None and known and pop_share:
                is_flagged = True
            suppressed = public and (n < SMALL_CELL or (0 < i < SMALL_CELL))
            row = GroupRow(
                dimension=dim,
                group=key,
                label=group_label(dim, key),
                participants=n,
                participant_share=share,
                inputs=i,
                input_share=_share(i, known_inputs),
                population=p,
                population_share=pop_share,
                ratio=ratio,
                flagged=is_flagged,
                suppressed=suppressed,
            )
            if not p and not n and not i:
                continue
            rows.append(row)
            if is_flagged:
                flagged.append(FlaggedGroup(row=row, dimension_label=str(Dimension(dim).label)))
        tables.append(
            DimensionTable(
                dimension=dim,
                label=str(Dimension(dim).label),
                rows=rows,
                known_participants=known,
                unknown_participants=participants.get((dim, UNKNOWN), 0),
                known_inputs=known_inputs,
                population=pop_total,
            )
        )
    if flagged:
        _attach_reach(process=process, flagged=flagged, public=public)
    return Representativeness(
        process=process,
        areas=areas,
        population_year=year,
        threshold=threshold,
        tables=tables,
        flagged=flagged,
        public=public,
    )


def _attach_reach(*, process: Process, flagged: list[FlaggedGroup], public: bool) -> None:
    """For each flagged group: the methods and arenas (this process and earlier ones, of any
    process the viewer may see) whose known participants held the largest share of the group.
    Two queries however many groups are flagged."""
    dims = {f.row.dimension for f in flagged}
    arenas_qs = Arena.objects.filter(
        Q(process=process) | Q(process__created_at__lte=process.created_at)
    )
    if public:
        arenas_qs = arenas_qs.filter(process__is_public=True)
    cells = list(
        ArenaParticipation.objects.filter(arena__in=arenas_qs, dimension__in=dims)
        .exclude(group=UNKNOWN)
        .values_list(
            "arena_id",
            "arena__title",
            "arena__method_id",
            "arena__method__name",
            "arena__process_id",
            "arena__process__name",
            "dimension",
            "group",
            "count",
        )
    )
    known: dict[tuple[int, str], int] = defaultdict(int)
    info: dict[int, tuple] = {}
    for arena_id, title, method_id, method, proc_id, proc_name, dim, _g, n in cells:
        known[(arena_id, dim)] += n
        info[arena_id] = (title, method_id, method, proc_id, proc_name)
    minimum = SMALL_CELL if public else 1
    for f in flagged:
        per_arena = []
        per_method: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        method_names: dict[int, str] = {}
        method_here: dict[int, bool] = defaultdict(bool)
        for arena_id, _t, method_id, method, proc_id, _pn, dim, group, n in cells:
            if dim != f.row.dimension or group != f.row.group:
                continue
            total = known[(arena_id, dim)]
            title, _m, _mn, _p, proc_name = info[arena_id]
            per_method[method_id][0] += n
            method_names[method_id] = method
            method_here[method_id] |= proc_id == process.pk
            if n >= minimum and total:
                per_arena.append(
                    Reach(
                        name=title,
                        process_name=proc_name,
                        this_process=proc_id == process.pk,
                        count=n,
                        known=total,
                        share=100.0 * n / total,
                    )
                )
        for arena_id, (_title, method_id, method, _p, _pn) in info.items():
            if (arena_id, f.row.dimension) in known:
                per_method[method_id][1] += known[(arena_id, f.row.dimension)]
                method_names.setdefault(method_id, method)
        f.best_arenas = sorted(per_arena, key=lambda r: (-r.share, -r.count, r.name))[:5]
        f.best_methods = sorted(
            (
                Reach(
                    name=method_names[m],
                    process_name="",
                    this_process=method_here[m],
                    count=n,
                    known=total,
                    share=100.0 * n / total,
                )
                for m, (n, total) in per_method.items()
                if n >= minimum and total
            ),
            key=lambda r: (-r.share, -r.count, r.name),
        )[:3]
