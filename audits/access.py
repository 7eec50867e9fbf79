"""An auditor (or the audit's moderator) reads exactly the children assigned to them, while the
audit is open and until its access ends, whatever their role; every page they open goes through
access.selectors and so into the read log. Roles that read across the authority already see them.

Registered from AuditsConfig.ready(): access knows the relationship's name (AUDITING), not this app."""

from django.db.models import Exists, OuterRef, Q

from access.capabilities import Relationship, register_relationship
from access.selectors import register_visibility
from access.visibility_sql import ClockNow
from audits.choices import Status
from audits.models import Audit
from core import clock, kept_queries
from workforce.roles import AUTHORITY_WIDE_READERS


def _open_for(user, now=None):
    """The audits `user` (a user or their id) grades or moderates that are still open and within
    their access at `now`."""
    # By default "now" when the query runs (access.visibility_sql keeps the visibility rule's SQL).
    now = ClockNow() if now is None else now
    auditing = Q(auditor=user, status=Status.ASSIGNED)
    moderating = Q(moderator=user, status=Status.COMPLETED, moderated_at__isnull=True)
    return Audit.objects.filter(auditing | moderating, access_until__gt=now)


def auditing(user):
    if not getattr(user, "is_authenticated", False) or user.role in AUTHORITY_WIDE_READERS:
        return None
    return Exists(_open_for(user).filter(child_id=OuterRef("pk")))


register_visibility(auditing)


def _audits(user, child) -> bool:
    # Asked on every page of a child's record (the capabilities behind its links): compiled once.
    return bool(kept_queries.fetch("audits.auditing", _one_open, user=user.pk, child=child.pk, now=clock.now()))


def _one_open(user, child, now):
    return _open_for(user, now).filter(child_id=child).only("pk")[:1]


register_relationship(Relationship.AUDITING, _audits)
