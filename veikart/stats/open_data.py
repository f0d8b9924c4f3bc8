"""Open data: one ZIP of all public data of a process, as CSV and JSON, with the map inputs as
GeoJSON and a README of the columns and the licence.

Declared in one place: each `Resource` names its file, its columns (with a description for the
README) and a function yielding one list per row. To publish a new kind of data, append a
Resource to RESOURCES. Only public data goes in: published inputs, public proposals; never an
author, e-mail, username, receipt code, import reference, hiding reason, token or the author
of an update; votes and supports only as counts; self-described groups (and headcounts by
group) blank where fewer than 5 people share them.

Memory stays flat: querysets are iterated in chunks and each file is streamed into the ZIP,
which is written to a SpooledTemporaryFile (or straight to a path).
"""

import csv
import datetime
import io
import json
import shutil
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from tempfile import SpooledTemporaryFile
from typing import IO

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone

from veikart.inputs.models import Input, InputStatus
from veikart.processes.models import ArenaParticipation, Process
from veikart.proposals.models import Proposal, ProposalInput, ProposalStatus, Support, Vote

SMALL_CELL = 5
CHUNK = 2000
GROUP_FIELDS = ["group_age", "group_gender", "group_background"]
HIDDEN_PROPOSALS = [ProposalStatus.DRAFT, ProposalStatus.MERGED]


@dataclass(frozen=True)
class Resource:
    name: str
    description: str
    columns: list[tuple[str, str]]
    rows: Callable[[Process], Iterable[list]]


# --- the rows ---------------------------------------------------------------------------


def _date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date().isoformat()
    return value.isoformat()


def _published_inputs(process: Process):
    return Input.objects.filter(process=process, status=InputStatus.PUBLISHED)


def _public_proposals(process: Process):
    return Proposal.objects.filter(process=process).public()


def allowed_groups(process: Process) -> dict[str, set[str]]:
    """Self-described group values shared by at least 5 published inputs (one query each)."""
    allowed = {}
    for field in GROUP_FIELDS:
        allowed[field] = {
            value
            for value, n in _published_inputs(process)
            .exclude(**{field: ""})
            .order_by()
            .values_list(field)
            .annotate(n=Count("id"))
            if n >= SMALL_CELL
        }
    return allowed


def arena_rows(process: Process) -> Iterator[list]:
    from veikart.processes.selectors import arena_list

    for a in arena_list(process=process):
        yield [
            a.pk,
            a.title,
            a.method.name,
            a.method.slug,
            _date(a.held_on),
            a.place,
            a.target_groups,
            a.participants,
            a.input_count,
        ]


def participation_rows(process: Process) -> Iterator[list]:
    for p in (
        ArenaParticipation.objects.filter(arena__process=process)
        .order_by("arena_id", "dimension", "group")
        .values_list("arena_id", "dimension", "group", "count")
    ):
        arena_id, dimension, group, count = p
        small = count < SMALL_CELL
        yield [arena_id, dimension, group, "" if small else count, small]


def input_rows(process: Process) -> Iterator[list]:
    allowed = allowed_groups(process)
    qs = (
        _published_inputs(process)
        .order_by("id")
        .values_list(
            "id",
            "created_at",
            "arena_id",
            "arena__method__slug",
            "source",
            "language",
            "text",
            "focus_area__name",
            "group_age",
            "group_gender",
            "group_background",
            "map_category",
            "geometry",
        )
    )
    chunk: list[tuple] = []

    def flush(chunk: list[tuple]) -> Iterator[list]:
        links: dict[int, list[int]] = {}
        for input_id, number in (
            ProposalInput.objects.filter(input_id__in=[r[0] for r in chunk])
            .exclude(proposal__status__in=HIDDEN_PROPOSALS)
            .order_by("proposal__number")
            .values_list("input_id", "proposal__number")
        ):
            links.setdefault(input_id, []).append(number)
        for r in chunk:
            groups = [
                value if value in allowed[field] else ""
                for field, value in zip(GROUP_FIELDS, r[8:11], strict=True)
            ]
            yield [
                r[0],
                _date(r[1]),
                r[2] or "",
                r[3] or "",
                r[4],
                r[5],
                r[6],
                r[7] or "",
                *groups,
                r[11],
                bool(r[12]),
                " ".join(str(n) for n in links.get(r[0], [])),
            ]

    for row in qs.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield from flush(chunk)
            chunk = []
    if chunk:
        yield from flush(chunk)


