from django.urls import path

from permanence import views

app_name = "permanence_tracker"

# /permanence/decisions/: decisions that have not yet become plans, across the user's children.
urlpatterns = [
    path("decisions/", views.tracker, name="decisions"),
]
