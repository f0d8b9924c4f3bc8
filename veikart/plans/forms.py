from django import forms
from django.utils.translation import gettext_lazy as _

from veikart.plans.models import Decision, Plan, Strategy
from veikart.plans.selectors import plan_strategies, proposals_for_plan
from veikart.proposals.models import Actor

SDG_CHOICES = [(n, str(n)) for n in range(1, 18)]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    main_goal = forms.CharField(label=_("Main goal"), max_length=300)
    period_start = forms.IntegerField(label=_("From year"), required=False)
    period_end = forms.IntegerField(label=_("To year"), required=False)


class GoalForm(forms.Form):
    focus_area = forms.ModelChoiceField(label=_("Focus area"), queryset=None, empty_label="–")
    title = forms.CharField(label=_("Goal"), max_length=300)

    def __init__(self, *args, plan: Plan, **kwargs) -> None:
        kwargs.setdefault("auto_id", "goal_%s")  # unique ids beside the builder's other forms
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = plan.process.focus_areas.order_by("order")


class GoalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.order}. {obj.title}"


class StrategyForm(forms.Form):
    goal = GoalChoiceField(label=_("Goal"), queryset=None, empty_label="–")
    title = forms.CharField(label=_("Strategy"), max_length=300)

    def __init__(self, *args, plan: Plan, **kwargs) -> None:
        kwargs.setdefault("auto_id", "strategy_%s")
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = plan.goals.order_by("order", "id")


class StrategyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Strategy) -> str:
        return f"{obj.goal.order}.{obj.order} {obj.title}"


class ProposalsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        marks = []
        if getattr(obj, "dots", 0):
            marks.append(_("%(n)s dots") % {"n": obj.dots})
        if getattr(obj, "has_realisation", False):
            marks.append(str(_("realisation plan")))
        if getattr(obj, "in_plan_count", 0):
            marks.append(str(_("already in the plan")))
        suffix = f" ({', '.join(str(m) for m in marks)})" if marks else ""
        return f"{obj.number}. {obj.title}{suffix}"


class MeasureForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    strategy = StrategyChoiceField(label=_("Strategy"), queryset=None, empty_label="–")
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = ProposalsField(
        label=_("Proposals behind it"),
        queryset=None,
        required=False,
        help_text=_("Prioritised proposals first. Without a proposal the measure is marked."),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible"),
        queryset=Actor.objects.order_by("name"),
        required=False,
        empty_label=_("Not chosen"),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Actor.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DATE)
    due_on = forms.DateField(label=_("Due"), required=False, widget=DATE)
    budget_line = forms.CharField(label=_("Budget line"), max_length=200, required=False)
    sdgs = forms.TypedMultipleChoiceField(
        label=_("UN sustainable development goals"),
        choices=SDG_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "sdg-choices"}),
    )

    def __init__(self, *args, plan: Plan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["strategy"].queryset = plan_strategies(plan=plan)
        self.fields["proposals"].queryset = proposals_for_plan(process=plan.process)


class DraftFromProposalsForm(forms.Form):
    proposals = ProposalsField(
        label=_("Proposals"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One measure is made from each proposal you tick."),
    )
    strategy = StrategyChoiceField(
        label=_("Put them all in this strategy"),
        queryset=None,
        required=False,
        empty_label=_("By focus area"),
    )

    def __init__(self, *args, plan: Plan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = proposals_for_plan(process=plan.process)
        self.fields["strategy"].queryset = plan_strategies(plan=plan)


class VersionForm(forms.Form):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "version_%s")
        super().__init__(*args, **kwargs)

    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class DecisionForm(forms.Form):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "decision_%s")
        super().__init__(*args, **kwargs)

    body = forms.CharField(label=_("Body"), max_length=200, initial=_("Municipal council"))
    meeting_date = forms.DateField(label=_("Meeting date"), widget=DATE)
    case_number = forms.CharField(label=_("Case number"), max_length=40, required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Decision.Outcome.choices)
    amendments = forms.CharField(
        label=_("Amendments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Work the amendments into the plan before you record an adoption."),
    )
