"""A personal adviser sees the records of the young people they advise, and no one else's: they
are not part of the social work teams the record is otherwise shared with, and a young person
leaving care is often no longer allocated to a social worker at all."""

from django.db.models import Exists, OuterRef

from access.capabilities import Relationship, register_relationship
from access.selectors import register_visibility
from care_leavers.models import CareLeaver
from workforce.roles import Role


def advised_by(user):
    if user.role != Role.PERSONAL_ADVISER:
        return None
    return Exists(CareLeaver.objects.current().filter(person_id=OuterRef("pk"), personal_adviser=user))


register_visibility(advised_by)


def _advises(user, child) -> bool:
    return (
        user.role == Role.PERSONAL_ADVISER
        and CareLeaver.objects.current().filter(person=child, personal_adviser=user).exists()
    )


# What the adviser may record on the young person's record: access.capabilities' ADVISED.
register_relationship(Relationship.ADVISED, _advises)
