from django.urls import path

from decisions import views

app_name = "decisions"

# Pages of a child's record: /people/<id>/decisions/...
urlpatterns = [
    path("<int:person_id>/decisions/", views.record, name="record"),
    path("<int:person_id>/decisions/new/", views.decision_new, name="new"),
    path("<int:person_id>/decisions/<int:decision_id>/decide/", views.decide, name="decide"),
    path("<int:person_id>/decisions/<int:decision_id>/resubmit/", views.resubmit, name="resubmit"),
]
