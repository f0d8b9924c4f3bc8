"""Reading input files for bulk import: CSV and XLSX, column mapping, row checks, preview.

No writes here (see `import_services.py`). Everything streams: a file is read row by row,
so memory does not grow with its size, and it may be read more than once (count, preview,
import) because each pass opens it again.

File formats
    CSV as Norwegian Excel writes it: `;` (or `,` or tab) between fields, with or without a
    byte-order mark, in UTF-8 or Windows-1252 (detected: a file that is valid UTF-8 is read as
    UTF-8, otherwise as Windows-1252; UTF-16 with a byte-order mark is read too). Quoted fields
    may hold line breaks. XLSX: the first worksheet, read with openpyxl in read-only mode.

Line numbers
    A row's line number is its row number as a spreadsheet shows it: the header is line 1 and
    the first data row line 2. (In a CSV file with line breaks inside quoted fields this is the
    record number, not the physical line.) Rows with every cell empty are passed over silently.

Columns (matched by header name, Norwegian or English, case and spaces ignored)
    text        the input itself (required): tekst, text, innspill
    group       who said it (optional): gruppe, group — see "The group column" below
    focus_area  innsatsområde, focus area: a focus area of the process, by name or slug
    lat, lon    lat/breddegrad and lon/lengdegrad in WGS 84 degrees (decimal point or comma);
                both or neither; stored as a GeoJSON Point

The group column
    One or more group keys of `veikart.core.groups`, separated by `,` `;` or `/`. Each value is
    looked up in every dimension, and goes to the dimension it belongs to: an age band
    ("13-19", "13–19 år", "67+") sets `group_age`, a gender ("female", "kvinne") sets
    `group_gender`, an immigrant background ("immigrant", "innvandrerbakgrunn") sets
    `group_background`. So "13-19" alone is an age band, and "13-19 / kvinne" sets age and
    gender. Keys, English labels and bokmål labels are accepted. "unknown"/"ukjent" and an empty
    cell leave the group blank (not described). Two values of the same dimension are an error.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from veikart.core.geo import geometry_clean
from veikart.core.groups import GROUPS, UNKNOWN
from veikart.inputs.services import check_groups, check_input_text

TARGETS = ("text", "group", "focus_area", "lat", "lon")
REQUIRED = ("text",)
# Header names each target column is recognised by (compared after `_header_key`).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("tekst", "text", "innspill", "input"),
    "group": ("gruppe", "group", "grupper", "groups", "aldersgruppe", "agegroup"),
    "focus_area": ("innsatsområde", "innsatsomrade", "focusarea", "tema", "theme"),
    "lat": ("lat", "latitude", "breddegrad", "bredde"),
    "lon": ("lon", "lng", "long", "longitude", "lengdegrad", "lengde"),
}
CSV_EXTENSIONS = {".csv", ".txt", ".tsv"}
XLSX_EXTENSIONS = {".xlsx", ".xlsm"}
DELIMITERS = (";", ",", "\t")
SAMPLE_BYTES = 64 * 1024
CHUNK_BYTES = 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be read: unknown format, empty, no header, no text column."""


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class CleanRow:
    """One checked row, ready to become an Input."""

    line: int
    text: str
    group_age: str = ""
    group_gender: str = ""
    group_background: str = ""
    focus_area_id: int | None = None
    geometry: dict | None = None


@dataclass
class Preview:
    total: int = 0
    good: int = 0
    already_imported: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def new(self) -> int:
        return self.good - self.already_imported