def proposal_rows(process: Process) -> Iterator[list]:
    supports = dict(
        Support.objects.filter(proposal__process=process)
        .order_by()
        .values_list("proposal_id")
        .annotate(n=Count("id"))
    )
    votes = {
        pid: (dots, voters)
        for pid, dots, voters in Vote.objects.filter(proposal__process=process)
        .order_by()
        .values_list("proposal_id")
        .annotate(d=Sum("dots"), v=Count("participant_id", distinct=True))
        .values_list("proposal_id", "d", "v")
    }
    qs = (
        _public_proposals(process)
        .annotate(
            inputs_n=Count(
                "input_links", filter=Q(input_links__input__status=InputStatus.PUBLISHED)
            )
        )
        .order_by("number")
        .values_list(
            "id",
            "number",
            "title",
            "description",
            "focus_area__name",
            "realiser",
            "status",
            "inputs_n",
            "created_at",
        )
    )
    for pid, number, title, description, fa, realiser, status, n, created in qs.iterator(
        chunk_size=CHUNK
    ):
        dots, voters = votes.get(pid, (0, 0))
        yield [
            number,
            title,
            description,
            fa or "",
            realiser,
            status,
            n,
            supports.get(pid, 0),
            dots or 0,
            voters,
            _date(created),
        ]


def link_rows(process: Process) -> Iterator[list]:
    qs = (
        ProposalInput.objects.filter(proposal__process=process, input__status=InputStatus.PUBLISHED)
        .exclude(proposal__status__in=HIDDEN_PROPOSALS)
        .order_by("proposal__number", "input_id")
        .values_list("proposal__number", "input_id", "linked_at")
    )
    for number, input_id, linked_at in qs.iterator(chunk_size=CHUNK):
        yield [number, input_id, _date(linked_at)]


def vote_rows(process: Process) -> Iterator[list]:
    qs = (
        Vote.objects.filter(proposal__process=process)
        .exclude(proposal__status=ProposalStatus.DRAFT)
        .order_by("workshop_id", "proposal__number")
        .values_list("workshop_id", "workshop__title", "workshop__held_on", "proposal__number")
        .annotate(d=Sum("dots"), v=Count("participant_id", distinct=True))
    )
    for workshop_id, title, held_on, number, dots, voters in qs:
        yield [workshop_id, title, _date(held_on), number, dots, voters]


def plan_rows(process: Process) -> Iterator[list]:
    from veikart.plans.models import Plan

    for p in Plan.objects.filter(process=process).order_by("version"):
        decision = p.decisions.order_by("-meeting_date").first()
        yield [
            p.pk,
            p.version,
            p.title,
            p.main_goal,
            p.status,
            p.period_start or "",
            p.period_end or "",
            decision.body if decision else "",
            _date(decision.meeting_date) if decision else "",
            decision.case_number if decision else "",
            decision.outcome if decision else "",
        ]


def measure_rows(process: Process) -> Iterator[list]:
    from veikart.plans.models import Measure, MeasureProposal

    proposals: dict[int, list[int]] = {}
    for measure_id, number in (
        MeasureProposal.objects.filter(measure__strategy__goal__plan__process=process)
        .exclude(proposal__status=ProposalStatus.DRAFT)
        .order_by("proposal__number")
        .values_list("measure_id", "proposal__number")
    ):
        proposals.setdefault(measure_id, []).append(number)
    qs = (
        Measure.objects.filter(strategy__goal__plan__process=process)
        .order_by(
            "strategy__goal__plan__version",
            "strategy__goal__order",
            "strategy__order",
            "order",
            "id",
        )
        .values_list(
            "id",
            "strategy__goal__plan__version",
            "strategy__goal__focus_area__name",
            "strategy__goal__title",
            "strategy__title",
            "number",
            "title",
            "description",
            "status",
            "progress",
            "responsible__name",
            "starts_on",
            "due_on",
        )
    )
    for r in qs.iterator(chunk_size=CHUNK):
        yield [
            *r[:10],
            r[10] or "",
            _date(r[11]),
            _date(r[12]),
            " ".join(str(n) for n in proposals.get(r[0], [])),
        ]


def update_rows(process: Process) -> Iterator[list]:
    from veikart.tracking.models import MeasureUpdate

    qs = (
        MeasureUpdate.objects.filter(measure__strategy__goal__plan__process=process)
        .order_by("measure_id", "date", "id")
        .values_list("id", "measure_id", "date", "status", "progress", "text")
    )
    for uid, measure_id, date, status, progress, text in qs.iterator(chunk_size=CHUNK):
        yield [uid, measure_id, _date(date), status, progress, text]


