from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from veikart.core.access import process_view
from veikart.core.page_cache import public_page
from veikart.processes.selectors import process_get_public
from veikart.proposals import selectors as proposal_selectors
from veikart.stats import dashboard as stats_dashboard
from veikart.stats import open_data as open_data_module
from veikart.stats import representativeness as repr_selectors


@public_page
def distribution(request: HttpRequest, slug: str) -> HttpResponse:
    """Fordelingen: who can realise the proposals, by focus area and by method."""
    process = process_get_public(slug=slug)
    return render(
        request,
        "stats/distribution.html",
        {
            "process": process,
            "by_realiser": proposal_selectors.realiser_distribution(process=process),
            "by_focus_area": proposal_selectors.focus_area_distribution(process=process),
            "by_method": proposal_selectors.method_distribution(process=process),
        },
    )


@public_page
def representativeness(request: HttpRequest, slug: str) -> HttpResponse:
    """The public version: every group against the population; counts under 5 hidden."""
    process = process_get_public(slug=slug)
    return render(
        request,
        "stats/representativeness.html",
        {
            "process": process,
            "report": repr_selectors.representativeness(process=process, public=True),
            "staff": False,
            "base_template": "base.html",
        },
    )


@process_view("stats.view_representativeness")
def representativeness_staff(request: HttpRequest, process) -> HttpResponse:
    """The process manager's version, with every count, during the solution hunt and after."""
    return render(
        request,
        "stats/representativeness.html",
        {
            "process": process,
            "report": repr_selectors.representativeness(process=process),
            "staff": True,
            "base_template": "staff_base.html",
        },
    )


@public_page
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """Statistics: participation over time, by method, arena and area; inputs and proposals by
    focus area and realiser; measures by status. Each chart with its table and a CSV."""
    from django.utils.safestring import mark_safe

    process = process_get_public(slug=slug)
    charts = [
        (c, mark_safe(c.svg))  # noqa: S308 - our own SVG, every text escaped  # nosec B308 B703
        for c in stats_dashboard.dashboard(process=process)
    ]
    return render(request, "stats/dashboard.html", {"process": process, "charts": charts})


def dashboard_csv(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    process = process_get_public(slug=slug)
    chart = stats_dashboard.BY_KEY.get(key)
    if chart is None:
        raise Http404("No such chart")
    response = HttpResponse(
        stats_dashboard.table_csv(chart.select(process=process)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{process.slug}-{key}.csv"'
    return response


def open_data(request: HttpRequest, slug: str) -> HttpResponse:
    """What the open-data ZIP holds, its licence, and the download link."""
    process = process_get_public(slug=slug)
    return render(
        request,
        "stats/open_data.html",
        {
            "process": process,
            "resources": open_data_module.RESOURCES,
            "licence": open_data_module.licence(),
            "small_cell": open_data_module.SMALL_CELL,
        },
    )


def open_data_zip(request: HttpRequest, slug: str) -> FileResponse:
    """The ZIP, built into a spooled temporary file and streamed from it."""
    process = process_get_public(slug=slug)
    return FileResponse(
        open_data_module.zip_spooled(process),
        as_attachment=True,
        filename=open_data_module.zip_name(process),
        content_type="application/zip",
    )
