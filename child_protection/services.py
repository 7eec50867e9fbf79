"""Writes for child protection: strategy discussion, section 47 enquiry, conferences (initial,
transfer-in, review), child protection plans and core groups.

Every step checks that its dates follow the steps before it (no conference before the enquiry,
no plan ending before it started) and that a child's plans never overlap; PostgreSQL enforces
the last with an exclusion constraint too. Each write is one transaction with its chronology
event and the child's due items.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from access.capabilities import Capability, require
from casework.chronology import chronology_record
from child_protection.choices import (
    Agency,
    ConferenceKind,
    ConferenceOutcome,
    PlanEndReason,
    Section47Outcome,
    StrategyDecision,
)
from child_protection.models import ChildProtectionPlan, Conference, CoreGroup, Section47Enquiry, StrategyDiscussion
from children_in_need.models import CINEpisode
from codelists.cin import CategoryOfAbuse
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from plans.services import progress_record
from timescales.engine import due_from, refresh_due_items

PLANS_OVERLAP = "cpplan_no_overlap"


def _moment(day: datetime.date) -> datetime.datetime:
    from casework.times import local_moment

    return local_moment(day, datetime.time(9, 0))


def _open_episode(child) -> CINEpisode:
    episode = CINEpisode.objects.open().filter(child=child).first()
    if episode is None:
        raise ValidationError(f"{child.full_name} has no open child in need episode: record a referral first")
    return episode


def _date(checks: DateChecks, field: str, value, what: str, *, after=None, after_message: str = "") -> None:
    """Required, not in the future, and not before `after`."""
    if checks.required(field, value, what.lower()):
        checks.not_future(field, value, what)
        checks.not_before(field, value, after, after_message)


# --- Strategy discussion and section 47 --------------------------------------------------------


@transaction.atomic
def strategy_discussion_record(
    *, actor, child, held_on: datetime.date, agencies, decision: str, notes: str = ""
) -> StrategyDiscussion:
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, child)
    child = lock_child(child)
    episode = _open_episode(child)
    checks = DateChecks()
    _date(
        checks,
        "held_on",
        held_on,
        "The date of the strategy discussion",
        after=episode.start_date,
        after_message=f"The strategy discussion cannot be before the referral on {long_date(episode.start_date)}",
    )
    agencies = list(dict.fromkeys(agencies or []))
    if not agencies or any(a not in Agency.values for a in agencies):
        checks.add("agencies", "Select the agencies that took part")
    if decision not in StrategyDecision.values:
        checks.add("decision", "Select the decision")
    checks.raise_if_any()
    discussion = StrategyDiscussion.objects.create(
        child=child,
        episode=episode,
        held_on=held_on,
        agencies=agencies,
        decision=decision,
        notes=notes.strip(),
        recorded_by=actor,
    )
    chronology_record(
        child=child,
        event_type="strategy_discussion.held",
        occurred_at=_moment(held_on),
        actor=actor,
        source=discussion,
        data={"agencies": ", ".join(Agency(a).label for a in agencies), "decision": StrategyDecision(decision).label},
    )
    refresh_due_items(child)
    return discussion


@transaction.atomic
def section47_start(*, actor, discussion: StrategyDiscussion, start_date: datetime.date) -> Section47Enquiry:
    """Start the enquiry the strategy discussion decided on. The ICPC target (census
    InitialCPCtarget) is 15 working days from that discussion."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, discussion.child)
    child = lock_child(discussion.child)
    discussion = StrategyDiscussion.objects.select_related("episode").get(pk=discussion.pk)
    if discussion.decision != StrategyDecision.SECTION_47:
        raise ValidationError("This strategy discussion decided not to start a section 47 enquiry")
    if Section47Enquiry.objects.filter(strategy_discussion=discussion).exists():
        raise ValidationError("A section 47 enquiry was already started from this strategy discussion")
    if not discussion.episode.is_open:
        raise ValidationError("The child in need episode of this strategy discussion is closed")
    current = Section47Enquiry.objects.filter(child=child, end_date__isnull=True).first()
    if current is not None:
        raise ValidationError(f"A section 47 enquiry started on {long_date(current.start_date)} is still open")
    checks = DateChecks()
    _date(
        checks,
        "start_date",
        start_date,
        "The start date of the enquiry",
        after=discussion.held_on,
        after_message=f"The enquiry cannot start before the strategy discussion on {long_date(discussion.held_on)}",
    )
    checks.raise_if_any()
    enquiry = Section47Enquiry.objects.create(
        child=child,
        episode=discussion.episode,
        strategy_discussion=discussion,
        start_date=start_date,
        icpc_target_date=due_from("icpc_15wd", discussion.held_on),
        recorded_by=actor,
    )
    chronology_record(
        child=child,
        event_type="section47.started",
        occurred_at=_moment(start_date),
        actor=actor,
        source=enquiry,
        data={"icpc_target_date": long_date(enquiry.icpc_target_date)},
    )
    refresh_due_items(child)
    return enquiry


