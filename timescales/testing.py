"""Test helpers for the timescale engine, for any app's tests (never imported by app code).

The root conftest can make them available everywhere with:

    from timescales.testing import bank_holidays, clock, timescales_caches  # noqa: F401

- `clock`: the engine's clock, moved with clock.travel_to(...) / clock.advance(days=1); put
  back to real time after the test. The browser tests' server thread sees the same clock.
- `bank_holidays`: makes sure the calendar table holds the seeded holidays. Tests that use
  `transactional_db` or `live_server` flush tables afterwards, which empties the seeded
  BankHoliday rows for the tests that follow; this puts them back.
- `timescales_caches`: empties the per-process calendar and local-standard caches before and
  after a test, so a test's rolled-back rows never leak into the next test.
- `provider(fn)`: registers an engine provider for the duration of a `with` block.
- `only_providers(*fns)`: the engine sees only these providers inside the block, and no other
  app's record hooks (data quality), so a unit test of one provider is not affected by the
  others the apps register.
"""

from __future__ import annotations

import contextlib

import pytest

from core import clock as _clock
from timescales import engine
from timescales.calendar import reset_calendar_cache
from timescales.rules import reset_local_standards_cache

SEED_YEARS = (2000, 2040)


def reset_caches() -> None:
    reset_calendar_cache()
    reset_local_standards_cache()


def ensure_bank_holidays() -> None:
    """Seed the calendar the way the migration does, if it is empty."""
    from timescales.holiday_data import sync
    from timescales.models import BankHoliday

    if not BankHoliday.objects.exists():
        sync(BankHoliday, *SEED_YEARS)
    reset_calendar_cache()


@contextlib.contextmanager
def provider(fn):
    engine.register(fn)
    try:
        yield fn
    finally:
        engine.unregister(fn)


@contextlib.contextmanager
def only_providers(*fns):
    saved, saved_hooks = engine._providers[:], engine._record_hooks[:]
    engine._providers[:] = list(fns)
    engine._record_hooks[:] = []
    try:
        yield
    finally:
        engine._providers[:] = saved
        engine._record_hooks[:] = saved_hooks


@pytest.fixture
def clock():
    """The engine's clock, reset to real time after the test."""
    _clock.reset()
    yield _clock
    _clock.reset()


@pytest.fixture
def timescales_caches():
    reset_caches()
    yield
    reset_caches()


@pytest.fixture
def bank_holidays(db, timescales_caches):
    ensure_bank_holidays()
