"""One page that records one thing on a child's record, for any area with its own record tab
(permanence, care leavers, private fostering...): render the form; on a valid POST call the
service, and show a refusal beside the field it is about, so nothing partial is ever saved and a
date out of order is a message, never a 500.

    return record_form(request, child, form, tab="permanence", heading="Record a panel decision",
                       run=lambda data: services.permanence_decision_record(actor=request.user, child=child, **data),
                       success="Decision recorded", back_url=reverse("permanence:record", args=[child.pk]))
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from casework.forms import apply_service_errors
from people.record import render_record

TEMPLATE = "includes/record_form.html"


def record_form(
    request,
    person,
    form,
    *,
    tab: str,
    heading: str,
    run: Callable[[dict], object],
    success: str,
    back_url: str,
    button: str = "Save",
    caption: str = "",
    facts: list[tuple[str, str]] | None = None,
    aliases: dict[str, str] | None = None,
    next_url: str | Callable[[object], str] | None = None,
):
    if request.method == "POST" and form.is_valid():
        try:
            result = run(form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error, aliases)
        else:
            messages.success(request, success)
            url = next_url(result) if callable(next_url) else next_url
            return redirect(url or back_url)
    context = {
        "form": form, "heading": heading, "button": button, "caption": caption, "facts": facts or [],
        "back_url": back_url,
    }
    return render_record(request, person, tab, TEMPLATE, context)
