from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from casework import selectors, services
from casework.forms import VisitCorrectionForm, VisitForm
from casework.views.common import PAGE_SIZE, child_for, child_for_recording
from core.recording import record_step
from people.record import render_record


@require_GET
def visits(request, person_id):
    child = child_for(request, person_id)
    page = Paginator(selectors.visits_for_child(child), PAGE_SIZE).get_page(request.GET.get("page"))
    return render_record(request, child, "visits", "casework/visits.html", {"page": page})


@require_GET
def visit(request, person_id, visit_id):
    child = child_for(request, person_id)
    found = selectors.visit_for_child(child, visit_id)
    if found is None:
        raise Http404
    return render_record(request, child, "visits", "casework/visit.html", {"visit": found})


@require_http_methods(["GET", "POST"])
def visit_new(request, person_id):
    child = child_for_recording(request, person_id)
    form = VisitForm(request.POST or None)
    return record_step(
        request,
        form,
        aliases=VisitForm.SERVICE_ALIASES,
        success="Visit recorded",
        run=lambda data: services.visit_record(actor=request.user, child=child, **data),
        done_url=reverse("casework:visits", args=[child.pk]),
        render=lambda: render_record(request, child, "visits", "casework/visit_new.html", {"form": form}),
    )


@require_http_methods(["GET", "POST"])
def visit_correct(request, person_id, visit_id):
    """Put right a visit recorded wrongly, with the reason (casework.services.visit_correct)."""
    child = child_for_recording(request, person_id)
    found = selectors.visit_for_child(child, visit_id)
    if found is None:
        raise Http404
    form = VisitCorrectionForm(request.POST or None, visit=found)
    return record_step(
        request,
        form,
        aliases=VisitForm.SERVICE_ALIASES,
        success="Visit corrected",
        run=lambda data: services.visit_correct(actor=request.user, child=child, visit=found, **data),
        done_url=reverse("casework:visit", args=[child.pk, found.pk]),
        render=lambda: render_record(
            request, child, "visits", "casework/visit_correct.html", {"form": form, "visit": found}
        ),
    )
