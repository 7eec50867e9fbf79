from django.contrib import admin

from timescales.models import BankHoliday, DueItem, LocalStandard


@admin.register(BankHoliday)
class BankHolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name", "division"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(LocalStandard)
class LocalStandardAdmin(admin.ModelAdmin):
    """Managers change local practice standards here; model validation refuses statutory rules."""

    list_display = ["rule_code", "amount", "unit", "changed_by", "changed_at"]
    readonly_fields = ["changed_by", "changed_at"]

    def save_model(self, request, obj, form, change):
        from timescales import clock

        obj.changed_by = request.user
        obj.changed_at = clock.now()
        super().save_model(request, obj, form, change)


@admin.register(DueItem)
class DueItemAdmin(admin.ModelAdmin):
    """Read-only: due items are derived from the record by the engine."""

    list_display = ["person", "title", "due_date", "worker", "team", "completed_at"]
    list_filter = ["rule_code"]
    raw_id_fields = ["person", "worker", "team"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