# --- Reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableFile:
    """A CSV or XLSX file that can be read (again) row by row.

    `opener` returns a fresh binary file object each time; `name` gives the extension.
    """

    opener: Callable[[], IO[bytes]]
    name: str
    kind: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ";"

    @classmethod
    def from_path(cls, path: str | Path) -> TableFile:
        path = Path(path)
        if not path.is_file():
            raise ImportFileError(_("File not found: %(path)s") % {"path": path})
        return table_open(lambda: path.open("rb"), name=path.name)

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(line, cells) of every row, the header first, blank rows left out."""
        source = _xlsx_rows(self.opener) if self.kind == "xlsx" else self._csv_rows()
        for line, cells in source:
            if any(c is not None and str(c).strip() for c in cells):
                yield line, cells

    def _csv_rows(self) -> Iterator[tuple[int, list[str]]]:
        with self.opener() as raw:
            text = io.TextIOWrapper(raw, encoding=self.encoding, newline="")
            try:
                yield from enumerate(csv.reader(text, delimiter=self.delimiter), start=1)
            except csv.Error as e:
                message = _("The CSV file cannot be read: %(error)s") % {"error": e}
                raise ImportFileError(message) from e
            except UnicodeDecodeError as e:  # Windows-1252 leaves five byte values undefined
                message = _("The file's characters cannot be read: save it as CSV UTF-8.")
                raise ImportFileError(message) from e
            finally:
                text.detach()

    def header(self) -> list[str]:
        for _line, cells in self.rows():
            return [cell_text(c) for c in cells]
        raise ImportFileError(_("The file is empty."))

    def data_rows(self) -> Iterator[tuple[int, list[Any]]]:
        """The rows below the header."""
        rows = self.rows()
        if next(rows, None) is None:
            raise ImportFileError(_("The file is empty."))
        yield from rows

    def count_rows(self) -> int:
        return sum(1 for _row in self.data_rows())


def _xlsx_rows(opener: Callable[[], IO[bytes]]) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    with opener() as raw:
        try:
            book = load_workbook(raw, read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises many kinds for a broken file
            raise ImportFileError(
                _("The XLSX file cannot be read: %(error)s") % {"error": e}
            ) from None
        try:
            sheet = book.worksheets[0]
            for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield line, list(cells)
        except Exception as e:  # a damaged sheet inside a readable workbook
            raise ImportFileError(
                _("The XLSX file cannot be read: %(error)s") % {"error": e}
            ) from None
        finally:
            book.close()


def table_open(opener: Callable[[], IO[bytes]], *, name: str) -> TableFile:
    """Recognise the file's format (and for CSV its encoding and delimiter)."""
    ext = Path(name).suffix.lower()
    with opener() as raw:
        head = raw.read(SAMPLE_BYTES)
    if head.startswith(b"PK\x03\x04"):
        if ext in CSV_EXTENSIONS:
            raise ImportFileError(_("The file is a spreadsheet, not CSV: give it the name .xlsx."))
        return TableFile(opener, name, "xlsx")
    if ext in XLSX_EXTENSIONS:
        raise ImportFileError(_("The file is not a valid XLSX file."))
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("Old Excel files (.xls) cannot be read: save the file as .xlsx or CSV.")
        )
    if ext not in CSV_EXTENSIONS:
        raise ImportFileError(_("Unknown file format: use CSV or XLSX."))
    if not head.strip():
        raise ImportFileError(_("The file is empty."))
    encoding = _detect_encoding(opener, head)
    if encoding not in ("utf-16",) and b"\x00" in head:
        raise ImportFileError(_("The file does not look like a CSV file."))
    sample = head.decode(encoding, errors="ignore")
    return TableFile(opener, name, "csv", encoding=encoding, delimiter=_detect_delimiter(sample))


