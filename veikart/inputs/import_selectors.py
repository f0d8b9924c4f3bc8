"""Reads for the import screens: a process's import jobs and what a job's page shows."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from veikart.inputs.import_services import import_job_is_stale
from veikart.inputs.models import ImportJob
from veikart.processes.models import Process

ERRORS_SHOWN = 500


def import_job_get(*, process: Process, pk: int) -> ImportJob:
    try:
        return ImportJob.objects.select_related("arena", "process").get(process=process, pk=pk)
    except ImportJob.DoesNotExist:
        raise Http404("No such import") from None


def import_job_list(*, process: Process, limit: int = 10) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(process=process).select_related("arena")[:limit]


@dataclass(frozen=True)
class JobState:
    """What the job page shows. Phase: waiting, checking, storing, done, failed, ready."""

    phase: str
    total: int
    checked: int
    percent: int
    good: int
    new: int
    already: int
    bad: int
    errors: list[tuple[int, str]]
    errors_hidden: int
    polling: bool
    stale: bool


def import_job_state(*, job: ImportJob, errors_shown: int = ERRORS_SHOWN) -> JobState:
    status = ImportJob.Status
    total, checked = job.total_rows, min(job.processed_rows, job.total_rows)
    if job.status == status.QUEUED:
        phase = "waiting"
    elif job.status == status.RUNNING:
        phase = "storing" if checked >= total else "checking"
    elif job.status == status.DONE:
        phase = "done"
    elif job.status == status.FAILED:
        phase = "failed"
    else:
        phase = "ready"
    errors = [(int(line), str(message)) for line, message in (job.errors or [])]
    bad = sum(1 for line, _m in errors if line > 0)
    good = max(0, total - bad)
    already = job.skipped_count
    return JobState(
        phase=phase,
        total=total,
        checked=checked,
        percent=round(100 * checked / total) if total else 100,
        good=good,
        new=job.created_count if phase == "done" else max(0, good - already),
        already=already,
        bad=bad,
        errors=errors[:errors_shown],
        errors_hidden=max(0, len(errors) - errors_shown),
        polling=phase in ("waiting", "checking", "storing"),
        stale=import_job_is_stale(job),
    )
