"""Forms of the import screens: upload a file into an arena, then say which column is which."""

from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.processes.models import Process

TARGET_LABELS = {
    "text": _("Text of the input"),
    "group": _("Group (age band, gender, background)"),
    "focus_area": _("Focus area"),
    "lat": _("Latitude"),
    "lon": _("Longitude"),
}
TARGET_HELP = {
    "text": _("Required. One input per row."),
    "group": _(
        "Optional. An age band such as 13-19, a gender (kvinne, mann) and/or immigrant "
        "background, separated by / or a comma."
    ),
    "focus_area": _("Optional. The name or short name of one of the process's focus areas."),
    "lat": _("Optional. Degrees north, e.g. 59.83 (a decimal comma is fine)."),
    "lon": _("Optional. Degrees east, e.g. 10.43. Give both latitude and longitude, or neither."),
}


class ImportUploadForm(forms.Form):
    arena = forms.ModelChoiceField(
        label=_("Arena the inputs come from"),
        queryset=None,
        empty_label=_("Choose an arena"),
        error_messages={"required": _("Choose the arena the inputs come from.")},
    )
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "A spreadsheet saved from Excel as CSV (semicolon-separated) or as .xlsx. The first "
            "row names the columns; one column holds the text of the inputs."
        ),
        error_messages={"required": _("Choose a file to upload.")},
    )

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        arenas = process.arenas.filter(counts_itself=False).order_by("-held_on", "title")
        self.fields["arena"].queryset = arenas
        self.fields["file"].widget.attrs["accept"] = ".csv,.txt,.xlsx,text/csv"


class ImportMappingForm(forms.Form):
    """One dropdown per target field, listing the file's columns, preselected by header name."""

    def __init__(self, *args, header: list[str], targets: tuple[str, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        columns = [
            (str(i), name or _("Column %(number)d") % {"number": i + 1})
            for i, name in enumerate(header)
        ]
        for target in targets:
            none = _("— choose a column —") if target == "text" else _("— not in the file —")
            self.fields[target] = forms.ChoiceField(
                label=TARGET_LABELS[target],
                help_text=TARGET_HELP[target],
                choices=[("", none), *columns],
                required=target == "text",
                error_messages={"required": _("Choose the column that holds the text.")},
            )
