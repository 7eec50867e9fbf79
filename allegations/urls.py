from django.urls import path

from allegations import views

app_name = "allegations"

# /lado/allegations/...: the LADO service's own pages (the service home is /lado/).
urlpatterns = [
    path("allegations/new/", views.allegation_new, name="new"),
    path("allegations/<int:allegation_id>/", views.detail, name="detail"),
    path("allegations/<int:allegation_id>/children/add/", views.child_add, name="child_add"),
    path("allegations/<int:allegation_id>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("allegations/<int:allegation_id>/outcome/", views.outcome, name="outcome"),
    path("allegations/<int:allegation_id>/close/", views.close, name="close"),
]
