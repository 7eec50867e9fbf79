"""Break-glass access: reads, and the visibility rule that opens the one record.

An administrator with an access that has not expired sees that one child's record, as long
as it is not restricted (people_visible_to applies this rule only to unrestricted records;
a restricted one needs a grant from another administrator). Registered from AccessConfig.ready().
"""

import datetime

from django.db.models import Exists, OuterRef, QuerySet

from access.models import BreakGlassAccess
from access.selectors import register_visibility
from access.visibility_sql import ClockNow
from people.models import Person
from workforce.roles import Role

# Long enough to look into one problem, short enough that it is not a way to read at leisure.
DURATION = datetime.timedelta(hours=1)


def _current(user) -> QuerySet[BreakGlassAccess]:
    # "Now" when the query runs (access.visibility_sql keeps the visibility rule's SQL).
    now = ClockNow()
    return BreakGlassAccess.objects.filter(user=user, started_at__lte=now, expires_at__gt=now)


def opened_by_break_glass(user):
    if getattr(user, "role", None) != Role.SYSTEM_ADMIN:
        return None
    return Exists(_current(user).filter(person_id=OuterRef("pk")))


register_visibility(opened_by_break_glass)


def current_for(user, person_id: int) -> BreakGlassAccess | None:
    """The user's break-glass access to this record now, if any (the read log quotes its reason)."""
    if getattr(user, "role", None) != Role.SYSTEM_ADMIN:
        return None
    return _current(user).filter(person_id=person_id).order_by("-started_at").first()


def person_by_la_id(la_id: str) -> Person | None:
    return Person.objects.live().filter(la_id=la_id.strip().upper()).first()


def recent_for_user(user, limit: int = 20) -> list[BreakGlassAccess]:
    return list(BreakGlassAccess.objects.filter(user=user).select_related("person")[:limit])


def break_glass_accesses() -> QuerySet[BreakGlassAccess]:
    """Every break-glass access, newest first, for senior leaders."""
    return BreakGlassAccess.objects.select_related("person", "user", "user__team")


def for_person(person: Person) -> QuerySet[BreakGlassAccess]:
    return BreakGlassAccess.objects.filter(person_id=person.pk).select_related("user")
