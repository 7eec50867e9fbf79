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
from workforce.roles import AUTHORITY_WIDE_READERS


def _open_for(user):
    """The audits `user` grades or moderates that are still open and within their access."""
    # "Now" when the query runs (access.visibility_sql keeps the visibility rule's SQL).
    now = ClockNow()
    auditing = Q(auditor=user, status=Status.ASSIGNED)
    moderating = Q(moderator=user, status=Status.COMPLETED, moderated_at__isnull=True)
    return Audit.objects.filter(auditing | moderating, access_until__gt=now)


def auditing(user):
    if not getattr(user, "is_authenticated", False) or user.role in AUTHORITY_WIDE_READERS:
        return None
    return Exists(_open_for(user).filter(child_id=OuterRef("pk")))


register_visibility(auditing)


def _audits(user, child) -> bool:
    return _open_for(user).filter(child_id=child.pk).exists()


register_relationship(Relationship.AUDITING, _audits)
