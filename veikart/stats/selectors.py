"""Reads for the statistics dashboard. Each returns a `Table`: a header and rows whose first
cell is a label and whose other cells are numbers. Each runs a bounded number of queries,
however much data there is (aggregates in the database, never a row per input in Python,
except the inputs that carry a place, which are matched to areas)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from veikart.inputs.models import Input, InputStatus
from veikart.processes.models import Arena, Process
from veikart.processes.selectors import self_counted_participants
from veikart.proposals.models import Proposal, ProposalInput, ProposalStatus, Realiser

HIDDEN_PROPOSALS = [ProposalStatus.DRAFT, ProposalStatus.MERGED]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list]

    @property
    def total(self) -> list:
        """Column sums of the numeric columns (for a table's footer)."""
        return [sum(r[i] for r in self.rows) for i in range(1, len(self.header))]


def _memo(process: Process, key: str, compute):
    """Compute once per request: the dashboard's charts share a few counts."""
    memo = process.__dict__.setdefault("_stats_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _arenas(process: Process) -> list[Arena]:
    return _memo(
        process,
        "arenas",
        lambda: list(
            Arena.objects.filter(process=process).select_related("method").order_by("held_on", "id")
        ),
    )


def _published_by_arena_and_focus(process: Process) -> dict[tuple[int | None, int | None], int]:
    """Published inputs per (arena id, focus area id): one grouped scan of the inputs that the
    charts by arena, method, month and focus area all share."""
    return _memo(
        process,
        "published_by_arena_focus",
        lambda: {
            (arena_id, focus_id): n
            for arena_id, focus_id, n in Input.objects.filter(
                process=process, status=InputStatus.PUBLISHED
            )
            .order_by()
            .values_list("arena_id", "focus_area_id")
            .annotate(n=Count("id"))
            .values_list("arena_id", "focus_area_id", "n")
        },
    )


def _published_by_arena(process: Process) -> dict[int | None, int]:
    out: dict[int | None, int] = defaultdict(int)
    for (arena_id, _focus), n in _published_by_arena_and_focus(process).items():
        out[arena_id] += n
    return dict(out)


def _participants(process: Process) -> dict[int, int]:
    """Participants per arena: the headcount, or for self-counting arenas the contributors."""

    def compute() -> dict[int, int]:
        arenas = _arenas(process)
        self_counted = (
            self_counted_participants(process=process)
            if any(a.counts_itself for a in arenas)
            else {}
        )
        return {
            a.pk: self_counted.get(a.pk, 0) if a.counts_itself else a.participant_count
            for a in arenas
        }

    return _memo(process, "participants", compute)


def participation_over_time(*, process: Process) -> Table:
    """Participants (arena headcounts by the month the arena was held; online contributors by
    the month they wrote) and published inputs (in their arena's month, or when sent), by month."""
    arenas = _arenas(process)
    published = _published_by_arena(process)
    people: dict[str, int] = defaultdict(int)
    inputs: dict[str, int] = defaultdict(int)
    undated: list[int] = []
    for a in arenas:
        if a.counts_itself or a.held_on is None:
            undated.append(a.pk)
            continue
        month = a.held_on.strftime("%Y-%m")
        people[month] += a.participant_count
        inputs[month] += published.get(a.pk, 0)
    online = [a.pk for a in arenas if a.counts_itself]
    if online:
        for month, accounts, anonymous in (
            Input.objects.filter(process=process, arena_id__in=online)
            .annotate(m=TruncMonth("created_at"))
            .values_list("m")
            .annotate(
                a=Count("author", distinct=True), b=Count("id", filter=Q(author__isnull=True))
            )
            .values_list("m", "a", "b")
        ):
            people[month.strftime("%Y-%m")] += accounts + anonymous
    if undated or published.get(None):
        for month, n in (
            Input.objects.filter(process=process, status=InputStatus.PUBLISHED)
            .filter(Q(arena__isnull=True) | Q(arena_id__in=undated))
            .annotate(m=TruncMonth("created_at"))
            .values_list("m")
            .annotate(n=Count("id"))
            .values_list("m", "n")
        ):
            inputs[month.strftime("%Y-%m")] += n
    months = sorted(set(people) | set(inputs))
    return Table(
        header=[_("Month"), _("Participants"), _("Published inputs")],
        rows=[[m, people.get(m, 0), inputs.get(m, 0)] for m in months],
    )


def participation_by_method_table(*, process: Process) -> Table:
    published = _published_by_arena(process)
    participants = _participants(process)
    rows: dict[int, list] = {}
    for a in _arenas(process):
        row = rows.setdefault(a.method_id, [a.method.name, 0, 0, 0])
        row[1] += participants[a.pk]
        row[2] += 1
        row[3] += published.get(a.pk, 0)
    return Table(
        header=[_("Method"), _("Participants"), _("Arenas"), _("Published inputs")],
        rows=sorted(rows.values(), key=lambda r: (-r[1], r[0])),
    )


def participation_by_arena(*, process: Process) -> Table:
    published = _published_by_arena(process)
    participants = _participants(process)
    arenas = sorted(_arenas(process), key=lambda a: (-participants[a.pk], a.title))
    return Table(
        header=[_("Arena"), _("Participants"), _("Published inputs")],
        rows=[[a.title, participants[a.pk], published.get(a.pk, 0)] for a in arenas],
    )


def _ring_contains(ring: list, lon: float, lat: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / ((yj - yi) or 1e-12) + xi:
            inside = not inside
        j = i
    return inside


def _polygons(boundary: dict | None) -> list[list]:
    if not boundary:
        return []
    if boundary.get("type") == "Polygon":
        return [boundary["coordinates"]]
    if boundary.get("type") == "MultiPolygon":
        return list(boundary["coordinates"])
    return []


def _anchor(geometry: dict) -> tuple[float, float] | None:
    """A representative point of an input's place: the point, or its first position."""
    coords = geometry.get("coordinates")
    while isinstance(coords, list) and coords and isinstance(coords[0], list):
        coords = coords[0]
    if isinstance(coords, list) and len(coords) >= 2:
        return float(coords[0]), float(coords[1])
    return None


def participation_by_area(*, process: Process) -> Table:
    """Published inputs by the area their place lies in (the process's areas), and those
    without a place."""
    areas = [a for a in process.areas.order_by("is_municipality", "name") if a.boundary]
    shapes = []
    for a in areas:
        polys = _polygons(a.boundary)
        xs = [p[0] for poly in polys for p in poly[0]]
        ys = [p[1] for poly in polys for p in poly[0]]
        if xs:
            shapes.append((a, polys, (min(xs), min(ys), max(xs), max(ys))))
    counts: dict[int, int] = defaultdict(int)
    outside = 0
    published = Input.objects.filter(process=process, status=InputStatus.PUBLISHED)
    without = published.filter(geometry__isnull=True).count()
    for geometry in published.filter(geometry__isnull=False).values_list("geometry", flat=True):
        point = _anchor(geometry) if isinstance(geometry, dict) else None
        if point is None:
            outside += 1
            continue
        lon, lat = point
        for area, polys, (x0, y0, x1, y1) in shapes:
            if (
                x0 <= lon <= x1
                and y0 <= lat <= y1
                and any(
                    _ring_contains(poly[0], lon, lat)
                    and not any(_ring_contains(hole, lon, lat) for hole in poly[1:])
                    for poly in polys
                )
            ):
                counts[area.pk] += 1
                break
        else:
            outside += 1
    rows = [[a.name, counts.get(a.pk, 0)] for a, _p, _b in shapes]
    rows.append([_("Elsewhere on the map"), outside])
    rows.append([_("No place given"), without])
    return Table(header=[_("Area"), _("Published inputs")], rows=rows)


def by_focus_area(*, process: Process) -> Table:
    """Published inputs and public proposals by focus area (and those without one)."""
    inputs: dict[int | None, int] = defaultdict(int)
    for (_arena, focus_id), n in _published_by_arena_and_focus(process).items():
        inputs[focus_id] += n
    proposals = dict(
        Proposal.objects.filter(process=process)
        .public()
        .order_by()
        .values_list("focus_area_id")
        .annotate(n=Count("id"))
        .values_list("focus_area_id", "n")
    )
    rows = [
        [fa.name, inputs.get(fa.pk, 0), proposals.get(fa.pk, 0)]
        for fa in process.focus_areas.order_by("order", "id")
    ]
    rows.append([_("No focus area"), inputs.get(None, 0), proposals.get(None, 0)])
    return Table(header=[_("Focus area"), _("Published inputs"), _("Proposals")], rows=rows)


def by_realiser(*, process: Process) -> Table:
    """Public proposals by who can realise them, and the published inputs behind them."""
    proposals = dict(
        Proposal.objects.filter(process=process)
        .public()
        .order_by()
        .values_list("realiser")
        .annotate(n=Count("id"))
        .values_list("realiser", "n")
    )
    inputs = dict(
        ProposalInput.objects.filter(proposal__process=process, input__status=InputStatus.PUBLISHED)
        .exclude(proposal__status__in=HIDDEN_PROPOSALS)
        .order_by()
        .values_list("proposal__realiser")
        .annotate(n=Count("input_id", distinct=True))
        .values_list("proposal__realiser", "n")
    )
    return Table(
        header=[_("Who can realise it"), _("Proposals"), _("Inputs behind them")],
        rows=[
            [str(label), proposals.get(value, 0), inputs.get(value, 0)]
            for value, label in Realiser.choices
        ],
    )


def measures_by_status(*, process: Process) -> Table:
    from veikart.plans.selectors import measure_status_counts, plan_current

    plan = plan_current(process=process)
    rows = [[str(label), n] for _v, label, n in measure_status_counts(plan=plan)] if plan else []
    return Table(header=[_("Status"), _("Measures")], rows=rows)
