from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.dateformat import format as date_format
from django.views.decorators.http import require_GET

from casework import chronology, selectors
from casework.forms import ChronologyFilterForm
from casework.views.common import child_for, query_string_without_page
from core.clock import now
from people.record import render_record

CHRONOLOGY_PAGE_SIZE = 50


def _filters(request):
    form = ChronologyFilterForm(request.GET or None)
    return form, form.filters()


def describe_filters(filters: selectors.ChronologyFilters) -> list[str]:
    """The filters in words, so a printed chronology says what it leaves out."""
    if not filters.active:
        return ["All events"]
    parts = []
    if filters.categories:
        parts.append("Categories: " + ", ".join(chronology.CATEGORIES.get(c, c) for c in filters.categories))
    if filters.date_from:
        parts.append(f"From {date_format(filters.date_from, 'j F Y')}")
    if filters.date_to:
        parts.append(f"To {date_format(filters.date_to, 'j F Y')}")
    if filters.significant_only:
        parts.append("Significant events only")
    return parts


@require_GET
def chronology_view(request, person_id):
    child = child_for(request, person_id)
    form, filters = _filters(request)
    page = Paginator(selectors.chronology_for_child(child, filters), CHRONOLOGY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render_record(
        request,
        child,
        "chronology",
        "casework/chronology.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "entries": selectors.chronology_entries(page.object_list),
            "query_string": query_string_without_page(request),
        },
    )


@require_GET
def chronology_print(request, person_id):
    """The whole filtered chronology on a clean page, headed with whose it is and who printed it."""
    child = child_for(request, person_id)
    form, filters = _filters(request)
    return render(
        request,
        "casework/chronology_print.html",
        {
            "person": child,
            "form": form,
            "filter_description": describe_filters(filters),
            "filters_active": filters.active,
            "entries": selectors.chronology_entries(selectors.chronology_for_child(child, filters)),
            "printed_on": now(),
            "query_string": query_string_without_page(request),
        },
    )