def _conclude(*, actor, enquiry: Section47Enquiry, end_date, outcome: str, field: str = "end_date") -> None:
    checks = DateChecks()
    _date(
        checks,
        field,
        end_date,
        "The date the enquiry concluded",
        after=enquiry.start_date,
        after_message=f"The enquiry cannot conclude before it started on {long_date(enquiry.start_date)}",
    )
    checks.raise_if_any()
    enquiry.end_date, enquiry.outcome = end_date, outcome
    enquiry.save(update_fields=["end_date", "outcome"])
    chronology_record(
        child=enquiry.child,
        event_type="section47.concluded",
        occurred_at=_moment(end_date),
        actor=actor,
        source=enquiry,
        data={"outcome": Section47Outcome(outcome).label},
    )


@transaction.atomic
def section47_conclude(*, actor, enquiry: Section47Enquiry, end_date: datetime.date, outcome: str) -> Section47Enquiry:
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, enquiry.child)
    lock_child(enquiry.child)
    enquiry = Section47Enquiry.objects.select_related("child").get(pk=enquiry.pk)
    if enquiry.end_date is not None:
        raise ValidationError(f"This enquiry concluded on {long_date(enquiry.end_date)}")
    if outcome not in Section47Outcome.values:
        raise ValidationError({"outcome": "Select the outcome of the enquiry"})
    _conclude(actor=actor, enquiry=enquiry, end_date=end_date, outcome=outcome)
    refresh_due_items(enquiry.child)
    return enquiry


# --- Conferences and plans -------------------------------------------------------------------


def _check_no_overlap(child, start_date: datetime.date) -> None:
    """A new plan runs from `start_date` with no end: it overlaps any plan still open, or one that
    ended after that date."""
    clash = (
        ChildProtectionPlan.objects.filter(child=child)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=start_date))
        .order_by("-start_date")
        .first()
    )
    if clash is not None:
        until = f"ended on {long_date(clash.end_date)}" if clash.end_date else "is still open"
        raise ValidationError(
            {
                "held_on": (
                    f"{child.full_name} has a child protection plan from {long_date(clash.start_date)} that {until}. "
                    "Plans cannot overlap"
                )
            }
        )


def _start_plan(*, child, episode, conference: Conference, category: str) -> ChildProtectionPlan:
    _check_no_overlap(child, conference.held_on)
    with constraint_messages(
        {PLANS_OVERLAP: ("held_on", "This child already has a child protection plan at that date")}
    ):
        return ChildProtectionPlan.objects.create(
            child=child,
            episode=episode,
            conference=conference,
            start_date=conference.held_on,
            initial_category=category,
            latest_category=category,
        )


def _record_conference_event(actor, conference: Conference) -> None:
    chronology_record(
        child=conference.child,
        event_type="conference.held",
        occurred_at=_moment(conference.held_on),
        actor=actor,
        source=conference,
        data={
            "kind": conference.get_kind_display(),
            "outcome": conference.get_outcome_display(),
            "category": CategoryOfAbuse(conference.category).label if conference.category else "",
        },
    )


