"""The private fostering tab of a child's record and the pages that record notifications, the
start and the end of an arrangement. Visits are recorded on the casework visit page."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.selectors import person_get_for_user
from children_in_need.common import long_date
from opencsc.recording import record_form
from people.record import render_record
from private_fostering import forms, selectors, services
from timescales.selectors import due_items_for_child

TAB = "private_fostering"
CAPTION = "Private fostering"


def _child(request, person_id):
    person = person_get_for_user(request.user, person_id, request=request)
    if not person.is_child:
        raise Http404
    return person


def _for_recording(request, person_id):
    child = _child(request, person_id)
    if not services.can_record(request.user):
        raise PermissionDenied
    return child


def _arrangement(child, arrangement_id):
    arrangement = selectors.arrangement_for_child(child, arrangement_id)
    if arrangement is None:
        raise Http404
    return arrangement


def _back(child) -> str:
    return reverse("private_fostering:record", args=[child.pk])


def _facts(arrangement):
    return [("Private foster carer", arrangement.carer_name), ("Notified", long_date(arrangement.notified_on))]


def _form(request, child, form, **kwargs):
    return record_form(request, child, form, tab=TAB, caption=CAPTION, back_url=_back(child), **kwargs)


@require_GET
def record(request, person_id):
    child = _child(request, person_id)
    items = due_items_for_child(person=child).filter(rule_code__in=selectors.VISIT_RULES).order_by("due_date", "id")
    return render_record(request, child, TAB, "private_fostering/record.html", {
        "arrangements": selectors.arrangements_for_child(child),
        "due_items": list(items),
        "can_record": services.can_record(request.user),
    })


@require_http_methods(["GET", "POST"])
def notification_new(request, person_id):
    child = _for_recording(request, person_id)
    return _form(
        request, child, forms.NotificationForm(request.POST or None), heading="Record a private fostering notification",
        success="Notification recorded",
        run=lambda data: services.private_fostering_notify(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def start(request, person_id, arrangement_id):
    child = _for_recording(request, person_id)
    arrangement = _arrangement(child, arrangement_id)
    return _form(
        request, child, forms.StartForm(request.POST or None), heading="Record that the arrangement started",
        success="Arrangement started", facts=_facts(arrangement),
        run=lambda data: services.private_fostering_start(actor=request.user, arrangement=arrangement, **data),
    )


@require_http_methods(["GET", "POST"])
def end(request, person_id, arrangement_id):
    child = _for_recording(request, person_id)
    arrangement = _arrangement(child, arrangement_id)
    return _form(
        request, child, forms.EndForm(request.POST or None), heading="End the private fostering arrangement",
        success="Arrangement ended", facts=_facts(arrangement),
        run=lambda data: services.private_fostering_end(actor=request.user, arrangement=arrangement, **data),
    )
