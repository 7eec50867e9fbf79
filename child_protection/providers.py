"""What child protection makes due, computed from the child's records each time they change.

- strategy discussion (local standard, default 1 WD) after a referral or an assessment decided
  there is reasonable cause to suspect significant harm;
- ICPC within 15 WD of the strategy discussion that started the section 47 enquiry (A2 #8);
- for each plan: first core group within 10 WD of the conference, then every `core_group`
  interval from the last one held; CP visits every `cp_visit` interval from the last visit
  (or the plan start); review conferences 3 months after the conference, then 6-monthly from the
  last one held (A2 #9-13).

CP visits are casework Visits in which the child was seen, whatever their type (Visit.objects.seen()): a visit where the child
was not seen does not meet the visiting standard.
"""

import dataclasses
from collections import defaultdict

from assessments.choices import AssessmentOutcome, AssessmentStatus
from assessments.models import Assessment
from casework.models import Visit
from child_protection.choices import BookingStatus, ConferenceKind, Section47Outcome
from child_protection.models import (
    ChildProtectionPlan,
    Conference,
    ConferenceBooking,
    CoreGroup,
    Section47Enquiry,
    StrategyDiscussion,
)
from children_in_need.models import CINEpisode
from children_in_need.series import Series, recurring_specs
from core.dates import long_date
from front_door.choices import ReferralNextStep
from front_door.models import Referral
from timescales import engine
from timescales.engine import describe_trigger, due_spec
from timescales.reads import CHILD, attach, column, records


def _reads() -> dict:
    """Everything the provider reads, each table once, in the engine's one query: a visit to a
    child on a plan refreshes this, so its round trips count."""
    strategy_referrals = {"child_id": CHILD, "next_step": ReferralNextStep.STRATEGY_DISCUSSION}
    strategy_assessments = {
        "child_id": CHILD,
        "status": AssessmentStatus.AUTHORISED,
        "outcome": AssessmentOutcome.STRATEGY_DISCUSSION,
    }
    held = StrategyDiscussion.objects.filter(child_id=CHILD).order_by("-held_on", "-id")
    initial = Conference.objects.filter(child_id=CHILD, kind=ConferenceKind.INITIAL).order_by("-held_on", "-id")
    booked = ConferenceBooking.objects.filter(child_id=CHILD, kind=ConferenceKind.INITIAL, status=BookingStatus.BOOKED)
    # The core groups, review conferences and visits in date-then-id order.
    core_groups = CoreGroup.objects.filter(plan__child_id=CHILD).order_by("held_on", "pk")
    reviews = Conference.objects.filter(child_id=CHILD, kind=ConferenceKind.REVIEW).order_by("held_on", "pk")
    visits = Visit.objects.seen().filter(child_id=CHILD).order_by("visited_at", "pk")
    return {
        "referrals": records(Referral.objects.filter(**strategy_referrals).order_by("-referral_date", "-id")),
        "referral_episodes": records(
            CINEpisode.objects.filter(**{f"referral__{k}": v for k, v in strategy_referrals.items()})
        ),
        # The fields the rule reads, not the assessment's written sections (long text and JSON).
        "assessments": records(
            Assessment.objects.filter(**strategy_assessments).order_by("-start_date", "-id"),
            "id",
            "child",
            "episode",
            "start_date",
            "authorised_on",
            "status",
            "outcome",
        ),
        "assessment_episodes": records(
            CINEpisode.objects.filter(**{f"assessments__{k}": v for k, v in strategy_assessments.items()}).distinct()
        ),
        "held_episodes": column(held, "episode_id"),
        "held_days": column(held, "held_on"),
        "enquiries": records(Section47Enquiry.objects.filter(child_id=CHILD).order_by("-start_date", "-id")),
        "enquiry_discussions": records(StrategyDiscussion.objects.filter(section47__child_id=CHILD)),
        "enquiry_episodes": records(CINEpisode.objects.filter(section47_enquiries__child_id=CHILD).distinct()),
        "initial_enquiries": column(initial, "section47_id"),
        # An ICPC booked for after its due date says so on the due item, so the manager sees it late when booked.
        "booked_enquiries": column(booked, "section47_id"),
        "booked_days": column(booked, "booked_for"),
        "initial_days": column(initial, "held_on"),
        "plans": records(ChildProtectionPlan.objects.filter(child_id=CHILD).order_by("-start_date", "-id")),
        "plan_conferences": records(Conference.objects.filter(plan_started__child_id=CHILD)),
        "core_group_plans": column(core_groups, "plan_id"),
        "core_group_days": column(core_groups, "held_on"),
        "review_plans": column(reviews, "plan_id"),
        "review_days": column(reviews, "held_on"),
        "visits": column(visits, "visited_at"),
    }