@transaction.atomic
def initial_conference_record(
    *, actor, enquiry: Section47Enquiry, held_on: datetime.date, outcome: str, category: str = "", notes: str = ""
) -> Conference:
    """The ICPC after a section 47 enquiry. A plan starts on the day when the conference decides
    one. An enquiry not yet concluded is concluded that day, as needing the conference."""
    require(actor, Capability.CHAIR_CONFERENCE, enquiry.child)
    child = lock_child(enquiry.child)
    enquiry = Section47Enquiry.objects.select_related("episode").get(pk=enquiry.pk)
    if enquiry.outcome == Section47Outcome.NO_CONFERENCE:
        raise ValidationError("This enquiry concluded that a conference was not required")
    if Conference.objects.filter(section47=enquiry, kind=ConferenceKind.INITIAL).exists():
        raise ValidationError("The initial conference for this enquiry is already recorded")
    if not enquiry.episode.is_open:
        raise ValidationError("The child in need episode of this enquiry is closed")
    checks = DateChecks()
    _date(
        checks,
        "held_on",
        held_on,
        "The date of the conference",
        after=enquiry.start_date,
        after_message=f"The conference cannot be before the section 47 enquiry started on {long_date(enquiry.start_date)}",
    )
    if outcome not in (ConferenceOutcome.PLAN, ConferenceOutcome.NO_PLAN):
        checks.add("outcome", "Select the outcome of the conference")
    if outcome == ConferenceOutcome.PLAN and category not in CategoryOfAbuse.values:
        checks.add("category", "Select the category of abuse")
    checks.raise_if_any()
    if outcome == ConferenceOutcome.PLAN:
        _check_no_overlap(child, held_on)
    if enquiry.end_date is None:
        _conclude(actor=actor, enquiry=enquiry, end_date=held_on, outcome=Section47Outcome.CONFERENCE, field="held_on")
    conference = Conference.objects.create(
        child=child,
        episode=enquiry.episode,
        kind=ConferenceKind.INITIAL,
        section47=enquiry,
        held_on=held_on,
        outcome=outcome,
        category=category if outcome == ConferenceOutcome.PLAN else "",
        notes=notes.strip(),
        recorded_by=actor,
    )
    if outcome == ConferenceOutcome.PLAN:
        _start_plan(child=child, episode=enquiry.episode, conference=conference, category=category)
    _record_conference_event(actor, conference)
    refresh_due_items(child)
    return conference


@transaction.atomic
def transfer_in_conference_record(
    *, actor, child, held_on: datetime.date, category: str, previous_authority: str, notes: str = ""
) -> Conference:
    """A child on a plan in another authority moves here: the transfer-in conference starts our plan."""
    require(actor, Capability.CHAIR_CONFERENCE, child)
    child = lock_child(child)
    episode = _open_episode(child)
    checks = DateChecks()
    _date(
        checks,
        "held_on",
        held_on,
        "The date of the conference",
        after=episode.start_date,
        after_message=f"The conference cannot be before the referral on {long_date(episode.start_date)}",
    )
    if category not in CategoryOfAbuse.values:
        checks.add("category", "Select the category of abuse")
    if not previous_authority.strip():
        checks.add("previous_authority", "Enter the authority the child moved from")
    checks.raise_if_any()
    _check_no_overlap(child, held_on)
    conference = Conference.objects.create(
        child=child,
        episode=episode,
        kind=ConferenceKind.TRANSFER_IN,
        held_on=held_on,
        outcome=ConferenceOutcome.PLAN,
        category=category,
        previous_authority=previous_authority.strip(),
        notes=notes.strip(),
        recorded_by=actor,
    )
    _start_plan(child=child, episode=episode, conference=conference, category=category)
    _record_conference_event(actor, conference)
    refresh_due_items(child)
    return conference


def _open_plan(plan: ChildProtectionPlan) -> ChildProtectionPlan:
    lock_child(plan.child)
    plan = ChildProtectionPlan.objects.select_related("child", "episode").get(pk=plan.pk)
    if not plan.is_open:
        raise ValidationError(f"This child protection plan ended on {long_date(plan.end_date)}")
    return plan


def _last_meeting(plan: ChildProtectionPlan) -> datetime.date | None:
    dates = [
        plan.reviews.order_by("-held_on").values_list("held_on", flat=True).first(),
        plan.core_groups.order_by("-held_on").values_list("held_on", flat=True).first(),
    ]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def _end(*, actor, plan: ChildProtectionPlan, end_date, reason: str, field: str) -> None:
    if reason not in PlanEndReason.values:
        raise ValidationError({"end_reason": "Select why the plan ended"})
    plan.end_date, plan.end_reason, plan.ended_by = end_date, reason, actor
    with constraint_messages({"cpplan_end_after_start": (field, "The plan cannot end before it started")}):
        plan.save(update_fields=["end_date", "end_reason", "ended_by"])
    chronology_record(
        child=plan.child,
        event_type="cp_plan.ended",
        occurred_at=_moment(end_date),
        actor=actor,
        source=plan,
        data={"reason": PlanEndReason(reason).label},
    )


