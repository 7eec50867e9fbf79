"""Every URL that accepts POST, as every role, against another team's child and a restricted
child: a valid submission (built from the form a worker who may record there is shown) writes
nothing unless access.capabilities.may(user, the URL's capability, child) is True.

Writes are seen generically by PostgreSQL's own counters for this transaction
(pg_stat_xact_user_tables), so a view that writes through any model, or raw SQL, is caught."""

import pytest
from django.db import connection, transaction

from access.capabilities import may
from tests.security.forms import valid_submission
from tests.security.routes import swept_routes
from tests.security.sweeper import ROLES
from tests.security.writes import NOT_ABOUT_A_CHILD, capability_for, is_known
from workforce.roles import Role

pytestmark = pytest.mark.django_db

# Written by every request, not by recording: the read log, sessions, sign-in lockouts.
# The read log, sessions and the one-time form tokens (core.submissions) are not the record.
NOT_RECORDING = ("access_recordread", "django_session", "core_formsubmission")
NOT_RECORDING_PREFIXES = ("axes_",)


# pg_stat_xact_user_tables's own definition of its three write counters, without the columns this
# sweep does not read: the view also sums every index's scans (a join with pg_index and a GROUP BY
# over every relation), which made each reading cost PostgreSQL two to three times as much, twice
# per POST. Only the tables written so far come back.
_WRITTEN = """
SELECT relname, n FROM (
    SELECT c.relname, pg_stat_get_xact_tuples_inserted(c.oid) + pg_stat_get_xact_tuples_updated(c.oid)
                      + pg_stat_get_xact_tuples_deleted(c.oid) AS n
    FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
    WHERE c.relkind IN ('r', 't', 'm', 'p') AND s.nspname NOT IN ('pg_catalog', 'information_schema')
          AND s.nspname !~ '^pg_toast'
) AS counts
WHERE n > 0
"""


def _writes() -> dict:
    """Rows written so far in this transaction, by table. A table not written is left out, which
    to the caller is a count of 0 (counts only grow)."""
    with connection.cursor() as cursor:
        cursor.execute(_WRITTEN)
        return {
            name: n
            for name, n in cursor.fetchall()
            if name not in NOT_RECORDING and not name.startswith(NOT_RECORDING_PREFIXES)
        }


class _Rollback(Exception):
    pass


def _post_and_count(sweep, role, url, data):
    """POST, count the rows it wrote, and undo them, so every role meets the same record."""
    before = _writes()
    result = {}
    try:
        with transaction.atomic():
            response = sweep.post(role, url, data)
            after = _writes()
            result["response"] = response
            result["changed"] = {t: n - before.get(t, 0) for t, n in after.items() if n - before.get(t, 0)}
            raise _Rollback
    except _Rollback:
        pass
    return result["response"], result["changed"]


def _recorder(world, child_id):
    """Who may record on this child: the allocated worker, else the team's manager."""
    from people.models import Person

    child = Person.objects.get(pk=child_id)
    users = [world.user(r) for r in ROLES]
    return next((u for u in users if u.pk == child.current_worker_id), None) or next(
        (
            u
            for u in users
            if u.role == Role.TEAM_MANAGER
            and child.current_team_id in set(u.managed_teams.values_list("pk", flat=True))
        ),
        None,
    )


def _sweep(sweep, world, scenario, restrict: bool):
    from people.models import Person

    routes = swept_routes()
    for role in ROLES:
        sweep.client(role)  # sign everyone in first: signing in writes last_login, which is not recording
    for route in routes:
        candidates = world.fills.children_for(route, world.children) if route.is_record else [0]
        if not candidates:
            continue
        child_id = candidates[0] if route.is_record else None
        kwargs = world.fills.for_child(route, child_id if route.is_record else 0)
        url = route.url(**kwargs)
        # The form as someone who may record there sees it (before any restriction).
        recorder = _recorder(world, child_id) if route.is_record else None
        form_role = next((r for r in ROLES if recorder and world.user(r).pk == recorder.pk), None) or Role.SOCIAL_WORKER
        page = sweep.get(form_role, url)
        if page.status_code == 405:
            continue
        data = valid_submission(page.content.decode(errors="replace")) if page.status_code == 200 else {}
        if not is_known(route.name):
            sweep.violation(scenario, form_role, url, "accepts POST but has no capability in tests/security/writes.py")
            continue
        capability = capability_for(route.name)
        if restrict and child_id:
            Person.objects.filter(pk=child_id).update(restricted=True)
        child = Person.objects.get(pk=child_id) if child_id else None
        for role in ROLES:
            user = world.user(role)
            if capability is not None:
                allowed = may(user, capability, None if capability in NOT_ABOUT_A_CHILD else child)
                if allowed:
                    continue
            response, changed = _post_and_count(sweep, role, url, data)
            if response.status_code == 405:
                break
            sweep.check_no_server_error(scenario, role, url, response)
            if changed:
                tables = ", ".join(f"{t} {n}" for t, n in sorted(changed.items()))
                sweep.violation(scenario, role, url, f"{response.status_code}, wrote: {tables}")
        if restrict and child_id:
            Person.objects.filter(pk=child_id).update(restricted=False)


def test_only_roles_that_may_record_write_to_a_childs_record(sweep, world):
    _sweep(sweep, world, "write", restrict=False)
    sweep.assert_none("POSTs wrote rows for a role that may not record there")


def test_nobody_writes_to_a_restricted_record_without_a_grant(sweep, world):
    from access.models import RestrictedAccessGrant

    RestrictedAccessGrant.objects.all().delete()
    _sweep(sweep, world, "write restricted", restrict=True)
    sweep.assert_none("POSTs wrote to a restricted child's record without a grant")


def test_the_counters_see_every_table_a_write_touched():
    """What the sweeps rely on: a write through a service shows in the counters, its audit event
    table's too, and an untouched table does not."""
    from workforce.services import team_create

    before = _writes()
    team_create(name="Counted Team")
    written = {t: n - before.get(t, 0) for t, n in _writes().items() if n - before.get(t, 0)}
    assert written["workforce_team"] == 1 and written["workforce_teamevent"] == 1
    assert "people_person" not in written
