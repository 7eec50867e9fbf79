"""Where the database is: DATABASE_URL when set, otherwise the embedded PostgreSQL."""

import os
from pathlib import Path

import pytest

from opencsc import database


def test_database_url_points_at_an_external_postgresql(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://csc:secret@db.council.internal:5433/children")
    started = []
    monkeypatch.setattr(database, "embedded_database", lambda *a, **k: started.append(a))
    config = database.database_settings(tmp_path)
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.council.internal",
        5433,
        "children",
        "csc",
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["TEST"]["NAME"] == "test_children"
    assert started == []  # no embedded server when an external one is named


def test_without_database_url_the_embedded_server_is_used(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    from django.conf import settings

    config = settings.DATABASES["default"]
    assert Path(config["HOST"]).is_absolute()  # a Unix socket of the embedded server under var/
    assert config["ENGINE"] == "django.db.backends.postgresql"


def test_the_app_and_the_owner_connect_with_their_own_urls(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://opencsc_app:app-secret@db.council.internal:5432/children")
    monkeypatch.setenv("DATABASE_OWNER_URL", "postgres://opencsc_owner:owner-secret@db.council.internal:5432/children")
    monkeypatch.delenv("OPENCSC_DB_ROLE", raising=False)
    assert database.database_settings(tmp_path)["USER"] == "opencsc_app"
    assert database.app_role_name() == "opencsc_app"
    monkeypatch.setenv("OPENCSC_DB_ROLE", "owner")
    owner = database.database_settings(tmp_path)
    assert (owner["USER"], owner["PASSWORD"], owner["NAME"]) == ("opencsc_owner", "owner-secret", "children")
    assert database.app_role_name() == "opencsc_app"  # the role the owner grants to


def test_the_owner_without_its_url_is_refused_with_a_pointer_to_the_readme(monkeypatch, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("DATABASE_URL", "postgres://opencsc_app:app-secret@db.council.internal:5432/children")
    monkeypatch.delenv("DATABASE_OWNER_URL", raising=False)
    monkeypatch.setenv("OPENCSC_DB_ROLE", "owner")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_OWNER_URL is not set"):
        database.database_settings(tmp_path)
    monkeypatch.setenv("OPENCSC_DB_ROLE", "superuser")
    with pytest.raises(ImproperlyConfigured, match="OPENCSC_DB_ROLE must be"):
        database.database_settings(tmp_path)


@pytest.mark.parametrize(
    ("command", "role"),
    [
        ("migrate", "owner"),
        ("generate_la", "owner"),
        ("flush", "owner"),
        ("load_demo", None),
        ("runserver", None),
        ("check_data_quality", None),
        ("createsuperuser", None),
    ],
)
def test_manage_py_selects_the_owner_only_for_migrations_and_bulk_loads(monkeypatch, command, role):
    monkeypatch.setenv("OPENCSC_DB_ROLE", "")  # so that monkeypatch restores the variable afterwards
    monkeypatch.delenv("OPENCSC_DB_ROLE")
    database.select_role_for_command(["manage.py", command, "--noinput"])
    assert os.environ.get("OPENCSC_DB_ROLE") == role


def test_a_role_chosen_by_hand_is_kept(monkeypatch):
    monkeypatch.setenv("OPENCSC_DB_ROLE", "app")
    database.select_role_for_command(["manage.py", "migrate"])
    assert os.environ["OPENCSC_DB_ROLE"] == "app"
