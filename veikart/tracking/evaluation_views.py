"""Evaluation (følgeforskning): the plan's snapshots over time, and their export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _

from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.core.permissions import can
from veikart.plans.selectors import plan_current
from veikart.tracking.forms import SnapshotForm
from veikart.tracking.models import PlanSnapshot
from veikart.tracking.selectors import ProgressBar
from veikart.tracking.snapshots import plan_snapshot_take, snapshots_csv, snapshots_xlsx


def _snapshots(process):
    return (
        PlanSnapshot.objects.filter(plan__process=process)
        .select_related("plan", "taken_by")
        .order_by("plan__version", "as_of", "id")
    )


@process_view("tracking.view_evaluation")
def snapshot_list(request: HttpRequest, process) -> HttpResponse:
    plan = plan_current(process=process)
    may_take = can(request.user, "tracking.take_snapshot", process)
    snapshots = list(_snapshots(process))
    form = SnapshotForm(request.POST or None)
    if request.method == "POST":
        if not may_take:
            raise PermissionDenied("tracking.take_snapshot")
        if plan is None:
            form.add_error(None, _("There is no plan to take a snapshot of."))
        elif form.is_valid():
            try:
                plan_snapshot_take(
                    actor=request.user,
                    plan=plan,
                    as_of=form.cleaned_data["as_of"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as e:
                apply_errors(form, e)
            else:
                messages.success(request, _("The snapshot is stored."))
                return redirect("tracking:evaluation", process.slug)
    return render(
        request,
        "tracking/evaluation.html",
        {
            "process": process,
            "plan": plan,
            "snapshots": snapshots,
            "progress_bars": [
                ProgressBar(
                    label=formats.date_format(s.as_of, "SHORT_DATE_FORMAT"),
                    count=f"{s.mean_progress:.0f} %" if s.mean_progress is not None else "–",
                    percent=float(s.mean_progress or 0),
                )
                for s in snapshots
            ],
            "form": form,
            "may_take": may_take,
        },
        status=400 if form.errors else 200,
    )


@process_view("tracking.view_evaluation")
def snapshot_export(request: HttpRequest, process, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404("Unknown format")
    snapshots = _snapshots(process)
    name = f"veikart-evaluering-{process.slug}"
    if fmt == "xlsx":
        response = HttpResponse(
            snapshots_xlsx(snapshots),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(snapshots_csv(snapshots), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
