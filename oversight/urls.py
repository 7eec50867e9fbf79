from django.urls import path

from oversight import views

app_name = "oversight"

# Pages of a child's record: /people/<id>/oversight/...
urlpatterns = [
    path("<int:person_id>/oversight/", views.record, name="record"),
    path("<int:person_id>/oversight/key-events/<int:event_id>/", views.oversight_new, name="oversight_new"),
    path("<int:person_id>/oversight/challenges/new/", views.challenge_new, name="challenge_new"),
    path("<int:person_id>/oversight/challenges/<int:challenge_id>/", views.challenge, name="challenge"),
    path(
        "<int:person_id>/oversight/challenges/<int:challenge_id>/respond/",
        views.challenge_respond,
        name="challenge_respond",
    ),
    path(
        "<int:person_id>/oversight/challenges/<int:challenge_id>/escalate/",
        views.challenge_escalate,
        name="challenge_escalate",
    ),
    path(
        "<int:person_id>/oversight/challenges/<int:challenge_id>/close/", views.challenge_close, name="challenge_close"
    ),
    path("<int:person_id>/oversight/good-practice/new/", views.good_practice_new, name="good_practice_new"),
]
