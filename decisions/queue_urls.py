from django.urls import path

from decisions import views

app_name = "decisions_queue"

# Not a record page: the manager's queue of decisions waiting for them.
urlpatterns = [
    path("", views.queue, name="queue"),
]