def _strategy_discussions(found, calendar):
    referrals, assessments = found["referrals"], found["assessments"]
    attach(referrals, "episode", found["referral_episodes"])
    attach(assessments, "episode", found["assessment_episodes"])
    triggers = [
        (
            f"referral-{r.pk}",
            r.decided_at,
            r.referral_date,
            r.episode,
            r,
            "Referral decision: strategy discussion needed",
        )
        for r in referrals
    ] + [
        (
            f"assessment-{a.pk}",
            a.authorised_on,
            a.start_date,
            a.episode,
            a,
            "Assessment concluded: strategy discussion needed",
        )
        for a in assessments
    ]
    if not triggers:
        return
    held = list(zip(found["held_episodes"], found["held_days"], strict=True))
    for key, moment, since, episode, source, label in triggers:
        # Met by the episode's first discussion since the referral (or the assessment's start):
        # a discussion held before the decision was typed in still counts.
        met = min((d for episode_id, d in held if episode_id == episode.pk and d >= since), default=None)
        if met is None and not episode.is_open:
            continue
        yield due_spec(
            "strategy_discussion",
            trigger=moment,
            calendar=calendar,
            key=key,
            source=source,
            trigger_description=describe_trigger(label, moment),
            completed_at=met,
        )


def _initial_conferences(found, calendar):
    enquiries = found["enquiries"]
    if not enquiries:
        return
    attach(enquiries, "strategy_discussion", found["enquiry_discussions"])
    attach(enquiries, "episode", found["enquiry_episodes"])
    held = dict(zip(found["initial_enquiries"], found["initial_days"], strict=True))  # the earliest held wins
    booked = dict(zip(found["booked_enquiries"], found["booked_days"], strict=True))
    for enquiry in enquiries:
        met = held.get(enquiry.pk)
        if met is None and (enquiry.outcome == Section47Outcome.NO_CONFERENCE or not enquiry.episode.is_open):
            continue
        discussion = enquiry.strategy_discussion.held_on
        spec = due_spec(
            "icpc_15wd",
            trigger=discussion,
            calendar=calendar,
            key=f"s47-{enquiry.pk}",
            source=enquiry,
            trigger_description=describe_trigger("Strategy discussion that started the section 47 enquiry", discussion),
            completed_at=met,
        )
        on = booked.get(enquiry.pk)
        if met is None and on is not None:
            late = " (late: after the date it is due)" if on > spec.due_date else ""
            spec = dataclasses.replace(
                spec, title=f"Hold the initial child protection conference, booked for {long_date(on)}{late}"
            )
        yield spec


def _plans(found, calendar):
    plans = found["plans"]
    if not plans:
        return
    attach(plans, "conference", found["plan_conferences"])
    core_groups, reviews = defaultdict(list), defaultdict(list)
    for plan_id, held_on in zip(found["core_group_plans"], found["core_group_days"], strict=True):
        core_groups[plan_id].append(held_on)
    for plan_id, held_on in zip(found["review_plans"], found["review_days"], strict=True):
        reviews[plan_id].append(held_on)
    visits = found["visits"]
    for plan in plans:
        key, conference = f"plan-{plan.pk}", plan.conference.get_kind_display()
        common = {"start": plan.start_date, "key": key, "source": plan, "end": plan.end_date}
        yield from recurring_specs(
            Series(
                "core_group_first_10wd",
                "core_group",
                start_label=conference,
                event_label="Core group meeting",
                **common,
            ),
            core_groups[plan.pk],
            calendar,
        )
        yield from recurring_specs(
            Series(
                "cp_visit",
                "cp_visit",
                start_label="Child protection plan started",
                event_label="Child protection visit",
                **common,
            ),
            visits,
            calendar,
        )
        yield from recurring_specs(
            Series("rcpc", "rcpc", start_label=conference, event_label="Review child protection conference", **common),
            reviews[plan.pk],
            calendar,
        )


# Strategy discussions start from referrals and assessments, conferences from enquiries.
@engine.register(
    only_if_any=[
        (Referral, "child_id"),
        (Assessment, "child_id"),
        (Section47Enquiry, "child_id"),
        (ChildProtectionPlan, "child_id"),
    ],
    reads=_reads,
)
def child_protection_due(person, calendar, found):
    yield from _strategy_discussions(found, calendar)
    yield from _initial_conferences(found, calendar)
    yield from _plans(found, calendar)
