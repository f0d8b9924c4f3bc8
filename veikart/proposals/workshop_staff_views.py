"""Staff screens for the roadmap workshop: set-up, scope, tables, open/close, results, plans."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.core.models import AuditLog
from veikart.proposals import realisation_services
from veikart.proposals import workshop_selectors as selectors
from veikart.proposals import workshop_services as services
from veikart.proposals.models import Proposal, Workshop
from veikart.proposals.workshop_export import results_csv, results_xlsx
from veikart.proposals.workshop_forms import (
    GroupsForm,
    RealisationPlanForm,
    ScopeFilterForm,
    WorkshopForm,
)


def _workshop(process, pk: int) -> Workshop:
    return get_object_or_404(Workshop.objects.select_related("process"), process=process, pk=pk)


@process_view("workshops.run")
def workshop_list(request: HttpRequest, process) -> HttpResponse:
    form = WorkshopForm(
        request.POST or None,
        process=process,
        initial={"voting_method": "dots", "dots_per_person": 5, "several_dots_per_proposal": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_create(
                actor=request.user, process=process, **form.cleaned_data
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The workshop was created. Now choose its proposals."))
            return redirect("proposals:workshop_scope", process.slug, workshop.pk)
    return render(
        request,
        "proposals/workshop_list.html",
        {"process": process, "workshops": selectors.workshop_list(process=process), "form": form},
        status=400 if form.errors else 200,
    )


@process_view("workshops.run")
def workshop_manage(request: HttpRequest, process, pk: int) -> HttpResponse:
    workshop = _workshop(process, pk)
    initial = {
        "title": workshop.title,
        "held_on": workshop.held_on,
        "arena": workshop.arena,
        "voting_method": workshop.voting_method,
        "dots_per_person": workshop.dots_per_person,
        "several_dots_per_proposal": workshop.several_dots_per_proposal,
    }
    form = WorkshopForm(request.POST or None, process=process, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_update(actor=request.user, workshop=workshop, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The workshop was saved."))
            return redirect("proposals:workshop_manage", process.slug, workshop.pk)
    return _render_manage(request, process, workshop, form=form)


def _render_manage(request, process, workshop, *, form=None, groups_form=None) -> HttpResponse:
    groups = selectors.workshop_groups(workshop=workshop)
    context = {
        "process": process,
        "workshop": workshop,
        "form": form,
        "groups_form": groups_form
        or GroupsForm(initial={"groups": "\n".join(g.name for g in groups)}),
        "results": selectors.workshop_results(workshop=workshop, top=10),
        "phone_url": request.build_absolute_uri(
            reverse("proposals:workshop_join", args=[workshop.code])
        ),
        "history": AuditLog.objects.for_object(workshop)
        .exclude(action__in=["workshop.vote", "workshop.rank", "workshop.join"])
        .select_related("actor")[:15],
    }
    has_errors = (form is not None and form.errors) or (
        groups_form is not None and groups_form.errors
    )
    return render(
        request, "proposals/workshop_manage.html", context, status=400 if has_errors else 200
    )


@require_POST
@process_view("workshops.run")
def workshop_groups(request: HttpRequest, process, pk: int) -> HttpResponse:
    workshop = _workshop(process, pk)
    form = GroupsForm(request.POST)
    if form.is_valid():
        try:
            services.workshop_set_groups(actor=request.user, workshop=workshop, names=form.names())
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The tables were saved."))
            return redirect("proposals:workshop_manage", process.slug, workshop.pk)
    return _render_manage(request, process, workshop, groups_form=form)


@require_POST
@process_view("workshops.run")
def workshop_status(request: HttpRequest, process, pk: int) -> HttpResponse:
    workshop = _workshop(process, pk)
    try:
        services.workshop_set_status(
            actor=request.user, workshop=workshop, status=request.POST.get("status", "")
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(
            request,
            _("The workshop is now: %(status)s.")
            % {"status": Workshop.objects.get(pk=workshop.pk).get_status_display()},
        )
    return redirect("proposals:workshop_manage", process.slug, workshop.pk)


def _scope_queryset(process, values: dict):
    qs = Proposal.objects.filter(process=process).public().select_related("focus_area")
    if values.get("focus_area"):
        qs = qs.filter(focus_area_id=values["focus_area"])
    if values.get("realiser"):
        qs = qs.filter(realiser=values["realiser"])
    if values.get("actor"):
        qs = qs.filter(actor_links__actor_id=values["actor"])
    if values.get("q"):
        from veikart.proposals.search import query_stems

        for stem in query_stems(values["q"]):
            qs = qs.filter(search_stems__contains=" " + stem)
    return qs.distinct().order_by("number")


@process_view("workshops.run")
def workshop_scope(request: HttpRequest, process, pk: int) -> HttpResponse:
    """Choose the proposals in scope: filter, select all matching, untick, save."""
    workshop = _workshop(process, pk)
    filters = ScopeFilterForm(request.GET or None, process=process)
    values = filters.values()
    shown = list(_scope_queryset(process, values))
    if request.method == "POST":
        shown_ids = {int(x) for x in request.POST.getlist("shown") if x.isdigit()}
        selected_ids = {int(x) for x in request.POST.getlist("proposals") if x.isdigit()}
        by_id = {
            p.pk: p
            for p in Proposal.objects.filter(process=process, pk__in=shown_ids | selected_ids)
        }
        try:
            total = services.workshop_set_proposals(
                actor=request.user,
                workshop=workshop,
                selected=[by_id[i] for i in selected_ids if i in by_id],
                shown=[by_id[i] for i in shown_ids if i in by_id],
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request,
                _("%(n)d proposals are now in the workshop.") % {"n": total},
            )
            return redirect(request.get_full_path())
    in_scope = set(workshop.proposals.values_list("pk", flat=True))
    select_all = request.GET.get("select") == "all"
    rows = [{"proposal": p, "checked": select_all or p.pk in in_scope} for p in shown]
    return render(
        request,
        "proposals/workshop_scope.html",
        {
            "process": process,
            "workshop": workshop,
            "filters": filters,
            "rows": rows,
            "in_scope": len(in_scope),
            "query": request.GET.urlencode(),
            "locked": workshop.status != Workshop.Status.DRAFT,
        },
    )


@process_view("workshops.run")
def workshop_results(request: HttpRequest, process, pk: int) -> HttpResponse:
    """The printable page: every proposal's score overall and per table, and the plans."""
    workshop = _workshop(process, pk)
    results = selectors.workshop_results(workshop=workshop)
    return render(
        request,
        "proposals/workshop_results.html",
        {
            "process": process,
            "workshop": workshop,
            "results": results,
            "columns": results.group_columns(),
            "table": results.table(),
            "plans": selectors.realisation_plans(workshop=workshop),
        },
    )


