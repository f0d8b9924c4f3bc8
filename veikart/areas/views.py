"""The knowledge base: indicators by theme, each over time against the municipality, the
'Livet på …' report of an area (printable, and as PDF), and the staff import of values."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from veikart.areas import importing, selectors, services
from veikart.areas.forms import IndicatorImportForm
from veikart.areas.models import IndicatorImport
from veikart.core.forms import apply_errors
from veikart.core.page_cache import public_page
from veikart.core.permissions import can
from veikart.core.svgcharts import LineSeries, line_chart


def _chart(table: selectors.IndicatorTable, *, width: int = 640) -> str:
    title = table.indicator.name
    return line_chart(
        title=title,
        unit=table.indicator.unit,
        width=width,
        series=[LineSeries(label=s.area.name, points=s.points) for s in table.series],
    )


@public_page
def indicator_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "areas/indicator_list.html",
        {
            "themes": selectors.indicators_by_theme(),
            "areas": selectors.area_list_with_values(),
            "can_import": can(request.user, "areas.manage_indicators"),
        },
    )


def _area_param(request: HttpRequest):
    slug = request.GET.get("area", "")
    return selectors.area_get(slug=slug) if slug else None


@public_page
def indicator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    indicator = selectors.indicator_get(slug=slug)
    area = _area_param(request)
    return render(
        request,
        "areas/indicator_detail.html",
        {
            "indicator": indicator,
            "area": area,
            "table": selectors.indicator_series(indicator=indicator, area=area),
            "areas": selectors.area_list_with_values(),
        },
    )


def indicator_chart(request: HttpRequest, slug: str) -> HttpResponse:
    """The indicator as an SVG line chart (for <img>, downloads and print)."""
    indicator = selectors.indicator_get(slug=slug)
    table = selectors.indicator_series(indicator=indicator, area=_area_param(request))
    response = HttpResponse(_chart(table), content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


def _report_context(area) -> dict:
    themes = selectors.area_report(area=area)
    return {
        "area": area,
        "municipality": selectors.area_municipality(),
        "themes": [
            (label, [(t, mark_safe(_chart(t, width=560))) for t in tables])  # noqa: S308 - our own escaped SVG  # nosec B308 B703
            for label, tables in themes
        ],
    }


@public_page
def area_report(request: HttpRequest, slug: str) -> HttpResponse:
    """'Livet på <area>': every indicator of the area against the municipality; prints to PDF."""
    area = selectors.area_get(slug=slug)
    return render(request, "areas/area_report.html", _report_context(area))


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"the PDF report fetches nothing ({url})")


def area_report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string
    from weasyprint import CSS, HTML

    area = selectors.area_get(slug=slug)
    html = render_to_string("areas/area_report_pdf.html", _report_context(area), request=request)
    css = CSS(filename=finders.find("areas/report.css"))
    # No base URL: the report holds its charts inline and fetches nothing.
    pdf = HTML(string=html, url_fetcher=_no_fetch).write_pdf(stylesheets=[css])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="livet-pa-{area.slug}.pdf"'
    return response


def _require_manage(request: HttpRequest) -> HttpResponse | None:
    if can(request.user, "areas.manage_indicators"):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied("areas.manage_indicators")


def import_start(request: HttpRequest) -> HttpResponse:
    if (refused := _require_manage(request)) is not None:
        return refused
    form = IndicatorImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read(importing.MAX_BYTES + 1)
        fmt = form.cleaned_data["format"] or importing.guess_format(upload.name, content)
        try:
            job = services.indicator_import_upload(
                actor=request.user,
                file_name=upload.name,
                content=content,
                fmt=fmt,
                default_theme=form.cleaned_data["default_theme"],
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            return redirect("areas:import_preview", job.pk)
    return render(
        request,
        "areas/import_start.html",
        {"form": form, "jobs": IndicatorImport.objects.order_by("-created_at")[:10]},
        status=400 if form.errors else 200,
    )


def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """What the file would store, and every problem with its place; POST stores all or nothing."""
    if (refused := _require_manage(request)) is not None:
        return refused
    job = get_object_or_404(IndicatorImport, pk=pk)
    preview = services.indicator_import_preview_of(job=job)
    result = None
    error = ""
    if request.method == "POST" and job.status != IndicatorImport.Status.DONE:
        try:
            result = services.indicator_import_commit(actor=request.user, job=job)
        except services.IndicatorImportInvalid:
            error = _("The file has problems: nothing was stored.")
        except ValidationError as e:
            error = " ".join(e.messages)
        else:
            job.refresh_from_db()
    return render(
        request,
        "areas/import_preview.html",
        {"job": job, "preview": preview, "result": result or job.result, "error": error},
        status=400 if error else 200,
    )
