from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.core.groups import GROUPS, Dimension
from veikart.processes.models import Arena, Method


class ArenaForm(forms.ModelForm):
    class Meta:
        model = Arena
        fields = ["method", "title", "held_on", "place", "host", "target_groups", "notes"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "target_groups": _("Who the arena is meant to reach, e.g. parents of small children."),
            "host": _("Who hosts it: a person, unit or organisation."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].queryset = Method.objects.order_by("name")
        self.fields["method"].empty_label = None


class ParticipationForm(forms.Form):
    """How many took part, and how many of them in each group (blank = not known)."""

    total = forms.IntegerField(label=_("Number of participants"), min_value=0, max_value=100000)

    def __init__(self, *args, breakdown: dict | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        breakdown = breakdown or {}
        for dimension, groups in GROUPS.items():
            for key, label in groups:
                self.fields[self.field_name(dimension, key)] = forms.IntegerField(
                    label=label,
                    required=False,
                    min_value=0,
                    max_value=100000,
                    initial=breakdown.get(dimension, {}).get(key),
                )

    @staticmethod
    def field_name(dimension: str, key: str) -> str:
        return f"{dimension}__{key}".replace("+", "plus").replace("-", "_")

    def dimensions(self) -> list[tuple[str, list]]:
        """(dimension label, bound fields) for the template's fieldsets."""
        return [
            (Dimension(dim).label, [self[self.field_name(dim, key)] for key, _l in groups])
            for dim, groups in GROUPS.items()
        ]

    def breakdown(self) -> dict[str, dict[str, int]]:
        return {
            dim: {key: self.cleaned_data.get(self.field_name(dim, key)) or 0 for key, _l in groups}
            for dim, groups in GROUPS.items()
        }
