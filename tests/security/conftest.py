"""The sweeps share one world per worker: built once (it takes tens of seconds) and committed in
a database of its own, `<the worker's test database>_world`, made from the freshly migrated
template (tests/db_template.py), so nothing of it is ever seen by other tests. While a sweep
module runs, the default connection points at the world's database; it points back at the
ordinary test database when the module ends. Each test runs in its own savepoint (pytest-django's
`db`), so a test that restricts every child or posts a form leaves the world as it found it for
the next."""

import pytest
from django.db import connections


@pytest.fixture(scope="session")
def _world_database(django_db_setup, django_db_blocker):
    """(database name, World): built on first use, dropped at the end of the session."""
    from tests import db_template
    from tests.security.world import build_world
    from timescales.testing import ensure_bank_holidays, reset_caches

    connection = connections["default"]
    with django_db_blocker.unblock():
        main = connection.settings_dict["NAME"]
        name = f"{main}_world"
        # A database may only be copied while nobody is connected to it: the template nobody
        # uses after it is built, else (no xdist) the ordinary test database, closed first.
        connections.close_all()
        db_template.clone(connection, db_template.template_name or main, name)
        db_template.use(connection, name)
        try:
            ensure_bank_holidays()
            world = build_world()
        finally:
            db_template.use(connection, main)
            reset_caches()
    yield name, world
    with django_db_blocker.unblock():
        connection.close()
        db_template.drop(connection, name)


@pytest.fixture(scope="module")
def world(_world_database, django_db_blocker):
    from tests import db_template
    from timescales.testing import reset_caches

    name, built = _world_database
    connection = connections["default"]
    with django_db_blocker.unblock():
        main = db_template.use(connection, name)
        reset_caches()
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            db_template.use(connection, main)
            reset_caches()


@pytest.fixture
def sweep(world, db, client):
    """A client per role, signed in, that never raises the view's exception (a 500 is a finding)."""
    from tests.security.sweeper import Sweeper

    return Sweeper(world)
