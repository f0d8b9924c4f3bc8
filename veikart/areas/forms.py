from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.areas.models import Indicator, IndicatorImport


class IndicatorImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (one value per row) or JSON-stat 2 (as Statistics Norway's API returns)."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("Recognise from the file"))] + list(IndicatorImport.Format.choices),
        required=False,
    )
    default_theme = forms.ChoiceField(
        label=_("Theme of new indicators"),
        choices=Indicator.Theme.choices,
        initial=Indicator.Theme.LIVING_CONDITIONS,
        help_text=_("Used for indicators the file brings that the knowledge base does not have."),
    )
