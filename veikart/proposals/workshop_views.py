"""The workshop in the room: phones join by code (no account), vote; the projector shows results.

A participant is identified by a random token kept in their browser session, so reloading or
reconnecting rejoins the same participant. Every form works as a plain POST; htmx swaps the
ballot in place.
"""

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veikart.proposals import workshop_selectors as selectors
from veikart.proposals import workshop_services as services
from veikart.proposals.models import Proposal, Workshop
from veikart.proposals.workshop_forms import CodeForm, JoinForm

SESSION_KEY = "workshop_tokens"
LIVE_TOP = 15
LIVE_CACHE_SECONDS = 1  # a room of phones polling every 2 s costs one count per second


def _token(request: HttpRequest, workshop: Workshop) -> str:
    return request.session.get(SESSION_KEY, {}).get(str(workshop.pk), "")


def _remember(request: HttpRequest, workshop: Workshop, token: str) -> None:
    tokens = dict(request.session.get(SESSION_KEY, {}))
    tokens[str(workshop.pk)] = token
    request.session[SESSION_KEY] = tokens


def workshop_enter(request: HttpRequest) -> HttpResponse:
    """/v/: type the code shown on the screen."""
    form = CodeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = services.workshop_code_normalise(form.cleaned_data["code"])
        if Workshop.objects.filter(code=code).exists():
            return redirect("proposals:workshop_join", code)
        form.add_error("code", _("No workshop has that code. Check the code on the screen."))
    return render(
        request, "proposals/workshop_enter.html", {"form": form}, status=400 if form.errors else 200
    )


def workshop_join(request: HttpRequest, code: str) -> HttpResponse:
    """/v/<code>/: choose a table and join, or (already joined) the ballot."""
    workshop = selectors.workshop_get_by_code(code=code)
    if workshop.code != code:
        return redirect("proposals:workshop_join", workshop.code)
    participant = selectors.participant_get(workshop=workshop, token=_token(request, workshop))
    groups = selectors.workshop_groups(workshop=workshop)
    if participant is not None and request.method == "GET" and "bord" not in request.GET:
        return _ballot(request, workshop, participant)
    form = JoinForm(
        request.POST or None,
        groups=groups,
        initial={
            "group": str(participant.group_id) if participant and participant.group_id else ""
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            participant = services.participant_join(
                workshop=workshop, group=form.chosen(), token=_token(request, workshop)
            )
        except ValidationError as e:
            form.add_error(None, e.messages)
        else:
            _remember(request, workshop, participant.token)
            return redirect("proposals:workshop_join", workshop.code)
    return render(
        request,
        "proposals/workshop_join.html",
        {"workshop": workshop, "form": form, "participant": participant, "groups": groups},
        status=400 if form.errors else 200,
    )


def _ballot(request, workshop, participant, *, error: str = "", partial: bool = False):
    context = {
        "workshop": workshop,
        "ballot": selectors.participant_ballot(participant=participant),
        "error": error,
    }
    template = "proposals/workshop_ballot.html"
    if partial:
        template += "#ballot"
    return render(request, template, context)


def _participant_or_join(request: HttpRequest, code: str):
    workshop = selectors.workshop_get_by_code(code=code)
    participant = selectors.participant_get(workshop=workshop, token=_token(request, workshop))
    return workshop, participant


def _vote_response(request, workshop, participant, error: str, anchor: str) -> HttpResponse:
    if request.htmx:
        participant.refresh_from_db(fields=["dots_spent", "budget"])
        return _ballot(request, workshop, participant, error=error, partial=True)
    if error:
        messages.error(request, error)
    return redirect(reverse("proposals:workshop_join", args=[workshop.code]) + anchor)


def _int(value, default: int = -1) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@require_POST
def workshop_vote(request: HttpRequest, code: str) -> HttpResponse:
    """Set the dots on one proposal (the form sends the new number, so repeats change nothing)."""
    workshop, participant = _participant_or_join(request, code)
    if participant is None:
        return redirect("proposals:workshop_join", workshop.code)
    proposal = get_object_or_404(Proposal, pk=_int(request.POST.get("proposal")))
    error = ""
    try:
        services.vote_set_dots(
            participant=participant, proposal=proposal, dots=_int(request.POST.get("dots"))
        )
    except ValidationError as e:
        error = " ".join(e.messages)
    return _vote_response(request, workshop, participant, error, f"#p{proposal.number}")


@require_POST
def workshop_rank(request: HttpRequest, code: str) -> HttpResponse:
    """Put one proposal at a place in the ranking (0 takes it out)."""
    workshop, participant = _participant_or_join(request, code)
    if participant is None:
        return redirect("proposals:workshop_join", workshop.code)
    proposal = get_object_or_404(Proposal, pk=_int(request.POST.get("proposal")))
    error = ""
    try:
        services.vote_rank(
            participant=participant, proposal=proposal, position=_int(request.POST.get("position"))
        )
    except ValidationError as e:
        error = " ".join(e.messages)
    return _vote_response(request, workshop, participant, error, f"#p{proposal.number}")


def workshop_phone_status(request: HttpRequest, code: str) -> HttpResponse:
    """Polled by phones every few seconds: reload the page when the facilitator opens or closes."""
    workshop = selectors.workshop_get_by_code(code=code)
    response = render(request, "proposals/workshop_ballot.html#status", {"workshop": workshop})
    if request.GET.get("seen") and request.GET["seen"] != workshop.status:
        response["HX-Refresh"] = "true"
    return response


def workshop_live(request: HttpRequest, code: str) -> HttpResponse:
    """The projector: large, high-contrast live results that update themselves (htmx polling).

    The polled partial is kept for one second in the cache, so any number of screens and phones
    polling it costs one count of the votes per second.
    """
    workshop = selectors.workshop_get_by_code(code=code)
    partial = bool(request.htmx or request.GET.get("partial"))
    key = f"workshop-live:{workshop.pk}:{workshop.code}:{get_language()}"
    if partial and (html := cache.get(key)) is not None:
        return HttpResponse(html)
    context = {
        "workshop": workshop,
        "results": selectors.workshop_results(workshop=workshop),
        "top": LIVE_TOP,
        "join_url": request.build_absolute_uri(reverse("proposals:workshop_enter")),
    }
    template = "proposals/workshop_live.html"
    if partial:
        response = render(request, template + "#live", context)
        cache.set(key, response.content.decode(), LIVE_CACHE_SECONDS)
        return response
    return render(request, template, context)
