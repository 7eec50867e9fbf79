from django.contrib import admin

from timescales.models import BankHoliday, LocalStandard


@admin.register(BankHoliday)
class BankHolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name", "division"]
    date_hierarchy = "date"
    search_fields = ["name"]
    view_on_site = False


@admin.register(LocalStandard)
class LocalStandardAdmin(admin.ModelAdmin):
    """Managers change local practice standards here; model validation refuses statutory rules."""

    list_display = ["rule_code", "amount", "unit", "changed_by", "changed_at"]
    readonly_fields = ["changed_by", "changed_at"]
    view_on_site = False

    def save_model(self, request, obj, form, change):
        from core import clock

        obj.changed_by = request.user
        obj.changed_at = clock.now()
        super().save_model(request, obj, form, change)
