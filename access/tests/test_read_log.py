"""The read log is append-only, enforced by the database."""

import pytest
from django.db import connection, transaction
from django.db.utils import ProgrammingError

from access.models import RecordRead
from access.services import record_read_log
from workforce.roles import Role


def test_a_read_is_logged(make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    entry = record_read_log(user=user, person_id=42, path="/children/42/")
    assert RecordRead.objects.filter(person_id=42, user=user).count() == 1
    assert entry.read_at is not None


@pytest.mark.parametrize(
    "statement",
    ["UPDATE access_recordread SET person_id = 7", "DELETE FROM access_recordread"],
)
def test_the_database_refuses_to_change_or_delete_the_log(make_staff, statement):
    user = make_staff(Role.SOCIAL_WORKER)
    record_read_log(user=user, person_id=42, path="/children/42/")
    with pytest.raises(ProgrammingError, match="Cannot update or delete"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert RecordRead.objects.get().person_id == 42


def test_the_orm_cannot_delete_a_log_entry_either(make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    entry = record_read_log(user=user, person_id=42, path="/children/42/")
    with pytest.raises(ProgrammingError):
        with transaction.atomic():
            entry.delete()
