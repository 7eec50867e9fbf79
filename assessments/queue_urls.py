from django.urls import path

from assessments import views

app_name = "assessments_queue"

# Not a record page: the managers' queue of assessments waiting for authorisation.
urlpatterns = [
    path("authorisations/", views.queue, name="queue"),
]
