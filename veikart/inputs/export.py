"""Export every input of a process to CSV or XLSX, for synthesis in a spreadsheet.

Never exports the receipt code (the contributor's key). Self-described groups are blank where
fewer than 5 inputs of the process share the value (small-cell suppression). Who wrote or
entered an input is exported only for users allowed "inputs.export_personal". Memory stays
flat: inputs are read in chunks, with their proposal links fetched per chunk.
"""

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator

from django.db.models import QuerySet

from veikart.inputs.models import Input
from veikart.processes.models import Process
from veikart.proposals.models import ProposalInput

CHUNK = 2000
SMALL_CELL = 5
COLUMNS = [
    "id",
    "created",
    "process",
    "arena",
    "method",
    "source",
    "language",
    "text",
    "focus_area",
    "group_age",
    "group_gender",
    "group_background",
    "status",
    "hidden_reason",
    "proposals",
    "map_category",
    "geometry",
]
PERSONAL_COLUMNS = ["author", "author_email", "entered_by"]
GROUP_FIELDS = ["group_age", "group_gender", "group_background"]


def _inputs(process: Process) -> QuerySet[Input]:
    return (
        Input.objects.filter(process=process)
        .select_related("arena__method", "focus_area", "author", "entered_by")
        .order_by("id")
    )


def _allowed_groups(process: Process) -> dict[str, set[str]]:
    allowed = {}
    for field in GROUP_FIELDS:
        counts = Counter(
            Input.objects.filter(process=process)
            .exclude(**{field: ""})
            .values_list(field, flat=True)
        )
        allowed[field] = {value for value, n in counts.items() if n >= SMALL_CELL}
    return allowed


def export_rows(process: Process, *, personal: bool) -> Iterator[list]:
    """The header, then one list per input."""
    yield COLUMNS + (PERSONAL_COLUMNS if personal else [])
    allowed = _allowed_groups(process)
    chunk: list[Input] = []
    for item in _inputs(process).iterator(chunk_size=CHUNK):
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield from _chunk_rows(chunk, process.name, allowed, personal)
            chunk = []
    if chunk:
        yield from _chunk_rows(chunk, process.name, allowed, personal)


def _chunk_rows(
    chunk: list[Input], process_name: str, allowed: dict[str, set[str]], personal: bool
) -> Iterator[list]:
    links: dict[int, list[str]] = {}
    for link in (
        ProposalInput.objects.filter(input__in=[i.pk for i in chunk])
        .select_related("proposal")
        .order_by("proposal__number")
    ):
        links.setdefault(link.input_id, []).append(f"{link.proposal.number}. {link.proposal.title}")
    for i in chunk:
        row = [
            i.pk,
            i.created_at.date().isoformat(),
            process_name,
            i.arena.title if i.arena else "",
            i.arena.method.name if i.arena else "",
            i.source,
            i.language,
            i.text,
            i.focus_area.name if i.focus_area else "",
            *[getattr(i, f) if getattr(i, f) in allowed[f] else "" for f in GROUP_FIELDS],
            i.status,
            i.hidden_reason,
            " | ".join(links.get(i.pk, [])),
            i.map_category,
            json.dumps(i.geometry, ensure_ascii=False) if i.geometry else "",
        ]
        if personal:
            row += [
                i.author.username if i.author else "",
                i.author.email if i.author else "",
                i.entered_by.username if i.entered_by else "",
            ]
        yield row


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(process: Process, *, personal: bool) -> Iterator[str]:
    """CSV for Norwegian Excel: UTF-8 with BOM, semicolon-separated."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"
    for row in export_rows(process, personal=personal):
        yield writer.writerow(row)


def xlsx_bytes(process: Process, *, personal: bool) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Innspill")
    for row in export_rows(process, personal=personal):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
