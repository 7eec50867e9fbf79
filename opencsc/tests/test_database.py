"""Where the database is: DATABASE_URL when set, otherwise the embedded PostgreSQL."""

from pathlib import Path

from opencsc import database


def test_database_url_points_at_an_external_postgresql(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://csc:secret@db.council.internal:5433/children")
    started = []
    monkeypatch.setattr(database, "embedded_database", lambda *a, **k: started.append(a))
    config = database.database_settings(tmp_path)
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == ("db.council.internal", 5433, "children", "csc")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["TEST"]["NAME"] == "test_children"
    assert started == []  # no embedded server when an external one is named


def test_without_database_url_the_embedded_server_is_used(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    from django.conf import settings

    config = settings.DATABASES["default"]
    assert Path(config["HOST"]).is_absolute()  # a Unix socket of the embedded server under var/
    assert config["ENGINE"] == "django.db.backends.postgresql"
