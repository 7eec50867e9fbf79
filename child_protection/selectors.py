"""Reads for child protection, on a child already fetched and authorised."""

from child_protection.models import ChildProtectionPlan, Section47Enquiry, StrategyDiscussion


def strategy_discussion_for_child(child, discussion_id) -> StrategyDiscussion | None:
    return StrategyDiscussion.objects.filter(child=child, pk=discussion_id).first()


def enquiry_for_child(child, enquiry_id) -> Section47Enquiry | None:
    return Section47Enquiry.objects.filter(child=child, pk=enquiry_id).select_related("strategy_discussion").first()


def plan_for_child(child, plan_id) -> ChildProtectionPlan | None:
    return ChildProtectionPlan.objects.filter(child=child, pk=plan_id).first()


def booking_for_child(child, booking_id):
    from child_protection.models import ConferenceBooking

    return (
        ConferenceBooking.objects.filter(child=child, pk=booking_id)
        .select_related("chair", "conference", "section47", "plan", "minutes_issued_by", "booked_by")
        .first()
    )


def bookings_for_child(child) -> list:
    """The child's booked, held and cancelled conferences, newest first, with their chairs."""
    from child_protection.models import ConferenceBooking

    return list(
        ConferenceBooking.objects.filter(child=child)
        .select_related("chair", "conference")
        .order_by("-booked_for", "-id")
    )


def conference_work_for_chair(*, user):
    """The chair's open conference items (to chair on the booked day, then the minutes to issue),
    soonest first, with the child: one query on the due items, through `visible_to`."""
    from access.selectors import visible_to
    from child_protection.booking_providers import CHAIR, MINUTES
    from timescales.models import DueItem

    items = DueItem.objects.open().filter(worker=user, rule_code__in=[CHAIR, MINUTES])
    return visible_to(user, items).select_related("person").order_by("due_date", "id")
