"""Corrections after saving: the pages that put right a wrongly entered episode or placement,
with the reason. The episode or placement is fetched through the child in the URL, so one of
another child's is a 404."""

from django.views.decorators.http import require_http_methods

from looked_after import forms, selectors, services
from looked_after.services.common import long_date
from looked_after.views.common import child_for_recording, found, step


@require_http_methods(["GET", "POST"])
def episode_correct(request, person_id, episode_id):
    child = child_for_recording(request, person_id)
    episode = found(selectors.episode_for_child(child, episode_id))
    initial = {k: getattr(episode, k) for k in ("start_date", "legal_status", "category_of_need", "home_postcode")}
    form = forms.EpisodeCorrectionForm(request.POST or None, initial=initial)
    facts = [
        (
            "Episode",
            f"From {long_date(episode.start_date)}"
            + (f" to {long_date(episode.end_date)}" if episode.end_date else " (current)"),
        ),
        ("Reason for new episode", f"{episode.reason_new_episode}: {episode.get_reason_new_episode_display()}"),
    ]
    return step(
        request,
        child,
        form,
        heading="Correct an episode",
        button="Save correction",
        success="Episode corrected",
        facts=facts,
        run=lambda data: services.episode_correct(actor=request.user, child=child, episode=episode, **data),
    )


@require_http_methods(["GET", "POST"])
def placement_correct(request, person_id, placement_id):
    child = child_for_recording(request, person_id)
    placement = found(selectors.placement_for_child(child, placement_id))
    initial = {
        k: getattr(placement, k)
        for k in ("placement_type", "provider", "carer_name", "postcode", "local_authority", "ofsted_urn")
    }
    form = forms.PlacementCorrectionForm(request.POST or None, initial=initial)
    facts = [
        (
            "Placement",
            f"From {long_date(placement.start_date)}"
            + (f" to {long_date(placement.end_date)}" if placement.end_date else " (current)"),
        )
    ]
    return step(
        request,
        child,
        form,
        heading="Correct a placement",
        button="Save correction",
        success="Placement corrected",
        facts=facts,
        run=lambda data: services.placement_correct(actor=request.user, child=child, placement=placement, **data),
    )


@require_http_methods(["GET", "POST"])
def period_end_correct(request, person_id, period_id):
    child = child_for_recording(request, person_id)
    period = found(selectors.ended_period_for_child(child, period_id))
    last = period.episodes.order_by("-start_date", "-id").first()
    form = forms.PeriodEndCorrectionForm(
        request.POST or None, initial={"end_date": period.end_date, "reason_ceased": last.reason_ceased}
    )
    facts = [("Period of care", f"From {long_date(period.start_date)} to {long_date(period.end_date)}")]
    return step(
        request,
        child,
        form,
        heading="Correct the end of a period of care",
        button="Save correction",
        success="End of the period of care corrected",
        facts=facts,
        run=lambda data: services.period_end_correct(actor=request.user, child=child, period=period, **data),
    )
