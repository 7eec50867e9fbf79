"""The sign-in page, and the two-factor pages that finish a sign-in for those who need a code."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from workforce.forms import SignInForm
from workforce.signin import two_factor
from workforce.signin.forms import CodeForm
from workforce.signin.services import totp_device_confirm

WRONG_CODE = "The code is not correct. Enter the code your authenticator app shows now"
TOO_MANY = "You entered too many wrong codes. Wait a minute, then enter the code your app shows now"
SSO_REFUSED = (
    "You could not be signed in with your council account. Your account may not have been "
    "given access to this service: ask your IT service desk."
)


class SignInView(auth_views.LoginView):
    """A correct password signs in, unless the account needs a code: then the code page does."""

    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.required_for(user):
            return super().form_valid(form)
        two_factor.remember_password_ok(self.request, user, self.get_success_url())
        if two_factor.confirmed_device(user) is None:
            return redirect("two_factor_setup")
        return redirect("two_factor_verify")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = settings.OIDC_ENABLED
        context["sso_button_label"] = settings.OIDC_BUTTON_LABEL
        context["sso_refused"] = SSO_REFUSED if self.request.GET.get("sso") == "refused" else None
        return context


def _pending_user(request):
    record = two_factor.pending(request)
    if record is None:
        return None, None
    user = get_user_model().objects.filter(pk=record["user"], is_active=True).first()
    return record, user


def _finish(request, record, user, device):
    """The code was right: now the person is signed in, with the device noted on the session."""
    two_factor.forget_pending(request)
    login(request, user, backend=record["backend"])
    otp_login(request, device)
    return redirect(record.get("next") or reverse(settings.LOGIN_REDIRECT_URL))


def _check(form, device) -> bool:
    """Ask the device about the code: django-otp makes each wrong code double the wait before
    the next is even looked at, and refuses a code already used."""
    if not form.is_valid():
        return False
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        form.add_error("code", TOO_MANY)
        return False
    if not device.verify_token(form.cleaned_data["code"]):
        form.add_error("code", WRONG_CODE)
        return False
    return True


@login_not_required
@sensitive_post_parameters("code")
def two_factor_verify(request):
    record, user = _pending_user(request)
    if user is None:
        return redirect("login")
    device = two_factor.confirmed_device(user)
    if device is None:
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and _check(form, device):
        return _finish(request, record, user, device)
    return render(request, "registration/two_factor_verify.html", {"form": form})


@login_not_required
@sensitive_post_parameters("code")
def two_factor_setup(request):
    record, user = _pending_user(request)
    if user is None:
        return redirect("login")
    if two_factor.confirmed_device(user) is not None:
        return redirect("two_factor_verify")
    device = two_factor.unconfirmed_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and _check(form, device):
        totp_device_confirm(device)
        return _finish(request, record, user, device)
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device),
            "secret": two_factor.secret_for_typing(device),
            "administrator": user.is_staff,
        },
    )