@process_view("workshops.run")
def workshop_export(request: HttpRequest, process, pk: int, fmt: str) -> HttpResponse:
    workshop = _workshop(process, pk)
    if fmt == "csv":
        return results_csv(workshop=workshop)
    if fmt == "xlsx":
        return results_xlsx(workshop=workshop)
    return HttpResponse(_("Choose csv or xlsx."), status=404, content_type="text/plain")


@process_view("workshops.run")
def realisation_plan_edit(request: HttpRequest, process, pk: int, number: int) -> HttpResponse:
    workshop = _workshop(process, pk)
    proposal = get_object_or_404(workshop.proposals.all(), number=number)
    plan = workshop.realisations.filter(proposal=proposal).first()
    initial = {}
    if plan:
        initial = {
            "group": plan.group,
            "responsible": plan.responsible,
            "partners": list(plan.partners.all()),
            "first_steps": plan.first_steps,
            "time_frame": plan.time_frame,
            "residents_contribution": plan.residents_contribution,
        }
    form = RealisationPlanForm(request.POST or None, workshop=workshop, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            realisation_services.realisation_plan_save(
                actor=request.user, workshop=workshop, proposal=proposal, **form.cleaned_data
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The realisation plan was saved."))
            return redirect("proposals:workshop_results", process.slug, workshop.pk)
    return render(
        request,
        "proposals/realisation_plan_form.html",
        {
            "process": process,
            "workshop": workshop,
            "proposal": proposal,
            "form": form,
            "plan": plan,
        },
        status=400 if form.errors else 200,
    )
