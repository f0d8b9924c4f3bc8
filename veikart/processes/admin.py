from django.contrib import admin

from veikart.processes.models import Arena, ArenaParticipation, FocusArea, Method, Phase, Process


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


class FocusAreaInline(admin.TabularInline):
    model = FocusArea
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "current_phase", "cocreation_form", "is_public"]
    list_filter = ["current_phase", "is_public"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["areas"]
    inlines = [PhaseInline, FocusAreaInline]


@admin.register(Method)
class MethodAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_online", "is_for_children"]
    search_fields = ["name", "purpose"]
    prepopulated_fields = {"slug": ["name"]}


class ArenaParticipationInline(admin.TabularInline):
    model = ArenaParticipation
    extra = 0


@admin.register(Arena)
class ArenaAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "method", "held_on", "participant_count"]
    list_filter = ["process", "method"]
    list_select_related = ["process", "method"]
    search_fields = ["title", "place", "host"]
    raw_id_fields = ["host_user"]
    inlines = [ArenaParticipationInline]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "process", "order"]
    list_filter = ["process"]
    list_select_related = ["process"]
    search_fields = ["name"]
