from django.urls import path

from performance import views

app_name = "performance"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<str:code>/", views.indicator, name="indicator"),
    path("<str:code>/children/", views.children, name="children"),
    path("<str:code>/children.csv", views.children_csv, name="children_csv"),
]
