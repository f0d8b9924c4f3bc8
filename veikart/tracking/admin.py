from django.contrib import admin

from veikart.tracking.models import (
    Committee,
    CommitteeMember,
    MeasureUpdate,
    Notification,
    PlanSnapshot,
    Subscription,
)


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


class NotificationInline(admin.TabularInline):
    model = Notification
    extra = 0
    fields = ["kind", "title", "status", "progress", "created_at", "sent_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "input",
        "proposal",
        "measure",
        "frequency",
        "confirmed_at",
        "unsubscribed_at",
    ]
    list_filter = ["frequency"]
    search_fields = ["email"]
    raw_id_fields = ["input", "proposal", "measure"]
    readonly_fields = ["created_at", "confirmed_at", "unsubscribed_at"]
    inlines = [NotificationInline]


@admin.register(PlanSnapshot)
class PlanSnapshotAdmin(admin.ModelAdmin):
    list_display = ["plan", "as_of", "measures_done", "measures_total", "mean_progress", "note"]
    list_select_related = ["plan"]
    raw_id_fields = ["plan", "taken_by"]
    readonly_fields = ["taken_at"]
