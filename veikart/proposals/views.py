from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from veikart.core.pagination import paginate, query_without_page
from veikart.processes.selectors import process_get_public
from veikart.proposals import selectors
from veikart.proposals.forms import ProposalFilterForm


def proposal_list(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_get_public(slug=slug)
    form = ProposalFilterForm(request.GET or None, process=process)
    filters = form.filters()
    page = paginate(request, selectors.proposal_list(process=process, filters=filters))
    context = {
        "process": process,
        "form": form,
        "page": page,
        "query": query_without_page(request),
        "realiser_shares": selectors.realiser_distribution(process=process),
    }
    template = "proposals/proposal_list.html"
    if request.htmx and request.htmx.target == "proposal-results":
        template += "#results"
    return render(request, template, context)


def proposal_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    process = process_get_public(slug=slug)
    proposal = selectors.proposal_get(process=process, number=number)
    if proposal.merged_into_id:
        return redirect("proposals:detail", process.slug, proposal.merged_into.number)
    inputs = list(selectors.proposal_inputs(proposal=proposal))
    return render(
        request,
        "proposals/proposal_detail.html",
        {
            "process": process,
            "proposal": proposal,
            "inputs": inputs,
            "actor_links": selectors.proposal_actor_links(proposal=proposal),
            "measures": proposal.measures.select_related("strategy__goal__plan").order_by("id"),
        },
    )
