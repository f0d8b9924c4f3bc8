import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from veikart.core.geo import geometry_clean
from veikart.core.groups import Dimension, group_choices
from veikart.inputs.services import MAX_TEXT
from veikart.maps.models import MapCategory
from veikart.maps.selectors import process_places
from veikart.processes.models import Process


def _group_field(dimension: str, label) -> forms.ChoiceField:
    choices = [("", _("Prefer not to say"))] + group_choices(dimension, with_unknown=False)
    return forms.ChoiceField(label=label, choices=choices, required=False)


class InputForm(forms.Form):
    """The residents' online form: plain words, everything optional but the text."""

    text = forms.CharField(
        label=_("Your input"),
        help_text=_(
            "What is good where you live, what should change, and how? Max 5,000 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 7, "dir": "auto"}),
        max_length=MAX_TEXT,
        strip=False,
        error_messages={"required": _("Write what you want to say.")},
    )
    focus_area = forms.ModelChoiceField(
        label=_("What is it mostly about?"),
        queryset=None,
        required=False,
        empty_label=_("Not sure"),
    )
    group_age = _group_field(Dimension.AGE, _("Your age"))
    group_gender = _group_field(Dimension.GENDER, _("Gender"))
    group_background = _group_field(Dimension.BACKGROUND, _("Background"))
    geometry = forms.CharField(
        label=_("Place (GeoJSON)"),
        help_text=_(
            'Optional. A point, route or area, e.g. {"type": "Point", "coordinates": [10.43, 59.83]}.'
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "ltr"}),
    )
    map_category = forms.ChoiceField(
        label=_("What is the place to you?"), choices=[], required=False
    )
    place = forms.ModelChoiceField(
        label=_("Or choose a named place"),
        help_text=_("Without a mouse: pick a place from the list instead of the map."),
        queryset=None,
        required=False,
        empty_label=_("No named place"),
    )
    # Honeypot: hidden from people (CSS and aria-hidden); a bot that fills it is ignored.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = process.focus_areas.order_by("order")
        self.fields["map_category"].choices = [("", _("Choose…"))] + list(MapCategory.choices)
        self.fields["place"].queryset = process_places(process=process)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise ValidationError(_("Write what you want to say."))
        return text

    def clean_geometry(self) -> dict | None:
        raw = self.cleaned_data.get("geometry", "").strip()
        if not raw:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            raise ValidationError(_("The place is not valid GeoJSON.")) from None
        if isinstance(value, dict) and value.get("type") == "Feature":
            value = value.get("geometry")
        return geometry_clean(value)

    def place_geometry(self) -> dict | None:
        """The drawn or typed place, or else the chosen named place as a point."""
        if self.cleaned_data.get("geometry"):
            return self.cleaned_data["geometry"]
        place = self.cleaned_data.get("place")
        return place.geometry if place else None

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class StaffEntryForm(forms.Form):
    """One input typed by a host from notes; group and focus area stay between entries."""

    text = forms.CharField(
        label=_("Input"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto", "autofocus": True}),
        max_length=MAX_TEXT,
        error_messages={"required": _("Type the input before saving.")},
    )
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), queryset=None, required=False, empty_label=_("Not known")
    )
    group_age = forms.ChoiceField(
        label=_("Age band"),
        choices=[("", _("Not known"))] + group_choices(Dimension.AGE, with_unknown=False),
        required=False,
    )
    group_gender = forms.ChoiceField(
        label=_("Gender"),
        choices=[("", _("Not known"))] + group_choices(Dimension.GENDER, with_unknown=False),
        required=False,
    )
    group_background = forms.ChoiceField(
        label=_("Background"),
        choices=[("", _("Not known"))] + group_choices(Dimension.BACKGROUND, with_unknown=False),
        required=False,
    )

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = process.focus_areas.order_by("order")


class ReceiptLookupForm(forms.Form):
    code = forms.CharField(label=_("Receipt code"), max_length=20)

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper().replace("-", "")
