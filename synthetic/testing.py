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

`demo_staff(*parts)` loads the demo's staff and then the parts of the demo a test needs, in the
order `synthetic.demo.load_demo` runs them, so a test of one part of the demo loads only that.
"""

import pytest

SEED = 1


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


@pytest.fixture
def small_authority(db, bank_holidays):
    from caseloads.testing import seed_configuration
    from synthetic.generator import generate

    seed_configuration()
    return generate(size="small", seed=SEED)


@pytest.fixture(scope="module")
def small_authority_of_the_module(django_db_setup, django_db_blocker):
    """The small authority generated once for a module whose every test reads it: inside a
    transaction opened before the module's first test, which each test's own (pytest-django's)
    transaction nests in as a savepoint, and rolled back when the module ends. The same rows a
    test would get from `small_authority`, without generating them again for each test."""
    from django.db import transaction

    from audits.testing import ensure_tools
    from caseloads.testing import seed_configuration
    from core import clock
    from synthetic.generator import generate
    from timescales.testing import ensure_bank_holidays, reset_caches

    with django_db_blocker.unblock():
        clock.reset()
        reset_caches()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            ensure_bank_holidays()
            ensure_tools()  # the audit tools of their data migration, gone if a test flushed the database
            seed_configuration()
            result = generate(size="small", seed=SEED)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield result
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        clock.reset()
        reset_caches()


@pytest.fixture
def small_authority_for_the_module(small_authority_of_the_module, db, bank_holidays):
    return small_authority_of_the_module


@pytest.fixture
def small_authority_with_faults(db, bank_holidays):
    from synthetic.generator import generate
    from synthetic.generator.faults import FAULTS

    return generate(size="small", seed=SEED, faults=len(FAULTS))
