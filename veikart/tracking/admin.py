from django.contrib import admin

from veikart.tracking.models import Committee, CommitteeMember, MeasureUpdate


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "process", "kind"]
    list_select_related = ["process"]
    filter_horizontal = ["measures"]
    inlines = [CommitteeMemberInline]


@admin.register(MeasureUpdate)
class MeasureUpdateAdmin(admin.ModelAdmin):
    list_display = ["measure", "date", "status", "progress", "author"]
    list_filter = ["status"]
    list_select_related = ["measure", "author"]
    raw_id_fields = ["measure", "author"]
