from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.processes.models import Process
from veikart.proposals.models import Proposal, ProposalStatus, Realiser


class ProposalEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    realiser = forms.ChoiceField(label=_("Who can realise it"), choices=Realiser.choices)
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), queryset=None, required=False, empty_label=_("Not chosen")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in ProposalStatus.choices if c[0] != ProposalStatus.MERGED],
        required=False,
    )

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = process.focus_areas.order_by("order")


def other_proposals(process: Process, exclude: Proposal | None = None):
    qs = Proposal.objects.filter(process=process).exclude(status=ProposalStatus.MERGED)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.order_by("number")


class ProposalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Proposal) -> str:
        return f"{obj.number}. {obj.title}"


class ProposalMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Proposal) -> str:
        return f"{obj.number}. {obj.title}"


class MergeForm(forms.Form):
    sources = ProposalMultipleChoiceField(
        label=_("Merge these proposals into this one"),
        queryset=Proposal.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, proposal: Proposal, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sources"].queryset = other_proposals(proposal.process, proposal)


class MoveForm(forms.Form):
    input_id = forms.IntegerField(widget=forms.HiddenInput)
    target = ProposalChoiceField(label=_("Move to"), queryset=Proposal.objects.none())

    def __init__(self, *args, proposal: Proposal, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = other_proposals(proposal.process, proposal)


class SplitForm(forms.Form):
    title = forms.CharField(label=_("Title of the new proposal"), max_length=200)
    inputs = forms.ModelMultipleChoiceField(
        label=_("Inputs that go to the new proposal"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, proposal: Proposal, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inputs"].queryset = proposal.inputs.order_by("id")
