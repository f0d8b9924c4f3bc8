"""Reads for maps: the base map of a process, its map inputs (filtered, clustered), and the
figures of class sessions. Every figure the map pages show comes from here."""

import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, FloatField, Q, QuerySet, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Floor
from django.http import Http404

from veikart.inputs.models import Input
from veikart.maps.models import ClassPupil, ClassSession, MapCategory, Place
from veikart.processes.models import Arena, Process

# Up to this many points in view are sent one by one; beyond it they are clustered on a grid.
POINTS_MAX = 600
CELL_PIXELS = 48  # the size of a grid cell on screen
MAX_SHAPES = 1500  # routes and areas in view sent in full, at most


def process_boundaries(*, process: Process) -> list[dict]:
    """The GeoJSON outlines of the process's areas (the map's limits)."""
    return [a.boundary for a in process.areas.all() if a.boundary]


def process_places(*, process: Process) -> QuerySet[Place]:
    """Named places of the process's areas, by name (the searchable list)."""
    return Place.objects.filter(area__processes=process).order_by("name").distinct()


def base_map(*, process: Process) -> dict:
    """What the map needs to draw itself offline: outlines, named places, optional tiles."""
    areas = [
        {"type": "Feature", "geometry": a.boundary, "properties": {"name": a.name}}
        for a in process.areas.all()
        if a.boundary
    ]
    places = [
        {"id": p.pk, "name": p.name, "kind": p.kind, "lon": p.lon, "lat": p.lat}
        for p in process_places(process=process)
    ]
    conf = getattr(settings, "VEIKART_MAP", {})
    return {
        "areas": {"type": "FeatureCollection", "features": areas},
        "places": places,
        "tiles": {"url": conf.get("TILE_URL", ""), "attribution": conf.get("TILE_ATTRIBUTION", "")},
        "categories": [{"key": k, "label": str(label)} for k, label in MapCategory.choices],
    }


@dataclass(frozen=True)
class MapFilter:
    category: str = ""
    arena: int | None = None
    group: str = ""


def map_inputs(*, process: Process, filters: MapFilter | None = None) -> QuerySet[Input]:
    """Published inputs of the process that have a place on the map, filtered."""
    qs = Input.objects.filter(process=process, geometry__isnull=False).public()
    if filters:
        if filters.category:
            qs = qs.filter(map_category=filters.category)
        if filters.arena:
            qs = qs.filter(arena_id=filters.arena)
        if filters.group:
            qs = qs.filter(group_age=filters.group)
    return qs


def map_arenas(*, process: Process) -> QuerySet[Arena]:
    """Arenas of the process that have published map inputs (for the filter)."""
    return (
        Arena.objects.filter(process=process, inputs__geometry__isnull=False)
        .filter(inputs__status="published")
        .distinct()
        .order_by("held_on", "id")
    )


def _bbox(raw: str) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(v) for v in raw.split(","))
    except ValueError:
        return None
    if not (west < east and south < north) or not all(
        map(math.isfinite, (west, south, east, north))
    ):
        return None
    return west, south, east, north


