"""A lost phone: the command removes the authenticator app, and the next sign-in sets up a new one."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD
from workforce.roles import Role


def test_reset_two_factor_sends_the_next_sign_in_to_set_up(client, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)

    call_command("reset_two_factor", admin.username)

    assert not TOTPDevice.objects.filter(user=admin).exists()
    response = client.post(reverse("login"), {"username": admin.username, "password": TEST_PASSWORD})
    assert response.url == reverse("two_factor_setup")


def test_reset_two_factor_names_an_unknown_account(db):
    with pytest.raises(CommandError, match="no account called"):
        call_command("reset_two_factor", "nobody")
