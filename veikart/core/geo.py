"""GeoJSON geometry checks shared by the input form, imports and the map (WGS 84, lon/lat)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

GEOMETRY_TYPES = {"Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"}
MAX_POSITIONS = 5000


def _positions(coords: Any, depth: int) -> list[tuple[float, float]]:
    if depth == 0:
        if not isinstance(coords, list | tuple) or len(coords) < 2:
            raise ValidationError(_("A position must be a pair of numbers [longitude, latitude]."))
        lon, lat = coords[0], coords[1]
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
            raise ValidationError(_("Coordinates must be numbers."))
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValidationError(_("Coordinates must be longitude and latitude in degrees."))
        return [(float(lon), float(lat))]
    if not isinstance(coords, list | tuple) or not coords:
        raise ValidationError(_("The geometry has no coordinates."))
    out: list[tuple[float, float]] = []
    for c in coords:
        out.extend(_positions(c, depth - 1))
        if len(out) > MAX_POSITIONS:
            raise ValidationError(_("The geometry has too many points."))
    return out


DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2}
DEPTH["MultiPolygon"] = 3


def geometry_clean(value: Any) -> dict | None:
    """A valid GeoJSON geometry dict (or None); raises ValidationError with a plain message."""
    if value in (None, "", {}):
        return None
    if not isinstance(value, dict) or value.get("type") not in GEOMETRY_TYPES:
        raise ValidationError(
            _("The place must be a GeoJSON geometry: Point, LineString or Polygon.")
        )
    kind = value["type"]
    positions = _positions(value.get("coordinates"), DEPTH[kind])
    if kind == "LineString" and len(positions) < 2:
        raise ValidationError(_("A route needs at least two points."))
    if kind == "Polygon" and len(positions) < 4:
        raise ValidationError(_("An area needs at least three corners."))
    return {"type": kind, "coordinates": value["coordinates"]}


def geometry_positions(geometry: dict) -> list[tuple[float, float]]:
    """Every (lon, lat) position of a valid geometry."""
    return _positions(geometry["coordinates"], DEPTH[geometry["type"]])


def _in_ring(lon: float, lat: float, ring: list) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _polygons(boundary: dict) -> list[list]:
    if boundary.get("type") == "Feature":
        boundary = boundary.get("geometry") or {}
    if boundary.get("type") == "Polygon":
        return [boundary["coordinates"]]
    if boundary.get("type") == "MultiPolygon":
        return list(boundary["coordinates"])
    return []


def point_in_boundaries(lon: float, lat: float, boundaries: list[dict]) -> bool:
    """True if the point lies inside any of the (Multi)Polygon boundaries (holes respected)."""
    for boundary in boundaries:
        for rings in _polygons(boundary):
            inside = rings and _in_ring(lon, lat, rings[0])
            if inside and not any(_in_ring(lon, lat, hole) for hole in rings[1:]):
                return True
    return False


def geometry_outside(geometry: dict | None, boundaries: list[dict]) -> bool:
    """True if some position of the geometry lies outside every boundary.

    With no boundaries there is nothing to be outside of.
    """
    if not geometry or not boundaries:
        return False
    return not all(
        point_in_boundaries(lon, lat, boundaries) for lon, lat in geometry_positions(geometry)
    )
