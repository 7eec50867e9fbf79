from django.urls import path

from performance import views_dashboards

app_name = "performance_dashboards"

# /performance/dashboards/...
urlpatterns = [
    path("team/", views_dashboards.team, name="team"),
    path("leaders/", views_dashboards.leaders, name="leaders"),
]
