"""Two-factor authentication (TOTP) for local accounts: required of administrators."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD
from workforce.roles import Role


def _sign_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": TEST_PASSWORD})


def _code(device, offset_steps=0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset_steps):06d}"


def test_an_administrator_without_an_app_is_sent_to_set_one_up_and_cannot_reach_administration(client, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)

    response = _sign_in(client, admin)

    assert response.status_code == 302 and response.url == reverse("two_factor_setup")
    # The password alone signs nobody in: administration and the Django admin send to sign-in.
    for url in (reverse("administration_home"), reverse("workforce:lockouts"), "/django-admin/"):
        landed = client.get(url, follow=True)
        assert landed.redirect_chain[-1][0].startswith(reverse("login")), url
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert "Set up an authenticator app" in page and 'data-testid="totp-qr"' in page
    device = TOTPDevice.objects.get(user=admin, confirmed=False)

    response = client.post(reverse("two_factor_setup"), {"code": _code(device)})

    assert response.status_code == 302 and response.url == reverse("home")
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get(reverse("administration_home")).status_code == 200


def test_a_wrong_code_is_refused_with_the_error_summary(client, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    response = _sign_in(client, admin)
    assert response.url == reverse("two_factor_verify")

    wrong = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("two_factor_verify"), {"code": wrong})

    assert response.status_code == 200
    body = response.content.decode()
    assert "<title>Error:" in body.replace("\n", "")
    assert "There is a problem" in body and 'href="#id_code"' in body
    assert "The code is not correct" in body
    assert client.get(reverse("administration_home")).status_code == 302


@pytest.mark.parametrize("typed, message", [("", "Enter the 6-digit code"), ("12ab56", "Enter the code as 6 digits")])
def test_a_missing_or_malformed_code_gets_its_message(client, make_staff, typed, message):
    admin = make_staff(Role.SYSTEM_ADMIN)
    TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    _sign_in(client, admin)
    body = client.post(reverse("two_factor_verify"), {"code": typed}).content.decode()
    assert "There is a problem" in body and message in body


def test_the_right_code_signs_in_once_and_cannot_be_used_again(client, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    _sign_in(client, admin)
    code = _code(device)
    assert client.post(reverse("two_factor_verify"), {"code": code}).url == reverse("home")
    assert client.get(reverse("administration_home")).status_code == 200

    client.logout()
    _sign_in(client, admin)
    assert "The code is not correct" in client.post(reverse("two_factor_verify"), {"code": code}).content.decode()


def test_a_social_worker_without_an_app_signs_in_with_the_password(client, make_staff):
    worker = make_staff(Role.SOCIAL_WORKER)
    assert _sign_in(client, worker).url == reverse("home")


def test_the_code_pages_need_a_correct_password_first(client, db):
    assert client.get(reverse("two_factor_verify")).url == reverse("login")
    assert client.post(reverse("two_factor_setup"), {"code": "123456"}).url == reverse("login")


def test_the_django_admin_sign_in_page_sends_to_ours(client, db):
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_lockout_still_counts_wrong_passwords_of_an_administrator(client, make_staff, settings):
    admin = make_staff(Role.SYSTEM_ADMIN)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": admin.username, "password": "wrong password"})
    response = _sign_in(client, admin)
    assert response.status_code != 302 or response.url != reverse("two_factor_setup")
    assert "locked" in response.content.decode().lower()
