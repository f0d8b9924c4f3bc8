"""The plan builder for staff: drafts, goals, strategies, measures, versions and the decision.

Every write goes through plans.services, whose one frozen check refuses changes to an adopted
plan; a refusal comes back here as a ValidationError and is shown to the user.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.core.permissions import can
from veikart.plans import documents, selectors, services
from veikart.plans.forms import (
    DecisionForm,
    DraftFromProposalsForm,
    GoalForm,
    MeasureForm,
    PlanForm,
    StrategyForm,
    VersionForm,
)
from veikart.plans.models import Goal, Measure, Strategy
from veikart.plans.views import _document_response


def _refused(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@process_view("plans.edit")
def plan_manage_list(request: HttpRequest, process) -> HttpResponse:
    form = PlanForm(request.POST or None, initial={"main_goal": process.main_goal})
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(actor=request.user, process=process, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The draft plan was created."))
            return redirect("plans:manage", process.slug, plan.pk)
    return render(
        request,
        "plans/plan_manage_list.html",
        {"process": process, "plans": selectors.plan_list_for_staff(process=process), "form": form},
        status=400 if form.errors else 200,
    )


@process_view("plans.edit")
def plan_manage(request: HttpRequest, process, pk: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    initial = {
        "title": plan.title,
        "main_goal": plan.main_goal,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
    }
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect("plans:manage", process.slug, plan.pk)
    goals = selectors.plan_builder_tree(plan=plan)
    return render(
        request,
        "plans/plan_manage.html",
        {
            "process": process,
            "plan": plan,
            "form": form,
            "goals": goals,
            "goal_form": GoalForm(plan=plan),
            "strategy_form": StrategyForm(
                plan=plan, initial={"goal": goals[-1] if goals else None}
            ),
            "version_form": VersionForm(),
            "decision_form": DecisionForm(),
            "may_decide": can(request.user, "plans.record_decision", process),
            "resident_share": selectors.plan_resident_share(plan=plan),
            "versions": selectors.plan_versions(plan=plan),
            "decisions": plan.decisions.select_related("version").order_by("meeting_date"),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@process_view("plans.edit")
def goal_add(request: HttpRequest, process, pk: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    form = GoalForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            services.goal_create(actor=request.user, plan=plan, **form.cleaned_data)
            messages.success(request, _("The goal was added."))
        except ValidationError as e:
            _refused(request, e)
    else:
        messages.error(request, _("Choose a focus area and give the goal a title."))
    return redirect("plans:manage", process.slug, plan.pk)


@require_POST
@process_view("plans.edit")
def strategy_add(request: HttpRequest, process, pk: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    form = StrategyForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            services.strategy_create(
                actor=request.user, goal=form.cleaned_data["goal"], title=form.cleaned_data["title"]
            )
            messages.success(request, _("The strategy was added."))
        except ValidationError as e:
            _refused(request, e)
    else:
        messages.error(request, _("Choose a goal and give the strategy a title."))
    return redirect("plans:manage", process.slug, plan.pk)


def _item_page(request, process, plan, *, form, heading, delete: bool, status=200):
    return render(
        request,
        "plans/plan_item_form.html",
        {"process": process, "plan": plan, "form": form, "heading": heading, "delete": delete},
        status=status,
    )


def _item_edit(request, process, plan, *, form, heading, update, delete, saved, deleted):
    """Edit or delete one goal or strategy: the same steps for both."""
    if request.method == "POST":
        try:
            if "delete" in request.POST:
                delete()
                messages.success(request, deleted)
                return redirect("plans:manage", process.slug, plan.pk)
            if form.is_valid():
                update(**form.cleaned_data)
                messages.success(request, saved)
                return redirect("plans:manage", process.slug, plan.pk)
        except ValidationError as e:
            apply_errors(form, e)
    return _item_page(
        request,
        process,
        plan,
        form=form,
        heading=heading,
        delete=True,
        status=400 if form.errors else 200,
    )


@process_view("plans.edit")
def goal_edit(request: HttpRequest, process, pk: int, goal_id: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    goal = get_object_or_404(Goal, plan=plan, pk=goal_id)
    form = GoalForm(
        request.POST or None,
        plan=plan,
        initial={"focus_area": goal.focus_area, "title": goal.title},
    )
    return _item_edit(
        request,
        process,
        plan,
        form=form,
        heading=_("Goal"),
        update=lambda **data: services.goal_update(actor=request.user, goal=goal, **data),
        delete=lambda: services.goal_delete(actor=request.user, goal=goal),
        saved=_("The goal was saved."),
        deleted=_("The goal was deleted."),
    )


@process_view("plans.edit")
def strategy_edit(request: HttpRequest, process, pk: int, strategy_id: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    strategy = get_object_or_404(Strategy, goal__plan=plan, pk=strategy_id)
    form = StrategyForm(
        request.POST or None,
        plan=plan,
        initial={"goal": strategy.goal, "title": strategy.title},
    )
    return _item_edit(
        request,
        process,
        plan,
        form=form,
        heading=_("Strategy"),
        update=lambda **data: services.strategy_update(
            actor=request.user, strategy=strategy, **data
        ),
        delete=lambda: services.strategy_delete(actor=request.user, strategy=strategy),
        saved=_("The strategy was saved."),
        deleted=_("The strategy was deleted."),
    )


@process_view("plans.edit")
def measure_add(request: HttpRequest, process, pk: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    initial = {}
    if request.GET.get("strategy", "").isdigit():
        initial["strategy"] = int(request.GET["strategy"])
    form = MeasureForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.measure_create(actor=request.user, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The measure was added."))
            return redirect("plans:manage", process.slug, plan.pk)
    return _item_page(
        request,
        process,
        plan,
        form=form,
        heading=_("New measure"),
        delete=False,
        status=400 if form.errors else 200,
    )


@process_view("plans.edit")
def measure_edit(request: HttpRequest, process, pk: int, measure_id: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    measure = get_object_or_404(Measure, strategy__goal__plan=plan, pk=measure_id)
    initial = {
        "title": measure.title,
        "strategy": measure.strategy,
        "description": measure.description,
        "proposals": list(measure.proposals.all()),
        "responsible": measure.responsible,
        "partners": list(measure.partners.all()),
        "starts_on": measure.starts_on,
        "due_on": measure.due_on,
        "budget_line": measure.budget_line,
        "sdgs": measure.sdgs,
    }
    form = MeasureForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST":
        try:
            if "delete" in request.POST:
                services.measure_delete(actor=request.user, measure=measure)
                messages.success(request, _("The measure was deleted."))
                return redirect("plans:manage", process.slug, plan.pk)
            if form.is_valid():
                services.measure_update(actor=request.user, measure=measure, **form.cleaned_data)
                messages.success(request, _("The measure was saved."))
                return redirect("plans:manage", process.slug, plan.pk)
        except ValidationError as e:
            apply_errors(form, e)
    return _item_page(
        request,
        process,
        plan,
        form=form,
        heading=f"{_('Measure')} {measure.number}",
        delete=True,
        status=400 if form.errors else 200,
    )


MOVERS = {
    "goal": (Goal, "plan", services.goal_move),
    "strategy": (Strategy, "goal__plan", services.strategy_move),
    "measure": (Measure, "strategy__goal__plan", services.measure_move),
}


@require_POST
@process_view("plans.edit")
def tree_move(request: HttpRequest, process, pk: int) -> HttpResponse:
    """Move a goal, strategy or measure one place up or down (a plain form: no JavaScript)."""
    plan = selectors.plan_get(process=process, pk=pk)
    kind = request.POST.get("kind", "")
    if kind not in MOVERS or not request.POST.get("id", "").isdigit():
        raise Http404("Nothing to move")
    model, path, move = MOVERS[kind]
    item = get_object_or_404(model, pk=request.POST["id"], **{path: plan})
    try:
        move(actor=request.user, **{kind: item}, direction=request.POST.get("direction", ""))
    except ValidationError as e:
        _refused(request, e)
    return redirect(reverse("plans:manage", args=[process.slug, plan.pk]) + f"#{kind}-{item.pk}")


@process_view("plans.edit")
def draft_from_proposals(request: HttpRequest, process, pk: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    form = DraftFromProposalsForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.measures_draft_from_proposals(
                actor=request.user, plan=plan, **form.cleaned_data
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(
                request, _("%(n)s measures were drafted from the proposals.") % {"n": len(made)}
            )
            return redirect("plans:manage", process.slug, plan.pk)
    return render(
        request,
        "plans/plan_from_proposals.html",
        {"process": process, "plan": plan, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@process_view("plans.edit")
def version_save(request: HttpRequest, process, pk: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    form = VersionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("The note is at most 300 characters."))
        version = services.plan_version_save(actor=request.user, plan=plan, **form.cleaned_data)
    except ValidationError as e:
        _refused(request, e)
    else:
        messages.success(request, _("Saved as version %(n)s.") % {"n": version.number})
    return redirect("plans:manage", process.slug, plan.pk)


@process_view("plans.edit")
def version_diff(request: HttpRequest, process, pk: int) -> HttpResponse:
    """?fra=N&til=M compares two saved versions; til=utkast compares with the plan as it is."""
    plan = selectors.plan_get(process=process, pk=pk)
    versions = list(selectors.plan_versions(plan=plan))
    if not versions:
        raise Http404("No saved versions")

    def pick(value: str, default):
        if value == "utkast":
            return None
        if value.isdigit():
            return selectors.plan_version_get(plan=plan, number=int(value))
        return default

    old = pick(request.GET.get("fra", ""), versions[1] if len(versions) > 1 else versions[0])
    new = pick(request.GET.get("til", ""), versions[0] if len(versions) > 1 else None)
    current = selectors.plan_snapshot(plan=plan)
    diff = selectors.plan_version_diff(
        old=old.snapshot if old else current, new=new.snapshot if new else current
    )
    labels = selectors.diff_field_labels()
    for change in diff.changed:
        change.fields = [(labels[n], _shown(a), _shown(b)) for n, a, b in change.fields]
    diff.plan_fields = [(labels.get(n, n), _shown(a), _shown(b)) for n, a, b in diff.plan_fields]
    return render(
        request,
        "plans/plan_version_diff.html",
        {
            "process": process,
            "plan": plan,
            "versions": versions,
            "old": old,
            "new": new,
            "diff": diff,
        },
    )


def _shown(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


@require_POST
@process_view("plans.record_decision")
def decision_record(request: HttpRequest, process, pk: int) -> HttpResponse:
    plan = selectors.plan_get(process=process, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            decision = services.decision_record(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            if plan.is_frozen:
                messages.success(request, _("The adoption was recorded. The plan is now frozen."))
            else:
                messages.success(
                    request,
                    _("The decision was recorded: %(o)s.") % {"o": decision.get_outcome_display()},
                )
            return redirect("plans:manage", process.slug, plan.pk)
    messages.error(request, " ".join(str(m) for errs in form.errors.values() for m in errs))
    return redirect("plans:manage", process.slug, plan.pk)


@process_view("plans.edit")
def plan_manage_document(request: HttpRequest, process, pk: int, fmt: str) -> HttpResponse:
    """Any plan of the process, drafts too, as a document for staff."""
    plan = selectors.plan_get(process=process, pk=pk)
    if fmt not in documents.FORMATS:
        raise Http404("No such format")
    return _document_response(plan, fmt)
