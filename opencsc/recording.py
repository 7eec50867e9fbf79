"""Pages that record one thing on a child's record, for any area with its own record tab
(permanence, care leavers, private fostering...): render the form; on a valid POST call the
service, and show a refusal beside the field it is about, so nothing partial is ever saved and a
date out of order is a message, never a 500.

An area declares itself once and then each of its pages in a few lines:

    AREA = RecordArea(tab="permanence", caption="Permanence", record_url="permanence:record",
                      capability=Capability.RECORD_PERMANENCE)
    decision_reverse = AREA.page(
        form=forms.ReverseForm, heading="Reverse the decision", success="Decision reversed",
        service=services.permanence_decision_reverse, find=selectors.decision_for_child, arg="decision",
    )

`find(child, *ids from the URL)` fetches the thing the page is about *through the child*, so an
id that belongs to another child is a 404 like one that does not exist; without `find` the
service is given the child itself. Pages that do not fit (a form that depends on the URL in
another way) call `AREA.form(...)` or `record_form(...)` directly.

Who may record is `access.capabilities`' table: the area names its capability, and every page
asks `may(user, capability, child)` for the child in the URL before it renders the form, on GET
as on POST (the service asks again: that is the guard that also holds for commands).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from access.capabilities import Capability, may
from access.selectors import person_get_for_user
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


def _for(value, target):
    return value(target) if callable(value) else value


@dataclass(frozen=True)
class RecordArea:
    """One area's tab of a child's record: what recording there takes, and where its pages go back to."""

    tab: str
    caption: str
    record_url: str
    capability: Capability

    def child(self, request, person_id):
        """The child, fetched and authorised: 404 for one the user may not see, and for an adult."""
        person = person_get_for_user(request.user, person_id, request=request)
        if not person.is_child:
            raise Http404
        return person

    def can_record(self, user, child) -> bool:
        """For the tab's "Record..." links: may this user record here for this child?"""
        return may(user, self.capability, child)

    def child_for_recording(self, request, person_id):
        """As `child`, and 403 for a user who may only read this area for this child."""
        child = self.child(request, person_id)
        if not self.can_record(request.user, child):
            raise PermissionDenied
        return child

    def back(self, child) -> str:
        return reverse(self.record_url, args=[child.pk])

    def form(self, request, child, form, **kwargs):
        return record_form(request, child, form, tab=self.tab, caption=self.caption, back_url=self.back(child), **kwargs)

    def page(
        self,
        *,
        form: Callable[..., object],
        heading: str | Callable[[object], str],
        success: str | Callable[[object], str],
        service: Callable[..., object],
        find: Callable[..., object | None] | None = None,
        arg: str = "child",
        form_kwargs: Callable[[object], dict] | None = None,
        facts: Callable[[object], list[tuple[str, str]]] | None = None,
        aliases: dict[str, str] | None = None,
    ):
        """A view that records one thing: `service(actor=user, <arg>=target, **cleaned_data)`,
        where the target is what `find` fetched (404 when it finds nothing) or the child."""

        @require_http_methods(["GET", "POST"])
        def view(request, person_id, **ids):
            child = self.child_for_recording(request, person_id)
            target = child if find is None else find(child, *ids.values())
            if target is None:
                raise Http404
            bound = form(request.POST or None, **(form_kwargs(target) if form_kwargs else {}))
            return self.form(
                request, child, bound, heading=_for(heading, target), success=_for(success, target),
                facts=facts(target) if facts else None, aliases=aliases,
                run=lambda data: service(actor=request.user, **{arg: target}, **data),
            )

        return view
