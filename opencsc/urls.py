from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from opencsc import views
from workforce.forms import SignInForm

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("sign-in/", auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=SignInForm), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("my-work/", views.my_work, name="my_work"),
    path("my-team/", views.my_team, name="my_team"),
    path("front-door/", views.front_door_home, name="front_door_home"),
    path("reviews/", views.reviews_home, name="reviews_home"),
    path("performance/", views.performance_home, name="performance_home"),
    path("administration/", views.administration_home, name="administration_home"),
    path("people/", include("people.urls")),
    path("people/", include("casework.urls")),
    path("people/", include("front_door.urls")),
    path("people/", include("assessments.urls")),
    path("people/", include("child_protection.urls")),
    path("people/", include("children_in_need.urls")),
    path("front-door/", include("front_door.queue_urls")),
    path("assessments/", include("assessments.queue_urls")),
    path("django-admin/", admin.site.urls),
]

handler400 = "opencsc.views.bad_request"
handler403 = "opencsc.views.permission_denied"
handler404 = "opencsc.views.page_not_found"
handler500 = "opencsc.views.server_error"
