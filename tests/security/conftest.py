"""The sweeps share one world: built once per test run (it takes tens of seconds of CPU) and
committed in a template database of its own, `<the run's template>_world`, made from the freshly
migrated template (tests/db_template.py) under the run's lock, which every worker then clones into
`<the worker's test database>_world` (a file copy), so nothing of it is ever seen by other tests.
While a sweep module runs, the default connection points at the worker's world database; it points
back at the ordinary test database when the module ends. Each test runs in its own savepoint
(pytest-django's `db`), so a test that restricts every child or posts a form leaves the world as it
found it for the next."""

import pytest
from django.db import connections


@pytest.fixture(scope="session")
def _world_database(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """(database name, World): built on first use, dropped at the end of the session."""
    from tests import db_template
    from tests.security.world import read_world
    from timescales.testing import reset_caches

    connection = connections["default"]
    with django_db_blocker.unblock():
        main = connection.settings_dict["NAME"]
        name = f"{main}_world"
        if db_template.template_name:
            built = f"{db_template.template_name}_world"
            with db_template.run_lock(request, tmp_path_factory) as shared:
                ready = shared / "test-db-world.ready"
                if not ready.exists():
                    _build(connection, db_template.template_name, built, main)
                    ready.write_text(built)
                # A database may only be copied while nobody is connected to it.
                connections.close_all()
                db_template.clone(connection, built, name)
        else:
            # A kept (--reuse-db) database: the world is built from it, in this process.
            _build(connection, main, name, main)
        db_template.use(connection, name)
        try:
            world = read_world()
        finally:
            db_template.use(connection, main)
            reset_caches()
    yield name, world
    with django_db_blocker.unblock():
        connection.close()
        db_template.drop(connection, name)


def _build(connection, source: str, name: str, main: str) -> None:
    """Copy `source` (nobody may be connected to it) into `name` and build the world there; the
    connection is left closed, pointing at `main`."""
    from tests import db_template
    from tests.security.world import build_world
    from timescales.testing import ensure_bank_holidays, reset_caches

    connections.close_all()
    db_template.clone(connection, source, name)
    db_template.use(connection, name)
    try:
        ensure_bank_holidays()
        build_world()
    finally:
        db_template.use(connection, main)
        reset_caches()
        connections.close_all()


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