@transaction.atomic
def review_conference_record(
    *,
    actor,
    plan: ChildProtectionPlan,
    held_on: datetime.date,
    outcome: str,
    category: str,
    end_reason: str = "",
    notes: str = "",
    progress: dict | None = None,
) -> Conference:
    """A review conference: the plan continues (with its latest category) or ends that day; the
    progress it recorded against the plan's actions (plans.services.progress_record) is saved with it."""
    require(actor, Capability.CHAIR_CONFERENCE, plan.child)
    plan = _open_plan(plan)
    last_review = plan.reviews.order_by("-held_on").values_list("held_on", flat=True).first()
    checks = DateChecks()
    _date(
        checks,
        "held_on",
        held_on,
        "The date of the conference",
        after=plan.start_date,
        after_message=f"The review cannot be before the plan started on {long_date(plan.start_date)}",
    )
    checks.not_before(
        "held_on", held_on, last_review, f"The review cannot be before the last review on {long_date(last_review)}"
    )
    if outcome not in (ConferenceOutcome.CONTINUE, ConferenceOutcome.END):
        checks.add("outcome", "Select the outcome of the conference")
    if category not in CategoryOfAbuse.values:
        checks.add("category", "Select the latest category of abuse")
    if outcome == ConferenceOutcome.END and end_reason not in PlanEndReason.values:
        checks.add("end_reason", "Select why the plan ended")
    checks.raise_if_any()
    conference = Conference.objects.create(
        child=plan.child,
        episode=plan.episode,
        kind=ConferenceKind.REVIEW,
        plan=plan,
        held_on=held_on,
        outcome=outcome,
        category=category,
        notes=notes.strip(),
        recorded_by=actor,
    )
    if plan.latest_category != category:
        plan.latest_category = category
        plan.save(update_fields=["latest_category"])
    _record_conference_event(actor, conference)
    if progress:
        progress_record(actor=actor, plan=plan, meeting=conference, held_on=held_on, progress=progress)
    if outcome == ConferenceOutcome.END:
        _end(actor=actor, plan=plan, end_date=held_on, reason=end_reason, field="held_on")
    refresh_due_items(plan.child)
    return conference


@transaction.atomic
def cp_plan_end(*, actor, plan: ChildProtectionPlan, end_date: datetime.date, reason: str) -> ChildProtectionPlan:
    """End a plan outside a review conference (the child became looked after, or moved away)."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, plan.child)
    plan = _open_plan(plan)
    last = _last_meeting(plan)
    checks = DateChecks()
    _date(
        checks,
        "end_date",
        end_date,
        "The end date",
        after=plan.start_date,
        after_message=f"The plan cannot end before it started on {long_date(plan.start_date)}",
    )
    checks.not_before("end_date", end_date, last, f"The plan cannot end before the meeting on {long_date(last)}")
    if reason not in PlanEndReason.values:
        checks.add("end_reason", "Select why the plan ended")
    checks.raise_if_any()
    _end(actor=actor, plan=plan, end_date=end_date, reason=reason, field="end_date")
    refresh_due_items(plan.child)
    return plan


@transaction.atomic
def core_group_record(
    *,
    actor,
    plan: ChildProtectionPlan,
    held_on: datetime.date,
    notes: str = "",
    progress: dict | None = None,
) -> CoreGroup:
    """The core group meeting and the progress it recorded against the plan's actions ({action id:
    (status, note)}, plans.services.progress_record), in one transaction."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, plan.child)
    plan = _open_plan(plan)
    checks = DateChecks()
    _date(
        checks,
        "held_on",
        held_on,
        "The date of the core group meeting",
        after=plan.start_date,
        after_message=f"The core group cannot be before the plan started on {long_date(plan.start_date)}",
    )
    checks.raise_if_any()
    meeting = CoreGroup.objects.create(plan=plan, held_on=held_on, notes=notes.strip(), recorded_by=actor)
    chronology_record(
        child=plan.child, event_type="core_group.held", occurred_at=_moment(held_on), actor=actor, source=meeting
    )
    if progress:
        progress_record(actor=actor, plan=plan, meeting=meeting, held_on=held_on, progress=progress)
    refresh_due_items(plan.child)
    return meeting
