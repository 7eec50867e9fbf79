import pytest

from timescales.testing import bank_holidays, clock, timescales_caches  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _fresh_timescale_caches(timescales_caches):
    """Every test here starts and ends with empty calendar and local-standard caches."""
