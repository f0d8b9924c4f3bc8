from django.contrib import admin

from veikart.maps.models import ClassContribution, ClassPupil, ClassSession, Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area", "lon", "lat"]
    list_filter = ["kind", "area"]
    list_select_related = ["area"]
    search_fields = ["name"]


class ClassPupilInline(admin.TabularInline):
    model = ClassPupil
    fields = ["gender", "joined_at"]
    readonly_fields = ["joined_at"]
    extra = 0
    can_delete = False


@admin.register(ClassSession)
class ClassSessionAdmin(admin.ModelAdmin):
    list_display = ["code", "grade", "process", "arena", "created_at", "closed_at"]
    list_filter = ["process"]
    list_select_related = ["process", "arena"]
    raw_id_fields = ["arena", "created_by"]
    readonly_fields = ["code", "created_at", "updated_at"]
    inlines = [ClassPupilInline]


@admin.register(ClassContribution)
class ClassContributionAdmin(admin.ModelAdmin):
    list_display = ["id", "pupil", "input"]
    raw_id_fields = ["pupil", "input"]
