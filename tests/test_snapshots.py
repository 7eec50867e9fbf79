"""A generated authority put back from its capture (tests/snapshots.py) is the one generating
leaves: every table's rows, ids and audit rows included, and every sequence; and a database that
did not start as the captured one is generated on, not restored over."""

import datetime

import pytest
from django.db import connection, transaction

from core import clock
from synthetic import testing
from tests.snapshots import Snapshots, _schema, _sequences

pytestmark = pytest.mark.django_db


def everything() -> dict:
    """Each table's row count and a checksum of its rows (whatever their order), and each
    sequence's position."""
    tables = list(_schema())
    sums = " UNION ALL ".join(
        f"SELECT {i}, count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {table} AS t"
        for i, table in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(sums)
        rows = {tables[i]: (count, checksum) for i, count, checksum in cursor.fetchall()}
    return {"tables": rows, "sequences": _sequences()}


def built_then_restored(authority):
    """Calls `authority()` twice, each time in a savepoint rolled back before the next: the
    database after each call, what each returned, and the clock right after each."""
    started = everything()
    states, results, clocks = [], [], []
    for _ in range(2):
        savepoint = transaction.savepoint()
        results.append(authority())
        clocks.append(clock.now())
        states.append(everything())
        transaction.savepoint_rollback(savepoint)
        assert everything()["tables"] == started["tables"]  # rolled back, as a generation is
    return states, results, clocks


@pytest.fixture
def snapshots(monkeypatch):
    """A process cache of its own: the test's first call generates, whatever ran before it."""
    fresh = Snapshots()
    monkeypatch.setattr(testing, "_snapshots", fresh)
    return fresh


def test_the_restored_small_authority_is_the_generated_one(snapshots, bank_holidays):
    try:
        (generated, restored), (first, second), (after_generating, after_restoring) = built_then_restored(
            testing._the_small_authority
        )
    finally:
        clock.reset()

    assert (snapshots.builds, snapshots.restores) == (1, 1)
    assert restored["tables"] == generated["tables"]
    assert restored["sequences"] == generated["sequences"]
    # Not an empty comparison: the authority and its audit rows are there.
    assert generated["tables"]["people_person"][0] > 100
    assert generated["tables"]["people_personevent"][0] > 100
    assert second == first and second is not first and first.created and first.counts
    # After a restore the clock runs on from where the generation left it (never before the
    # generated rows' recorded times), as if it had just generated: it reads what it read right
    # after generating, give or take the microseconds between the two readings, though the
    # restore took a fraction of the generation's seconds.
    ran = datetime.timedelta(seconds=first.seconds)
    assert after_generating - testing.GENERATED_AS_AT >= ran
    assert after_restoring - testing.GENERATED_AS_AT >= ran
    assert abs(after_restoring - after_generating) < datetime.timedelta(seconds=1)


def test_the_restored_authority_with_faults_is_the_generated_one(snapshots, bank_holidays):
    from synthetic.generator.faults import FAULTS

    (generated, restored), (first, second), _ = built_then_restored(testing._the_small_authority_with_faults)

    assert (snapshots.builds, snapshots.restores) == (1, 1)
    assert restored == generated
    assert generated["tables"]["people_person"][0] > 100
    assert len(second.manifest) == len(FAULTS) and second.manifest == first.manifest


def test_another_starting_database_is_generated_on_not_restored_over(snapshots, bank_holidays, make_staff):
    try:
        savepoint = transaction.savepoint()
        testing._the_small_authority()
        transaction.savepoint_rollback(savepoint)
        make_staff("social_worker")  # a row the capture did not start from
        result = testing._the_small_authority()
    finally:
        clock.reset()

    assert (snapshots.builds, snapshots.restores) == (2, 0)
    assert result.created
