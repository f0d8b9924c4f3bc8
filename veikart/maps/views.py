"""Map pages: the results map of a process (with its data and GeoJSON export), class sessions
(host's page, pupils' join and map pages) and the staff GeoJSON import."""

import hashlib
import json
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veikart.core import ratelimit
from veikart.core.access import process_view
from veikart.core.forms import apply_errors
from veikart.core.groups import AGE_BANDS
from veikart.core.page_cache import public_page
from veikart.core.permissions import can
from veikart.maps import geojson, selectors, services
from veikart.maps.forms import (
    ClassSessionForm,
    GeoJSONUploadForm,
    JoinForm,
    PupilMapForm,
    geometry_or_place,
)
from veikart.maps.models import MapCategory
from veikart.processes.models import Process

PUPIL_KEY = "class_pupil"


def _filters(request: HttpRequest, process: Process) -> selectors.MapFilter:
    category = request.GET.get("category", "")
    group = request.GET.get("group", "")
    try:
        arena = int(request.GET.get("arena") or 0) or None
    except ValueError:
        arena = None
    return selectors.MapFilter(
        category=category if category in MapCategory.values else "",
        arena=arena,
        group=group if group in dict(AGE_BANDS) else "",
    )


@public_page
@process_view("processes.view")
def map_view(request: HttpRequest, process: Process) -> HttpResponse:
    """The public map of a process's published map inputs, with a list beside it."""
    filters = _filters(request, process)
    items = (
        selectors.map_inputs(process=process, filters=filters)
        .select_related("arena")
        .order_by("-created_at", "-id")
    )
    page = Paginator(items, 25).get_page(request.GET.get("page"))
    labels = dict(MapCategory.choices)
    for item in page:
        item.category_label = labels.get(item.map_category, "")
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "maps/map_view.html",
        {
            "process": process,
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "categories": selectors.map_category_counts(process=process, filters=filters),
            "arenas": selectors.map_arenas(process=process),
            "age_bands": AGE_BANDS,
        },
    )


@process_view("processes.view")
def base_map(request: HttpRequest, process: Process) -> JsonResponse:
    """Outlines, named places and tile settings: all a map needs to draw itself offline."""
    return JsonResponse(selectors.base_map(process=process))


@process_view("processes.view")
def map_data(request: HttpRequest, process: Process) -> HttpResponse:
    """GeoJSON of the published map inputs in view, clustered when dense (?bbox=w,s,e,n&zoom=)."""
    try:
        zoom = int(request.GET.get("zoom", 14))
    except ValueError:
        zoom = 14
    data = selectors.map_data(
        process=process,
        filters=_filters(request, process),
        bbox=request.GET.get("bbox", ""),
        zoom=zoom,
    )
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body, content_type="application/geo+json")


@process_view("processes.view")
def export_geojson(request: HttpRequest, process: Process) -> HttpResponse:
    """Every published map input of the process as a GeoJSON FeatureCollection, for GIS."""
    body = json.dumps(selectors.geojson_export(process=process), ensure_ascii=False)
    response = HttpResponse(body, content_type="application/geo+json")
    response["Content-Disposition"] = f'attachment; filename="{process.slug}-innspill.geojson"'
    return response


# --- class sessions: the host ----------------------------------------------------------------


