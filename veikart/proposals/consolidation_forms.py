"""The one form of a cluster on the Konsolider page: create a proposal, link, or dismiss.

The page renders the fields itself (so that twenty clusters do not run twenty queries for their
drop-downs); this form only checks what was posted.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.inputs.models import Input
from veikart.processes.models import Process
from veikart.proposals.models import Proposal, ProposalStatus, Realiser


class ClusterActionForm(forms.Form):
    ACTIONS = (("create", _("Create proposal")), ("link", _("Link")), ("reject", _("Dismiss")))

    action = forms.ChoiceField(choices=ACTIONS)
    inputs = forms.ModelMultipleChoiceField(
        label=_("Inputs"), queryset=Input.objects.none(), required=False
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), required=False)
    realiser = forms.ChoiceField(
        label=_("Who can realise it"), choices=[("", "–"), *Realiser.choices], required=False
    )
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), queryset=None, required=False, empty_label=_("Not chosen")
    )
    proposal = forms.ModelChoiceField(
        label=_("Existing proposal"), queryset=Proposal.objects.none(), required=False
    )

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inputs"].queryset = Input.objects.filter(process=process)
        self.fields["focus_area"].queryset = process.focus_areas.all()
        self.fields["proposal"].queryset = Proposal.objects.filter(process=process).exclude(
            status=ProposalStatus.MERGED
        )

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action in ("create", "link") and not data.get("inputs"):
            self.add_error("inputs", _("Tick at least one input."))
        if action == "create":
            if not (data.get("title") or "").strip():
                self.add_error("title", _("Give the proposal a title."))
            if not data.get("realiser"):
                self.add_error("realiser", _("Choose who can realise the proposal."))
        if action == "link" and not data.get("proposal"):
            self.add_error("proposal", _("Choose the proposal to link the inputs into."))
        return data
