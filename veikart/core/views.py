from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from veikart.core.page_cache import public_page
from veikart.processes.selectors import process_key_figures, process_list_public


@public_page
def home(request: HttpRequest) -> HttpResponse:
    processes = [(p, process_key_figures(process=p)) for p in process_list_public()[:20]]
    return render(request, "core/home.html", {"processes": processes})


@public_page
def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy statement, filled from settings (VEIKART)."""
    return render(request, "core/privacy.html", {"veikart": settings.VEIKART})


@public_page
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (tilgjengelighetserklæring), filled from settings."""
    return render(request, "core/accessibility.html", {"veikart": settings.VEIKART})


def language_switch(request: HttpRequest, code: str) -> HttpResponse:
    """Switch the interface language with a plain link (GET), so that no page needs a form or a
    CSRF token for it: public pages stay the same for every visitor of one language and can be
    cached. Sets Django's language cookie and goes back to `next` (a path on this site only).

    Changing a language is no change of data and is safe to repeat, so GET fits; the cookie
    only chooses what this browser is shown.
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404("No such language")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not target.startswith("/"):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    response["Cache-Control"] = "no-store"
    return response
