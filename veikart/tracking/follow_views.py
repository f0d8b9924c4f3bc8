"""Closing the loop: follow by e-mail (double opt-in), confirm, unsubscribe, and "my inputs"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from veikart.core import ratelimit
from veikart.core.forms import apply_errors
from veikart.inputs.selectors import input_by_receipt
from veikart.plans.selectors import measure_get
from veikart.processes.selectors import process_get_public
from veikart.proposals.selectors import proposal_get
from veikart.tracking import following
from veikart.tracking.forms import FollowForm
from veikart.tracking.outcomes import input_outcomes, inputs_of_user


def _follow(request: HttpRequest, *, what: str, back: str, target: dict, process) -> HttpResponse:
    form = FollowForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not ratelimit.allow(request, "follow"):
            form.is_valid()
            form.add_error(None, _("Too many requests from this device. Wait a few minutes."))
            status = 429
        elif form.is_valid():
            try:
                following.subscription_request(
                    actor=request.user,
                    email=form.cleaned_data["email"],
                    frequency=form.cleaned_data["frequency"],
                    language=request.LANGUAGE_CODE,
                    **target,
                )
            except ValidationError as e:
                apply_errors(form, e)
            else:
                # the same answer whether or not the address already followed it
                messages.success(
                    request,
                    _(
                        "Almost done: we have sent you an e-mail. Open the link in it to "
                        "confirm, and you will hear when something changes."
                    ),
                )
                return redirect(back)
        if form.errors and status == 200:
            status = 400
    return render(
        request,
        "tracking/follow_form.html",
        {"process": process, "form": form, "what": what, "back": back},
        status=status,
    )


def follow_input(request: HttpRequest, code: str) -> HttpResponse:
    item = input_by_receipt(code=code)
    if item is None:
        return redirect("inputs:receipt", code)
    back = reverse("inputs:receipt", args=[item.receipt_code]) + "#folg"
    what = _("your input %(code)s") % {"code": item.receipt_code}
    return _follow(request, what=what, back=back, target={"item": item}, process=item.process)


def follow_proposal(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    process = process_get_public(slug=slug)
    proposal = proposal_get(process=process, number=number)
    what = _("proposal %(number)s: %(title)s") % {
        "number": proposal.number,
        "title": proposal.title,
    }
    back = reverse("proposals:detail", args=[process.slug, proposal.number])
    return _follow(request, what=what, back=back, target={"proposal": proposal}, process=process)


def follow_measure(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = process_get_public(slug=slug)
    measure = measure_get(process=process, pk=pk)
    what = _("measure %(measure)s") % {"measure": measure}
    back = reverse("plans:measure", args=[process.slug, measure.pk])
    return _follow(request, what=what, back=back, target={"measure": measure}, process=process)


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = following.subscription_confirm(token=token)
    except ValidationError as e:
        return render(
            request, "tracking/follow_done.html", {"error": " ".join(e.messages)}, status=400
        )
    return render(
        request,
        "tracking/follow_done.html",
        {"confirmed": True, "what": following.target_label(subscription)},
    )


@csrf_exempt  # RFC 8058 one-click unsubscribe: mail clients POST without a CSRF token
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click ends it (GET from the mail, or POST from the List-Unsubscribe header)."""
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405)
    try:
        ended = following.subscription_end(token=token)
    except ValidationError as e:
        return render(
            request, "tracking/follow_done.html", {"error": " ".join(e.messages)}, status=400
        )
    return render(
        request,
        "tracking/follow_done.html",
        {"unsubscribed": True, "count": len(ended), "token": token},
    )


@require_POST
def resume(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = following.subscription_resume(token=token)
    except ValidationError as e:
        return render(
            request, "tracking/follow_done.html", {"error": " ".join(e.messages)}, status=400
        )
    return render(
        request,
        "tracking/follow_done.html",
        {"resumed": True, "what": following.target_label(subscription)},
    )


@login_required
def my_inputs(request: HttpRequest) -> HttpResponse:
    """A signed-in contributor's inputs, and what happened to each."""
    items = inputs_of_user(user=request.user)
    outcomes = input_outcomes(items=items)
    return render(
        request,
        "tracking/my_inputs.html",
        {"rows": [(item, outcomes.get(item.pk, [])) for item in items]},
    )
