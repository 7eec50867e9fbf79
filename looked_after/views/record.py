"""The looked-after tab of a child's record, and its pages for one review and the missing history."""

from django.views.decorators.http import require_GET

from access.capabilities import Capability, may
from looked_after import selectors
from looked_after.views.common import TAB, child_for, found
from people.record import render_record


@require_GET
def record(request, person_id):
    child = child_for(request, person_id)
    return render_record(
        request,
        child,
        TAB,
        "looked_after/record.html",
        {
            "record": selectors.looked_after_record(child),
            "due_items": list(selectors.due_items_for_child(child)),
            "met_items": selectors.met_items_for_child(child),
            "can_record": may(request.user, Capability.RECORD_LOOKED_AFTER, child),
            "can_chair": may(request.user, Capability.CHAIR_REVIEW, child),
        },
    )


@require_GET
def review(request, person_id, review_id):
    child = child_for(request, person_id)
    return render_record(
        request,
        child,
        TAB,
        "looked_after/review.html",
        {
            "review": found(selectors.review_for_child(child, review_id)),
            "can_chair": may(request.user, Capability.CHAIR_REVIEW, child),
        },
    )


@require_GET
def missing(request, person_id):
    child = child_for(request, person_id)
    return render_record(
        request,
        child,
        TAB,
        "looked_after/missing.html",
        {
            "history": selectors.missing_history(child),
            "can_record": may(request.user, Capability.RECORD_LOOKED_AFTER, child),
        },
    )
