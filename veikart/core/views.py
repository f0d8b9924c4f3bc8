from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from veikart.processes.selectors import process_key_figures, process_list_public


def home(request: HttpRequest) -> HttpResponse:
    processes = [(p, process_key_figures(process=p)) for p in process_list_public()[:20]]
    return render(request, "core/home.html", {"processes": processes})


def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy statement, filled from settings (VEIKART)."""
    return render(request, "core/privacy.html", {"veikart": settings.VEIKART})


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (tilgjengelighetserklæring), filled from settings."""
    return render(request, "core/accessibility.html", {"veikart": settings.VEIKART})
