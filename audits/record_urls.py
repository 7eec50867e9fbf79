from django.urls import path

from audits import views

app_name = "audits_record"

# Pages of a child's record: /people/<id>/audits/...
urlpatterns = [
    path("<int:person_id>/audits/", views.record, name="record"),
    path("<int:person_id>/audits/<int:audit_id>/", views.audit, name="audit"),
    path("<int:person_id>/audits/<int:audit_id>/grade/", views.grade, name="grade"),
    path("<int:person_id>/audits/<int:audit_id>/moderate/", views.moderate, name="moderate"),
    path("<int:person_id>/audits/<int:audit_id>/reflect/", views.reflect, name="reflect"),
    path("<int:person_id>/audits/<int:audit_id>/assign/", views.assign, name="assign"),
    path("<int:person_id>/audits/actions/<int:audit_action_id>/done/", views.action_done, name="action_done"),
]
