"""The test databases of an xdist run, cloned from one migrated template (root conftest's
`django_db_setup`).

Migrating a test database takes about a minute of CPU; with two workers each migrating its own,
that is two minutes of a two-core machine spent before the first test. Instead the first worker
to get here migrates `test_<name>_template` (holding a file lock that every worker of the run
shares) and each worker makes its own database from it with CREATE DATABASE ... TEMPLATE, which
copies the files in a second or two. The template is made from tests/schema.sql when that
matches the migrations, in seconds, and else migrated and the file written afresh
(tests/schema.py says why and how). The template is rebuilt once per run (its "ready" mark lives
in the run's shared temporary folder), so a changed migration is always picked up; it is left on
the server afterwards like a kept (--reuse-db) database, and dropped by the next run's build.

Without xdist the one test database is made the same way, from a template. A kept database
(--reuse-db) that already exists is reused as before, by pytest-django's own path.
"""

from __future__ import annotations

import contextlib
import fcntl

from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

ALIAS = "default"
# The migrated template this run's databases were cloned from (None without xdist): another
# database of the run (tests/security's world) is cloned from it too.
template_name: str | None = None


@contextlib.contextmanager
def cloned_test_database(request, django_db_blocker, tmp_path_factory, *, keepdb: bool, migrations: bool):
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    aliases, serialized = _get_databases_for_setup(request.session.items)
    if not migrations:
        _disable_migrations()
    connection = connections[ALIAS]
    with django_db_blocker.unblock():
        target = connection.creation._get_test_db_name()
        if aliases - {ALIAS} or (keepdb and _exists(connection, target)):
            config = setup_databases(
                verbosity=verbosity, interactive=False, aliases=aliases, serialized_aliases=serialized, keepdb=keepdb
            )
            try:
                yield
            finally:
                if not keepdb:
                    teardown_databases(config, verbosity=verbosity)
            return

        template = (target.removesuffix(f"_{worker}") if worker else target) + "_template"
        with run_lock(request, tmp_path_factory) as shared:
            ready = shared / "test-db-template.ready"
            if not ready.exists():
                _migrate_template(connection, template, verbosity, migrations=migrations)
                ready.write_text(template)
            clone(connection, template, target)
        global template_name
        template_name = template
        old_name = use(connection, target)
        if ALIAS in serialized:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            connection.creation.destroy_test_db(old_name, verbosity, keepdb)


@contextlib.contextmanager
def run_lock(request, tmp_path_factory):
    """Held by one process of the run at a time (all its xdist workers share it): yields the
    run's own folder, which they share too, for the marks of what has been built once."""
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    shared = tmp_path_factory.getbasetemp().parent if worker else tmp_path_factory.getbasetemp()
    with open(shared / "test-db-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield shared


def _exists(connection, name: str) -> bool:
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def _migrate_template(connection, template: str, verbosity: int, *, migrations: bool) -> None:
    """create_test_db under the template's name (it drops a template left by an earlier run),
    then put the connection's settings back as they were."""
    from django.conf import settings

    from tests import schema

    test_settings = connection.settings_dict["TEST"]
    saved_test_name, old_name = test_settings.get("NAME"), connection.settings_dict["NAME"]
    test_settings["NAME"] = template
    try:
        drop(connection, template)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(template)}")
        loaded = migrations and schema.load(connection, template)
        # Over a loaded schema `migrate` applies nothing and still does its post_migrate work.
        connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False, keepdb=True)
        if loaded:
            schema.make_dated_seeds()
        elif migrations:
            schema.write(connection, template)
    finally:
        connection.close()  # a template may not be copied while anyone is connected to it
        test_settings["NAME"] = saved_test_name
        connection.settings_dict["NAME"] = old_name
        settings.DATABASES[connection.alias]["NAME"] = old_name


def clone(connection, template: str, target: str) -> None:
    """Make `target` a copy of `template` (dropping any `target` left by an earlier run). Nobody
    may be connected to `template`."""
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)}")
        cursor.execute(f"CREATE DATABASE {quote(target)} WITH TEMPLATE {quote(template)}")


def drop(connection, name: str) -> None:
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


def use(connection, name: str) -> str:
    """Point the connection at the test database, as create_test_db does; returns the old name."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType

    old_name = connection.settings_dict["NAME"]
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()
    # Content type ids are cached per process; a flush (transactional tests) makes new ones.
    ContentType.objects.clear_cache()
    return old_name
