from django.urls import path

from front_door import views

app_name = "front_door_queue"

# Not a record page: the queue of contacts and referrals waiting for a decision.
urlpatterns = [
    path("contacts/", views.queue, name="queue"),
]
