import pytest

from returns.testing import authority, qa_officer  # noqa: F401
from synthetic.testing import small_authority  # noqa: F401,E402

# The authorities whose returns must be true everywhere (issue 16), each built once per test
# session, on one xdist worker (the modules using them share an xdist_group): three seeds and the
# demo (None). The medium authority of seed 3 is checked by hand (minutes to build, too slow for
# every run of the suite): `returns/tests/everywhere.py` in a database of its own, as issue 16's
# report says how.
AUTHORITIES = {
    "small seed 1": ("small", 1),
    "small seed 2": ("small", 2),
    "small seed 3": ("small", 3),
    "demo": None,
}


# The parity test's authority: the small one with one of each of the generator's faults.
FAULTY = ("small", 1, "faults")


def _load(spec) -> None:
    if spec is None:
        from synthetic.demo import load_demo

        load_demo()
    else:
        from synthetic.generator import generate
        from synthetic.generator.faults import FAULTS

        # Without audit rows (as the large build): the same records, and the suite stays quick.
        generate(size=spec[0], seed=spec[1], faults=len(FAULTS) if len(spec) > 2 else 0, audit=False)


@pytest.fixture(scope="session", params=list(AUTHORITIES))
def checked_authority(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """One authority built, its returns exported and run through both validators, once a
    session: inside one transaction that is rolled back, so no test sees its rows."""
    return _checked(request.param, AUTHORITIES[request.param], django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="session")
def faulty_authority(django_db_setup, django_db_blocker, tmp_path_factory):
    return _checked("small seed 1 with faults", FAULTY, django_db_blocker, tmp_path_factory)


def _checked(name, spec, django_db_blocker, tmp_path_factory):
    from django.db import transaction

    from children_in_need.testing import at
    from core import clock
    from returns.tests.everywhere import GENERATED_ON, check_returns
    from timescales.testing import ensure_bank_holidays, reset_caches

    out = tmp_path_factory.mktemp(name.replace(" ", "-"))
    with django_db_blocker.unblock():
        from django.db import connection

        # Never the development database: the tests that use this fixture are marked django_db,
        # so pytest-django has switched the connection to the test database.
        assert connection.settings_dict["NAME"].startswith("test_"), connection.settings_dict["NAME"]
        clock.reset()
        reset_caches()
        try:
            with clock.travel_to(at(GENERATED_ON, 12)), transaction.atomic():
                ensure_bank_holidays()
                _load(spec)
                checked = check_returns(name, out)
                transaction.set_rollback(True)
        finally:
            clock.reset()
            reset_caches()
    return checked
