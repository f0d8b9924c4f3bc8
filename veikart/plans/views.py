from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from veikart.core.page_cache import public_page
from veikart.plans import documents, selectors
from veikart.processes.selectors import process_get_public


@public_page
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_get_public(slug=slug)
    plan = selectors.plan_current(process=process)
    if plan is None:
        return render(request, "plans/plan_none.html", {"process": process})
    return render(
        request,
        "plans/plan_detail.html",
        {
            "process": process,
            "plan": plan,
            "goals": selectors.plan_goal_tree(plan=plan),
            "status_counts": selectors.measure_status_counts(plan=plan),
            "decisions": plan.decisions.order_by("meeting_date"),
            "resident_share": selectors.plan_resident_share(plan=plan),
        },
    )


@public_page
def measure_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = process_get_public(slug=slug)
    measure = selectors.measure_get(process=process, pk=pk)
    return render(
        request,
        "plans/measure_detail.html",
        {
            "process": process,
            "measure": measure,
            "updates": selectors.measure_updates(measure=measure),
            "proposals": selectors.measure_proposals(measure=measure),
        },
    )


def plan_document(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The public (adopted) plan as a PDF or DOCX download."""
    process = process_get_public(slug=slug)
    plan = selectors.plan_current(process=process)
    if plan is None or fmt not in documents.FORMATS:
        raise Http404("No such document")
    return _document_response(plan, fmt)


def _document_response(plan, fmt: str) -> HttpResponse:
    response = HttpResponse(documents.render_plan(plan=plan, fmt=fmt), documents.FORMATS[fmt])
    filename = documents.document_filename(plan, fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
