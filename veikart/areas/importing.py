"""Read indicator values from CSV or JSON-stat 2 files into rows: parsing only, no writes.

CSV: one value per row, columns `indicator`, `area`, `period`, `value` and, for an indicator
not yet in the knowledge base, `name`, `theme`, `unit`, `source` (optional `note`). Semicolon
or comma separated, UTF-8 with or without BOM; a decimal comma is accepted.

JSON-stat 2 (what Statistics Norway's API returns): a dataset with `id`, `size`, `dimension`
(each with `category.index` and `category.label`) and `value` (array or sparse object) and
optional `status`. The geographic dimension (role `geo`, or id Region/region/area) names the
area by its statistical code or slug, the time dimension (role `time`, or id Tid/time/year) the
period, and the metric dimension (role `metric`, or id ContentsCode) the indicator. A missing
value (null, or a status like ".." or ":") is skipped and reported; other statuses become notes.

Every problem is an ImportProblem with its place (line or cell) and reason; nothing is raised.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import product

from django.utils.text import slugify
from django.utils.translation import gettext as _

FORMATS = ("csv", "jsonstat")
THEMES = ("living_conditions", "childhood", "neighbourhood")
MAX_BYTES = 20 * 1024 * 1024
MISSING_STATUSES = {"..", ":", "...", "-", "x"}
GEO_IDS = ("region", "area", "geo", "omrade", "område")
TIME_IDS = ("tid", "time", "year", "period", "år")
METRIC_IDS = ("contentscode", "indicator", "metric", "statistikkvariabel")


@dataclass(frozen=True)
class ImportProblem:
    place: str
    reason: str
    order: int = field(default=0, compare=False)  # line or cell number, to list in file order

    def __str__(self) -> str:
        return f"{self.place}: {self.reason}"


@dataclass(frozen=True)
class IndicatorSpec:
    slug: str
    name: str
    theme: str
    unit: str
    source: str


@dataclass(frozen=True)
class ValueRow:
    place: str
    order: int
    indicator: str  # slug
    area: str  # code or slug as written
    period: str
    value: Decimal
    note: str = ""


@dataclass
class ParsedFile:
    rows: list[ValueRow] = field(default_factory=list)
    indicators: dict[str, IndicatorSpec] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    skipped: list[ImportProblem] = field(default_factory=list)  # missing values, not errors


def guess_format(name: str, content: bytes) -> str:
    if name.lower().endswith((".json", ".jsonstat")) or content.lstrip()[:1] in (b"{", b"["):
        return "jsonstat"
    return "csv"


def parse(content: bytes, *, fmt: str, default_theme: str = "living_conditions") -> ParsedFile:
    if len(content) > MAX_BYTES:
        return ParsedFile(problems=[ImportProblem(_("file"), _("The file is larger than 20 MB."))])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ParsedFile(problems=[ImportProblem(_("file"), _("The file is not UTF-8 text."))])
    if fmt == "jsonstat":
        return parse_jsonstat(text, default_theme=default_theme)
    if fmt == "csv":
        return parse_csv(text)
    return ParsedFile(
        problems=[ImportProblem(_("file"), _("Unknown format %(fmt)s.") % {"fmt": fmt})]
    )


def _decimal(raw) -> Decimal | None:
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        raw = repr(raw)
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) >= Decimal("1e11"):
        return None
    return value.quantize(Decimal("0.001"))


def _period(raw: str) -> str:
    return str(raw).strip()


def _check_spec(
    spec: IndicatorSpec, place: str, problems: list[ImportProblem], order: int = 0
) -> bool:
    ok = True
    if not spec.name:
        problems.append(ImportProblem(place, _("A new indicator needs a name."), order))
        ok = False
    if spec.theme not in THEMES:
        problems.append(
            ImportProblem(
                place,
                _("Theme must be one of %(themes)s.") % {"themes": ", ".join(THEMES)},
                order,
            )
        )
        ok = False
    if not spec.unit or not spec.source:
        problems.append(
            ImportProblem(place, _("A new indicator needs a unit and a source."), order)
        )
        ok = False
    return ok


# --- CSV --------------------------------------------------------------------------------


REQUIRED_COLUMNS = ("indicator", "area", "period", "value")


def parse_csv(text: str) -> ParsedFile:
    out = ParsedFile()
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        out.problems.append(ImportProblem(_("line 1"), _("The file is empty.")))
        return out
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        out.problems.append(
            ImportProblem(
                _("line 1"),
                _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)},
            )
        )
        return out
    col = {name: header.index(name) for name in header}

    def cell(row: list[str], name: str) -> str:
        i = col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    try:
        for line, row in enumerate(reader, start=2):
            if not any(c.strip() for c in row):
                continue
            place = _("line %(n)d") % {"n": line}
            indicator = slugify(cell(row, "indicator"))
            area = cell(row, "area")
            period = _period(cell(row, "period"))
            raw_value = cell(row, "value")
            bad = False
            for name, value in (("indicator", indicator), ("area", area), ("period", period)):
                if not value:
                    out.problems.append(
                        ImportProblem(place, _("%(col)s is empty.") % {"col": name}, line)
                    )
                    bad = True
            if len(period) > 20:
                out.problems.append(ImportProblem(place, _("The period is too long."), line))
                bad = True
            value = _decimal(raw_value)
            if value is None:
                out.problems.append(
                    ImportProblem(
                        place, _("“%(value)s” is not a number.") % {"value": raw_value[:40]}, line
                    )
                )
                bad = True
            if cell(row, "name") and indicator and indicator not in out.indicators:
                spec = IndicatorSpec(
                    slug=indicator,
                    name=cell(row, "name")[:200],
                    theme=cell(row, "theme") or "living_conditions",
                    unit=cell(row, "unit")[:40],
                    source=cell(row, "source")[:200],
                )
                if _check_spec(spec, place, out.problems, line):
                    out.indicators[indicator] = spec
                else:
                    bad = True
            if not bad:
                out.rows.append(
                    ValueRow(
                        place=place,
                        order=line,
                        indicator=indicator,
                        area=area,
                        period=period,
                        value=value,
                        note=cell(row, "note")[:300],
                    )
                )
    except csv.Error as e:
        out.problems.append(ImportProblem(_("file"), str(e)))
    return out


# --- JSON-stat 2 ------------------------------------------------------------------------


def _category_codes(dim: dict) -> list[str] | None:
    category = dim.get("category") if isinstance(dim, dict) else None
    if not isinstance(category, dict):
        return None
    index = category.get("index")
    if isinstance(index, list):
        return [str(c) for c in index]
    if isinstance(index, dict):
        try:
            return [str(c) for c, _pos in sorted(index.items(), key=lambda kv: int(kv[1]))]
        except (TypeError, ValueError):
            return None
    labels = category.get("label")
    if isinstance(labels, dict) and len(labels) == 1:
        return [str(next(iter(labels)))]
    return None


def _role_of(dim_id: str, roles: dict) -> str:
    for role in ("geo", "time", "metric"):
        if dim_id in (roles.get(role) or []):
            return role
    low = dim_id.lower()
    if low in GEO_IDS:
        return "geo"
    if low in TIME_IDS:
        return "time"
    if low in METRIC_IDS:
        return "metric"
    return ""


def parse_jsonstat(text: str, *, default_theme: str = "living_conditions") -> ParsedFile:
    out = ParsedFile()
    problem = out.problems.append
    try:
        data = json.loads(text)
    except ValueError as e:
        problem(ImportProblem(_("file"), _("Not valid JSON: %(error)s") % {"error": e}))
        return out
    if isinstance(data, dict) and data.get("class") == "bundle":
        data = next((v for v in data.values() if isinstance(v, dict)), None)
    if not isinstance(data, dict) or data.get("class", "dataset") != "dataset":
        problem(ImportProblem(_("file"), _("Not a JSON-stat 2 dataset.")))
        return out
    ids, size, dims = data.get("id"), data.get("size"), data.get("dimension")
    if not isinstance(ids, list) or not isinstance(size, list) or not isinstance(dims, dict):
        problem(ImportProblem(_("file"), _("The dataset needs id, size and dimension.")))
        return out
    if len(ids) != len(size) or not all(isinstance(n, int) and n >= 0 for n in size):
        problem(ImportProblem("size", _("size must list one count per dimension in id.")))
        return out
    roles = data.get("role") if isinstance(data.get("role"), dict) else {}
    codes: list[list[str]] = []
    found: dict[str, int] = {}
    for pos, dim_id in enumerate(ids):
        dim = dims.get(dim_id)
        cats = _category_codes(dim) if dim is not None else None
        if cats is None:
            problem(
                ImportProblem(
                    f"dimension.{dim_id}", _("The dimension has no category index or label.")
                )
            )
            return out
        if len(cats) != size[pos]:
            problem(
                ImportProblem(
                    f"dimension.{dim_id}",
                    _("It has %(n)d categories but size says %(size)d.")
                    % {"n": len(cats), "size": size[pos]},
                )
            )
            return out
        role = _role_of(str(dim_id), roles)
        if role and role not in found:
            found[role] = pos
        elif len(cats) > 1:
            problem(
                ImportProblem(
                    f"dimension.{dim_id}",
                    _(
                        "Only the area, time and indicator dimensions may have more than one "
                        "category; filter the table to one %(dim)s."
                    )
                    % {"dim": dim_id},
                )
            )
        codes.append(cats)
    for role, name in (("geo", _("area (Region)")), ("time", _("time (Tid)"))):
        if role not in found:
            problem(ImportProblem("dimension", _("No %(dim)s dimension found.") % {"dim": name}))
    if out.problems:
        return out

    total = 1
    for n in size:
        total *= n
    values, status = data.get("value"), data.get("status")

    def at(container, index: int):
        if isinstance(container, list):
            return container[index] if index < len(container) else None
        if isinstance(container, dict):
            return container.get(str(index))
        if isinstance(container, str):  # one status for every cell
            return container
        return None

    if isinstance(values, list) and len(values) != total:
        problem(
            ImportProblem(
                "value",
                _("It has %(n)d values but the dimensions make %(total)d cells.")
                % {"n": len(values), "total": total},
            )
        )
        return out
    if not isinstance(values, list | dict):
        problem(ImportProblem("value", _("value must be an array or an object.")))
        return out

    # Indicators: the metric dimension's categories, or the dataset itself.
    metric_pos = found.get("metric")
    source = str(data.get("source") or data.get("extension", {}).get("source") or "SSB")[:200]
    theme = default_theme
    extension = data.get("extension") if isinstance(data.get("extension"), dict) else {}
    if isinstance(extension.get("theme"), str):
        theme = extension["theme"]
    specs: dict[str, str] = {}  # category code → slug
    if metric_pos is not None:
        dim = dims[ids[metric_pos]]
        labels = dim["category"].get("label") or {}
        units = dim["category"].get("unit") or {}
        for code in codes[metric_pos]:
            unit = units.get(code, {}) if isinstance(units, dict) else {}
            spec = IndicatorSpec(
                slug=slugify(code)[:50],
                name=str(labels.get(code) or code)[:200],
                theme=theme,
                unit=str(unit.get("base") or unit.get("label") or "")[:40] or _("value"),
                source=source,
            )
            specs[code] = spec.slug
            if _check_spec(spec, f"dimension.{ids[metric_pos]}.{code}", out.problems):
                out.indicators[spec.slug] = spec
    else:
        slug = slugify(str(extension.get("indicator") or data.get("label") or ""))[:50]
        spec = IndicatorSpec(
            slug=slug,
            name=str(data.get("label") or slug)[:200],
            theme=theme,
            unit=str(extension.get("unit") or _("value"))[:40],
            source=source,
        )
        if slug and _check_spec(spec, "label", out.problems):
            out.indicators[slug] = spec
        elif not slug:
            problem(ImportProblem("label", _("The dataset needs a label to name the indicator.")))
    if out.problems:
        return out

    geo_pos, time_pos = found["geo"], found["time"]
    for flat, combo in enumerate(product(*codes)):
        place = ", ".join(f"{ids[i]}={c}" for i, c in enumerate(combo))
        raw = at(values, flat)
        flag = at(status, flat)
        flag = str(flag).strip() if flag is not None else ""
        if raw is None or flag in MISSING_STATUSES:
            out.skipped.append(
                ImportProblem(
                    place, _("no value (status “%(status)s”)") % {"status": flag or "null"}
                )
            )
            continue
        value = _decimal(raw)
        if value is None:
            problem(ImportProblem(place, _("“%(value)s” is not a number.") % {"value": raw}, flat))
            continue
        if metric_pos is not None:
            indicator = specs[combo[metric_pos]]
        else:
            indicator = next(iter(out.indicators))
        out.rows.append(
            ValueRow(
                place=place,
                order=flat,
                indicator=indicator,
                area=combo[geo_pos],
                period=_period(combo[time_pos]),
                value=value,
                note=(_("status: %(status)s") % {"status": flag}) if flag else "",
            )
        )
    return out
