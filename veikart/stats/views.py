from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from veikart.processes.selectors import process_get_public
from veikart.proposals import selectors as proposal_selectors


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
