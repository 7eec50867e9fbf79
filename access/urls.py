from django.urls import path

from access import views

app_name = "access"

urlpatterns = [
    path("break-glass/", views.break_glass, name="break_glass"),
    path("break-glass/log/", views.break_glass_log, name="break_glass_log"),
    path("manage/", views.manage, name="manage"),
]
