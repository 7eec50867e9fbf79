"""What child protection makes due, computed from the child's records each time they change.

- strategy discussion (local standard, default 1 WD) after a referral or an assessment decided
  there is reasonable cause to suspect significant harm;
- ICPC within 15 WD of the strategy discussion that started the section 47 enquiry (A2 #8);
- for each plan: first core group within 10 WD of the conference, then every `core_group`
  interval from the last one held; CP visits every `cp_visit` interval from the last visit
  (or the plan start); review conferences 3 months after the conference, then 6-monthly from the
  last one held (A2 #9-13).

CP visits are casework Visits of type "cp" in which the child was seen: a visit where the child
was not seen does not meet the visiting standard.
"""

from collections import defaultdict

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef

from assessments.choices import AssessmentOutcome, AssessmentStatus
from assessments.models import Assessment
from casework.choices import VisitType
from casework.models import Visit
from child_protection.choices import ConferenceKind, Section47Outcome
from child_protection.models import ChildProtectionPlan, Conference, CoreGroup, Section47Enquiry, StrategyDiscussion
from children_in_need.series import Series, recurring_specs
from front_door.choices import ReferralNextStep
from front_door.models import Referral
from people.models import Person
from timescales import engine
from timescales.engine import describe_trigger, due_spec


def _strategy_discussions(person, calendar):
    triggers = [
        (f"referral-{r.pk}", r.decided_at, r.referral_date, r.episode, r, "Referral decision: strategy discussion needed")
        for r in Referral.objects.filter(child_id=person.pk, next_step=ReferralNextStep.STRATEGY_DISCUSSION)
        .select_related("episode")
    ] + [
        (f"assessment-{a.pk}", a.authorised_on, a.start_date, a.episode, a, "Assessment concluded: strategy discussion needed")
        for a in Assessment.objects.filter(
            child_id=person.pk, status=AssessmentStatus.AUTHORISED, outcome=AssessmentOutcome.STRATEGY_DISCUSSION
        ).select_related("episode")
    ]
    if not triggers:
        return
    held = list(StrategyDiscussion.objects.filter(child_id=person.pk).values_list("episode_id", "held_on"))
    for key, moment, since, episode, source, label in triggers:
        # Met by the episode's first discussion since the referral (or the assessment's start):
        # a discussion held before the decision was typed in still counts.
        met = min((d for episode_id, d in held if episode_id == episode.pk and d >= since), default=None)
        if met is None and not episode.is_open:
            continue
        yield due_spec("strategy_discussion", trigger=moment, calendar=calendar, key=key, source=source,
                       trigger_description=describe_trigger(label, moment), completed_at=met)


def _initial_conferences(person, calendar):
    enquiries = list(Section47Enquiry.objects.filter(child_id=person.pk).select_related("strategy_discussion", "episode"))
    if not enquiries:
        return
    held = dict(Conference.objects.filter(child_id=person.pk, kind=ConferenceKind.INITIAL).values_list("section47_id", "held_on"))
    for enquiry in enquiries:
        met = held.get(enquiry.pk)
        if met is None and (enquiry.outcome == Section47Outcome.NO_CONFERENCE or not enquiry.episode.is_open):
            continue
        discussion = enquiry.strategy_discussion.held_on
        yield due_spec(
            "icpc_15wd", trigger=discussion, calendar=calendar, key=f"s47-{enquiry.pk}", source=enquiry,
            trigger_description=describe_trigger("Strategy discussion that started the section 47 enquiry", discussion),
            completed_at=met,
        )


def _plans(person, calendar):
    plans = list(ChildProtectionPlan.objects.filter(child_id=person.pk).select_related("conference"))
    if not plans:
        return
    # The core groups, review conferences and visits in one query (each an array column), in
    # date-then-id order: a visit to a child on a plan refreshes this, so its round trips count.
    def column(rows, field, day):
        return ArraySubquery(rows.order_by(day, "pk").values(field))

    core_group_rows = CoreGroup.objects.filter(plan__child_id=OuterRef("pk"))
    review_rows = Conference.objects.filter(child_id=OuterRef("pk"), kind=ConferenceKind.REVIEW)
    visit_rows = Visit.objects.filter(child_id=OuterRef("pk"), visit_type=VisitType.STATUTORY_CP, child_seen=True)
    dates = Person.objects.filter(pk=person.pk).values(
        cp_core_group_plans=column(core_group_rows, "plan_id", "held_on"),
        cp_core_group_days=column(core_group_rows, "held_on", "held_on"),
        cp_review_plans=column(review_rows, "plan_id", "held_on"), cp_review_days=column(review_rows, "held_on", "held_on"),
        cp_visits=column(visit_rows, "visited_at", "visited_at"),
    ).get()
    core_groups, reviews = defaultdict(list), defaultdict(list)
    for plan_id, held_on in zip(dates["cp_core_group_plans"], dates["cp_core_group_days"], strict=True):
        core_groups[plan_id].append(held_on)
    for plan_id, held_on in zip(dates["cp_review_plans"], dates["cp_review_days"], strict=True):
        reviews[plan_id].append(held_on)
    visits = dates["cp_visits"]
    for plan in plans:
        key, conference = f"plan-{plan.pk}", plan.conference.get_kind_display()
        common = {"start": plan.start_date, "key": key, "source": plan, "end": plan.end_date}
        yield from recurring_specs(
            Series("core_group_first_10wd", "core_group", start_label=conference, event_label="Core group meeting", **common),
            core_groups[plan.pk], calendar,
        )
        yield from recurring_specs(
            Series("cp_visit", "cp_visit", start_label="Child protection plan started", event_label="Child protection visit",
                   **common),
            visits, calendar,
        )
        yield from recurring_specs(
            Series("rcpc", "rcpc", start_label=conference, event_label="Review child protection conference", **common),
            reviews[plan.pk], calendar,
        )


# Strategy discussions start from referrals and assessments, conferences from enquiries.
@engine.register(only_if_any=[(Referral, "child_id"), (Assessment, "child_id"), (Section47Enquiry, "child_id"),
                              (ChildProtectionPlan, "child_id")])
def child_protection_due(person, calendar):
    yield from _strategy_discussions(person, calendar)
    yield from _initial_conferences(person, calendar)
    yield from _plans(person, calendar)
