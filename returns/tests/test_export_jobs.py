"""Exports run by the real job worker (a separate process, as `make run` starts it) against the
test database: they survive the process that asked for them and a worker killed mid-build, a
failed build is tried again, and a build stuck past its limit is marked failed with a message."""

from __future__ import annotations

import contextlib
import signal

import psycopg
import pytest

from jobs.testing import wait_for, workers  # noqa: F401
from returns.models import ExportStatus, ReturnExport
from workforce.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def officer(client, make_staff, team):
    user = make_staff(Role.QA_OFFICER, team=team)
    client.force_login(user)
    return user


def _status(export_id):
    return ReturnExport.objects.get(pk=export_id)


@contextlib.contextmanager
def _build_held():
    """Hold the children's table locked from another connection, so that a build started now
    waits in the middle of its work (it reads the children) until the block ends."""
    from django.db import connection

    params = connection.get_connection_params()
    with psycopg.connect(**{k: v for k, v in params.items() if k not in ("cursor_factory", "context")}) as holder:
        holder.execute("LOCK TABLE people_person IN ACCESS EXCLUSIVE MODE")
        yield
        holder.rollback()


def test_an_export_outlives_the_web_request_and_a_worker_killed_mid_build(client, officer, workers):
    response = client.post("/returns/", {"kind": "cin", "year": "2026"})
    export = ReturnExport.objects.get()
    assert response.status_code == 302 and export.status == ExportStatus.QUEUED
    # Nothing runs in the web process: the job waits in the queue for a worker.
    assert "hx-trigger" in client.get(f"/returns/{export.pk}/progress/").content.decode()

    with _build_held():
        first = workers.start()
        wait_for(lambda: _status(export.pk).status == ExportStatus.RUNNING, what="the build to start", workers=workers)
        assert client.get("/healthz").json()["worker"] == "ok"
        first.send_signal(signal.SIGKILL)  # the machine restarts, or the process is killed
        first.wait()
    assert _status(export.pk).status == ExportStatus.RUNNING  # left "running" by the dead worker

    workers.start()  # the worker comes back (make run again, or the service manager restarts it)
    done = wait_for(
        lambda: _status(export.pk).status == ExportStatus.DONE and _status(export.pk),
        timeout=90,
        what="the export to finish",
        workers=workers,
    )
    assert done.counts
    page = client.get(f"/returns/{export.pk}/progress/").content.decode()
    assert "The return is ready" in page
    download = client.get(f"/returns/{export.pk}/download/")
    assert download.status_code == 200 and b"<Message" in b"".join(download.streaming_content)
    assert "job stalled: its worker stopped; queued again" in workers.logs()


def test_a_failed_build_is_tried_again_and_completes(client, officer, workers, tmp_path, settings):
    blocker = tmp_path / "exports-folder"
    blocker.write_text("")  # the exports folder cannot be made inside a file: the first build fails
    settings.MEDIA_ROOT = blocker
    workers.start(OPENCSC_MEDIA_ROOT=str(blocker), OPENCSC_JOBS_RETRY_WAIT_SECONDS="2")
    client.post("/returns/", {"kind": "cin", "year": "2026"})
    export = ReturnExport.objects.get()

    waiting = wait_for(
        lambda: _status(export.pk).error.startswith("Attempt 1 of 3 failed") and _status(export.pk),
        what="the first attempt to fail",
        workers=workers,
    )
    assert waiting.status == ExportStatus.QUEUED
    page = client.get(f"/returns/{export.pk}/progress/").content.decode()
    assert "It will be tried again" in page and "hx-trigger" in page  # still polling: not given up

    blocker.unlink()  # the disk is put right before the next attempt
    done = wait_for(
        lambda: _status(export.pk).status == ExportStatus.DONE and _status(export.pk),
        what="the retried export to finish",
        workers=workers,
    )
    assert done.error == ""
    assert "The return is ready" in client.get(f"/returns/{export.pk}/progress/").content.decode()


def test_a_build_stuck_past_its_limit_is_marked_failed_with_a_message(client, officer, workers):
    workers.start(OPENCSC_EXPORT_TIME_LIMIT_SECONDS="2")
    with _build_held():
        client.post("/returns/", {"kind": "cin", "year": "2026"})
        export = ReturnExport.objects.get()
        failed = wait_for(
            lambda: _status(export.pk).status == ExportStatus.FAILED and _status(export.pk),
            what="the watchdog to stop the build",
            workers=workers,
        )
        assert failed.error.startswith("It was stopped after running for more than 2 seconds.")
        page = client.get(f"/returns/{export.pk}/progress/").content.decode()
        assert "The export failed" in page and "more than 2 seconds" in page and "hx-trigger" not in page
    # When the build can go on it sees it was stopped: the job ends aborted, the export stays failed.
    wait_for(lambda: _job_statuses() == ["aborted"], what="the job to end as aborted", workers=workers)
    assert _status(export.pk).status == ExportStatus.FAILED


def _job_statuses():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT status FROM procrastinate_jobs WHERE task_name = 'returns.build_export'")
        return [row[0] for row in cursor.fetchall()]
