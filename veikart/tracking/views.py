"""Implementation tracking: where the plan stands, committees, posting updates, attachments."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from veikart.core.forms import apply_errors
from veikart.core.page_cache import public_page
from veikart.core.uploads import CONTENT_TYPES, EXTENSIONS
from veikart.plans.selectors import plan_current
from veikart.processes.selectors import process_get_public
from veikart.tracking import selectors, services
from veikart.tracking.forms import MeasureUpdateForm
from veikart.tracking.permissions import measure_update_allowed


@public_page
def plan_status(request: HttpRequest, slug: str) -> HttpResponse:
    """Where the whole plan stands: status totals, progress by focus area and goal, overdue."""
    process = process_get_public(slug=slug)
    plan = plan_current(process=process)
    if plan is None:
        return render(request, "plans/plan_none.html", {"process": process})
    rollup = selectors.plan_rollup(plan=plan)
    counts = selectors.status_counts(plan=plan)
    return render(
        request,
        "tracking/plan_status.html",
        {
            "process": process,
            "plan": plan,
            "rollup": rollup,
            "status_counts": counts,
            "status_bars": [
                {"label": c.label, "count": c.count, "percent": c.percent} for c in counts
            ],
            "focus_bars": selectors.progress_bars(rollup.focus_areas),
            "goal_bars": selectors.progress_bars(rollup.goals),
            "overdue": list(selectors.measures_overdue(plan=plan)),
            "latest": list(selectors.updates_latest(plan=plan)),
            "committees": selectors.committee_list(process=process),
        },
    )


def committee_list(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_get_public(slug=slug)
    return render(
        request,
        "tracking/committee_list.html",
        {
            "process": process,
            "committees": selectors.committee_list(process=process),
            "mine": set(
                selectors.committees_of_user(user=request.user, process=process).values_list(
                    "pk", flat=True
                )
            ),
        },
    )


def committee_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A committee's page: the measures it follows, with status, progress and overdue flags."""
    process = process_get_public(slug=slug)
    committee = selectors.committee_get(process=process, pk=pk)
    measures = list(selectors.committee_measures(committee=committee))
    today = selectors.today()
    for m in measures:
        m.overdue = selectors.is_overdue(m, today)
    is_member = committee.memberships.filter(user_id=request.user.pk).exists()
    # every measure here is followed by this committee, so one check answers for all of them
    may_post = bool(measures) and measure_update_allowed(
        user=request.user, measure=_with_process(measures[0], process)
    )
    return render(
        request,
        "tracking/committee_detail.html",
        {
            "process": process,
            "committee": committee,
            "measures": measures,
            "is_member": is_member,
            "may_post": may_post,
        },
    )


def _with_process(measure, process):
    """Attach the already-loaded process so the permission check needs no extra query."""
    measure.strategy.goal.plan.process = process
    return measure


def update_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Post a dated update on a measure (committee members for their measures, managers all)."""
    process = process_get_public(slug=slug)
    measure = selectors.measure_for_update(process=process, pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not measure_update_allowed(user=request.user, measure=measure):
        raise PermissionDenied("tracking.post_update")
    form = MeasureUpdateForm(
        request.POST or None,
        request.FILES or None,
        initial={"status": measure.status, "progress": measure.progress},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.measure_update_post(
                actor=request.user,
                measure=measure,
                date=data["date"],
                status=data["status"],
                progress=data["progress"],
                text=data["text"],
                attachment=data["attachment"],
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The update is posted."))
            return redirect("plans:measure", process.slug, measure.pk)
    return render(
        request,
        "tracking/update_form.html",
        {
            "process": process,
            "measure": measure,
            "form": form,
            "committees": selectors.committees_of_user(user=request.user, process=process),
        },
        status=400 if form.errors else 200,
    )


update_create.permission_action = "tracking.post_update"  # for the URL ↔ permission test


def attachment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Serve an update's attachment as a download, with its checked content type."""
    process = process_get_public(slug=slug)
    update = selectors.update_get(process=process, pk=pk)
    if not update.attachment:
        raise Http404("No attachment")
    extension = update.attachment.name.rsplit(".", 1)[-1].lower()
    kinds = {ext: kind for kind, ext in EXTENSIONS.items()}
    if extension not in kinds:
        raise Http404("No attachment")
    response = FileResponse(
        update.attachment.open("rb"),
        as_attachment=kinds[extension] not in ("png", "jpeg"),
        filename=f"tiltak-{update.measure.number or update.measure_id}-{update.date}.{extension}",
        content_type=CONTENT_TYPES[kinds[extension]],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
