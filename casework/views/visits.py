from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from casework import selectors, services
from casework.forms import VisitForm, apply_service_errors
from casework.views.common import PAGE_SIZE, child_for, child_for_recording
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
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_record(actor=request.user, child=child, **form.service_kwargs())
        except ValidationError as error:
            apply_service_errors(form, error, VisitForm.SERVICE_ALIASES)
        else:
            messages.success(request, "Visit recorded")
            return redirect("casework:visits", child.pk)
    return render_record(request, child, "visits", "casework/visit_new.html", {"form": form})
