"""Row locks that serialise two people recording for the same child at once."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from people.models import Person


def lock_child(child: Person) -> Person:
    """Lock the child's row for the rest of the transaction: two people recording a step for
    the same child at once are served one after the other, so "one open episode" and "plans
    never overlap" are checked against what is really there."""
    person = Person.objects.select_for_update().get(pk=child.pk)
    if not person.is_child:
        raise ValidationError("This is recorded on a child's own record.")
    return person
