from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("<int:person_id>/assessments/new/", views.assessment_new, name="new"),
    path("<int:person_id>/assessments/<int:assessment_id>/", views.assessment_detail, name="detail"),
    path("<int:person_id>/assessments/<int:assessment_id>/edit/", views.assessment_edit, name="edit"),
    path(
        "<int:person_id>/assessments/<int:assessment_id>/sections/<slug:section>/",
        views.assessment_section,
        name="section",
    ),
    path("<int:person_id>/assessments/<int:assessment_id>/authorise/", views.assessment_authorise, name="authorise"),
]
