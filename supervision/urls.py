from django.urls import path

from supervision import views

app_name = "supervision"

# A worker's supervision: /supervision/...
urlpatterns = [
    path("", views.session_list, name="list"),
    path("new/", views.session_new, name="new"),
    path("<int:supervision_id>/", views.session_detail, name="detail"),
    path("<int:supervision_id>/actions/new/", views.action_new, name="action_new"),
    path("<int:supervision_id>/children/new/", views.case_discussion_new, name="case_discussion_new"),
    path("<int:supervision_id>/sign/", views.sign, name="sign"),
    path("<int:supervision_id>/countersign/", views.countersign, name="countersign"),
    path("<int:supervision_id>/export/", views.export, name="export"),
    path("actions/<int:supervision_action_id>/done/", views.action_done, name="action_done"),
]
