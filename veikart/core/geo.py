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
