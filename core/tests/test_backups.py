"""Backups restore: a pg_dump copy into a fresh server, every table's rows the same; and a point-
in-time recovery from a base backup and archived WAL, stopping just before a mistake."""

import datetime
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

from core import backups
from core.postgres import LocalServer, give_to_server
from people import services as people_services
from workforce.roles import Role


@pytest.fixture
def scratch():
    """A directory the server's system user may write, removed afterwards with its servers."""
    path = give_to_server(Path(tempfile.mkdtemp(prefix="ocsc-")))
    servers = []
    yield path, servers
    for server in servers:
        server.destroy()
    shutil.rmtree(path, ignore_errors=True)


def _wait_for(predicate, what: str, seconds: int = 120):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds} s for {what}")
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_a_copy_restores_into_a_fresh_server_with_every_table_the_same(scratch, make_staff, team):
    path, servers = scratch
    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    for name in ("Jonathan", "Ava", "Zainab"):
        people_services.person_create(
            actor=worker, given_name=name, family_name="Smith", date_of_birth=datetime.date(2016, 5, 1), sex="F"
        )
    source = dict(connection.settings_dict, USER="postgres", PASSWORD="")
    copy = backups.dump(source, path / "copy.dump")

    fresh = LocalServer(path / "fresh").initdb().start()
    servers.append(fresh)
    with fresh.connect(autocommit=True) as conn:
        conn.execute("CREATE DATABASE restored")
    backups.restore(
        copy,
        {"HOST": str(fresh.socket_dir), "PORT": fresh.port, "USER": "postgres", "PASSWORD": "", "NAME": "restored"},
        keep_owners=False,
    )

    with connection.cursor() as cursor:
        expected = backups.fingerprints(cursor.connection)
    with fresh.connect("restored") as conn:
        restored = backups.fingerprints(conn)
    assert len(expected) > 100  # every app's tables, their audit event tables, Django's own
    assert expected["public.people_person"][0] == 3 and expected["public.workforce_user"][0] >= 1
    different = {
        table: (expected[table], restored.get(table)) for table in expected if expected[table] != restored.get(table)
    }
    assert not different
    assert set(restored) == set(expected)


def test_point_in_time_recovery_stops_before_the_mistake(scratch):
    path, servers = scratch
    archive = give_to_server(path / "wal-archive")
    primary = LocalServer(path / "primary").initdb()
    primary.configure(wal_level="replica", archive_mode="on", archive_command=backups.archive_command(archive))
    servers.append(primary.start())
    with primary.connect(autocommit=True) as conn:
        conn.execute("CREATE TABLE visit (id int PRIMARY KEY, note text)")
        conn.execute("INSERT INTO visit SELECT g, 'before the base backup' FROM generate_series(1, 3) g")
        backups.base_backup(str(primary.socket_dir), primary.port, "postgres", path / "base")
        conn.execute("INSERT INTO visit SELECT g, 'after the base backup' FROM generate_series(4, 5) g")
        conn.execute("SELECT pg_create_restore_point('before_the_mistake')")
        conn.execute("DELETE FROM visit")  # the mistake
        segment = conn.execute("SELECT pg_walfile_name(pg_switch_wal())").fetchone()[0]
        _wait_for(
            lambda: (conn.execute("SELECT last_archived_wal FROM pg_stat_archiver").fetchone()[0] or "") >= segment,
            "the WAL to be archived",
        )

    recovered = backups.recover(path / "base", archive, path / "recovered", target_name="before_the_mistake", port=5433)
    servers.append(recovered)
    with recovered.connect(autocommit=True) as conn:
        _wait_for(lambda: not conn.execute("SELECT pg_is_in_recovery()").fetchone()[0], "the recovery to finish")
        rows = conn.execute("SELECT id, note FROM visit ORDER BY id").fetchall()
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[-1][1] == "after the base backup"
