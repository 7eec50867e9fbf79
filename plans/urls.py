from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("<int:person_id>/plans/<slug:kind>/<int:plan_id>/", views.detail, name="detail"),
    path("<int:person_id>/plans/<slug:kind>/<int:plan_id>/outcomes/new/", views.outcome_new, name="outcome_new"),
    path(
        "<int:person_id>/plans/<slug:kind>/<int:plan_id>/outcomes/<int:outcome_id>/actions/new/",
        views.action_new,
        name="action_new",
    ),
    path("<int:person_id>/plans/<slug:kind>/<int:plan_id>/contingency/", views.contingency, name="contingency"),
    path("<int:person_id>/plans/<slug:kind>/<int:plan_id>/sections/<slug:section>/", views.section, name="section"),
]
