from django.urls import path

from trays import decisions_queue

app_name = "decisions_queue"

# Not a record page: the manager's queue of decisions waiting for them (trays.decisions_queue).
urlpatterns = [
    path("", decisions_queue.queue, name="queue"),
]
