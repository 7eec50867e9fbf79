"""What every casework view does first: fetch the child the user may see, or 404; and, for a page
that records something, refuse a role that may not record it for this child (403). Both are
people.steps', shared with every area."""

from access.capabilities import Capability
from people import steps

PAGE_SIZE = 25

child_for = steps.child_for


def child_for_recording(request, person_id, capability: Capability = Capability.RECORD_CASEWORK):
    """The child, and the 403 page before any form is shown for a user who may not record this
    for them (people.steps)."""
    return steps.child_for_recording(request, person_id, capability)


def query_string_without_page(request) -> str:
    """The current filters, for pagination and print links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
