from django.urls import path

from improvement import views

app_name = "improvement"

# Inspections and the improvement plan: /improvement/...
urlpatterns = [
    path("", views.home, name="home"),
    path("inspections/new/", views.inspection_new, name="inspection_new"),
    path("inspections/<int:inspection_id>/", views.inspection, name="inspection"),
    path("inspections/<int:inspection_id>/recommendations/new/", views.recommendation_new, name="recommendation_new"),
    path("inspections/<int:inspection_id>/plan/new/", views.plan_new, name="plan_new"),
    path("inspections/<int:inspection_id>/plan/", views.plan, name="plan"),
    path(
        "inspections/<int:inspection_id>/recommendations/<int:recommendation_id>/actions/new/",
        views.action_new,
        name="action_new",
    ),
    path("actions/<int:improvement_action_id>/", views.action_update, name="action_update"),
    path("how-do-we-know/<slug:area>/", views.how_do_we_know, name="how_do_we_know"),
]
