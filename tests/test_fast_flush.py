"""The quick way of emptying the database after a transactional test (tests/fast_flush.py) leaves
what Django's `flush` leaves: every table empty but the content types and permissions that
post_migrate makes, one of each for every model."""

import pytest
from django.apps import apps
from django.contrib.auth.management import _get_all_permissions
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from tests.fast_flush import _tables_with_rows, empty_the_database

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_database_is_left_as_flush_and_post_migrate_leave_it(team, make_staff):
    make_staff("social_worker", team=team)
    assert "workforce_team" in _tables_with_rows(connection)

    empty_the_database(connection)

    assert _tables_with_rows(connection) == ["auth_permission", "django_content_type"]
    models = [m for m in apps.get_models() if apps.get_app_config(m._meta.app_label).models_module]
    assert sorted(ContentType.objects.values_list("app_label", "model")) == sorted(
        (m._meta.app_label, m._meta.model_name) for m in models
    )
    assert sorted(
        Permission.objects.values_list("content_type__app_label", "content_type__model", "codename")
    ) == sorted(
        (m._meta.app_label, m._meta.model_name, codename)
        for m in models
        for codename, _ in _get_all_permissions(m._meta)
    )
    # The content types cache reads the table again: the ids it gives are the table's.
    assert (
        ContentType.objects.get_for_model(Permission).pk
        == ContentType.objects.get(app_label="auth", model="permission").pk
    )
