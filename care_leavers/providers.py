"""What leaving care makes due, computed from the young person's record each time it changes.

- the needs assessment and pathway plan within 3 months of the 16th birthday, or of becoming an
  eligible child after that age (CPPCR reg 42(1); TIMESCALES.md A4 #37), met by the first plan;
- the pathway plan reviewed at most every 6 months, from the plan and then from each review or
  new plan actually held (#38).

A qualifying care leaver has no pathway plan, so nothing is due for them; when support ends,
nothing more is due and what was met stays as history.
"""

from care_leavers.choices import PATHWAY_PLAN_CATEGORIES
from care_leavers.models import CareLeaver, PathwayPlan, PathwayPlanReview
from care_leavers.services import sixteenth_birthday
from children_in_need.series import Series, recurring_specs
from timescales import engine
from timescales.engine import describe_trigger, due_spec
from timescales.reads import CHILD, column, records


def _trigger(care_leaver):
    """The later of the 16th birthday and the day they became an eligible child."""
    sixteen = sixteenth_birthday(care_leaver.person)
    if care_leaver.eligible_from and care_leaver.eligible_from > sixteen:
        return care_leaver.eligible_from, "Became an eligible child"
    return sixteen, "16th birthday"


def _reads() -> dict:
    return {
        "care_leaver": records(CareLeaver.objects.filter(person_id=CHILD).order_by("pk")),
        "plan_days": column(
            PathwayPlan.objects.filter(care_leaver__person_id=CHILD).order_by("started_on", "pk"), "started_on"
        ),
        "review_days": column(
            PathwayPlanReview.objects.filter(plan__care_leaver__person_id=CHILD).order_by("-reviewed_on", "-id"),
            "reviewed_on",
        ),
    }


@engine.register(only_if_any=[(CareLeaver, "person_id")], reads=_reads)
def care_leaver_due(person, calendar, found):
    if not person.is_child or person.date_of_birth is None:
        return
    care_leaver = found["care_leaver"][0] if found["care_leaver"] else None  # one per person
    if care_leaver is None:
        return
    care_leaver.person = person
    plans = sorted(found["plan_days"])
    entitled = care_leaver.category in PATHWAY_PLAN_CATEGORIES
    key = f"care-leaver-{care_leaver.pk}"
    first_plan = plans[0] if plans else None
    if first_plan is None and not (entitled and care_leaver.is_current):
        return
    trigger, label = _trigger(care_leaver)
    yield due_spec(
        "pathway_plan_3m",
        trigger=trigger,
        calendar=calendar,
        key=key,
        source=care_leaver,
        trigger_description=describe_trigger(label, trigger),
        completed_at=first_plan,
    )
    if first_plan is None:
        return
    reviews = found["review_days"]
    yield from recurring_specs(
        Series(
            "pathway_plan_review_6m",
            "pathway_plan_review_6m",
            start=first_plan,
            start_label="Pathway plan prepared",
            event_label="Pathway plan review",
            key=key,
            source=care_leaver,
            end=care_leaver.ended_on,
        ),
        [*reviews, *plans[1:]],
        calendar,
    )
