"""The sweeps share one world per module: built once (it takes seconds) inside a transaction
that is rolled back when the module ends, so nothing leaks into other tests. Each test then runs
in its own savepoint (pytest-django's `db`), so a test that restricts every child or posts a form
leaves the world as it found it for the next."""

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    from tests.security.world import build_world
    from timescales.testing import ensure_bank_holidays, reset_caches

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            ensure_bank_holidays()
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            reset_caches()


@pytest.fixture
def sweep(world, db, client):
    """A client per role, signed in, that never raises the view's exception (a 500 is a finding)."""
    from tests.security.sweeper import Sweeper

    return Sweeper(world)