def _detect_encoding(opener: Callable[[], IO[bytes]], head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _is_utf8(opener):
        return "utf-8-sig"  # reads files with and without a byte-order mark alike
    return "cp1252"


def _is_utf8(opener: Callable[[], IO[bytes]]) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    with opener() as raw:
        try:
            while chunk := raw.read(CHUNK_BYTES):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _detect_delimiter(sample: str) -> str:
    """The delimiter that splits the header line most; `;` (Norwegian Excel) on a tie."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter="\x1f")
    first = next(reader, [""])
    header = "".join(first)
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first (";") on a tie
    return best if counts[best] else ";"


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- Column mapping ------------------------------------------------------------------------


def _header_key(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", (name or "").casefold().lstrip("\ufeff"))


def mapping_guess(header: list[str]) -> dict[str, int | None]:
    """{target: column index or None}, matched by header names (Norwegian and English)."""
    keys = [_header_key(h) for h in header]
    mapping: dict[str, int | None] = {}
    for target in TARGETS:
        names = {_header_key(n) for n in SYNONYMS[target]}
        mapping[target] = next((i for i, k in enumerate(keys) if k in names), None)
    return mapping


def mapping_clean(mapping: dict[str, Any], header: list[str]) -> dict[str, int | None]:
    """A mapping with valid column indexes; ValidationError if the text column is missing."""
    cleaned: dict[str, int | None] = {}
    errors: dict[str, str] = {}
    for target in TARGETS:
        value = mapping.get(target)
        if value in (None, ""):
            cleaned[target] = None
            continue
        try:
            index = int(value)
        except (TypeError, ValueError):
            index = -1
        if not 0 <= index < len(header):
            errors[target] = _("Choose one of the file's columns.")
        cleaned[target] = index
    for target in REQUIRED:
        if cleaned.get(target) is None and target not in errors:
            errors[target] = _("Choose the column that holds the text of the inputs.")
    if (cleaned["lat"] is None) != (cleaned["lon"] is None) and "lat" not in errors:
        errors["lat"] = _("Choose both latitude and longitude, or neither.")
    if errors:
        raise ValidationError(errors)
    return cleaned


def mapping_required(header: list[str]) -> dict[str, int | None]:
    """The guessed mapping, or ImportFileError when no column holds the text (command line)."""
    try:
        return mapping_clean(mapping_guess(header), header)
    except ValidationError:
        names = ", ".join(SYNONYMS["text"][:3])
        raise ImportFileError(
            _("No text column: name one column %(names)s.") % {"names": names}
        ) from None


# --- Row checks ----------------------------------------------------------------------------


# Bokmål spellings accepted whatever the translations say (data in files, not messages).
GROUP_SPELLINGS: dict[str, tuple[str, str]] = {
    "kvinne": ("gender", "female"),
    "kvinner": ("gender", "female"),
    "kvinnelig": ("gender", "female"),
    "woman": ("gender", "female"),
    "mann": ("gender", "male"),
    "menn": ("gender", "male"),
    "mannlig": ("gender", "male"),
    "man": ("gender", "male"),
    "annet": ("gender", "other"),
    "innvandrer": ("background", "immigrant"),
    "innvandrerbakgrunn": ("background", "immigrant"),
    "ikkeinnvandrerbakgrunn": ("background", "majority"),
    "majoritet": ("background", "majority"),
    "majority": ("background", "majority"),
}


def _group_lookup() -> dict[str, tuple[str, str]]:
    """Every accepted spelling of a group → (dimension, key)."""
    lookup: dict[str, tuple[str, str]] = dict(GROUP_SPELLINGS)
    for language in ("en", "nb"):
        with translation.override(language):
            for dimension, choices in GROUPS.items():
                for key, label in choices:
                    for spelling in (key, str(label)):
                        lookup.setdefault(_group_key(spelling), (str(dimension), key))
    return lookup


def _group_key(value: str) -> str:
    value = value.casefold().replace("–", "-").replace("—", "-")
    value = re.sub(r"\b(år|years?|aar)\b", "", value)
    return re.sub(r"\s+", "", value)


UNKNOWN_SPELLINGS = {"unknown", "ukjent", "-"}
GROUP_SPLIT = re.compile(r"[,;/]")
FIELD_OF = {"age": "group_age", "gender": "group_gender", "background": "group_background"}


class RowChecker:
    """Checks rows of one file against one process: built once, then fast per row."""

    def __init__(self, *, mapping: dict[str, int | None], focus_areas: Iterable[Any]) -> None:
        self.mapping = mapping
        self.focus_areas: dict[str, int] = {}
        for fa in focus_areas:
            self.focus_areas.setdefault(fa.slug.casefold(), fa.pk)
            self.focus_areas.setdefault(fa.name.strip().casefold(), fa.pk)
        self.groups = _group_lookup()
        self._group_cache: dict[str, dict[str, str] | str] = {}

    def _cell(self, cells: list[Any], target: str) -> Any:
        index = self.mapping.get(target)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def check(self, line: int, cells: list[Any]) -> CleanRow:
        """The row as a CleanRow, or RowError (raised) with the first thing wrong with it."""
        raw = self._cell(cells, "text")
        text = "" if raw is None else str(raw)
        if not text.strip():
            raise BadRow(line, _("text is empty"))
        try:
            text = check_input_text(text)
        except ValidationError as e:
            raise BadRow(line, " ".join(e.messages)) from None
        groups = self._groups(line, cell_text(self._cell(cells, "group")))
        focus_area_id = self._focus_area(line, cell_text(self._cell(cells, "focus_area")))
        geometry = self._point(line, self._cell(cells, "lat"), self._cell(cells, "lon"))
        return CleanRow(line, text, focus_area_id=focus_area_id, geometry=geometry, **groups)

    def _groups(self, line: int, value: str) -> dict[str, str]:
        """The group fields a cell sets (memoised: a file uses few distinct values)."""
        if not value:
            return {}
        cached = self._group_cache.get(value)
        if cached is None:
            try:
                cached = self._groups_parse(line, value)
            except BadRow as e:
                cached = e.error.message
            if len(self._group_cache) < 10_000:
                self._group_cache[value] = cached
        if isinstance(cached, str):
            raise BadRow(line, cached)
        return cached

    def _groups_parse(self, line: int, value: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in GROUP_SPLIT.split(value):
            part = part.strip()
            if not part or part.casefold() in UNKNOWN_SPELLINGS:
                continue
            hit = self.groups.get(_group_key(part))
            if hit is None:
                raise BadRow(line, _("unknown group “%(value)s”") % {"value": part})
            dimension, key = hit
            if key == UNKNOWN:
                continue
            name = FIELD_OF[dimension]
            if name in found and found[name] != key:
                raise BadRow(line, _("two groups of one kind: “%(value)s”") % {"value": value})
            found[name] = key
        try:
            check_groups(
                age=found.get("group_age", ""),
                gender=found.get("group_gender", ""),
                background=found.get("group_background", ""),
            )
        except ValidationError as e:  # cannot happen with the lookup above; kept as a guard
            raise BadRow(line, " ".join(e.messages)) from None
        return found

    def _focus_area(self, line: int, value: str) -> int | None:
        if not value:
            return None
        pk = self.focus_areas.get(value.casefold())
        if pk is None:
            raise BadRow(line, _("unknown focus area “%(value)s”") % {"value": value[:80]})
        return pk

    def _point(self, line: int, lat: Any, lon: Any) -> dict | None:
        lat_text, lon_text = cell_text(lat), cell_text(lon)
        if not lat_text and not lon_text:
            return None
        if not lat_text or not lon_text:
            raise BadRow(line, _("give both latitude and longitude, or neither"))
        try:
            point = [_number(lon), _number(lat)]
        except ValueError:
            raise BadRow(line, _("latitude and longitude must be numbers")) from None
        try:
            return geometry_clean({"type": "Point", "coordinates": point})
        except ValidationError as e:
            raise BadRow(line, " ".join(e.messages)) from None


def _number(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    number = float(str(value).strip().replace(",", ".").replace("\u2212", "-"))
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("not a finite number")
    return number


class BadRow(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.error = RowError(line, message)


def rows_check(
    rows: Iterable[tuple[int, list[Any]]], checker: RowChecker
) -> Iterator[CleanRow | RowError]:
    """Each row checked: a CleanRow, or a RowError saying what is wrong and where."""
    for line, cells in rows:
        try:
            yield checker.check(line, cells)
        except BadRow as e:
            yield e.error


def preview_make(
    table: TableFile,
    checker: RowChecker,
    *,
    imported_lines: set[int] | frozenset[int] = frozenset(),
    progress: Callable[[int], None] | None = None,
    every: int = 1000,
) -> Preview:
    """Read the whole file: how many rows are good, which are bad and why, which are imported."""
    preview = Preview()
    for result in rows_check(table.data_rows(), checker):
        preview.total += 1
        if isinstance(result, RowError):
            preview.errors.append(result)
        else:
            preview.good += 1
            if result.line in imported_lines:
                preview.already_imported += 1
        if progress and preview.total % every == 0:
            progress(preview.total)
    return preview
