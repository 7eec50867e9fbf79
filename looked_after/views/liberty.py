"""Deprivation of liberty orders: made, and ended (SSDA903's DoLo table from 2026 to 2027)."""

from django.views.decorators.http import require_http_methods

from looked_after import forms, selectors, services
from looked_after.services.common import long_date
from looked_after.views.common import child_for_recording, found, step


@require_http_methods(["GET", "POST"])
def dolo_new(request, person_id):
    child = child_for_recording(request, person_id)
    form = forms.DoLOStartForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record a deprivation of liberty order",
        button="Save order",
        success="Deprivation of liberty order recorded",
        run=lambda data: services.dolo_start(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def dolo_end(request, person_id, dolo_id):
    child = child_for_recording(request, person_id)
    order = found(selectors.dolo_for_child(child, dolo_id))
    form = forms.DoLOEndForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record the end of the deprivation of liberty order",
        button="Save end",
        success="Deprivation of liberty order ended",
        facts=[("Made", long_date(order.start_date))],
        run=lambda data: services.dolo_end(actor=request.user, order=order, **data),
    )
