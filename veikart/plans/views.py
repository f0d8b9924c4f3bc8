from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from veikart.plans import selectors
from veikart.processes.selectors import process_get_public


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
        },
    )


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
