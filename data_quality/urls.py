from django.urls import path

from data_quality import views

app_name = "data_quality"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("children/", views.children, name="children"),
]
