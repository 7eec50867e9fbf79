"""Reads for the front door. Record pages call these on a child already fetched and authorised
through access.selectors.person_get_for_user; the queues scope by access.selectors.visible_to."""

from django.db.models import QuerySet

from access.selectors import visible_to
from front_door.models import Contact, Referral


def contacts_for_child(child) -> QuerySet[Contact]:
    return (
        Contact.objects.filter(child=child).select_related("recorded_by", "decided_by").order_by("-received_at", "-id")
    )


def contact_for_child(child, contact_id) -> Contact | None:
    return contacts_for_child(child).filter(pk=contact_id).first()


def referral_for_child(child, referral_id) -> Referral | None:
    return Referral.objects.filter(child=child, pk=referral_id).select_related("episode", "contact").first()


def contacts_awaiting_decision(*, user) -> QuerySet[Contact]:
    """Contacts not yet screened, oldest first, for children the user may see. One query on the
    partial index contact_undecided."""
    return (
        visible_to(user, Contact.objects.filter(decision=""), via="child")
        .select_related("child")
        .order_by("received_at", "id")
    )


def referrals_awaiting_decision(*, user) -> QuerySet[Referral]:
    return (
        visible_to(user, Referral.objects.filter(next_step=""), via="child")
        .select_related("child")
        .order_by("received_at", "id")
    )
