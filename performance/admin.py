from django.contrib import admin

from performance.models import PopulationEstimate


@admin.register(PopulationEstimate)
class PopulationEstimateAdmin(admin.ModelAdmin):
    """The population behind the rates per 10,000 children: configuration, no child's data."""

    list_display = ("mid_year", "children", "source")
