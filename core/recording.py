"""Recording one thing, the same way on every page that does it: on a valid POST call the
service; a refusal (ValidationError) is shown beside the field it is about, so nothing partial is
ever saved and a date out of order is a message, never a 500; success is a message and a
redirect. Every recording page of every area comes through here (most through
people.steps.RecordArea, which adds the child and the record's frame)."""

from __future__ import annotations

from collections.abc import Callable

from django import shortcuts
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from core.forms import apply_service_errors


def service_arguments(form) -> dict:
    """What the service is called with: the form's `service_kwargs()` when it has one (a form
    that turns what was typed into the service's terms, e.g. a date and a time into a moment),
    otherwise its cleaned data."""
    to_service = getattr(form, "service_kwargs", None)
    return to_service() if callable(to_service) else form.cleaned_data


def record_step(
    request,
    form,
    *,
    run: Callable[[dict], object],
    success: str | Callable[[object], str],
    done_url: str | Callable[[object], str],
    render: Callable[[], object],
    aliases: dict[str, str] | None = None,
):
    """`run(arguments)` calls the service. `done_url` is where success goes and `success` the
    message said there (each may be a function of what the service returned). `render()` draws the page, with the form's errors if any.
    `aliases` maps the service's field names to the form's (received_at -> received_date); a form
    may declare its own as ALIASES."""
    if request.method == "POST" and form.is_valid():
        try:
            result = run(service_arguments(form))
        except ValidationError as error:
            apply_service_errors(form, error, aliases if aliases is not None else getattr(form, "ALIASES", None))
        else:
            messages.success(request, success(result) if callable(success) else success)
            return redirect(done_url(result) if callable(done_url) else done_url)
    return render()


def form_page(
    request,
    form,
    *,
    caption: str,
    heading: str,
    run: Callable[[dict], object],
    success: str,
    back_url: str,
    done_url: str | Callable[[object], str] | None = None,
    facts: list[tuple[str, str]] | None = None,
    button: str = "Save",
    intro: str = "",
):
    """A page that records one thing outside a child's record (staff, supervision, the
    improvement plan): the caption and heading, the facts it is about as a summary list, the form,
    and Cancel back to `back_url`. One template (core/form_page.html) so the pages look and behave
    the same; `record_step` does the recording."""
    return record_step(
        request,
        form,
        run=run,
        success=success,
        done_url=done_url or back_url,
        render=lambda: shortcuts.render(
            request,
            "core/form_page.html",
            {
                "form": form,
                "caption": caption,
                "heading": heading,
                "button": button,
                "facts": facts or [],
                "back_url": back_url,
                "intro": intro,
            },
        ),
    )
