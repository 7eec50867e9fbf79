from django.urls import path

from caseloads import views

app_name = "caseloads"

urlpatterns = [
    path("caseloads/", views.team, name="team"),
    path("figures/", views.figures_page, name="figures"),
    path("figures/census.csv", views.census_file, name="census"),
    path("figures/agency-return.csv", views.agency_file, name="agency_return"),
    path("figures/<slug:code>/", views.figure, name="figure"),
]
