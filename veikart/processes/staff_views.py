"""Staff screens for arenas: plan an arena from a method, record who took part, the ledger."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.processes import selectors, services
from veikart.processes.forms import ArenaForm, ParticipationForm
from veikart.processes.models import Method


@process_view("processes.view_dashboard")
def arena_list(request: HttpRequest, process) -> HttpResponse:
    """The participation ledger: every arena with its headcount and inputs, by method."""
    return render(
        request,
        "processes/arena_list.html",
        {
            "process": process,
            "arenas": selectors.arena_list(process=process, public=False),
            "by_method": selectors.participation_by_method(process=process),
            "total": selectors.participant_total(process=process),
            "methods": Method.objects.order_by("name"),
        },
    )


@process_view("arenas.manage")
def arena_create(request: HttpRequest, process) -> HttpResponse:
    method = Method.objects.filter(slug=request.GET.get("method", "")).first()
    form = ArenaForm(request.POST or None, initial={"method": method})
    if request.method == "POST" and form.is_valid():
        try:
            arena = services.arena_create(actor=request.user, process=process, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The arena was created."))
            return redirect("processes:arena_detail", process.slug, arena.pk)
    chosen = method or (form.cleaned_data.get("method") if form.is_bound else None)
    return render(
        request,
        "processes/arena_form.html",
        {"process": process, "form": form, "method": chosen, "methods": Method.objects.all()},
    )


@process_view("processes.view_dashboard")
def arena_detail(request: HttpRequest, process, pk: int) -> HttpResponse:
    arena = selectors.arena_get(process=process, pk=pk)
    return render(
        request,
        "processes/arena_detail.html",
        {
            "process": process,
            "arena": arena,
            "breakdown": selectors.arena_breakdown_labelled(arena=arena),
            "input_count": arena.inputs.count(),
        },
    )


@process_view("arenas.manage")
def arena_edit(request: HttpRequest, process, pk: int) -> HttpResponse:
    arena = selectors.arena_get(process=process, pk=pk)
    form = ArenaForm(request.POST or None, instance=arena)
    if request.method == "POST" and form.is_valid():
        try:
            services.arena_update(actor=request.user, arena=arena, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The arena was saved."))
            return redirect("processes:arena_detail", process.slug, arena.pk)
    return render(
        request,
        "processes/arena_form.html",
        {"process": process, "form": form, "method": arena.method, "arena": arena},
    )


@process_view("arenas.manage")
def arena_participation(request: HttpRequest, process, pk: int) -> HttpResponse:
    arena = selectors.arena_get(process=process, pk=pk)
    if arena.counts_itself:
        messages.info(request, _("This arena counts its participants from the inputs."))
        return redirect("processes:arena_detail", process.slug, arena.pk)
    form = ParticipationForm(
        request.POST or None,
        initial={"total": arena.participant_count},
        breakdown=selectors.arena_breakdown(arena=arena),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.arena_record_participation(
                actor=request.user,
                arena=arena,
                total=form.cleaned_data["total"],
                breakdown=form.breakdown(),
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("Participation was recorded."))
            return redirect("processes:arena_detail", process.slug, arena.pk)
    return render(
        request,
        "processes/arena_participation.html",
        {"process": process, "arena": arena, "form": form},
    )
