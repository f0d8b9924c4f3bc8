"""Reads for the knowledge base: indicators by theme, series per area, the import preview."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from veikart.areas.importing import ImportProblem, IndicatorSpec, ParsedFile, ValueRow
from veikart.areas.models import Area, Indicator, IndicatorValue


def area_get(*, slug: str) -> Area:
    try:
        return Area.objects.get(slug=slug)
    except Area.DoesNotExist:
        raise Http404("No such area") from None


def area_municipality() -> Area | None:
    return Area.objects.filter(is_municipality=True).order_by("id").first()


def area_list_with_values() -> QuerySet[Area]:
    """Areas (not the whole municipality) that have indicator values, by name."""
    return (
        Area.objects.filter(is_municipality=False, indicator_values__isnull=False)
        .distinct()
        .order_by("name")
    )


def indicator_get(*, slug: str) -> Indicator:
    try:
        return Indicator.objects.get(slug=slug)
    except Indicator.DoesNotExist:
        raise Http404("No such indicator") from None


@dataclass
class ThemeGroup:
    key: str
    label: str
    indicators: list[Indicator] = field(default_factory=list)


def indicators_by_theme() -> list[ThemeGroup]:
    """Every indicator, grouped by theme in the theme order, each with its latest period."""
    groups = {key: ThemeGroup(key=key, label=str(label)) for key, label in Indicator.Theme.choices}
    latest: dict[int, str] = {}
    for ind_id, period in IndicatorValue.objects.values_list("indicator_id", "period"):
        if period > latest.get(ind_id, ""):
            latest[ind_id] = period
    for indicator in Indicator.objects.order_by("theme", "name"):
        indicator.latest_period = latest.get(indicator.pk, "")
        groups.setdefault(
            indicator.theme, ThemeGroup(key=indicator.theme, label=indicator.theme)
        ).indicators.append(indicator)
    return [g for g in groups.values() if g.indicators]


@dataclass(frozen=True)
class Series:
    area: Area
    points: list[tuple[str, Decimal]]  # (period, value) in period order
    notes: dict[str, str]


@dataclass(frozen=True)
class IndicatorTable:
    indicator: Indicator
    periods: list[str]
    series: list[Series]

    def rows(self) -> list[tuple[str, list[Decimal | None]]]:
        """One row per period with the value of each series (None where missing)."""
        lookup = [dict(s.points) for s in self.series]
        return [(p, [values.get(p) for values in lookup]) for p in self.periods]


def indicator_series(*, indicator: Indicator, area: Area | None = None) -> IndicatorTable:
    """The indicator over time: for `area` and the whole municipality, or every area if None."""
    values = IndicatorValue.objects.filter(indicator=indicator).select_related("area")
    if area is not None:
        values = values.filter(Q(area=area) | Q(area__is_municipality=True))
    by_area: dict[int, list[IndicatorValue]] = defaultdict(list)
    areas: dict[int, Area] = {}
    for v in values.order_by("period"):
        by_area[v.area_id].append(v)
        areas[v.area_id] = v.area
    ordered = sorted(areas.values(), key=lambda a: (a.is_municipality, a.name))
    series = [
        Series(
            area=a,
            points=[(v.period, v.value) for v in by_area[a.pk]],
            notes={v.period: v.note for v in by_area[a.pk] if v.note},
        )
        for a in ordered
    ]
    periods = sorted({p for s in series for p, _v in s.points})
    return IndicatorTable(indicator=indicator, periods=periods, series=series)


def area_report(*, area: Area) -> list[tuple[str, list[IndicatorTable]]]:
    """'Livet på <area>': every indicator with values for the area, by theme, against the
    municipality. Three queries however many indicators there are."""
    municipality_ids = set(Area.objects.filter(is_municipality=True).values_list("pk", flat=True))
    values = (
        IndicatorValue.objects.filter(Q(area=area) | Q(area_id__in=municipality_ids))
        .select_related("area")
        .order_by("period")
    )
    per_indicator: dict[int, dict[int, list[IndicatorValue]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for v in values:
        per_indicator[v.indicator_id][v.area_id].append(v)
    themes: list[tuple[str, list[IndicatorTable]]] = []
    labels = dict(Indicator.Theme.choices)
    current: dict[str, list[IndicatorTable]] = {}
    for indicator in Indicator.objects.filter(pk__in=per_indicator).order_by("theme", "name"):
        by_area = per_indicator[indicator.pk]
        if area.pk not in by_area:
            continue
        series = []
        for a_id in sorted(by_area, key=lambda i: (i != area.pk, i)):
            rows = by_area[a_id]
            series.append(
                Series(
                    area=rows[0].area,
                    points=[(v.period, v.value) for v in rows],
                    notes={v.period: v.note for v in rows if v.note},
                )
            )
        periods = sorted({p for s in series for p, _v in s.points})
        current.setdefault(indicator.theme, []).append(
            IndicatorTable(indicator=indicator, periods=periods, series=series)
        )
    for key, tables in current.items():
        themes.append((str(labels.get(key, key)), tables))
    return themes


# --- import preview ---------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRow:
    place: str
    indicator: str
    area: str
    period: str
    value: Decimal
    note: str
    action: str  # "new", "update" or "unchanged"
    before: Decimal | None = None


@dataclass
class ImportPreview:
    rows: list[PreviewRow]
    problems: list[ImportProblem]
    skipped: list[ImportProblem]
    new_indicators: list[IndicatorSpec]
    resolved: list[tuple[ValueRow, int, int]]  # (row, indicator id or 0 if new, area id)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def new_count(self) -> int:
        return self.count("new")

    @property
    def update_count(self) -> int:
        return self.count("update")


def indicator_import_preview(*, parsed: ParsedFile) -> ImportPreview:
    """Check parsed rows against the database: unknown areas and indicators are problems;
    each good row is new, an update of a stored value, or unchanged."""
    problems = list(parsed.problems)
    areas: dict[str, Area] = {}
    for a in Area.objects.all():
        areas.setdefault(a.slug, a)
        if a.code:
            areas.setdefault(a.code, a)
    known = {
        i.slug: i for i in Indicator.objects.filter(slug__in={r.indicator for r in parsed.rows})
    }
    new_indicators = [s for slug, s in parsed.indicators.items() if slug not in known]
    stored = {
        (v.indicator_id, v.area_id, v.period): v.value
        for v in IndicatorValue.objects.filter(indicator__in=known.values())
    }
    rows: list[PreviewRow] = []
    resolved = []
    seen: dict[tuple[str, int, str], str] = {}
    for r in parsed.rows:
        area = areas.get(r.area)
        indicator = known.get(r.indicator)
        if area is None:
            problems.append(
                ImportProblem(r.place, _("Unknown area “%(area)s”.") % {"area": r.area}, r.order)
            )
            continue
        if indicator is None and r.indicator not in parsed.indicators:
            problems.append(
                ImportProblem(
                    r.place,
                    _(
                        "Unknown indicator “%(slug)s”: give its name, theme, unit and source "
                        "in the row."
                    )
                    % {"slug": r.indicator},
                    r.order,
                )
            )
            continue
        key = (r.indicator, area.pk, r.period)
        if key in seen:
            problems.append(
                ImportProblem(
                    r.place,
                    _("The same indicator, area and period as %(other)s.") % {"other": seen[key]},
                    r.order,
                )
            )
            continue
        seen[key] = r.place
        before = stored.get((indicator.pk, area.pk, r.period)) if indicator else None
        if before is None:
            action = "new"
        elif before == r.value:
            action = "unchanged"
        else:
            action = "update"
        rows.append(
            PreviewRow(
                place=r.place,
                indicator=r.indicator,
                area=area.name,
                period=r.period,
                value=r.value,
                note=r.note,
                action=action,
                before=before,
            )
        )
        resolved.append((r, indicator.pk if indicator else 0, area.pk))
    problems.sort(key=lambda p: p.order)
    if not parsed.rows and not problems:
        problems.append(ImportProblem(_("file"), _("The file holds no values.")))
    return ImportPreview(
        rows=rows,
        problems=problems,
        skipped=parsed.skipped,
        new_indicators=new_indicators,
        resolved=resolved,
    )
