"""Sign-in: passwords, lockout, sessions."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import TEST_PASSWORD
from workforce.models import User
from workforce.roles import Role


def _sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


@pytest.mark.real_password_hashing
def test_passwords_are_stored_with_argon2(make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    assert User.objects.get(pk=user.pk).password.startswith("argon2$")


def test_a_correct_password_signs_in_and_goes_home(client, make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    response = _sign_in(client, user.username, TEST_PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_a_wrong_password_shows_the_error_summary(client, make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    response = _sign_in(client, user.username, "not-the-password")
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter a correct username and password" in body


def test_empty_fields_get_field_messages(client, db):
    response = _sign_in(client, "", "")
    body = response.content.decode()
    assert "Enter your username" in body
    assert "Enter your password" in body


def test_five_wrong_passwords_lock_the_account_even_for_the_right_password(client, make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    for _ in range(5):
        _sign_in(client, user.username, "wrong-password")
    response = _sign_in(client, user.username, TEST_PASSWORD)
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock(client, make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    for _ in range(4):
        _sign_in(client, user.username, "wrong-password")
    response = _sign_in(client, user.username, TEST_PASSWORD)
    assert response.status_code == 302


def test_a_locked_account_does_not_lock_another(client, make_staff):
    locked = make_staff(Role.SOCIAL_WORKER)
    other = make_staff(Role.SOCIAL_WORKER)
    for _ in range(5):
        _sign_in(client, locked.username, "wrong-password")
    assert _sign_in(client, other.username, TEST_PASSWORD).status_code == 302


def _session_of(client):
    return Session.objects.get(session_key=client.session.session_key)


def _last_moved_on(client, ago: datetime.timedelta) -> None:
    """As though the session's expiry had last been moved on `ago` before now."""
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE) - ago
    )


def test_activity_keeps_a_session_alive_for_thirty_minutes_after_the_last_request(client, make_staff):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(make_staff(Role.SOCIAL_WORKER))
    _last_moved_on(client, datetime.timedelta(minutes=5))
    before = timezone.now()
    assert client.get(reverse("my_work")).status_code == 200
    assert _session_of(client).expire_date >= before + datetime.timedelta(minutes=30)


def test_requests_within_a_minute_of_the_last_do_not_write_the_session(client, make_staff):
    client.force_login(make_staff(Role.SOCIAL_WORKER))
    _last_moved_on(client, datetime.timedelta(seconds=20))
    expiry = _session_of(client).expire_date
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("my_work")).status_code == 200
    assert not [q for q in queries if "UPDATE" in q["sql"] and "django_session" in q["sql"]]
    assert _session_of(client).expire_date == expiry


def test_a_session_idle_for_thirty_minutes_has_ended(client, make_staff):
    client.force_login(make_staff(Role.SOCIAL_WORKER))
    _last_moved_on(client, datetime.timedelta(minutes=30, seconds=1))
    response = client.get(reverse("my_work"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_sign_out_is_a_post_and_ends_the_session(client, make_staff):
    client.force_login(make_staff(Role.SOCIAL_WORKER))
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("my_work")).status_code == 302
