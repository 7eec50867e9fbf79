from django.urls import path

from private_fostering import views

app_name = "private_fostering"

# Pages of a child's record: /people/<id>/private-fostering/...
urlpatterns = [
    path("<int:person_id>/private-fostering/", views.record, name="record"),
    path("<int:person_id>/private-fostering/new/", views.notification_new, name="notification_new"),
    path("<int:person_id>/private-fostering/<int:arrangement_id>/start/", views.start, name="start"),
    path("<int:person_id>/private-fostering/<int:arrangement_id>/end/", views.end, name="end"),
]
