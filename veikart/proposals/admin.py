from django.contrib import admin

from veikart.proposals.models import (
    Actor,
    ConsolidationRun,
    OpinionAnalysis,
    Proposal,
    ProposalActor,
    ProposalInput,
    RealisationPlan,
    Support,
    Vote,
    Workshop,
    WorkshopGroup,
    WorkshopParticipant,
)


class ProposalInputInline(admin.TabularInline):
    model = ProposalInput
    extra = 0
    raw_id_fields = ["input", "linked_by"]


class ProposalActorInline(admin.TabularInline):
    model = ProposalActor
    extra = 0
    autocomplete_fields = ["actor"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "process", "realiser", "focus_area", "status"]
    list_filter = ["realiser", "status", "process", "focus_area"]
    list_select_related = ["process", "focus_area"]
    search_fields = ["title", "description"]
    raw_id_fields = ["merged_into"]
    inlines = [ProposalInputInline, ProposalActorInline]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "contact_person"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["contact_person"]


class WorkshopGroupInline(admin.TabularInline):
    model = WorkshopGroup
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "held_on", "voting_method", "status", "code"]
    list_filter = ["status", "voting_method"]
    list_select_related = ["process"]
    raw_id_fields = ["arena"]
    filter_horizontal = ["proposals"]
    inlines = [WorkshopGroupInline]


@admin.register(WorkshopParticipant)
class WorkshopParticipantAdmin(admin.ModelAdmin):
    list_display = ["id", "workshop", "group", "joined_at"]
    list_select_related = ["workshop", "group"]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["workshop", "participant", "proposal", "dots", "rank"]
    list_select_related = ["workshop", "proposal"]
    raw_id_fields = ["participant", "proposal"]


@admin.register(Support)
class SupportAdmin(admin.ModelAdmin):
    list_display = ["proposal", "user", "created_at"]
    list_select_related = ["proposal", "user"]
    raw_id_fields = ["proposal", "user"]


@admin.register(RealisationPlan)
class RealisationPlanAdmin(admin.ModelAdmin):
    list_display = ["proposal", "workshop", "responsible", "time_frame"]
    list_select_related = ["proposal", "workshop", "responsible"]
    raw_id_fields = ["proposal", "responsible"]
    filter_horizontal = ["partners"]


@admin.register(ConsolidationRun)
class ConsolidationRunAdmin(admin.ModelAdmin):
    list_display = ["process", "status", "done", "total", "created_at"]
    list_select_related = ["process"]


@admin.register(OpinionAnalysis)
class OpinionAnalysisAdmin(admin.ModelAdmin):
    """Read-only: an opinion map is made by the service (audit-logged), never edited by hand."""

    list_display = ["process", "source", "workshop", "n_participants", "n_groups", "created_at"]
    list_filter = ["source"]
    list_select_related = ["process", "workshop"]
    readonly_fields = [f.name for f in OpinionAnalysis._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
