"""Fixtures shared by every test: staff in each role, and teams."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# beside one unless told it is safe. It is: the browser is in another process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from timescales.testing import bank_holidays, clock, timescales_caches  # noqa: E402,F401

TEST_PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The test databases are created, migrated and emptied (TRUNCATE, after a transactional
    test) by the tables' owner, as `manage.py migrate` is; the app role's privileges are
    tested through its own connection (access/tests/test_database_roles.py)."""
    from django.conf import settings
    from django.db import connections

    from opencsc.database import OWNER, database_settings

    owner = database_settings(settings.BASE_DIR, role=OWNER)
    connections["default"].close()
    for key in ("USER", "PASSWORD", "HOST", "PORT"):
        connections["default"].settings_dict[key] = owner[key]
    # A test database need not survive a power cut: commits (the browser tests' and the
    # transactional tests' many, and their TRUNCATEs) do not wait for the WAL to reach the disk.
    options = connections["default"].settings_dict.setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, [options.get("options"), "-c synchronous_commit=off"]))


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """Under xdist, the first worker migrates one template database and every worker clones it
    (CREATE DATABASE ... TEMPLATE, a file copy of a few seconds) instead of each migrating its
    own (tests/db_template.py). Without xdist, or when a database is kept (--reuse-db), it is
    pytest-django's own setup."""
    from tests import fast_flush
    from tests.db_template import cloned_test_database

    with cloned_test_database(
        request,
        django_db_blocker,
        tmp_path_factory,
        keepdb=django_db_keepdb and not django_db_createdb,
        migrations=django_db_use_migrations,
    ):
        # Transactional tests empty the database the quick way (tests/fast_flush.py).
        with django_db_blocker.unblock():
            fast_flush.install()
        yield


@pytest.fixture(autouse=True)
def _calendar_is_seeded(request):
    """Tests with `transactional_db` or `live_server` truncate every table when they finish,
    seeded bank holidays included; put them back for any test that uses the database."""
    uses_db = {"db", "transactional_db", "live_server", "django_db_setup"} & set(request.fixturenames)
    if uses_db or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("bank_holidays")
        # Likewise the default letter templates (documents' data migration): the demo's letters
        # and any test that makes one need them. One query when they are there.
        from documents.testing import ensure_templates

        ensure_templates()


@pytest.fixture
def team(db):
    from workforce.services import team_create

    return team_create(name="Assessment Team West")


@pytest.fixture
def make_staff(db):
    """make_staff(role, team=None, username=None) creates a member of staff who can sign in."""
    from workforce.services import staff_create

    counter = {"n": 0}

    def make(role, team=None, username=None, first_name="Alex", last_name=None):
        counter["n"] += 1
        return staff_create(
            username=username or f"{role}.{counter['n']}",
            first_name=first_name,
            last_name=last_name or f"Tester{counter['n']}",
            role=role,
            team=team,
            password=TEST_PASSWORD,
        )

    return make


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded documents go to a temporary folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing_for_the_session():
    """Argon2 is slow by design (about a second a password on a busy machine): every fixture,
    module- and session-scoped ones included (the security sweeps' world signs in the demo's
    staff), hashes with a fast hasher. Yields the production hashers."""
    from django.conf import settings
    from django.test import override_settings

    production = list(settings.PASSWORD_HASHERS)
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield production


@pytest.fixture(autouse=True)
def fast_password_hashing(request, settings, _fast_password_hashing_for_the_session):
    """Tests that are not about hashing use the fast hasher; tests marked
    `real_password_hashing` get the production hashers back."""
    if request.node.get_closest_marker("real_password_hashing") is None:
        settings.PASSWORD_HASHERS = FAST_HASHERS
    else:
        settings.PASSWORD_HASHERS = _fast_password_hashing_for_the_session
