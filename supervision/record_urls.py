from django.urls import path

from supervision import views

app_name = "supervision_record"

# Pages of a child's record: /people/<id>/case-supervision/...
urlpatterns = [
    path("<int:person_id>/case-supervision/", views.record, name="record"),
    path(
        "<int:person_id>/case-supervision/actions/<int:case_action_id>/done/",
        views.case_action_done,
        name="action_done",
    ),
]
