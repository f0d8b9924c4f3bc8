from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from veikart.core.access import process_view
from veikart.processes.selectors import process_get_public
from veikart.proposals import selectors as proposal_selectors
from veikart.stats import representativeness as repr_selectors


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