def map_data(*, process: Process, filters: MapFilter, bbox: str = "", zoom: int = 14) -> dict:
    """A GeoJSON FeatureCollection for the map view.

    Points in view: one feature each while there are few; otherwise clusters on a grid whose
    cells are about CELL_PIXELS wide at this zoom (count, mean position, commonest category).
    Routes and areas in view: in full, up to MAX_SHAPES. Positions rounded to 5 decimals (≈1 m).
    """
    zoom = max(0, min(int(zoom), 20))
    qs = map_inputs(process=process, filters=filters)
    lon = Cast(KT("geometry__coordinates__0"), FloatField())
    lat = Cast(KT("geometry__coordinates__1"), FloatField())
    points = qs.filter(geometry__type="Point").annotate(lon=lon, lat=lat)
    box = _bbox(bbox)
    if box:
        west, south, east, north = box
        points = points.filter(lon__gte=west, lon__lte=east, lat__gte=south, lat__lte=north)
    total = points.count()
    features: list[dict] = []
    if total <= POINTS_MAX:
        for pk, x, y, category, text in points.values_list(
            "pk", "lon", "lat", "map_category", "text"
        ):
            features.append(
                {
                    "type": "Feature",
                    "id": pk,
                    "geometry": {"type": "Point", "coordinates": [round(x, 5), round(y, 5)]},
                    "properties": {"category": category, "text": text[:140]},
                }
            )
    else:
        cell = 360 / (256 * 2**zoom) * CELL_PIXELS
        rows = (
            points.annotate(gx=Floor(F("lon") / cell), gy=Floor(F("lat") / cell))
            .values("gx", "gy", "map_category")
            .annotate(n=Count("id"), sx=Sum("lon"), sy=Sum("lat"))
        )
        cells: dict[tuple, dict] = {}
        for r in rows:
            c = cells.setdefault((r["gx"], r["gy"]), {"n": 0, "sx": 0.0, "sy": 0.0, "cat": {}})
            c["n"] += r["n"]
            c["sx"] += r["sx"]
            c["sy"] += r["sy"]
            c["cat"][r["map_category"]] = r["n"]
        for c in cells.values():
            features.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [round(c["sx"] / c["n"], 5), round(c["sy"] / c["n"], 5)],
                    },
                    "properties": {
                        "cluster": True,
                        "count": c["n"],
                        "category": max(c["cat"], key=c["cat"].get),
                    },
                }
            )
    shapes = qs.exclude(geometry__type="Point").values_list(
        "pk", "geometry", "map_category", "text"
    )
    shape_count = 0
    for pk, geometry, category, text in shapes[:MAX_SHAPES]:
        shape_count += 1
        features.append(
            {
                "type": "Feature",
                "id": pk,
                "geometry": _rounded(geometry),
                "properties": {"category": category, "text": text[:140]},
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "meta": {"points": total, "clustered": total > POINTS_MAX, "shapes": shape_count},
    }


def _rounded(geometry: dict) -> dict:
    def walk(c):
        if c and isinstance(c[0], int | float):
            return [round(c[0], 5), round(c[1], 5)]
        return [walk(x) for x in c]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def map_category_counts(*, process: Process, filters: MapFilter) -> list[tuple[str, str, int]]:
    """(key, label, count) of published map inputs per category."""
    counts = dict(
        map_inputs(process=process, filters=filters)
        .values_list("map_category")
        .annotate(n=Count("id"))
        .values_list("map_category", "n")
    )
    return [(k, str(label), counts.get(k, 0)) for k, label in MapCategory.choices]


# --- class sessions -------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionFigures:
    joined: int
    contributed: int
    inputs: int


def class_session_figures(*, session: ClassSession) -> SessionFigures:
    """How many pupils joined, how many put something on the map, and how many inputs."""
    row = ClassPupil.objects.filter(session=session).aggregate(
        joined=Count("id", distinct=True),
        contributed=Count("id", filter=Q(contributions__isnull=False), distinct=True),
        inputs=Count("contributions", distinct=True),
    )
    return SessionFigures(
        joined=row["joined"], contributed=row["contributed"], inputs=row["inputs"]
    )


def class_session_list(*, process: Process) -> QuerySet[ClassSession]:
    """Sessions of a process with their figures (one query)."""
    return (
        ClassSession.objects.filter(process=process)
        .select_related("arena")
        .annotate(
            joined=Count("pupils", distinct=True),
            inputs=Count("pupils__contributions", distinct=True),
        )
    )


def class_session_get(*, process: Process, pk: int) -> ClassSession:
    try:
        return ClassSession.objects.select_related("arena", "process").get(process=process, pk=pk)
    except ClassSession.DoesNotExist:
        raise Http404("No such class session") from None


def class_session_by_code(*, code: str) -> ClassSession | None:
    """The OPEN session with this code (closed sessions' codes no longer work)."""
    code = "".join((code or "").split()).upper().replace("-", "")
    if not code:
        return None
    return ClassSession.objects.open().select_related("process", "arena").filter(code=code).first()


def class_pupil_by_token(*, token: str | None) -> ClassPupil | None:
    if not token:
        return None
    return (
        ClassPupil.objects.select_related("session__process", "session__arena")
        .filter(token=token)
        .first()
    )


def class_pupil_inputs(*, pupil: ClassPupil) -> QuerySet[Input]:
    return Input.objects.filter(class_contribution__pupil=pupil).order_by("-created_at")


def geojson_export(*, process: Process, all_statuses: bool = False) -> dict:
    """The process's map inputs as a FeatureCollection (published only, unless all_statuses)."""
    from veikart.maps.geojson import input_feature

    qs = Input.objects.filter(process=process, geometry__isnull=False)
    if not all_statuses:
        qs = qs.public()
    rows = qs.select_related("arena").order_by("id")
    return {
        "type": "FeatureCollection",
        "features": [
            input_feature(item, arena_title=item.arena.title if item.arena else "")
            for item in rows.iterator(chunk_size=2000)
        ],
    }
