"""The residents' online form, the receipt page, and fast staff entry for offline arenas."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from veikart.core import ratelimit
from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.core.permissions import can
from veikart.inputs import selectors, services
from veikart.inputs.forms import InputForm, ReceiptLookupForm, StaffEntryForm
from veikart.inputs.models import InputSource, InputStatus
from veikart.processes.selectors import arena_get, process_get_public
from veikart.processes.services import online_arena_get_or_create
from veikart.tracking.forms import FollowForm
from veikart.tracking.outcomes import input_outcomes

STICKY = ("focus_area", "group_age", "group_gender", "group_background")


def input_create(request: HttpRequest, slug: str) -> HttpResponse:
    process = process_get_public(slug=slug)
    if not can(request.user, "inputs.add", process):
        needs_login = process.requires_account and not request.user.is_authenticated
        return render(
            request,
            "inputs/input_closed.html",
            {"process": process, "needs_login": needs_login},
            status=403,
        )
    form = InputForm(request.POST or None, process=process)
    status = 200
    if request.method == "POST":
        if form.is_spam():
            return render(request, "inputs/input_thanks.html", {"process": process})
        if not ratelimit.allow(request, "input"):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Many inputs have come from this device in a short time. Wait a few minutes "
                    "and send again — what you wrote is kept below."
                ),
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            geometry = form.place_geometry()
            try:
                item = services.input_create(
                    actor=request.user,
                    process=process,
                    arena=online_arena_get_or_create(process=process),
                    text=data["text"],
                    source=InputSource.MAP if geometry else InputSource.ONLINE,
                    geometry=geometry,
                    map_category=data["map_category"] if geometry else "",
                    focus_area=data["focus_area"],
                    group_age=data["group_age"],
                    group_gender=data["group_gender"],
                    group_background=data["group_background"],
                    language=request.LANGUAGE_CODE,
                )
            except ValidationError as e:
                apply_errors(form, e)
                status = 400
            else:
                request.session["last_receipt"] = item.receipt_code
                return redirect("inputs:receipt", item.receipt_code)
        else:
            status = 400
    else:
        ratelimit.client_key(request)  # start the session the rate limit counts by
    return render(
        request, "inputs/input_form.html", {"process": process, "form": form}, status=status
    )


def receipt_lookup(request: HttpRequest) -> HttpResponse:
    form = ReceiptLookupForm(request.GET or None)
    if form.is_bound and form.is_valid():
        if not ratelimit.allow(request, "receipt"):
            form.add_error("code", _("Too many look-ups from this device. Wait a few minutes."))
        elif selectors.input_by_receipt(code=form.cleaned_data["code"]):
            return redirect("inputs:receipt", form.cleaned_data["code"])
        else:
            form.add_error("code", _("We found no input with that code. Check it and try again."))
    return render(request, "inputs/receipt_lookup.html", {"form": form})


def receipt(request: HttpRequest, code: str) -> HttpResponse:
    """What happened to my input: its status, the proposals it became part of, their workshop
    priority, the measures they became with their latest updates; and a form to follow it."""
    item = selectors.input_by_receipt(code=code)
    if item is None:
        form = ReceiptLookupForm({"code": code})
        form.is_valid()
        form.add_error("code", _("We found no input with that code. Check it and try again."))
        return render(request, "inputs/receipt_lookup.html", {"form": form}, status=404)
    return render(
        request,
        "inputs/receipt.html",
        {
            "item": item,
            "process": item.process,
            "just_sent": request.session.pop("last_receipt", None) == item.receipt_code,
            "outcomes": input_outcomes(items=[item])[item.pk],
            "follow_form": FollowForm(initial={"email": getattr(request.user, "email", "")}),
            "statuses": InputStatus,
        },
    )


@process_view("inputs.enter_offline")
def staff_entry(request: HttpRequest, process, pk: int) -> HttpResponse:
    """Type one input after another from an arena's notes; Enter saves and opens the next."""
    arena = arena_get(process=process, pk=pk)
    sticky = {k: request.POST.get(k, "") for k in STICKY} if request.method == "POST" else {}
    form = StaffEntryForm(request.POST or None, process=process)
    saved = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.input_create(
                actor=request.user,
                process=process,
                arena=arena,
                text=data["text"],
                source=InputSource.STAFF,
                focus_area=data["focus_area"],
                group_age=data["group_age"],
                group_gender=data["group_gender"],
                group_background=data["group_background"],
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            form = StaffEntryForm(initial=sticky, process=process)
            if not request.htmx:
                messages.success(request, _("Saved. Type the next input."))
                return redirect(f"{request.path}?{_sticky_query(sticky)}")
    elif request.method == "GET":
        form = StaffEntryForm(initial=request.GET.dict(), process=process)
    context = {
        "process": process,
        "arena": arena,
        "form": form,
        "saved": saved,
        "count": arena.inputs.count(),
        "recent": selectors.arena_recent_inputs(arena=arena),
    }
    template = "inputs/staff_entry.html"
    if request.htmx:
        template += "#entry"
    return render(request, template, context, status=400 if form.errors else 200)


def _sticky_query(sticky: dict) -> str:
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in sticky.items() if v})
