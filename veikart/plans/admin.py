"""Admin for plans: editable while a plan is a draft, read-only once it is adopted and frozen.

The services and database triggers refuse changes to a frozen plan; here the change pages of a
frozen plan, its goals, strategies and measures show every content field read-only, and nothing
of it can be deleted. A measure's status and progress stay editable (tracking's fields).
"""

from django.contrib import admin

from veikart.plans.models import (
    Decision,
    Goal,
    Measure,
    MeasureProposal,
    Plan,
    PlanVersion,
    Strategy,
)
from veikart.tracking.models import MeasureUpdate


def _frozen(obj) -> bool:
    if obj is None:
        return False
    if isinstance(obj, Plan):
        return obj.frozen_at is not None
    if isinstance(obj, Goal):
        return obj.plan.frozen_at is not None
    if isinstance(obj, Strategy):
        return obj.goal.plan.frozen_at is not None
    if isinstance(obj, Measure):
        return obj.strategy.goal.plan.frozen_at is not None
    return False


class FrozenReadOnly:
    """Mixin: every field read-only and no delete when the object belongs to a frozen plan."""

    editable_when_frozen: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        if _frozen(obj):
            names = [f.name for f in self.model._meta.fields + self.model._meta.many_to_many]
            return [n for n in names if n not in self.editable_when_frozen]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        if _frozen(obj):
            return False
        return super().has_delete_permission(request, obj)


class FrozenInline(admin.TabularInline):
    """An inline of a plan's content: no add, change or delete under a frozen parent."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_delete_permission(request, obj)


class GoalInline(FrozenInline):
    model = Goal


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0
    readonly_fields = ["version", "recorded_at"]


class PlanVersionInline(admin.TabularInline):
    model = PlanVersion
    extra = 0
    fields = ["number", "note", "is_adopted", "created_by", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Plan)
class PlanAdmin(FrozenReadOnly, admin.ModelAdmin):
    list_display = ["title", "process", "version", "status", "frozen_at"]
    list_filter = ["status"]
    list_select_related = ["process"]
    inlines = [GoalInline, PlanVersionInline, DecisionInline]


class StrategyInline(FrozenInline):
    model = Strategy


@admin.register(Goal)
class GoalAdmin(FrozenReadOnly, admin.ModelAdmin):
    list_display = ["title", "plan", "focus_area", "order"]
    list_select_related = ["plan", "focus_area"]
    inlines = [StrategyInline]


@admin.register(Strategy)
class StrategyAdmin(FrozenReadOnly, admin.ModelAdmin):
    list_display = ["title", "goal", "order"]
    list_select_related = ["goal"]
    search_fields = ["title"]


class MeasureProposalInline(FrozenInline):
    model = MeasureProposal
    raw_id_fields = ["proposal"]


class MeasureUpdateInline(admin.StackedInline):
    model = MeasureUpdate
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Measure)
class MeasureAdmin(FrozenReadOnly, admin.ModelAdmin):
    editable_when_frozen = ("status", "progress")
    list_display = ["number", "title", "status", "progress", "responsible", "due_on"]
    list_filter = ["status", "strategy__goal__plan"]
    list_select_related = ["responsible"]
    search_fields = ["title", "number"]
    raw_id_fields = ["strategy", "responsible"]
    filter_horizontal = ["partners"]
    inlines = [MeasureProposalInline, MeasureUpdateInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["plan", "body", "meeting_date", "case_number", "outcome"]
    list_select_related = ["plan"]
    readonly_fields = ["version", "recorded_at"]


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    """Saved versions are immutable: view only."""

    list_display = ["plan", "number", "note", "is_adopted", "created_at"]
    list_select_related = ["plan"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
