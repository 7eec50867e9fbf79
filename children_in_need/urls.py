from django.urls import path

from children_in_need import views

app_name = "children_in_need"

urlpatterns = [
    path("<int:person_id>/help-and-protection/", views.journey, name="journey"),
    path("<int:person_id>/cin-plans/new/", views.cin_plan_new, name="cin_plan_new"),
    path("<int:person_id>/cin-plans/<int:plan_id>/reviews/new/", views.cin_plan_review_new, name="cin_plan_review_new"),
    path("<int:person_id>/cin-plans/<int:plan_id>/end/", views.cin_plan_end, name="cin_plan_end"),
    path("<int:person_id>/cin-episodes/<int:episode_id>/close/", views.episode_close, name="episode_close"),
]
