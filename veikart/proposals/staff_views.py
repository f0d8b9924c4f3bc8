"""Staff work on one proposal: edit, unlink or move inputs, split it, merge others into it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.core.models import AuditLog
from veikart.inputs.models import Input
from veikart.proposals import services
from veikart.proposals.models import Proposal, ProposalStatus
from veikart.proposals.staff_forms import MergeForm, MoveForm, ProposalEditForm, SplitForm


def _proposal(process, number: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("focus_area", "merged_into"), process=process, number=number
    )


@process_view("proposals.consolidate")
def proposal_manage(request: HttpRequest, process, number: int) -> HttpResponse:
    proposal = _proposal(process, number)
    if proposal.status == ProposalStatus.MERGED:
        messages.info(request, _("This proposal was merged into another."))
        return redirect("proposals:manage", process.slug, proposal.merged_into.number)
    initial = {
        "title": proposal.title,
        "description": proposal.description,
        "realiser": proposal.realiser,
        "focus_area": proposal.focus_area,
        "status": proposal.status,
    }
    form = ProposalEditForm(request.POST or None, initial=initial, process=process)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_update(actor=request.user, proposal=proposal, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The proposal was saved."))
            return redirect("proposals:manage", process.slug, proposal.number)
    return _render(request, process, proposal, form=form, status=400 if form.errors else 200)


def _render(request, process, proposal, *, status: int = 200, **forms) -> HttpResponse:
    links = proposal.input_links.select_related("input__arena", "linked_by").order_by("input_id")
    context = {
        "process": process,
        "proposal": proposal,
        "links": links,
        "form": forms.get("form")
        or ProposalEditForm(
            initial={
                "title": proposal.title,
                "description": proposal.description,
                "realiser": proposal.realiser,
                "focus_area": proposal.focus_area,
                "status": proposal.status,
            },
            process=process,
        ),
        "merge_form": forms.get("merge_form") or MergeForm(proposal=proposal),
        "split_form": forms.get("split_form") or SplitForm(proposal=proposal),
        "move_form": MoveForm(proposal=proposal),
        "history": AuditLog.objects.for_object(proposal).select_related("actor")[:20],
    }
    return render(request, "proposals/proposal_manage.html", context, status=status)


@require_POST
@process_view("proposals.consolidate")
def proposal_merge(request: HttpRequest, process, number: int) -> HttpResponse:
    proposal = _proposal(process, number)
    form = MergeForm(request.POST, proposal=proposal)
    if form.is_valid():
        try:
            services.proposal_merge(
                actor=request.user, target=proposal, sources=form.cleaned_data["sources"]
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(
                request, _("The proposals were merged. Every input and vote came along.")
            )
            return redirect("proposals:manage", process.slug, proposal.number)
    return _render(request, process, proposal, merge_form=form, status=400)


@require_POST
@process_view("proposals.consolidate")
def proposal_split(request: HttpRequest, process, number: int) -> HttpResponse:
    proposal = _proposal(process, number)
    form = SplitForm(request.POST, proposal=proposal)
    if form.is_valid():
        try:
            new = services.proposal_split(
                actor=request.user,
                proposal=proposal,
                inputs=form.cleaned_data["inputs"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("A new proposal was split off."))
            return redirect("proposals:manage", process.slug, new.number)
    return _render(request, process, proposal, split_form=form, status=400)


@require_POST
@process_view("proposals.consolidate")
def proposal_input_action(request: HttpRequest, process, number: int) -> HttpResponse:
    """Unlink an input, or move it to another proposal."""
    proposal = _proposal(process, number)
    item = get_object_or_404(Input, process=process, pk=request.POST.get("input_id") or 0)
    if request.POST.get("action") == "unlink":
        services.proposal_unlink_input(actor=request.user, proposal=proposal, item=item)
        messages.success(
            request, _("The input was unlinked. It is back among the unlinked inputs.")
        )
    else:
        form = MoveForm(request.POST, proposal=proposal)
        if not form.is_valid():
            messages.error(request, _("Choose the proposal to move the input to."))
        else:
            try:
                services.input_move(
                    actor=request.user,
                    item=item,
                    source=proposal,
                    target=form.cleaned_data["target"],
                )
            except ValidationError as e:
                messages.error(request, " ".join(e.messages))
            else:
                messages.success(request, _("The input was moved."))
    return redirect("proposals:manage", process.slug, proposal.number)
