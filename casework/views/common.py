"""What every casework view does first: fetch the child the user may see, or 404; and, for a page
that records something, refuse a role that may not record it for this child (403)."""

from django.http import Http404

from access.capabilities import Capability, require
from access.selectors import person_get_for_user

PAGE_SIZE = 25


def child_for(request, person_id):
    """The child, authorised and with the read logged; 404 for "missing" and "not yours" alike.

    Visits, notes, chronology and allocation belong to children's own records; an adult's
    record (a parent, say) has none, so those pages do not exist for them either.
    """
    person = person_get_for_user(request.user, person_id, request=request)
    if not person.is_child:
        raise Http404
    return person


def child_for_recording(request, person_id, capability: Capability = Capability.RECORD_CASEWORK):
    """The child, as `child_for`; then the 403 page, before any form is shown, for a user who may
    not record this for them (access.capabilities). The service checks again when it saves."""
    child = child_for(request, person_id)
    require(request.user, capability, child)
    return child


def query_string_without_page(request) -> str:
    """The current filters, for pagination and print links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
