"""Import screens: upload a file → say which column is which → preview → import (all or nothing).

Small files are imported during the request; larger ones (import_services.SYNC_MAX_ROWS) by the
task worker, while the job page shows a progress bar that reloads itself with htmx.
"""

import csv
import itertools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.inputs import import_selectors, import_services
from veikart.inputs.import_forms import ImportMappingForm, ImportUploadForm
from veikart.inputs.importing import TARGETS, ImportFileError, cell_text
from veikart.inputs.models import ImportJob
from veikart.processes.models import Process

SAMPLE_ROWS = 3


@process_view("inputs.import")
def import_start(request: HttpRequest, process: Process) -> HttpResponse:
    """Choose the arena and upload the file."""
    form = ImportUploadForm(request.POST or None, request.FILES or None, process=process)
    if request.method == "POST" and form.is_valid():
        try:
            job = import_services.import_job_create(
                actor=request.user,
                arena=form.cleaned_data["arena"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            return redirect("inputs:import_mapping", process.slug, job.pk)
    context = {
        "process": process,
        "form": form,
        "jobs": import_selectors.import_job_list(process=process),
        "sync_max_rows": import_services.SYNC_MAX_ROWS,
    }
    return render(request, "inputs/import_start.html", context, status=400 if form.errors else 200)


@process_view("inputs.import")
def import_mapping(request: HttpRequest, process: Process, pk: int) -> HttpResponse:
    """Which column holds what: one dropdown per field, preselected by the column names."""
    job = import_selectors.import_job_get(process=process, pk=pk)
    if job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING, ImportJob.Status.DONE):
        return redirect("inputs:import_job", process.slug, job.pk)
    try:
        table = import_services.job_table(job)
        header = table.header()
        sample = [
            [cell_text(c) for c in cells]
            for _line, cells in itertools.islice(table.data_rows(), SAMPLE_ROWS)
        ]
    except ImportFileError as e:
        messages.error(request, str(e))
        return redirect("inputs:import_start", process.slug)
    initial = {t: "" if job.mapping.get(t) is None else str(job.mapping[t]) for t in TARGETS}
    form = ImportMappingForm(request.POST or None, header=header, targets=TARGETS, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            import_services.import_job_set_mapping(
                actor=request.user, job=job, mapping=form.cleaned_data
            )
            import_services.import_job_preview(actor=request.user, job=job)
        except ValidationError as e:
            apply_errors(form, e)
        except ImportFileError as e:
            form.add_error(None, str(e))
        else:
            return redirect("inputs:import_preview", process.slug, job.pk)
    context = {
        "process": process,
        "job": job,
        "form": form,
        "header": header,
        "sample": sample,
    }
    return render(
        request, "inputs/import_mapping.html", context, status=400 if form.errors else 200
    )


@process_view("inputs.import")
def import_preview(request: HttpRequest, process: Process, pk: int) -> HttpResponse:
    """How many rows are good, every bad row with its line and reason; import only if none."""
    job = import_selectors.import_job_get(process=process, pk=pk)
    if job.status == ImportJob.Status.UPLOADED:
        return redirect("inputs:import_mapping", process.slug, job.pk)
    if job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING, ImportJob.Status.DONE):
        return redirect("inputs:import_job", process.slug, job.pk)
    state = import_selectors.import_job_state(job=job)
    context = {
        "process": process,
        "job": job,
        "state": state,
        "can_commit": job.status == ImportJob.Status.PREVIEWED and not state.errors and state.new,
        "in_background": job.total_rows > import_services.SYNC_MAX_ROWS,
    }
    return render(request, "inputs/import_preview.html", context)


@require_POST
@process_view("inputs.import")
def import_commit(request: HttpRequest, process: Process, pk: int) -> HttpResponse:
    """Store every row (small file) or queue the job (large file). Refused while rows are bad."""
    job = import_selectors.import_job_get(process=process, pk=pk)
    try:
        job = import_services.import_job_commit(actor=request.user, job=job)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("inputs:import_preview", process.slug, job.pk)
    except import_services.ImportRowsInvalid:
        messages.error(request, _("Some rows are bad, so nothing was imported."))
        return redirect("inputs:import_preview", process.slug, job.pk)
    except ImportFileError as e:
        messages.error(request, str(e))
        return redirect("inputs:import_preview", process.slug, job.pk)
    if job.status == ImportJob.Status.DONE:
        messages.success(
            request,
            _("Imported %(count)d inputs.") % {"count": job.created_count},
        )
    return redirect("inputs:import_job", process.slug, job.pk)


@process_view("inputs.import")
def import_job(request: HttpRequest, process: Process, pk: int) -> HttpResponse:
    """The job's progress (reloaded every second by htmx while it runs) and its outcome."""
    job = import_selectors.import_job_get(process=process, pk=pk)
    context = {"process": process, "job": job, "state": import_selectors.import_job_state(job=job)}
    template = "inputs/import_job.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, context)


@process_view("inputs.import")
def import_errors(request: HttpRequest, process: Process, pk: int) -> HttpResponse:
    """Every bad row of the file as a CSV file Excel opens (semicolons, byte-order mark)."""
    job = import_selectors.import_job_get(process=process, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-errors.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("line"), _("reason")])
    writer.writerows(job.errors or [])
    return response
