from django.contrib import admin

from veikart.inputs.models import ImportJob, Input, InputEmbedding, InputReport


@admin.register(Input)
class InputAdmin(admin.ModelAdmin):
    list_display = ["id", "short_text", "process", "arena", "status", "source", "created_at"]
    list_filter = ["status", "source", "process"]
    list_select_related = ["process", "arena"]
    search_fields = ["text", "receipt_code"]
    raw_id_fields = ["arena", "focus_area", "author", "entered_by"]
    readonly_fields = ["receipt_code", "created_at", "updated_at"]

    @admin.display(description="text")
    def short_text(self, obj: Input) -> str:
        return obj.text[:80]


@admin.register(InputReport)
class InputReportAdmin(admin.ModelAdmin):
    list_display = ["input", "reason", "created_at", "handled_at"]
    list_filter = ["reason"]
    list_select_related = ["input"]
    raw_id_fields = ["input", "handled_by"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["file_name", "process", "arena", "status", "total_rows", "created_count"]
    list_filter = ["status"]
    list_select_related = ["process", "arena"]
    raw_id_fields = ["arena", "created_by"]


@admin.register(InputEmbedding)
class InputEmbeddingAdmin(admin.ModelAdmin):
    list_display = ["input", "model", "created_at"]
    list_filter = ["model"]
    raw_id_fields = ["input"]
