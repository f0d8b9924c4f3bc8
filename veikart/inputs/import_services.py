"""Writes for bulk import of inputs: the import itself, and the ImportJob of the upload screens.

All or nothing. `inputs_import` checks and stores every row of a file in ONE transaction, in
batches of BATCH_SIZE with bulk_create; if any row is bad, or the process is killed or fails
half-way, the transaction is rolled back and nothing of the file is stored (nor its audit row).

Re-importing. Each imported input has external_ref = "<first 16 hex of the file's SHA-256>:<line>"
(unique per process in the database), so importing the same file again skips the rows already
there and counts them as skipped: no duplicates. (A changed file is a new file: its rows are new.)

Imported inputs get status NEW, like every input no moderator has read yet: they come from
offline arenas and are typed by staff, but they are published through moderation as the others.
Source IMPORT, entered_by = the actor, author none, a fresh receipt code each.

Progress of a background job (ImportJob.processed_rows, shown as a bar). SQLite allows one
writer, and the import holds the write lock for its whole transaction, so nothing can be
written about it from outside while it runs; and whatever it writes inside becomes visible
only at the end. So the job runs in two steps and says so on the page:
  1. check — read and check every row again, outside any transaction, writing processed_rows
     every 1 % (a short write of the job row each time); this is the bar that moves;
  2. store — the one transaction that inserts everything; the page shows "storing" with an
     indeterminate bar, and the transaction itself sets the job to DONE with its counts, so a
     job is DONE exactly when its inputs are there.
A job whose worker was killed stays RUNNING with nothing stored; after STALE_AFTER it may be
started again (safe: rows already imported are skipped).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connections, router, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from veikart.core.services import audit_log_write
from veikart.inputs import importing
from veikart.inputs.importing import (
    ImportFileError,
    Preview,
    RowChecker,
    RowError,
    TableFile,
)
from veikart.inputs.models import ImportJob, Input, InputSource, InputStatus
from veikart.inputs.services import RECEIPT_ALPHABET, RECEIPT_LENGTH
from veikart.processes.models import Arena, Process

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
SYNC_MAX_ROWS = 2000  # larger files are imported by the task worker
MAX_FILE_BYTES = 100 * 1024 * 1024
STALE_AFTER = datetime.timedelta(minutes=15)
IMPORTED_STATUS = InputStatus.NEW

Progress = Callable[[int], None]


class ImportRowsInvalid(Exception):
    """Some rows are bad: nothing was stored. `errors` lists every bad row."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} bad rows")
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)


def ref_prefix(file_sha256: str) -> str:
    return f"{file_sha256[:16]}:"


def imported_lines(*, process: Process, file_sha256: str) -> set[int]:
    """Line numbers of this file already imported into this process."""
    prefix = ref_prefix(file_sha256)
    refs = Input.objects.filter(process=process, external_ref__startswith=prefix).values_list(
        "external_ref", flat=True
    )
    return {int(ref[len(prefix) :]) for ref in refs.iterator(chunk_size=10_000)}


