from django.urls import path

from allegations import views

app_name = "allegations_record"

# The allegations tab of a child's record, for the LADO service only: /people/<id>/allegations/.
urlpatterns = [
    path("<int:person_id>/allegations/", views.for_child, name="for_child"),
]
