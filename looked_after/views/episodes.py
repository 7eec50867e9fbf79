"""Starting and ceasing to be looked after, each change of legal status or placement, UASC
status and the placed-with-parents agreement."""

from django.views.decorators.http import require_http_methods

from codelists.ssda903 import LegalStatus, PlacementType
from looked_after import forms, selectors, services
from looked_after.services.common import long_date
from looked_after.views.common import child_for_recording, step


def _current(child):
    record = selectors.looked_after_record(child)
    return record.current_episode


def _facts(episode):
    if episode is None:
        return []
    placement = episode.placement
    return [
        ("Looked after since", long_date(episode.period.start_date)),
        ("Legal status", f"{episode.legal_status}: {LegalStatus(episode.legal_status).label}"),
        (
            "Placement",
            f"{placement.placement_type}: {PlacementType(placement.placement_type).label}"
            + (f" ({placement.carer_name})" if placement.carer_name else ""),
        ),
    ]


@require_http_methods(["GET", "POST"])
def period_start(request, person_id):
    child = child_for_recording(request, person_id)
    form = forms.PeriodStartForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Start a period of care",
        button="Start period of care",
        success=lambda period: (
            "Period of care started"
            + (
                ". A child in need episode was opened the same day: every looked-after child is a child in need"
                if period.cin_episode_opened
                else ""
            )
        ),
        run=lambda data: services.period_start(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def placement_change(request, person_id):
    child = child_for_recording(request, person_id)
    current = _current(child)
    form = forms.PlacementChangeForm(
        request.POST or None, initial={"legal_status": current.legal_status if current else ""}
    )
    return step(
        request,
        child,
        form,
        heading="Record a change of placement",
        button="Save change of placement",
        success="Change of placement recorded",
        facts=_facts(current),
        run=lambda data: services.episode_change(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def legal_status_change(request, person_id):
    child = child_for_recording(request, person_id)
    form = forms.LegalStatusChangeForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record a change of legal status",
        button="Save change of legal status",
        success="Change of legal status recorded",
        facts=_facts(_current(child)),
        run=lambda data: services.episode_change(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def period_end(request, person_id):
    child = child_for_recording(request, person_id)
    form = forms.PeriodEndForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="End the period of care",
        button="End period of care",
        success="Period of care ended",
        facts=_facts(_current(child)),
        run=lambda data: services.period_end(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def uasc(request, person_id):
    child = child_for_recording(request, person_id)
    status = selectors.uasc_for_child(child)
    initial = {"uasc_from": status.uasc_from, "ceased_on": status.ceased_on} if status else {}
    form = forms.UASCForm(request.POST or None, initial=initial)
    return step(
        request,
        child,
        form,
        heading="Unaccompanied asylum-seeking child",
        button="Save UASC status",
        success="UASC status saved",
        run=lambda data: services.uasc_record(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def pwp_agreement(request, person_id):
    child = child_for_recording(request, person_id)
    record = selectors.looked_after_record(child)
    agreement = record.agreement
    initial = {}
    if agreement is not None:
        initial = {k: getattr(agreement, k) for k in forms.PlacedWithParentsForm.base_fields}
    elif record.current_placement is not None:
        initial = {"parent_name": record.current_placement.carer_name}
    form = forms.PlacedWithParentsForm(request.POST or None, initial=initial)
    return step(
        request,
        child,
        form,
        heading="Placement with parents agreement",
        button="Save agreement",
        success="Placement with parents agreement saved",
        facts=_facts(record.current_episode),
        run=lambda data: services.pwp_agreement_record(actor=request.user, child=child, **data),
    )