@process_view("classsessions.run")
def session_list(request: HttpRequest, process: Process) -> HttpResponse:
    form = ClassSessionForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.class_session_create(
                actor=request.user,
                process=process,
                grade=form.cleaned_data["grade"],
                arena=form.cleaned_data["arena"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            return redirect("maps:session_detail", process.slug, session.pk)
    return render(
        request,
        "maps/session_list.html",
        {
            "process": process,
            "form": form,
            "sessions": selectors.class_session_list(process=process),
            "collecting": can(None, "classsessions.join", process),
        },
        status=400 if form.errors else 200,
    )


@process_view("classsessions.run")
def session_detail(request: HttpRequest, process: Process, pk: int) -> HttpResponse:
    """The host's page: the code to show the class, and live figures (htmx polls #figures)."""
    session = selectors.class_session_get(process=process, pk=pk)
    context = {
        "process": process,
        "session": session,
        "figures": selectors.class_session_figures(session=session),
        "join_url": request.build_absolute_uri("/klasse/"),
    }
    template = "maps/session_detail.html"
    if request.htmx:
        template += "#figures"
    return render(request, template, context)


@require_POST
@process_view("classsessions.run")
def session_close(request: HttpRequest, process: Process, pk: int) -> HttpResponse:
    session = selectors.class_session_get(process=process, pk=pk)
    try:
        services.class_session_close(actor=request.user, session=session)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("The session is closed: its code no longer works."))
    return redirect("maps:session_detail", process.slug, session.pk)


# --- class sessions: the pupils --------------------------------------------------------------


def _pupil(request: HttpRequest):
    return selectors.class_pupil_by_token(token=request.session.get(PUPIL_KEY))


def class_join(request: HttpRequest) -> HttpResponse:
    """Pupils type the code; nothing else is asked but an optional gender."""
    form = JoinForm(request.POST or None, initial={"code": request.GET.get("kode", "")})
    if request.method == "POST" and form.is_valid():
        session = selectors.class_session_by_code(code=form.cleaned_data["code"])
        if session is None:
            form.add_error(
                "code", _("No open class session has that code. Check it with your teacher.")
            )
        elif not can(request.user, "classsessions.join", session.process):
            form.add_error("code", _("This process is not collecting inputs now."))
        else:
            current = _pupil(request)
            if current and current.session_id == session.pk:
                return redirect("maps:class_map")  # the same device joins once
            try:
                pupil = services.class_pupil_join(
                    session=session, gender=form.cleaned_data["gender"]
                )
            except ValidationError as e:
                apply_errors(form, e)
            else:
                request.session.cycle_key()
                request.session[PUPIL_KEY] = pupil.token
                return redirect("maps:class_map")
    return render(
        request, "maps/class_join.html", {"form": form}, status=400 if form.errors else 200
    )


def class_map(request: HttpRequest) -> HttpResponse:
    """A pupil's map: put places and routes with a category and a comment, one after another."""
    pupil = _pupil(request)
    if pupil is None:
        return redirect("maps:class_join")
    session = pupil.session
    process = session.process
    if not session.is_open:
        return render(request, "maps/class_closed.html", {"process": process}, status=410)
    form = PupilMapForm(request.POST or None, process=process)
    status = 200
    if request.method == "POST" and not ratelimit.allow(request, "input"):
        form.is_valid()
        form.add_error(
            None, _("You have put many things on the map in a short time. Wait a few minutes.")
        )
        status = 429
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.class_input_create(
                pupil=pupil,
                text=data["text"],
                geometry=geometry_or_place(data),
                map_category=data["map_category"],
            )
        except ValidationError as e:
            apply_errors(form, e)
        else:
            messages.success(request, _("Saved on the map! Add another place or route."))
            return redirect("maps:class_map")
    return render(
        request,
        "maps/class_map.html",
        {
            "process": process,
            "session": session,
            "form": form,
            "mine": selectors.class_pupil_inputs(pupil=pupil),
        },
        status=status if status != 200 else (400 if form.errors else 200),
    )


# --- GeoJSON import (staff) ------------------------------------------------------------------

_SHA = re.compile(r"^[0-9a-f]{64}$")


def _stored_name(sha: str) -> str:
    return f"imports/geojson/{sha}.geojson"


@process_view("inputs.import")
def import_geojson(request: HttpRequest, process: Process) -> HttpResponse:
    """Upload → preview (every bad feature with its index and reason) → import, all or nothing."""
    form = GeoJSONUploadForm(request.POST or None, request.FILES or None, process=process)
    context: dict = {"process": process, "form": form}
    if request.method == "POST" and request.POST.get("sha"):
        sha = request.POST["sha"]
        arena = form.fields["arena"].queryset.filter(pk=request.POST.get("arena") or 0).first()
        if not _SHA.match(sha) or arena is None or not default_storage.exists(_stored_name(sha)):
            raise PermissionDenied("unknown upload")
        with default_storage.open(_stored_name(sha), "rb") as f:
            data = f.read()
        preview = geojson.geojson_check(
            geojson.geojson_read(data), boundaries=selectors.process_boundaries(process=process)
        )
        if preview.ok:
            result = services.geojson_import(actor=request.user, arena=arena, rows=preview.rows)
            default_storage.delete(_stored_name(sha))
            messages.success(
                request,
                _("%(created)d inputs imported, %(skipped)d already there.") % result,
            )
            return redirect("maps:import_geojson", process.slug)
        context.update(preview=preview, arena=arena)
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            features = geojson.geojson_read(data)
        except geojson.GeoJSONFileError as e:
            form.add_error("file", str(e))
        else:
            preview = geojson.geojson_check(
                features, boundaries=selectors.process_boundaries(process=process)
            )
            sha = hashlib.sha256(data).hexdigest()
            if preview.ok and not default_storage.exists(_stored_name(sha)):
                default_storage.save(_stored_name(sha), ContentFile(data))
            context.update(preview=preview, sha=sha, arena=form.cleaned_data["arena"])
    status = 400 if form.errors or (context.get("preview") and context["preview"].errors) else 200
    return render(request, "maps/import_geojson.html", context, status=status)
