from django.contrib.auth.decorators import login_not_required
from django.urls import path

from workforce.signin import sso, views

urlpatterns = [
    path("", views.SignInView.as_view(), name="login"),
    path("two-factor/", views.two_factor_verify, name="two_factor_verify"),
    path("two-factor/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("sso/", login_not_required(sso.SsoStartView.as_view()), name="sso_start"),
    path("sso/callback/", login_not_required(sso.SsoCallbackView.as_view()), name="sso_callback"),
]
