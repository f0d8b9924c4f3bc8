import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from veikart.core.geo import geometry_clean
from veikart.core.groups import Dimension, group_choices
from veikart.inputs.services import MAX_TEXT
from veikart.maps.models import MapCategory
from veikart.maps.selectors import process_places
from veikart.processes.models import Arena, Process


def category_field(required: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("What is the place to you?"),
        choices=[("", _("Choose…"))] + list(MapCategory.choices),
        required=required,
        error_messages={"required": _("Choose what the place is to you.")},
    )


def place_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Or choose a named place"),
        help_text=_("Without a mouse: pick a place from the list instead of the map."),
        queryset=None,
        required=False,
        empty_label=_("No named place"),
    )


def clean_geometry_text(raw: str) -> dict | None:
    """The geometry field holds GeoJSON text (written by the map, or typed)."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        raise ValidationError(_("The place is not valid GeoJSON.")) from None
    if isinstance(value, dict) and value.get("type") == "Feature":
        value = value.get("geometry")
    return geometry_clean(value)


def geometry_or_place(cleaned: dict) -> dict | None:
    """The drawn geometry, or else the chosen named place as a point."""
    if cleaned.get("geometry"):
        return cleaned["geometry"]
    place = cleaned.get("place")
    return place.geometry if place else None


class PupilMapForm(forms.Form):
    """A pupil's place or route: category, comment, and the map (or a named place)."""

    map_category = category_field(required=True)
    text = forms.CharField(
        label=_("Why? Write a few words"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        max_length=MAX_TEXT,
        error_messages={"required": _("Write a few words about the place.")},
    )
    geometry = forms.CharField(
        label=_("Place (GeoJSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "ltr"}),
    )
    place = place_field()

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = process_places(process=process)

    def clean_geometry(self) -> dict | None:
        return clean_geometry_text(self.cleaned_data.get("geometry", ""))

    def clean(self) -> dict:
        cleaned = super().clean()
        if "geometry" not in self.errors and not geometry_or_place(cleaned):
            self.add_error(
                "geometry", _("Put a place or a route on the map, or choose a named place.")
            )
        return cleaned


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your teacher"),
        max_length=20,
        error_messages={"required": _("Type the code your teacher gave you.")},
    )
    gender = forms.ChoiceField(
        label=_("I am (you can skip this)"),
        choices=[("", _("Prefer not to say"))]
        + group_choices(Dimension.GENDER, with_unknown=False),
        required=False,
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper().replace("-", "")


class ClassSessionForm(forms.Form):
    grade = forms.TypedChoiceField(
        label=_("Grade"),
        coerce=int,
        choices=[],
        initial=6,
    )
    arena = forms.ModelChoiceField(
        label=_("Arena"),
        help_text=_("The pupils who join are counted as this arena's participants."),
        queryset=None,
        required=False,
        empty_label=_("A new Barnetråkk arena for this session"),
    )
    title = forms.CharField(
        label=_("Name of the new arena (optional)"), max_length=200, required=False
    )

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grade"].choices = [
            (g, _("Grade %(grade)d") % {"grade": g}) for g in range(1, 14)
        ]
        self.fields["arena"].queryset = Arena.objects.filter(
            process=process, method__slug="barnetrakk"
        ).order_by("held_on", "id")


class GeoJSONUploadForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON file"),
        help_text=_(
            "A FeatureCollection in WGS 84 (longitude, latitude), e.g. from another mapping tool."
        ),
    )
    arena = forms.ModelChoiceField(label=_("Arena the inputs came from"), queryset=None)

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["arena"].queryset = Arena.objects.filter(process=process).order_by(
            "held_on", "id"
        )
