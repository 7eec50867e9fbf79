"""The report pages read from a real streaming replica of the embedded server, and a person who
has just written reads from the primary until the replica has replayed their write."""

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection, connections
from django.db.backends.postgresql.base import DatabaseWrapper
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.postgres import give_to_server, start_replica
from opencsc.replica import REPLICA, SESSION_KEY
from people.models import Person
from workforce.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


def _wait_for(predicate, what: str, seconds: int = 120):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds} s for {what}")
        time.sleep(0.2)


@pytest.fixture
def replica(settings):
    """A hot standby of the embedded server, as the 'replica' database for the length of the
    test (what DATABASE_REPLICA_URL does at start-up), then stopped and removed."""
    scratch = give_to_server(Path(tempfile.mkdtemp(prefix="ocsc-")))
    primary = connection.settings_dict
    server = start_replica(primary["HOST"], primary["PORT"], scratch / "replica", port=5433)
    # The connection is made here rather than in DATABASES: pytest-django decides which
    # databases a test may use before this fixture runs.
    connections[REPLICA] = DatabaseWrapper(dict(primary, HOST=str(server.socket_dir), PORT=str(server.port)), REPLICA)
    settings.OPENCSC_READ_REPLICA = True
    try:
        yield server
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        server.destroy()
        shutil.rmtree(scratch, ignore_errors=True)


def _on_replica(pk) -> bool:
    return Person.objects.using(REPLICA).filter(pk=pk).exists()


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_reports_read_the_replica_and_a_writer_reads_their_own_writes(replica, make_staff, team):
    qa = _signed_in(make_staff(Role.QA_OFFICER))
    manager = _signed_in(make_staff(Role.TEAM_MANAGER, team=team))
    dashboard = reverse("data_quality:dashboard")

    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert qa.get(dashboard).status_code == 200
    assert len(on_replica) > 0
    # Pages that are not reports stay on the primary.
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert manager.get(reverse("my_work")).status_code == 200
    assert len(on_replica) == 0

    # The replica falls behind (replay paused), and the manager records a new child.
    with replica.connect(autocommit=True) as conn:
        conn.execute("SELECT pg_wal_replay_pause()")
        # A pause is only requested: replay goes on until it takes effect, so wait for it (on a busy
        # machine the manager's write below was once replayed first, and the report read the replica).
        _wait_for(
            lambda: conn.execute("SELECT pg_get_wal_replay_pause_state()").fetchone()[0] == "paused",
            "the replica's replay to pause",
        )
        response = manager.post(
            reverse("people:child_new"),
            {
                "given_name": "Jonathon",
                "family_name": "Smyth",
                "date_of_birth_0": "27",
                "date_of_birth_1": "3",
                "date_of_birth_2": "2015",
                "sex": "M",
                "nhs_number": "",
            },
        )
        assert response.status_code == 302
        child = Person.objects.get(family_name="Smyth")
        assert not _on_replica(child.pk)

        # The manager's report reads the primary: the only question for the replica is whether
        # it has caught up with them yet.
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            assert manager.get(dashboard).status_code == 200
        assert [q["sql"] for q in on_replica] == [q["sql"] for q in on_replica if "pg_last_wal_replay_lsn" in q["sql"]]
        assert len(on_replica) == 1
        # Someone who wrote nothing still reads the replica.
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            assert qa.get(dashboard).status_code == 200
        assert len(on_replica) > 1

        conn.execute("SELECT pg_wal_replay_resume()")
    _wait_for(lambda: _on_replica(child.pk), "the replica to replay the new child")

    # Caught up: the manager's reports go back to the replica, and their pin is dropped.
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert manager.get(dashboard).status_code == 200
    assert len(on_replica) > 1
    assert SESSION_KEY not in manager.session
