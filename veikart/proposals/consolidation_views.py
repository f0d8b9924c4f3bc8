"""Konsolider: the process's unlinked inputs as suggested clusters, and what staff do with them.

Works as plain forms and redirects; with htmx, an action on a cluster swaps only that cluster,
and a background run's progress bar reloads itself.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.inputs.models import Input
from veikart.processes.models import Process
from veikart.proposals import consolidation_selectors as selectors
from veikart.proposals import consolidation_services as services
from veikart.proposals.consolidation_forms import ClusterActionForm
from veikart.proposals.consolidation_selectors import ClusterView, ConsolidationPage
from veikart.proposals.models import Proposal

TEMPLATE = "proposals/consolidation.html"


@process_view("proposals.consolidate")
def consolidate(request: HttpRequest, process: Process) -> HttpResponse:
    """The page: the latest run's clusters, ungrouped inputs and near-duplicates, or its progress."""
    if request.htmx and request.GET.get("progress"):
        run = selectors.consolidation_run_latest(process=process)
        progress = selectors.consolidation_progress(run=run)
        if progress.phase in ("done", "failed"):
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"  # the result is ready: show the whole page
            return response
        context = {"process": process, "run": run, "progress": progress}
        return render(request, TEMPLATE + "#progress", context)
    page = selectors.consolidation_page(process=process, page=request.GET.get("page") or 1)
    return _render(request, process, page)


def _render(
    request: HttpRequest,
    process: Process,
    page: ConsolidationPage,
    *,
    bound: tuple[str, ClusterActionForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    clusters = list(page.clusters.object_list) if page.clusters else []
    ungrouped = _ungrouped_view(page)
    for cluster in [*clusters, ungrouped]:
        form = bound[1] if bound and bound[0] == cluster.key else None
        cluster.values = _values(cluster, form)
        cluster.form = form
    context = {
        "process": process,
        "page": page,
        "run": page.run,
        "progress": page.progress,
        "clusters": clusters,
        "ungrouped": ungrouped,
        "sync_max": services.SYNC_MAX_INPUTS,
    }
    return render(request, TEMPLATE, context, status=status)


def _ungrouped_view(page: ConsolidationPage) -> ClusterView:
    return ClusterView(
        key=services.UNGROUPED,
        keywords=[],
        inputs=page.ungrouped,
        size=page.ungrouped_count,
        state="open",
        title="",
        description="",
        realiser=None,
        focus_area=None,
        closest=None,
        closest_percent=0,
        proposal_number=None,
    )


def _values(cluster: ClusterView, form: ClusterActionForm | None) -> dict:
    """The values the cluster's form shows: as posted (after an error), else the suggestion."""
    if form is not None:
        data = form.data
        return {
            "inputs": {str(v) for v in data.getlist("inputs")},
            "title": data.get("title", ""),
            "description": data.get("description", ""),
            "realiser": data.get("realiser", ""),
            "focus_area": data.get("focus_area", ""),
            "proposal": data.get("proposal", ""),
        }
    pre_ticked = cluster.key != services.UNGROUPED
    return {
        "inputs": {str(i.pk) for i in cluster.inputs} if pre_ticked else set(),
        "title": cluster.title,
        "description": cluster.description,
        "realiser": cluster.realiser.value if cluster.realiser else "",
        "focus_area": cluster.focus_area.value if cluster.focus_area else "",
        "proposal": str(cluster.closest.pk) if cluster.closest else "",
    }


@require_POST
@process_view("proposals.consolidate")
def consolidate_run(request: HttpRequest, process: Process) -> HttpResponse:
    """Run the assistant over the unlinked inputs (now, or in the background if many)."""
    try:
        run = services.consolidation_run_start(actor=request.user, process=process)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        if run.status == run.Status.DONE:
            messages.success(request, _("The assistant has grouped the unlinked inputs."))
        elif run.status == run.Status.FAILED:
            messages.error(request, _("The assistant failed. Nothing was changed."))
    return redirect("proposals:consolidate", process.slug)


@require_POST
@process_view("proposals.consolidate")
def consolidate_cluster(request: HttpRequest, process: Process, run_pk: int, key: str):
    """Create a proposal from a cluster, link its inputs into an existing one, or dismiss it."""
    run = selectors.consolidation_run_get(process=process, pk=run_pk)
    if request.POST.get("one"):
        return _link_one(request, process, run, key)
    form = ClusterActionForm(request.POST, process=process)
    message = ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == "create":
                proposal = services.consolidation_cluster_create_proposal(
                    actor=request.user,
                    run=run,
                    key=key,
                    inputs=data["inputs"],
                    title=data["title"],
                    description=data["description"],
                    realiser=data["realiser"],
                    focus_area=data["focus_area"],
                )
                message = _("Proposal %(number)d was created.") % {"number": proposal.number}
            elif data["action"] == "link":
                proposal = services.consolidation_cluster_link(
                    actor=request.user,
                    run=run,
                    key=key,
                    inputs=data["inputs"],
                    proposal=data["proposal"],
                )
                message = _("The inputs were linked into proposal %(number)d.") % {
                    "number": proposal.number
                }
            else:
                services.consolidation_cluster_reject(actor=request.user, run=run, key=key)
                message = _("The suggestion was dismissed.")
        except ValidationError as e:
            apply_errors(form, e)
    if form.errors:
        return _answer_error(request, process, run, key, form)
    if request.htmx and key != services.UNGROUPED:
        run = selectors.consolidation_run_get(process=process, pk=run_pk)  # as the action left it
        page = selectors.consolidation_page(process=process, run=run, key=key)
        context = {"process": process, "run": run, "cluster": page.clusters.object_list[0]}
        context["done_message"] = message
        return render(request, TEMPLATE + "#cluster", context)
    messages.success(request, message)
    return redirect(reverse("proposals:consolidate", args=[process.slug]) + "#clusters")


def _answer_error(request, process, run, key, form) -> HttpResponse:
    page_number = request.POST.get("page") or 1
    run = selectors.consolidation_run_get(process=process, pk=run.pk)
    if request.htmx and key != services.UNGROUPED:
        page = selectors.consolidation_page(process=process, run=run, key=key)
        if page.clusters and page.clusters.object_list:
            cluster = page.clusters.object_list[0]
            cluster.values, cluster.form = _values(cluster, form), form
            context = {"process": process, "run": run, "cluster": cluster, "page": page}
            return render(request, TEMPLATE + "#cluster", context, status=400)
    page = selectors.consolidation_page(process=process, page=page_number)
    return _render(request, process, page, bound=(key, form), status=400)


def _link_one(request: HttpRequest, process: Process, run, key: str) -> HttpResponse:
    """The "Link to N" button beside one input: link just that input to its closest proposal."""
    input_pk, _sep, proposal_pk = request.POST["one"].partition(":")
    item = Input.objects.filter(process=process, pk=_int(input_pk)).first()
    proposal = Proposal.objects.filter(process=process, pk=_int(proposal_pk)).first()
    if item is None or proposal is None:
        messages.error(request, _("No such input or proposal."))
    else:
        try:
            services.consolidation_cluster_link(
                actor=request.user, run=run, key=key, inputs=[item], proposal=proposal
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request,
                _("The input was linked into proposal %(number)d.") % {"number": proposal.number},
            )
    return redirect(reverse("proposals:consolidate", args=[process.slug]) + "#ungrouped")


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0
