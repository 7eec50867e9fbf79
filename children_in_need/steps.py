"""What every page that records a step of the journey does: fetch the child (404 for missing or
not yours), refuse a user who may not record that step for this child (403, access.capabilities),
and on a valid POST call the service, showing a refusal beside the field it is about. Used by the
views of all four journey apps."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect

from access.capabilities import Capability, require
from access.selectors import person_get_for_user
from casework.forms import apply_service_errors
from people.record import render_record

TAB = "help"  # the record tab these pages belong to (people.record.TABS)
STEP_TEMPLATE = "children_in_need/step_form.html"


def child_for(request, person_id):
    """The child, authorised and the read logged. Adults' records have no journey."""
    person = person_get_for_user(request.user, person_id, request=request)
    if not person.is_child:
        raise Http404
    return person


def child_for_recording(request, person_id, capability: Capability = Capability.RECORD_HELP_AND_PROTECTION):
    """The child, as `child_for`; then the 403 page, before the form is shown, unless the user may
    do `capability` for this child. The service checks again when the form is sent."""
    person = child_for(request, person_id)
    require(request.user, capability, person)
    return person


def found(obj):
    """A record looked up under this child, or 404."""
    if obj is None:
        raise Http404
    return obj


def step(
    request,
    child,
    form,
    *,
    heading: str,
    button: str,
    run: Callable[[dict], object],
    success: str,
    facts: list[tuple[str, str]] | None = None,
    aliases: dict[str, str] | None = None,
    template: str = STEP_TEMPLATE,
    extra: dict | None = None,
    next_url: str | Callable[[object], str] | None = None,
):
    """Render the form; on a valid POST run the service and go back to the journey page.

    `run(cleaned_data)` calls the service; `next_url` may be a function of what it returned. `aliases` maps a service's field names to the form's
    (received_at -> received_date). `facts` are shown above the form: what this step is about.
    """
    if request.method == "POST" and form.is_valid():
        try:
            result = run(form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error, aliases)
        else:
            messages.success(request, success)
            url = next_url(result) if callable(next_url) else next_url
            return redirect(url or journey_url(child))
    context = {"form": form, "heading": heading, "button": button, "facts": facts or [], **(extra or {})}
    return render_record(request, child, TAB, template, context, status=200)


def journey_url(child) -> str:
    from django.urls import reverse

    return reverse("children_in_need:journey", args=[child.pk])
