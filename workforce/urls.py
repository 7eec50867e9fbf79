from django.urls import path

from workforce import views

app_name = "workforce"

urlpatterns = [
    path("locked-accounts/", views.lockouts_page, name="lockouts"),
]
