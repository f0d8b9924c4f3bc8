from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from veikart.core import ratelimit
from veikart.core.page_cache import memo, public_page
from veikart.core.pagination import paginate, query_without_page
from veikart.core.permissions import can
from veikart.processes.selectors import process_get_public
from veikart.proposals import selectors, support_services, workshop_selectors
from veikart.proposals.forms import ProposalFilterForm

SUPPORT_TOKEN_KEY = "support_token"  # noqa: S105 (a session key name)  # nosec B105


@public_page
def proposal_list(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_get_public(slug=slug)
    partial_only = bool(request.htmx and request.htmx.target == "proposal-results")

    def body() -> str:
        form = ProposalFilterForm(request.GET or None, process=process)
        filters = form.filters()
        proposals = selectors.proposal_list(process=process, filters=filters)
        count = memo(request, "proposal_count", process.pk, filters, compute=proposals.count)
        page = paginate(request, proposals, count=count)
        page.object_list = selectors.with_input_counts(page.object_list)
        context = {
            "process": process,
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "realiser_shares": memo(
                request,
                "realiser_shares",
                process.pk,
                compute=lambda: selectors.realiser_distribution(process=process),
            ),
        }
        template = "proposals/proposal_list.html#" + ("results" if partial_only else "body")
        return render_to_string(template, context, request)

    # The page's content (filters, results) is the same for every visitor — no form with a
    # token, no name in it — so it is kept by query, language and data version for signed-in
    # users and sessions too; only the frame (base.html) is rendered per visitor.
    key = (process.pk, sorted(request.GET.lists()), get_language(), partial_only)
    html = memo(request, "proposal_list", *key, compute=body)
    if partial_only:
        return HttpResponse(html)
    return render(request, "proposals/proposal_list.html", {"process": process, "body": html})


@public_page
def proposal_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    process = process_get_public(slug=slug)
    proposal = selectors.proposal_get(process=process, number=number)
    if proposal.merged_into_id:
        return redirect("proposals:detail", process.slug, proposal.merged_into.number)

    def details() -> tuple[str, int]:
        inputs = list(selectors.proposal_inputs(proposal=proposal))
        context = {
            "process": process,
            "proposal": proposal,
            "inputs": inputs,
            "actor_links": selectors.proposal_actor_links(proposal=proposal),
            "measures": proposal.measures.select_related("strategy__goal__plan").order_by("id"),
            "realisation_plans": workshop_selectors.proposal_realisation_plans(proposal=proposal),
        }
        html = render_to_string("proposals/proposal_detail.html#details", context, request)
        return html, len(inputs)

    # Everything below the support box is the same for every visitor: kept per language and
    # data version, for signed-in users and sessions too.
    details_html, input_count = memo(
        request, "proposal_details", proposal.pk, get_language(), compute=details
    )
    return render(
        request,
        "proposals/proposal_detail.html",
        {
            "process": process,
            "proposal": proposal,
            "input_count": input_count,
            "details": details_html,
            **_support_context(request, process, proposal),
        },
    )


def _support_context(request: HttpRequest, process, proposal, *, confirm_step=True) -> dict:
    """`support_as_link`: a visitor with no session yet (the cached page's visitor, see
    core/page_cache.py) gets a link to a confirmation step instead of a form, so the shared page
    carries no CSRF token; the step shows the form. Everyone else gets the form at once."""
    return {
        "support_as_link": confirm_step
        and not request.user.is_authenticated
        and not request.session.session_key,
        "support_count": workshop_selectors.support_count(proposal=proposal),
        "supported": workshop_selectors.support_exists(
            proposal=proposal, user=request.user, token=request.session.get(SUPPORT_TOKEN_KEY, "")
        ),
        "can_support": can(request.user, "proposals.support", process),
    }


@require_http_methods(["GET", "POST"])
def proposal_support(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Support a proposal, or take the support back (action=withdraw). htmx swaps the box.
    GET shows the support form (the confirmation step of a visitor with no session yet)."""
    process = process_get_public(slug=slug)
    proposal = selectors.proposal_get(process=process, number=number)
    if not can(request.user, "proposals.support", process):
        if not request.user.is_authenticated and process.requires_account:
            return redirect_to_login(request.get_full_path())
        messages.error(request, _("Support is not open in this phase."))
        return redirect("proposals:detail", process.slug, proposal.number)
    if request.method == "GET":
        if proposal.merged_into_id:
            return redirect("proposals:detail", process.slug, proposal.merged_into.number)
        context = {
            "process": process,
            "proposal": proposal,
            **_support_context(request, process, proposal, confirm_step=False),
        }
        if request.htmx:
            return render(request, "proposals/proposal_detail.html#support", context)
        return render(request, "proposals/proposal_support.html", context)
    error = ""
    if not ratelimit.allow(request, "support"):
        error = _("Too many attempts. Wait a few minutes and try again.")
    else:
        token = ""  # nosec B105
        if not request.user.is_authenticated:
            token = request.session.get(SUPPORT_TOKEN_KEY) or support_services.support_token_new()
            request.session[SUPPORT_TOKEN_KEY] = token
        try:
            if request.POST.get("action") == "withdraw":
                support_services.support_withdraw(
                    actor=request.user, proposal=proposal, token=token
                )
            else:
                support_services.support_add(actor=request.user, proposal=proposal, token=token)
        except ValidationError as e:
            error = " ".join(e.messages)
    if request.htmx:
        context = {
            "process": process,
            "proposal": proposal,
            "support_error": error,
            **_support_context(request, process, proposal),
        }
        return render(request, "proposals/proposal_detail.html#support", context)
    if error:
        messages.error(request, error)
    return redirect("proposals:detail", process.slug, proposal.number)
