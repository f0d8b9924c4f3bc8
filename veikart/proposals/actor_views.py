"""The actors directory: public list and pages; staff create and edit; a contact person edits their own."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from veikart.core.forms import apply_errors
from veikart.core.page_cache import public_page
from veikart.core.permissions import can
from veikart.proposals import actor_services as services
from veikart.proposals import workshop_selectors as selectors
from veikart.proposals.models import Actor
from veikart.proposals.workshop_forms import ActorForm, ActorOwnForm


def _require(request: HttpRequest, action: str, obj=None) -> HttpResponse | None:
    if can(request.user, action, obj):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(action)


@public_page
def actor_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in Actor.Kind.values:
        kind = ""
    return render(
        request,
        "proposals/actor_list.html",
        {
            "actors": selectors.actor_list(kind=kind),
            "kinds": Actor.Kind.choices,
            "kind": kind,
            "can_manage": can(request.user, "actors.manage"),
        },
    )


@public_page
def actor_detail(request: HttpRequest, actor_slug: str) -> HttpResponse:
    item = selectors.actor_get(slug=actor_slug)
    return render(
        request,
        "proposals/actor_detail.html",
        {
            "actor": item,
            "work": selectors.actor_work(item=item),
            "can_edit": can(request.user, "actors.edit_own", item),
        },
    )


def actor_create(request: HttpRequest) -> HttpResponse:
    if (refused := _require(request, "actors.manage")) is not None:
        return refused
    form = ActorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.actor_create(actor=request.user, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The actor was added."))
            return redirect("proposals:actor_detail", item.slug)
    return render(
        request,
        "proposals/actor_form.html",
        {"form": form, "actor": None},
        status=400 if form.errors else 200,
    )


def actor_edit(request: HttpRequest, actor_slug: str) -> HttpResponse:
    """Staff edit every field; the actor's contact person edits the description and website."""
    item = selectors.actor_get(slug=actor_slug)
    if (refused := _require(request, "actors.edit_own", item)) is not None:
        return refused
    full = can(request.user, "actors.manage")
    if full:
        initial = {
            "name": item.name,
            "kind": item.kind,
            "description": item.description,
            "website": item.website,
            "contact_person": item.contact_person,
        }
        form = ActorForm(request.POST or None, initial=initial)
    else:
        initial = {"description": item.description, "website": item.website}
        form = ActorOwnForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if full:
                services.actor_update(actor=request.user, item=item, **form.cleaned_data)
            else:
                services.actor_update_own(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("The actor was saved."))
            return redirect("proposals:actor_detail", item.slug)
    return render(
        request,
        "proposals/actor_form.html",
        {"form": form, "actor": item},
        status=400 if form.errors else 200,
    )
