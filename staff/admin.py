"""Configuration the authority keeps as data: the induction checklists, the course catalogue and
the regional price caps for agency social workers. Staff records themselves are kept on the
staff pages by the workforce lead, not here."""

from django.contrib import admin

from staff.models import AgencyPriceCap, Course, InductionItem


@admin.register(InductionItem)
class InductionItemAdmin(admin.ModelAdmin):
    list_display = ["role", "title", "due_working_day", "order"]
    list_filter = ["role"]
    view_on_site = False


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "valid_months", "due_within_days", "is_active"]
    view_on_site = False


@admin.register(AgencyPriceCap)
class AgencyPriceCapAdmin(admin.ModelAdmin):
    list_display = ["role", "hourly_cap", "region"]
    view_on_site = False
