from django.contrib import admin

from veikart.areas.models import Area, Indicator, IndicatorImport, IndicatorValue, PopulationCount


class PopulationCountInline(admin.TabularInline):
    model = PopulationCount
    extra = 0


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "code", "is_municipality"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PopulationCountInline]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    autocomplete_fields = ["area"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "theme", "unit", "source"]
    list_filter = ["theme", "source"]
    search_fields = ["name", "source"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area", "period", "value"]
    list_filter = ["indicator__theme", "area"]
    list_select_related = ["indicator", "area"]
    search_fields = ["indicator__name", "period"]


@admin.register(PopulationCount)
class PopulationCountAdmin(admin.ModelAdmin):
    list_display = ["area", "year", "dimension", "group", "count"]
    list_filter = ["year", "dimension", "area"]
    list_select_related = ["area"]


@admin.register(IndicatorImport)
class IndicatorImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "format", "status", "created_at", "created_by"]
    list_filter = ["status", "format"]
    readonly_fields = ["file_name", "format", "default_theme", "status", "result", "created_by"]
    exclude = ["content"]

    def has_add_permission(self, request) -> bool:
        return False  # uploads go through the import page, with its preview
