from django.contrib import admin

from veikart.plans.models import Decision, Goal, Measure, MeasureProposal, Plan, Strategy
from veikart.tracking.models import MeasureUpdate


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "version", "status"]
    list_filter = ["status"]
    list_select_related = ["process"]
    inlines = [GoalInline, DecisionInline]


class StrategyInline(admin.TabularInline):
    model = Strategy
    extra = 0


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "focus_area", "order"]
    list_select_related = ["plan", "focus_area"]
    inlines = [StrategyInline]


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["title", "goal", "order"]
    list_select_related = ["goal"]
    search_fields = ["title"]


class MeasureProposalInline(admin.TabularInline):
    model = MeasureProposal
    extra = 0
    raw_id_fields = ["proposal"]


class MeasureUpdateInline(admin.StackedInline):
    model = MeasureUpdate
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
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
