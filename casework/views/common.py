"""What every casework view does first: fetch the child the user may see, or 404."""

from django.http import Http404

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


def query_string_without_page(request) -> str:
    """The current filters, for pagination and print links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