RESOURCES: list[Resource] = [
    Resource(
        "arenas",
        "The arenas: each use of a method in the process, with its headcount.",
        [
            ("id", "arena id"),
            ("title", "title"),
            ("method", "method name"),
            ("method_slug", "method code"),
            ("held_on", "date (YYYY-MM-DD)"),
            ("place", "where it was held"),
            ("target_groups", "who it was for"),
            ("participants", "how many took part (headcount; for the online form: contributors)"),
            ("published_inputs", "published inputs from the arena"),
        ],
        arena_rows,
    ),
    Resource(
        "participation",
        "Participants of each arena by group (age band, gender, immigrant background).",
        [
            ("arena_id", "arena id (arenas.csv)"),
            ("dimension", "age, gender or background"),
            ("group", "the group within the dimension; 'unknown' where not recorded"),
            ("count", f"participants in the group; blank when fewer than {SMALL_CELL}"),
            ("suppressed", f"true when the count is hidden (fewer than {SMALL_CELL})"),
        ],
        participation_rows,
    ),
    Resource(
        "inputs",
        "Published (moderated) inputs, without anything that identifies the person.",
        [
            ("id", "input id"),
            ("created", "date received (YYYY-MM-DD)"),
            ("arena_id", "arena id (arenas.csv), blank if none"),
            ("method", "method code of the arena"),
            ("source", "online, map, staff (typed from notes) or import"),
            ("language", "language code"),
            ("text", "what was said (moderated)"),
            ("focus_area", "focus area, if set"),
            (
                "group_age",
                f"self-described age band; blank if not given or fewer than {SMALL_CELL} share it",
            ),
            (
                "group_gender",
                f"self-described gender; blank if not given or fewer than {SMALL_CELL} share it",
            ),
            (
                "group_background",
                f"self-described background; blank if not given or fewer than {SMALL_CELL} share it",
            ),
            ("map_category", "category chosen on the map"),
            ("has_place", "true when the input has a place (see inputs.geojson)"),
            ("proposals", "numbers of the proposals it is part of, space-separated"),
        ],
        input_rows,
    ),
    Resource(
        "proposals",
        "The public proposals of the Veikart, with votes and supports as counts.",
        [
            ("number", "proposal number"),
            ("title", "title"),
            ("description", "description"),
            ("focus_area", "focus area"),
            ("realiser", "who can realise it: municipality, residents or partnership"),
            ("status", "published, prioritised, in_plan or not_pursued"),
            ("inputs", "published inputs behind it"),
            ("supports", "supports given online"),
            ("vote_dots", "dots given at roadmap workshops"),
            ("voters", "workshop participants who gave it dots"),
            ("created", "date (YYYY-MM-DD)"),
        ],
        proposal_rows,
    ),
    Resource(
        "proposal_inputs",
        "Which published inputs each proposal is made of.",
        [
            ("proposal_number", "proposal number (proposals.csv)"),
            ("input_id", "input id (inputs.csv)"),
            ("linked", "date linked (YYYY-MM-DD)"),
        ],
        link_rows,
    ),
    Resource(
        "votes",
        "Roadmap workshop votes, as counts per workshop and proposal.",
        [
            ("workshop_id", "workshop id"),
            ("workshop", "workshop title"),
            ("held_on", "date (YYYY-MM-DD)"),
            ("proposal_number", "proposal number"),
            ("dots", "dots given"),
            ("voters", "participants who gave dots"),
        ],
        vote_rows,
    ),
    Resource(
        "plans",
        "The thematic plan(s) and their political processing.",
        [
            ("id", "plan id"),
            ("version", "version"),
            ("title", "title"),
            ("main_goal", "main goal"),
            ("status", "draft or adopted"),
            ("period_start", "first year"),
            ("period_end", "last year"),
            ("decision_body", "council body of the latest decision"),
            ("decision_date", "date of the latest decision"),
            ("case_number", "case number"),
            ("decision_outcome", "outcome"),
        ],
        plan_rows,
    ),
    Resource(
        "measures",
        "The plan's measures, with status, progress and the proposals behind them.",
        [
            ("id", "measure id"),
            ("plan_version", "plan version (plans.csv)"),
            ("focus_area", "focus area"),
            ("goal", "goal"),
            ("strategy", "strategy"),
            ("number", "measure number"),
            ("title", "title"),
            ("description", "description"),
            ("status", "not_started, in_progress, done, postponed or dropped"),
            ("progress", "progress in percent"),
            ("responsible", "responsible actor (an organisation)"),
            ("starts_on", "start date"),
            ("due_on", "due date"),
            ("proposals", "numbers of the proposals behind it, space-separated"),
        ],
        measure_rows,
    ),
    Resource(
        "measure_updates",
        "The dated timeline of each measure.",
        [
            ("id", "update id"),
            ("measure_id", "measure id (measures.csv)"),
            ("date", "date (YYYY-MM-DD)"),
            ("status", "status after the update"),
            ("progress", "progress in percent after the update"),
            ("text", "what happened"),
        ],
        update_rows,
    ),
]


# --- writing the ZIP --------------------------------------------------------------------


