from django.urls import path

from staff import views

app_name = "staff"

urlpatterns = [
    path("", views.staff_list, name="list"),
    path("new/", views.starter_new, name="starter_new"),
    path("establishment/", views.establishment, name="establishment"),
    path("<int:staff_id>/", views.profile, name="profile"),
    path("<int:staff_id>/change/", views.profile_edit, name="profile_edit"),
    path("<int:staff_id>/leaving/", views.leaver, name="leaver"),
    path("<int:staff_id>/induction/<int:task_id>/", views.induction_done, name="induction_done"),
    path("<int:staff_id>/training/new/", views.attendance_new, name="attendance_new"),
]
