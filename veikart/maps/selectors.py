"""Reads for maps: the base map of a process, its map inputs (filtered, clustered), and the
figures of class sessions. Every figure the map pages show comes from here."""

import math
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, FloatField, Max, Q, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.http import Http404

from veikart.core.groups import AGE_BANDS
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


CATEGORY_KEYS = ["", *MapCategory.values]
AGE_KEYS = ["", *(k for k, _label in AGE_BANDS)]
INDEX_TTL = 300  # seconds; the index is also rebuilt whenever the process's inputs change


def _inputs_version(process: Process) -> str:
    """Changes whenever an input of the process is added, removed, moderated or edited."""
    row = Input.objects.filter(process=process).aggregate(n=Count("id"), last=Max("updated_at"))
    return f"{row['n']}:{row['last'].timestamp() if row['last'] else 0}"


def point_index(*, process: Process) -> dict:
    """Every published point input of the process as columns (id, lon, lat, category, arena,
    age band), cached until the inputs change: filtering and clustering 50,000 points in numpy
    takes milliseconds, reading them from the database every time would not."""
    key = f"maps:points:{process.pk}:{_inputs_version(process)}"
    index = cache.get(key)
    if index is not None:
        return index
    lon = Cast(KT("geometry__coordinates__0"), FloatField())
    lat = Cast(KT("geometry__coordinates__1"), FloatField())
    rows = list(
        Input.objects.filter(process=process, geometry__type="Point")
        .public()
        .annotate(lon=lon, lat=lat)
        .values_list("pk", "lon", "lat", "map_category", "arena_id", "group_age")
    )
    cats = {k: i for i, k in enumerate(CATEGORY_KEYS)}
    ages = {k: i for i, k in enumerate(AGE_KEYS)}
    index = {
        "id": np.array([r[0] for r in rows], dtype=np.int64),
        "lon": np.array([r[1] for r in rows], dtype=np.float64),
        "lat": np.array([r[2] for r in rows], dtype=np.float64),
        "cat": np.array([cats.get(r[3], 0) for r in rows], dtype=np.int16),
        "arena": np.array([r[4] or 0 for r in rows], dtype=np.int64),
        "age": np.array([ages.get(r[5], 0) for r in rows], dtype=np.int16),
    }
    shapes = (
        Input.objects.filter(process=process, geometry__isnull=False)
        .exclude(geometry__type="Point")
        .public()
        .order_by("-id")
        .values_list("pk", "geometry", "map_category", "arena_id", "group_age", "text")
    )
    index["shapes"] = [
        (pk, _rounded(geometry), category, arena_id or 0, age, text[:140])
        for pk, geometry, category, arena_id, age, text in shapes
    ]
    cache.set(key, index, INDEX_TTL)
    return index


def map_data(*, process: Process, filters: MapFilter, bbox: str = "", zoom: int = 14) -> dict:
    """A GeoJSON FeatureCollection for the map view.

    Points in view: one feature each while there are few (≤ POINTS_MAX); otherwise clusters on
    a grid whose cells are about CELL_PIXELS wide at this zoom (count, mean position, commonest
    category). Routes and areas: in full, up to MAX_SHAPES. Positions rounded to 5 decimals.
    """
    zoom = max(0, min(int(zoom), 20))
    index = point_index(process=process)
    mask = np.ones(len(index["id"]), dtype=bool)
    if filters.category:
        mask &= index["cat"] == CATEGORY_KEYS.index(filters.category)
    if filters.arena:
        mask &= index["arena"] == filters.arena
    if filters.group:
        mask &= index["age"] == AGE_KEYS.index(filters.group)
    box = _bbox(bbox)
    if box:
        west, south, east, north = box
        mask &= (index["lon"] >= west) & (index["lon"] <= east)
        mask &= (index["lat"] >= south) & (index["lat"] <= north)
    lon, lat, cat = index["lon"][mask], index["lat"][mask], index["cat"][mask]
    total = int(mask.sum())
    features: list[dict] = []
    if total <= POINTS_MAX:
        ids = index["id"][mask]
        texts = dict(Input.objects.filter(pk__in=ids.tolist()).values_list("pk", "text"))
        for pk, x, y, c in zip(ids.tolist(), lon.tolist(), lat.tolist(), cat.tolist(), strict=True):
            features.append(
                {
                    "type": "Feature",
                    "id": pk,
                    "geometry": {"type": "Point", "coordinates": [round(x, 5), round(y, 5)]},
                    "properties": {"category": CATEGORY_KEYS[c], "text": texts.get(pk, "")[:140]},
                }
            )
    else:
        cell = 360 / (256 * 2**zoom) * CELL_PIXELS
        gx = np.floor(lon / cell).astype(np.int64)
        gy = np.floor(lat / cell).astype(np.int64)
        keys, inverse = np.unique(gx * 10_000_000 + gy, return_inverse=True)
        counts = np.bincount(inverse)
        sx = np.bincount(inverse, weights=lon) / counts
        sy = np.bincount(inverse, weights=lat) / counts
        ncat = len(CATEGORY_KEYS)
        by_cat = np.bincount(inverse * ncat + cat, minlength=len(keys) * ncat).reshape(-1, ncat)
        top = by_cat.argmax(axis=1)
        for n, x, y, c in zip(counts.tolist(), sx.tolist(), sy.tolist(), top.tolist(), strict=True):
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [round(x, 5), round(y, 5)]},
                    "properties": {"cluster": True, "count": n, "category": CATEGORY_KEYS[c]},
                }
            )
    shape_count = 0
    for pk, geometry, category, arena_id, age, text in index["shapes"]:
        if filters.category and category != filters.category:
            continue
        if (filters.arena and arena_id != filters.arena) or (
            filters.group and age != filters.group
        ):
            continue
        shape_count += 1
        if shape_count > MAX_SHAPES:
            break
        features.append(
            {
                "type": "Feature",
                "id": pk,
                "geometry": geometry,
                "properties": {"category": category, "text": text},
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
