from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.processes.models import Arena, Method, Process
from veikart.proposals.models import ProposalStatus, Realiser
from veikart.proposals.selectors import SORTS, ProposalFilters


class ProposalFilterForm(forms.Form):
    """The Veikart list's search and filters (GET). Bad values give a message, not an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    focus_area = forms.TypedChoiceField(label=_("Focus area"), required=False, coerce=int)
    realiser = forms.ChoiceField(
        label=_("Who can realise it"), required=False, choices=[("", _("All"))] + Realiser.choices
    )
    method = forms.TypedChoiceField(label=_("Method"), required=False, coerce=int)
    arena = forms.TypedChoiceField(label=_("Arena"), required=False, coerce=int)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))]
        + [c for c in ProposalStatus.choices if c[0] not in ("draft", "merged")],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("number", _("Number")),
            ("inputs", _("Most inputs")),
            ("title", _("Title")),
            ("supports", _("Most support")),
        ],
    )

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        all_ = [("", _("All"))]
        self.fields["focus_area"].choices = all_ + [
            (fa.pk, fa.name) for fa in process.focus_areas.order_by("order")
        ]
        self.fields["method"].choices = all_ + [
            (m.pk, m.name) for m in Method.objects.filter(arenas__process=process).distinct()
        ]
        self.fields["arena"].choices = all_ + [
            (a.pk, a.title) for a in Arena.objects.filter(process=process).order_by("held_on", "id")
        ]

    def filters(self) -> ProposalFilters:
        """The valid filters; fields with bad values are left out (and shown as errors)."""
        if not self.is_bound:
            return ProposalFilters()
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        sort = data.get("sort") or "number"
        return ProposalFilters(
            q=data.get("q") or "",
            focus_area=data.get("focus_area") or None,
            realiser=data.get("realiser") or "",
            method=data.get("method") or None,
            arena=data.get("arena") or None,
            status=data.get("status") or "",
            sort=sort if sort in SORTS else "number",
        )
