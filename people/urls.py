from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("new/", views.child_create, name="child_new"),
    path("merge/", views.merge, name="merge"),
    path("<int:person_id>/", views.summary, name="summary"),
    path("<int:person_id>/details/", views.details, name="details"),
    path("<int:person_id>/family/", views.family, name="family"),
    path("<int:person_id>/family/new/", views.family_member_new, name="family_member_new"),
    path("<int:person_id>/family/link/", views.family_member_link, name="family_member_link"),
    path("<int:person_id>/professionals/new/", views.professional_new, name="professional_new"),
    path("<int:person_id>/names/new/", views.other_name_new, name="other_name_new"),
    path("<int:person_id>/addresses/new/", views.address_new, name="address_new"),
    path("<int:person_id>/warnings/new/", views.warning_new, name="warning_new"),
    path("<int:person_id>/warnings/<int:warning_id>/end/", views.warning_end, name="warning_end"),
    path("<int:person_id>/viewed/", views.viewed, name="viewed"),
    path("<int:person_id>/access/", views.restricted_access, name="restricted_access"),
]
