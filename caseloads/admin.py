"""The weighting scheme and the limits, as the authority sets them."""

from django.contrib import admin

from caseloads.models import CaseloadLimit, CaseWeight


@admin.register(CaseWeight)
class CaseWeightAdmin(admin.ModelAdmin):
    list_display = ["case_type", "points"]
    view_on_site = False


@admin.register(CaseloadLimit)
class CaseloadLimitAdmin(admin.ModelAdmin):
    list_display = ["role", "points_per_fte", "early_career_points_per_fte"]
    view_on_site = False