def _json_default(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _write_resource(zf: zipfile.ZipFile, resource: Resource, process: Process) -> int:
    """Write NAME.csv into the ZIP and NAME.json beside it, in one pass over the rows.

    A ZIP takes one open member at a time, so the JSON goes to a spooled temporary file
    (in memory up to 8 MB, then on disk) and is copied in after the CSV."""
    names = [c for c, _d in resource.columns]
    count = 0
    with (
        SpooledTemporaryFile(max_size=8 * 1024 * 1024) as json_spool,
        zf.open(f"{resource.name}.csv", "w", force_zip64=True) as csv_raw,
    ):
        csv_text = io.TextIOWrapper(csv_raw, encoding="utf-8", newline="")
        json_text = io.TextIOWrapper(json_spool, encoding="utf-8")
        writer = csv.writer(csv_text)
        writer.writerow(names)
        json_text.write("[")
        for row in resource.rows(process):
            writer.writerow(row)
            json_text.write(",\n" if count else "\n")
            json_text.write(
                json.dumps(
                    dict(zip(names, row, strict=True)), ensure_ascii=False, default=_json_default
                )
            )
            count += 1
        json_text.write("\n]\n")
        csv_text.flush()
        csv_text.detach()
        json_text.flush()
        json_text.detach()
        csv_raw.close()
        json_spool.seek(0)
        with zf.open(f"{resource.name}.json", "w", force_zip64=True) as json_raw:
            shutil.copyfileobj(json_spool, json_raw, 1024 * 1024)
    return count


def _write_geojson(zf: zipfile.ZipFile, process: Process) -> int:
    count = 0
    with zf.open("inputs.geojson", "w", force_zip64=True) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8")
        out.write('{"type": "FeatureCollection", "features": [')
        qs = (
            _published_inputs(process)
            .filter(geometry__isnull=False)
            .order_by("id")
            .values_list("id", "geometry", "text", "focus_area__name", "map_category", "arena_id")
        )
        for pk, geometry, text, fa, category, arena_id in qs.iterator(chunk_size=CHUNK):
            feature = {
                "type": "Feature",
                "id": pk,
                "geometry": geometry,
                "properties": {
                    "id": pk,
                    "text": text,
                    "focus_area": fa or "",
                    "map_category": category,
                    "arena_id": arena_id,
                },
            }
            out.write(",\n" if count else "\n")
            out.write(json.dumps(feature, ensure_ascii=False))
            count += 1
        out.write("\n]}\n")
        out.flush()
        out.detach()
    return count


def licence() -> str:
    return getattr(settings, "VEIKART", {}).get("OPEN_DATA_LICENCE", "CC BY 4.0")


def _readme(process: Process, counts: dict[str, int]) -> str:
    lines = [
        f"# Open data: {process.name}",
        "",
        f"Licence: {licence()}. Credit: {settings.VEIKART.get('MUNICIPALITY_NAME', '')}, Veikart.",
        f"Made {timezone.localtime().strftime('%Y-%m-%d %H:%M')} from the stored data.",
        "",
        "Every table is given twice: as CSV (UTF-8, comma-separated, header row) and as JSON "
        "(an array of objects with the same keys). Map inputs are in inputs.geojson (WGS 84).",
        "",
        "Only public data is included: published (moderated) inputs and public proposals. "
        "No names, usernames, e-mail addresses, receipt codes or tokens. Votes and supports "
        f"are counts. Groups shared by fewer than {SMALL_CELL} people are left blank "
        "(small-cell suppression), so nobody can be recognised.",
        "",
    ]
    for r in RESOURCES:
        lines += [
            f"## {r.name}.csv / {r.name}.json ({counts.get(r.name, 0)} rows)",
            "",
            r.description,
            "",
        ]
        lines += [f"- `{name}`: {desc}" for name, desc in r.columns]
        lines.append("")
    lines += [
        f"## inputs.geojson ({counts.get('geojson', 0)} features)",
        "",
        "A GeoJSON FeatureCollection of the published inputs that have a place; properties "
        "`id`, `text`, `focus_area`, `map_category`, `arena_id` (as in inputs.csv).",
        "",
    ]
    return "\n".join(lines)


def write_zip(process: Process, target: IO[bytes] | str) -> dict[str, int]:
    """Write the open-data ZIP of `process` to a file object or path. Returns row counts."""
    counts: dict[str, int] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for resource in RESOURCES:
            counts[resource.name] = _write_resource(zf, resource, process)
        counts["geojson"] = _write_geojson(zf, process)
        zf.writestr("README.md", _readme(process, counts))
    return counts


def zip_spooled(process: Process) -> SpooledTemporaryFile:
    """The ZIP in a temporary file (in memory up to 16 MB, then on disk), rewound."""
    spool = SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 - returned open
    write_zip(process, spool)
    spool.seek(0)
    return spool


def zip_name(process: Process) -> str:
    return f"{process.slug}-open-data-{timezone.localdate().isoformat()}.zip"
