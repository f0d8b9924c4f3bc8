from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.accounts.models import User
from veikart.processes.models import Arena, Process
from veikart.proposals.models import Actor, Realiser, Workshop, WorkshopGroup


class WorkshopForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    arena = forms.ModelChoiceField(label=_("Arena"), queryset=Arena.objects.none(), required=False)
    voting_method = forms.ChoiceField(
        label=_("Voting method"),
        choices=Workshop.VotingMethod.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Dot voting: everyone spends a number of dots. Ranking: everyone orders up to that "
            "number of proposals; first place gets the most points."
        ),
    )
    dots_per_person = forms.IntegerField(
        label=_("Dots per person (or places in the ranking)"), min_value=1, max_value=50
    )
    several_dots_per_proposal = forms.BooleanField(
        label=_("Several dots on one proposal allowed"), required=False
    )

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["arena"].queryset = Arena.objects.filter(process=process).order_by("held_on")


class GroupsForm(forms.Form):
    groups = forms.CharField(
        label=_("Tables"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One table per line. Leave empty if everyone votes individually."),
    )

    def names(self) -> list[str]:
        return self.cleaned_data["groups"].splitlines()


class ScopeFilterForm(forms.Form):
    """Filters for choosing the proposals in scope (GET)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    focus_area = forms.TypedChoiceField(label=_("Focus area"), required=False, coerce=int)
    realiser = forms.ChoiceField(
        label=_("Who can realise it"), required=False, choices=[("", _("All"))] + Realiser.choices
    )
    actor = forms.TypedChoiceField(label=_("Actor"), required=False, coerce=int)

    def __init__(self, *args, process: Process, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        all_ = [("", _("All"))]
        self.fields["focus_area"].choices = all_ + [
            (fa.pk, fa.name) for fa in process.focus_areas.order_by("order")
        ]
        self.fields["actor"].choices = all_ + [
            (a.pk, a.name) for a in Actor.objects.filter(proposals__process=process).distinct()
        ]

    def values(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v and k not in self.errors}


class JoinForm(forms.Form):
    group = forms.ChoiceField(label=_("Where do you sit?"), widget=forms.RadioSelect)

    def __init__(self, *args, groups: list[WorkshopGroup], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [(str(g.pk), g.name) for g in groups] + [
            ("", _("I vote on my own"))
        ]
        self.fields["group"].required = False
        self.groups = {str(g.pk): g for g in groups}

    def chosen(self) -> WorkshopGroup | None:
        return self.groups.get(self.cleaned_data.get("group") or "")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Workshop code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )


class RealisationPlanForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Table"), queryset=WorkshopGroup.objects.none(), required=False
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible actor"), queryset=Actor.objects.all(), required=False
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Actor.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    first_steps = forms.CharField(
        label=_("First steps"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    time_frame = forms.CharField(label=_("Time frame"), required=False, max_length=100)
    residents_contribution = forms.CharField(
        label=_("What residents will do"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, workshop: Workshop, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = workshop.groups.order_by("name")


class ActorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Actor.Kind.choices)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    contact_person = forms.ModelChoiceField(
        label=_("Contact person"),
        queryset=User.objects.filter(is_active=True).order_by("username"),
        required=False,
        help_text=_("A signed-in user who may update this entry's description and website."),
    )


class ActorOwnForm(forms.Form):
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
