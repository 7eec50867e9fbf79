"""The assessment's 45 working days from the referral (TIMESCALES.md A1 #3), one per episode.

Met when the episode's first assessment is authorised (the census AssessmentAuthorisationDate).
Nothing is due after a referral decided as no further action, or once the episode closed
without an assessment.
"""

from assessments.choices import AssessmentStatus
from assessments.models import Assessment
from children_in_need.models import CINEpisode
from front_door.models import Referral
from timescales import engine
from timescales.engine import describe_trigger, due_spec
from timescales.reads import CHILD, attach, column, records


def _reads() -> dict:
    authorised = Assessment.objects.filter(child_id=CHILD, status=AssessmentStatus.AUTHORISED).order_by(
        "-authorised_on", "-id"
    )
    return {
        "authorised_episodes": column(authorised, "episode_id"),
        "authorised_on": column(authorised, "authorised_on"),
        "episodes": records(CINEpisode.objects.filter(child_id=CHILD).order_by("-start_date", "-id")),
        "referrals": records(Referral.objects.filter(episode__child_id=CHILD)),  # the episodes' own
    }


@engine.register(only_if_any=[(CINEpisode, "child_id")], reads=_reads)  # one item per episode
def assessment_due(person, calendar, found):
    first_authorised = {}
    for episode_id, authorised_on in zip(found["authorised_episodes"], found["authorised_on"], strict=True):
        first_authorised[episode_id] = authorised_on  # the earliest wins: the list runs latest first
    episodes = found["episodes"]
    attach(episodes, "referral", found["referrals"])
    for episode in episodes:
        authorised_on = first_authorised.get(episode.pk)
        if authorised_on is None and (episode.referral.nfa or not episode.is_open):
            continue
        yield due_spec(
            "assessment_45wd",
            trigger=episode.start_date,
            calendar=calendar,
            key=f"episode-{episode.pk}",
            trigger_description=describe_trigger("Referral", episode.start_date),
            source=episode.referral,
            completed_at=authorised_on,
        )
