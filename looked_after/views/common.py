"""What every looked-after page does: fetch the child the user may see (404 for "missing" and
"not yours" alike, the read logged), refuse a user who may not record this for this child (403,
by access.capabilities, before any form is rendered), and on a valid POST call the service,
showing a refusal beside the field it is about."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from access.capabilities import Capability, require
from access.selectors import person_get_for_user
from casework.forms import apply_service_errors
from people.record import render_record

TAB = "looked_after"  # the record tab these pages belong to (people.record.TABS)
STEP_TEMPLATE = "looked_after/step_form.html"


def child_for(request, person_id):
    """The child, authorised and the read logged. Adults' records have no looked-after pages."""
    person = person_get_for_user(request.user, person_id, request=request)
    if not person.is_child:
        raise Http404
    return person


def child_for_recording(request, person_id, capability: Capability = Capability.RECORD_LOOKED_AFTER):
    """As `child_for`, and 403 unless the user holds `capability` for this child: the child's social
    worker and managers record (RECORD_LOOKED_AFTER); reviews and the IRO's contact are CHAIR_REVIEW."""
    person = child_for(request, person_id)
    require(request.user, capability, person)
    return person


def found(obj):
    """A record looked up under this child, or 404."""
    if obj is None:
        raise Http404
    return obj


def record_url(child) -> str:
    return reverse("looked_after:record", args=[child.pk])


def step(
    request,
    child,
    form,
    *,
    heading: str,
    button: str,
    run: Callable[[dict], object],
    success: str,
    caption: str = "Looked after",
    facts: list[tuple[str, str]] | None = None,
    next_url: str | Callable[[object], str] | None = None,
    template: str = STEP_TEMPLATE,
):
    """Render the form; on a valid POST run the service and go on (to the looked-after tab unless
    `next_url` says otherwise). `run(form)` calls the service with the form's values."""
    if request.method == "POST" and form.is_valid():
        try:
            result = run(form)
        except ValidationError as error:
            apply_service_errors(form, error, getattr(form, "ALIASES", None))
        else:
            messages.success(request, success)
            url = next_url(result) if callable(next_url) else next_url
            return redirect(url or record_url(child))
    context = {"form": form, "heading": heading, "button": button, "caption": caption, "facts": facts or [],
               "cancel_url": record_url(child)}
    return render_record(request, child, TAB, template, context)
