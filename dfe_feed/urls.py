from django.urls import path

from dfe_feed import views

app_name = "dfe_feed"

urlpatterns = [
    path("", views.feed, name="feed"),
]
