from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from veikart.core.charts import bars_relative_to_max
from veikart.core.page_cache import public_page
from veikart.processes import selectors


@public_page
def process_detail(request: HttpRequest, slug: str) -> HttpResponse:
    process = selectors.process_get_public(slug=slug)
    return render(
        request,
        "processes/process_detail.html",
        {
            "process": process,
            "phases": selectors.phase_list(process=process),
            "figures": selectors.process_key_figures(process=process),
            "focus_areas": process.focus_areas.order_by("order"),
        },
    )


@public_page
def participation(request: HttpRequest, slug: str) -> HttpResponse:
    process = selectors.process_get_public(slug=slug)
    by_method = selectors.participation_by_method(process=process)
    return render(
        request,
        "processes/participation.html",
        {
            "process": process,
            "figures": selectors.process_key_figures(process=process),
            "by_method": by_method,
            "chart": bars_relative_to_max(by_method, label="method_name", count="participants"),
            "arenas": selectors.arena_list(process=process),
        },
    )