# Random bytes → receipt-code letters: each of the first 31 × 8 byte values maps to a letter,
# the others are dropped, so every letter is equally likely (no modulo bias).
_CODE_BYTES = len(RECEIPT_ALPHABET) * (256 // len(RECEIPT_ALPHABET))
_CODE_TABLE = bytes(
    ord(RECEIPT_ALPHABET[i % len(RECEIPT_ALPHABET)]) if i < _CODE_BYTES else 0 for i in range(256)
)
_CODE_DROP = bytes(range(_CODE_BYTES, 256))


def receipt_codes_new(count: int, *, taken: set[str]) -> list[str]:
    """`count` receipt codes, unique among themselves, in `taken` and in the database.

    Same alphabet and length as services.receipt_code_new, drawn in bulk from `secrets`.
    """
    codes: list[str] = []
    while len(codes) < count:
        need = count - len(codes)
        letters = secrets.token_bytes(need * RECEIPT_LENGTH * 9 // 8 + 16)
        letters = letters.translate(_CODE_TABLE, _CODE_DROP).decode("ascii")
        fresh = {
            letters[i : i + RECEIPT_LENGTH]
            for i in range(0, len(letters) - RECEIPT_LENGTH + 1, RECEIPT_LENGTH)
        } - taken
        fresh = set(list(fresh)[:need])
        clash = set(
            Input.objects.filter(receipt_code__in=fresh).values_list("receipt_code", flat=True)
        )
        taken.update(fresh)
        codes.extend(fresh - clash)
    return codes


class _InputWriter:
    """Inserts many inputs with one executemany per batch.

    Input.objects.bulk_create spent about 80 % of an import in Django's per-value SQL
    compilation (4,000 rows/s for 100,000 rows on SQLite); this writes the same columns,
    taken from the model's own fields and prepared by them (get_db_prep_save), with the
    constant ones prepared once. Database constraints apply as with any insert.
    """

    VARIABLE = (
        "text",
        "geometry",
        "focus_area_id",
        "group_age",
        "group_gender",
        "group_background",
        "receipt_code",
        "external_ref",
    )

    def __init__(self, *, constants: dict[str, Any]) -> None:
        self.connection = connections[router.db_for_write(Input)]
        fields = [f for f in Input._meta.concrete_fields if not f.primary_key]
        qn = self.connection.ops.quote_name
        # Table and column names come from the model, quoted; values are parameters.
        self.sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  # nosec B608
            qn(Input._meta.db_table),
            ", ".join(qn(f.column) for f in fields),
            ", ".join(["%s"] * len(fields)),
        )
        now = timezone.now()
        self.row: list[Any] = []
        for f in fields:
            if f.attname in constants:
                value = constants[f.attname]
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            else:
                value = f.get_default()
            self.row.append(f.get_db_prep_save(value, self.connection))
        self.index = {f.attname: i for i, f in enumerate(fields)}
        self.positions = [self.index[name] for name in self.VARIABLE]
        self.geometry = Input._meta.get_field("geometry")
        self.batch: list[list[Any]] = []

    def add(self, row: importing.CleanRow, *, external_ref: str) -> None:
        values = self.row.copy()
        geometry = row.geometry
        if geometry is not None:
            geometry = self.geometry.get_db_prep_save(geometry, self.connection)
        for position, value in zip(
            self.positions,
            (
                row.text,
                geometry,
                row.focus_area_id,
                row.group_age,
                row.group_gender,
                row.group_background,
                "",
                external_ref,
            ),
            strict=True,
        ):
            values[position] = value
        self.batch.append(values)

    def flush(self, *, taken: set[str]) -> int:
        codes = receipt_codes_new(len(self.batch), taken=taken)
        position = self.index["receipt_code"]
        for values, code in zip(self.batch, codes, strict=True):
            values[position] = code
        with self.connection.cursor() as cursor:
            cursor.executemany(self.sql, self.batch)
        written = len(self.batch)
        self.batch = []
        return written


def checker_for(*, process: Process, mapping: dict[str, int | None]) -> RowChecker:
    return RowChecker(mapping=mapping, focus_areas=process.focus_areas.all())


def inputs_import(
    *,
    actor: Any,
    arena: Arena,
    rows: Iterable[tuple[int, list[Any]]],
    mapping: dict[str, int | None],
    file_sha256: str,
    progress: Progress | None = None,
    job: ImportJob | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportResult:
    """Check and store the data rows (line, cells) of one file, all or nothing.

    Raises ImportRowsInvalid (listing every bad row) and stores nothing if any row is bad.
    `progress(rows_done)` is called after each batch, inside the transaction (so it may print,
    but any database write it made would be rolled back with the import). With `job`, the same
    transaction marks the job DONE.
    """
    if len(file_sha256) < 16:
        raise ValidationError({"file_sha256": "a SHA-256 hex digest is required"})
    process = arena.process
    checker = checker_for(process=process, mapping=mapping)
    user = actor if getattr(actor, "is_authenticated", False) else None
    prefix = ref_prefix(file_sha256)
    result = ImportResult()
    with transaction.atomic():
        done_lines = imported_lines(process=process, file_sha256=file_sha256)
        taken: set[str] = set()
        writer = _InputWriter(
            constants={
                "process_id": process.pk,
                "arena_id": arena.pk,
                "status": IMPORTED_STATUS,
                "source": InputSource.IMPORT,
                "entered_by_id": user.pk if user else None,
                "author_id": None,
            }
        )
        seen = 0
        for row in importing.rows_check(rows, checker):
            seen += 1
            if isinstance(row, RowError):
                result.errors.append(row)
            elif row.line in done_lines:
                result.skipped += 1
            elif not result.errors:  # after the first bad row, only look for more bad rows
                writer.add(row, external_ref=f"{prefix}{row.line}")
                if len(writer.batch) >= batch_size:
                    result.created += writer.flush(taken=taken)
                    if progress:
                        progress(seen)
        if result.errors:
            raise ImportRowsInvalid(result.errors)
        if writer.batch:
            result.created += writer.flush(taken=taken)
        if progress:
            progress(seen)
        data = {
            "file_sha256": file_sha256,
            "created": result.created,
            "skipped": result.skipped,
            "job": job.pk if job else None,
        }
        audit_log_write(actor=actor, action="inputs.import", obj=arena, data=data)
        if job is not None:
            ImportJob.objects.filter(pk=job.pk).update(
                status=ImportJob.Status.DONE,
                processed_rows=seen,
                created_count=result.created,
                skipped_count=result.skipped,
                errors=[],
                updated_at=timezone.now(),
            )
    return result


# --- The ImportJob of the upload screens ---------------------------------------------------


def job_table(job: ImportJob) -> TableFile:
    storage, name = job.file.storage, job.file.name
    return importing.table_open(lambda: storage.open(name, "rb"), name=job.file_name)


def import_job_create(*, actor: Any, arena: Arena, upload: UploadedFile) -> ImportJob:
    """Store the uploaded file, recognise it, count its rows and guess the column mapping."""
    if upload.size and upload.size > MAX_FILE_BYTES:
        raise ValidationError({"file": _("The file is too large: at most 100 MB.")})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    job = ImportJob(
        process=arena.process,
        arena=arena,
        file_name=(upload.name or "import")[:255],
        file_sha256=digest.hexdigest(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    job.file.save(f"{job.file_sha256[:16]}-{job.file_name}", upload, save=False)
    try:
        table = job_table(job)
        header = table.header()
        job.total_rows = table.count_rows()
    except ImportFileError as e:
        job.file.delete(save=False)
        raise ValidationError({"file": str(e)}) from None
    job.mapping = importing.mapping_guess(header)
    with transaction.atomic():
        job.save()
        audit_log_write(
            actor=actor,
            action="import_job.create",
            obj=job,
            data={"file": job.file_name, "sha256": job.file_sha256, "rows": job.total_rows},
        )
    return job


def import_job_set_mapping(*, actor: Any, job: ImportJob, mapping: dict[str, Any]) -> ImportJob:
    """Choose which column holds what. Working state of the job: no audit row."""
    _require_open(job)
    job.mapping = importing.mapping_clean(mapping, job_table(job).header())
    job.status = ImportJob.Status.UPLOADED
    job.save(update_fields=["mapping", "status", "updated_at"])
    return job


def import_job_preview(*, actor: Any, job: ImportJob) -> Preview:
    """Check every row with the job's mapping; keep the bad rows and counts on the job.

    Until the job runs, skipped_count holds the number of rows already imported.
    """
    _require_open(job)
    mapping = importing.mapping_clean(job.mapping, job_table(job).header())
    preview = importing.preview_make(
        job_table(job),
        checker_for(process=job.process, mapping=mapping),
        imported_lines=imported_lines(process=job.process, file_sha256=job.file_sha256),
    )
    job.total_rows = preview.total
    job.skipped_count = preview.already_imported
    job.errors = [[e.line, e.message] for e in preview.errors]
    job.status = ImportJob.Status.PREVIEWED
    job.save(update_fields=["total_rows", "skipped_count", "errors", "status", "updated_at"])
    return preview


def import_job_is_stale(job: ImportJob) -> bool:
    """Queued or running, but nothing heard for STALE_AFTER: the worker died or is not running."""
    busy = job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)
    return busy and timezone.now() - job.updated_at > STALE_AFTER


def import_job_commit(*, actor: Any, job: ImportJob) -> ImportJob:
    """Import a checked job with no bad rows: small files now, large ones by the task worker."""
    if job.status != ImportJob.Status.PREVIEWED and not import_job_is_stale(job):
        raise ValidationError(_("This import is not ready to be stored."))
    if job.errors:
        raise ValidationError(
            _("The file has bad rows: nothing can be imported until they are fixed.")
        )
    # Claim the job, so a second click (or a second tab) cannot start it twice.
    claimed = ImportJob.objects.filter(
        pk=job.pk, status=job.status, updated_at=job.updated_at
    ).update(status=ImportJob.Status.QUEUED, processed_rows=0, updated_at=timezone.now())
    if not claimed:
        raise ValidationError(_("This import has already started."))
    job.refresh_from_db()
    if job.total_rows <= SYNC_MAX_ROWS:
        import_job_run(actor=actor, job=job)
        job.refresh_from_db()
        return job
    transaction.on_commit(lambda: import_job_task.enqueue(job_id=job.pk))
    return job


def import_job_run(*, actor: Any, job: ImportJob, every: int | None = None) -> ImportResult:
    """Run a job now: check every row (reporting progress), then store them in one transaction."""
    if job.status == ImportJob.Status.DONE:
        raise ValidationError(_("This file has already been imported."))
    _job_update(job, status=ImportJob.Status.RUNNING, processed_rows=0)
    every = every or max(1, job.total_rows // 100)
    try:
        table = job_table(job)
        mapping = importing.mapping_clean(job.mapping, table.header())
        preview = importing.preview_make(
            table,
            checker_for(process=job.process, mapping=mapping),
            progress=lambda n: _job_update(job, processed_rows=n),
            every=every,
        )
        if preview.errors:
            raise ImportRowsInvalid(preview.errors)
        _job_update(job, processed_rows=preview.total, total_rows=preview.total)
        result = inputs_import(
            actor=actor,
            arena=job.arena,
            rows=table.data_rows(),
            mapping=mapping,
            file_sha256=job.file_sha256,
            job=job,
        )
    except ImportRowsInvalid as e:
        _job_update(
            job, status=ImportJob.Status.FAILED, errors=[[r.line, r.message] for r in e.errors]
        )
        raise
    except (ImportFileError, ValidationError) as e:
        message = str(e) if isinstance(e, ImportFileError) else " ".join(e.messages)
        _job_update(job, status=ImportJob.Status.FAILED, errors=[[0, message]])
        raise
    except Exception:
        logger.exception("import job %s failed", job.pk)
        _job_update(
            job,
            status=ImportJob.Status.FAILED,
            errors=[[0, _("The import failed unexpectedly. Nothing was stored.")]],
        )
        raise
    job.refresh_from_db()
    return result


def _job_update(job: ImportJob, **fields: Any) -> None:
    """A short write of the job row, in its own transaction (never inside the import's)."""
    ImportJob.objects.filter(pk=job.pk).update(**fields, updated_at=timezone.now())
    for name, value in fields.items():
        setattr(job, name, value)


def _require_open(job: ImportJob) -> None:
    """Mapping and preview may change until the job is stored (a failed job stored nothing)."""
    open_statuses = (ImportJob.Status.UPLOADED, ImportJob.Status.PREVIEWED, ImportJob.Status.FAILED)
    if job.status not in open_statuses and not import_job_is_stale(job):
        raise ValidationError(_("This import has already started."))


@task()
def import_job_task(job_id: int) -> dict[str, int]:
    """Run a large import job in the task worker (`veikart db_worker`)."""
    job = ImportJob.objects.select_related("arena__process", "created_by").get(pk=job_id)
    if job.status == ImportJob.Status.DONE:
        return {"created": job.created_count, "skipped": job.skipped_count}
    started = time.monotonic()
    try:
        result = import_job_run(actor=job.created_by, job=job)
    except ImportRowsInvalid as e:
        return {"created": 0, "skipped": 0, "bad": len(e.errors)}
    logger.info(
        "import job %s: %s rows in %.1fs", job.pk, result.created, time.monotonic() - started
    )
    return {"created": result.created, "skipped": result.skipped}
