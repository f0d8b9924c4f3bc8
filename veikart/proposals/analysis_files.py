"""CSV files for the `cluster`, `duplicates` and `suggest` commands.

Each reads a UTF-8 CSV (a BOM is allowed; the delimiter , or ; is detected) with a header and
an `id` column, and writes its answer all at once only after everything succeeded: a bad file
raises `AnalysisFileError` with a one-line message and nothing is written.
"""

import csv
import os
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _


class AnalysisFileError(Exception):
    """A file the analysis commands cannot use; the message is one line."""


def table_read(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """The rows of a CSV file, checked to have every column in `columns` and at least one row."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AnalysisFileError(_("%(file)s: no such file.") % {"file": path}) from None
    except OSError as e:
        raise AnalysisFileError(f"{path}: {e.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise AnalysisFileError(
            _("%(file)s: not UTF-8 (byte %(offset)d); save the file as UTF-8 CSV.")
            % {"file": path, "offset": e.start}
        ) from None
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise AnalysisFileError(_("%(file)s: the file is empty.") % {"file": path})
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.DictReader(lines, delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in columns if c not in header]
    if missing:
        raise AnalysisFileError(
            _("%(file)s: no column %(columns)s (the header has: %(header)s).")
            % {
                "file": path,
                "columns": ", ".join(missing),
                "header": ", ".join(header),
            }
        )
    rows = []
    seen: set[str] = set()
    for row in reader:
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        row_id = (row.get("id") or "").strip()
        if not row_id:
            raise AnalysisFileError(
                _("%(file)s, line %(line)d: id is empty.") % {"file": path, "line": reader.line_num}
            )
        if row_id in seen:
            raise AnalysisFileError(
                _("%(file)s, line %(line)d: id %(id)s appears twice.")
                % {"file": path, "line": reader.line_num, "id": row_id}
            )
        seen.add(row_id)
        rows.append({c: (row.get(c) or "").strip() for c in header})
    if not rows:
        raise AnalysisFileError(_("%(file)s: the file has no rows.") % {"file": path})
    return rows


def table_write(path: Path, header: list[str], rows: list[list]) -> None:
    """Write a UTF-8 CSV atomically: to a temporary file next to `path`, then renamed."""
    directory = path.resolve().parent
    if not directory.is_dir():
        raise AnalysisFileError(_("%(dir)s: no such folder.") % {"dir": directory})
    fd, tmp = tempfile.mkstemp(prefix=".veikart-", suffix=".csv", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
