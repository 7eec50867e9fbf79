"""Missing episodes: going missing, coming back, and the return home interview."""

from django.urls import reverse
from django.views.decorators.http import require_http_methods

from looked_after import forms, selectors, services
from looked_after.services.missing import moment_text
from looked_after.views.common import child_for_recording, found, step

CAPTION = "Missing episodes"


def _facts(episode):
    facts = [("Missing or away", episode.get_kind_display()), ("Went missing", moment_text(episode.started_at))]
    if episode.returned_at:
        facts.append(("Returned", moment_text(episode.returned_at)))
    return facts


def _history(child):
    return reverse("looked_after:missing", args=[child.pk])


@require_http_methods(["GET", "POST"])
def missing_new(request, person_id):
    child = child_for_recording(request, person_id)
    form = forms.MissingStartForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record that the child is missing",
        button="Save missing episode",
        success="Missing episode recorded",
        caption=CAPTION,
        next_url=_history(child),
        run=lambda data: services.missing_start(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def missing_return(request, person_id, episode_id):
    child = child_for_recording(request, person_id)
    episode = found(selectors.missing_episode_for_child(child, episode_id))
    form = forms.MissingReturnForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record the child's return",
        button="Save return",
        success="Return recorded: offer a return home interview within 72 hours",
        caption=CAPTION,
        facts=_facts(episode),
        next_url=_history(child),
        run=lambda data: services.missing_return(actor=request.user, episode=episode, **data),
    )


@require_http_methods(["GET", "POST"])
def return_interview_new(request, person_id, episode_id):
    child = child_for_recording(request, person_id)
    episode = found(selectors.missing_episode_for_child(child, episode_id))
    form = forms.ReturnInterviewForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record the return home interview",
        button="Save return home interview",
        success="Return home interview recorded",
        caption=CAPTION,
        facts=_facts(episode),
        next_url=_history(child),
        run=lambda data: services.return_interview_record(actor=request.user, episode=episode, **data),
    )
