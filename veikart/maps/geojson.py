"""GeoJSON in and out: read a FeatureCollection and check every feature (no writes here), and
turn inputs into features for GIS."""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from veikart.core.geo import geometry_clean, geometry_outside
from veikart.core.groups import Dimension, is_valid_group
from veikart.inputs.services import MAX_TEXT
from veikart.maps.models import MapCategory

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FEATURES = 20_000
TEXT_KEYS = ("text", "comment", "kommentar", "description", "beskrivelse", "name", "navn")
CATEGORY_KEYS = ("category", "map_category", "kategori")
# Categories as other mapping tools spell them → ours.
CATEGORY_ALIASES = {
    "liker": MapCategory.LIKES,
    "liker_ikke": MapCategory.DISLIKES,
    "liker ikke": MapCategory.DISLIKES,
    "utrygt": MapCategory.UNSAFE,
    "onsker_endring": MapCategory.WANTS_CHANGE,
    "ønsker endring": MapCategory.WANTS_CHANGE,
    "ønsker_endring": MapCategory.WANTS_CHANGE,
    "skolevei": MapCategory.SCHOOL_ROUTE,
}


class GeoJSONFileError(Exception):
    """The file as a whole cannot be read (one plain message)."""


@dataclass
class FeatureRow:
    index: int
    text: str
    geometry: dict
    map_category: str
    group_age: str
    external_ref: str


@dataclass
class FeatureError:
    index: int
    reason: str


@dataclass
class GeoJSONPreview:
    rows: list[FeatureRow] = field(default_factory=list)
    errors: list[FeatureError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


def feature_ref(feature: dict) -> str:
    """A key for re-import: the same feature (by content) is never stored twice."""
    canonical = json.dumps(
        {"g": feature.get("geometry"), "p": feature.get("properties")},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return "geojson:" + hashlib.sha256(canonical.encode()).hexdigest()[:32]


def geojson_read(data: bytes) -> list[Any]:
    """The features of a GeoJSON FeatureCollection; GeoJSONFileError if it is not one."""
    if len(data) > MAX_FILE_BYTES:
        raise GeoJSONFileError(_("The file is too large: at most 20 MB."))
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise GeoJSONFileError(_("The file is not UTF-8 text.")) from None
    except ValueError as e:
        raise GeoJSONFileError(
            _("The file is not valid JSON (line %(line)d).") % {"line": getattr(e, "lineno", 0)}
        ) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise GeoJSONFileError(_("The file is not a GeoJSON FeatureCollection."))
    features = doc.get("features")
    if not isinstance(features, list):
        raise GeoJSONFileError(_("The FeatureCollection has no list of features."))
    if not features:
        raise GeoJSONFileError(_("The FeatureCollection has no features."))
    if len(features) > MAX_FEATURES:
        raise GeoJSONFileError(
            _("Too many features: at most %(max)d in one file.") % {"max": MAX_FEATURES}
        )
    crs = doc.get("crs")
    if isinstance(crs, dict):
        name = str((crs.get("properties") or {}).get("name", ""))
        if name and "4326" not in name and "CRS84" not in name:
            raise GeoJSONFileError(
                _("The file uses the coordinate system %(crs)s: export it as WGS 84 (EPSG:4326).")
                % {"crs": name}
            )
    return features


def _first(props: dict, keys: tuple[str, ...]) -> str:
    for key in keys:
        value = props.get(key)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def geojson_check(features: list[Any], *, boundaries: list[dict]) -> GeoJSONPreview:
    """Check every feature; each bad one is listed with its index (from 1) and the reason."""
    preview = GeoJSONPreview()
    for index, feature in enumerate(features, start=1):
        try:
            preview.rows.append(_check_feature(index, feature, boundaries))
        except ValidationError as e:
            preview.errors.append(FeatureError(index, " ".join(e.messages)))
    return preview


def _check_feature(index: int, feature: Any, boundaries: list[dict]) -> FeatureRow:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValidationError(_("Not a GeoJSON Feature."))
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        raise ValidationError(_("The properties are not an object."))
    if feature.get("geometry") is None:
        raise ValidationError(_("The feature has no geometry."))
    geometry = geometry_clean(feature.get("geometry"))
    if geometry_outside(geometry, boundaries):
        raise ValidationError(_("The place is outside the area of this process."))
    text = _first(props, TEXT_KEYS).replace("\x00", "")
    if not text:
        raise ValidationError(
            _("No text: give the feature a property text, comment, description or name.")
        )
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("The text is too long: at most %(max)d characters.") % {"max": MAX_TEXT}
        )
    raw_category = _first(props, CATEGORY_KEYS)
    category = CATEGORY_ALIASES.get(raw_category.lower(), "") if raw_category else ""
    if raw_category and not category:
        raise ValidationError(
            _("Unknown category %(category)s: use one of %(choices)s.")
            % {"category": raw_category, "choices": ", ".join(MapCategory.values)}
        )
    age = _first(props, ("age", "group_age", "alder"))
    if age and not is_valid_group(Dimension.AGE, age):
        raise ValidationError(_("Unknown age band %(age)s.") % {"age": age})
    return FeatureRow(
        index=index,
        text=text,
        geometry=geometry,
        map_category=category,
        group_age=age,
        external_ref=feature_ref(feature),
    )


def input_feature(item, *, arena_title: str = "") -> dict:
    """One input as a GeoJSON Feature for GIS: no receipt code, no author."""
    return {
        "type": "Feature",
        "id": item.pk,
        "geometry": item.geometry,
        "properties": {
            "text": item.text,
            "category": item.map_category,
            "arena": arena_title,
            "status": item.status,
            "source": item.source,
            "age": item.group_age,
            "created": item.created_at.date().isoformat() if item.created_at else None,
        },
    }
