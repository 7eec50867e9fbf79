from django.urls import path

from oversight import views

app_name = "oversight_pages"

# The pages that are not one child's: /oversight/...
urlpatterns = [
    path("", views.team_oversight, name="team"),
    path("challenges/", views.challenges, name="challenges"),
    path("challenges/report/", views.report, name="report"),
    path("challenges/report/list/", views.report_list, name="report_list"),
]
