"""Pages that record one thing on a child's record: every area declares its tab once, and each of
its pages in a few lines; all of them fetch, authorise and record the same way.

    AREA = RecordArea(tab="permanence", caption="Permanence", record_url="permanence:record",
                      capability=Capability.RECORD_PERMANENCE)
    decision_reverse = AREA.page(
        form=forms.ReverseForm, heading="Reverse the decision", success="Decision reversed",
        service=services.permanence_decision_reverse, find=selectors.decision_for_child, arg="decision",
    )

A page that does not fit `page` (a form that depends on the URL in another way) fetches with
`AREA.child_for_recording(request, person_id)` and records with `AREA.step(...)`.

- The child is fetched through `access.selectors.person_get_for_user`: 404 for "missing" and "not
  yours" alike, and the read is logged. Adults' records have no recording pages.
- `find(child, *ids from the URL)` fetches the thing a page is about *through the child*, so an
  id that belongs to another child is a 404 like one that does not exist.
- Who may record is `access.capabilities`' table: the area names its capability (a page may name
  another), and every page asks for the child in the URL before it renders the form, on GET as
  on POST (the service asks again: that is the guard that also holds for commands).
- Recording itself is core.recording.record_step: the service's refusal beside its field,
  nothing half-saved, never a 500.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from access.capabilities import Capability, may, require
from access.selectors import person_get_for_user
from core.recording import record_step
from people.record import render_record

TEMPLATE = "includes/record_form.html"


def child_for(request, person_id):
    """The child, authorised and the read logged; 404 for "missing" and "not yours" alike, and
    for an adult (a parent's record has no visits, plans or journey)."""
    person = person_get_for_user(request.user, person_id, request=request)
    if not person.is_child:
        raise Http404
    return person


def child_for_recording(request, person_id, capability: Capability):
    """As `child_for`; then the 403 page, before any form is shown, unless the user may do
    `capability` for this child. The service checks again when the form is sent."""
    child = child_for(request, person_id)
    require(request.user, capability, child)
    return child


def found(obj):
    """A record looked up under this child, or 404."""
    if obj is None:
        raise Http404
    return obj


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
        return child_for(request, person_id)

    def can_record(self, user, child) -> bool:
        """For the tab's "Record..." links: may this user record here for this child?"""
        return may(user, self.capability, child)

    def child_for_recording(self, request, person_id, capability: Capability | None = None):
        return child_for_recording(request, person_id, capability or self.capability)

    def back(self, child) -> str:
        return reverse(self.record_url, args=[child.pk])

    def step(
        self,
        request,
        child,
        form,
        *,
        heading: str,
        success: str | Callable[[object], str],
        run: Callable[[dict], object],
        button: str = "Save",
        caption: str | None = None,
        facts: list[tuple[str, str]] | None = None,
        aliases: dict[str, str] | None = None,
        next_url: str | Callable[[object], str] | None = None,
        extra: dict | None = None,
    ):
        """Render the form in the record's frame; on a valid POST `run(arguments)` calls the
        service and goes on to `next_url` (a function of what the service returned, if it needs
        to be), or back to the area's tab. `facts`, shown above the form, say what this step is about."""
        back_url = self.back(child)
        context = {
            "form": form,
            "heading": heading,
            "button": button,
            "facts": facts or [],
            "back_url": back_url,
            "caption": self.caption if caption is None else caption,
            **(extra or {}),
        }
        return record_step(
            request,
            form,
            run=run,
            success=success,
            aliases=aliases,
            done_url=lambda result: (next_url(result) if callable(next_url) else next_url) or back_url,
            render=lambda: render_record(request, child, self.tab, TEMPLATE, context),
        )

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
        """A view that records one thing: `service(actor=user, <arg>=target, **arguments)`,
        where the target is what `find` fetched (404 when it finds nothing) or the child."""

        @require_http_methods(["GET", "POST"])
        def view(request, person_id, **ids):
            child = self.child_for_recording(request, person_id)
            target = child if find is None else found(find(child, *ids.values()))
            bound = form(request.POST or None, **(form_kwargs(target) if form_kwargs else {}))
            return self.step(
                request,
                child,
                bound,
                heading=_for(heading, target),
                success=_for(success, target),
                facts=facts(target) if facts else None,
                aliases=aliases,
                run=lambda data: service(actor=request.user, **{arg: target}, **data),
            )

        return view
