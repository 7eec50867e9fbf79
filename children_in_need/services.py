"""Writes for CIN episodes and child in need plans. Each is one transaction: the change, its
chronology event, and the child's due items brought up to date."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability, require
from casework.chronology import chronology_record
from children_in_need.models import CINEpisode, CINPlan, CINPlanReview
from codelists.cin import PrimaryNeed, ReasonForClosure
from core.clock import now
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from plans.services import progress_record
from timescales.engine import refresh_due_items


def _moment(day: datetime.date) -> datetime.datetime:
    """Events dated by a day sit at 09:00 that day in England, like casework's allocations."""
    from casework.times import local_moment

    return local_moment(day, datetime.time(9, 0))


def open_episode_message(episode: CINEpisode, child) -> str:
    return (
        f"{child.full_name} already has an open child in need episode, from {long_date(episode.start_date)}. "
        "Record new concerns in that episode, or close it before recording a new referral"
    )


# --- Episodes --------------------------------------------------------------------------------


def episode_open(*, child, referral, primary_need: str) -> CINEpisode:
    """Open the episode for a referral. Called by front_door.services.referral_create inside its
    transaction (the referral's chronology event stands for both)."""
    if primary_need not in PrimaryNeed.values:
        raise ValidationError({"primary_need": "Select the primary need"})
    current = CINEpisode.objects.open().filter(child=child).first()
    if current is not None:
        raise ValidationError(open_episode_message(current, child))
    last_closed = CINEpisode.objects.filter(child=child, end_date__isnull=False).order_by("-end_date").first()
    if last_closed is not None and referral.referral_date < last_closed.end_date:
        raise ValidationError(
            {
                "received_at": (
                    f"The referral date must be on or after {long_date(last_closed.end_date)}, "
                    "when the previous child in need episode closed"
                )
            }
        )
    with constraint_messages({"cinepisode_one_open": (None, "This child already has an open child in need episode")}):
        return CINEpisode.objects.create(
            child=child, referral=referral, start_date=referral.referral_date, primary_need=primary_need
        )


# Every looked-after child is a child in need: the CIN census counts each of them, so a period of
# care needs a child in need episode open when it starts. A child who comes into care with no
# open episode (an emergency out of hours, say) has one opened by the period of care itself, with
# a referral on the day care began. Who referred is not known at that moment: source 10
# ("Unknown", the census's own code), to be corrected when it is known.
CARE_REFERRAL_SOURCE = "10"
CARE_REFERRAL_CONCERNS = (
    "The child started to be looked after with no child in need episode open: "
    "the episode was opened with the period of care."
)


def episode_for_care(*, actor, child, start_date: datetime.date, primary_need: str) -> tuple[CINEpisode, bool]:
    """The child in need episode a period of care starting on `start_date` belongs to: the one
    open, or a new one opened on that day (with its referral, decided as an assessment of the
    child's needs), and whether it was opened now. Called by looked_after.services.period_start
    inside its transaction."""
    from front_door.choices import ReferralNextStep
    from front_door.models import Referral
    from front_door.services import previous_referral_within

    current = CINEpisode.objects.open().filter(child=child).first()
    if current is not None:
        return current, False
    received_at = _moment(start_date)
    previous = previous_referral_within(child, start_date)
    referral = Referral.objects.create(
        child=child,
        received_at=received_at,
        referral_date=start_date,
        source=CARE_REFERRAL_SOURCE,
        concerns=CARE_REFERRAL_CONCERNS,
        is_re_referral=previous is not None,
        previous_referral=previous,
        recorded_by=actor,
        next_step=ReferralNextStep.ASSESSMENT,
        decided_at=received_at,
        decided_by=actor,
    )
    episode = episode_open(child=child, referral=referral, primary_need=primary_need)
    chronology_record(
        child=child,
        event_type="referral.received",
        occurred_at=received_at,
        actor=actor,
        source=referral,
        data={
            "source": "Unknown (opened with the period of care)",
            "primary_need": PrimaryNeed(primary_need).label,
            "re_referral": referral.is_re_referral,
            "previous_referral_date": long_date(previous.referral_date) if previous else "",
        },
    )
    return episode, True


def _closure_checks(episode: CINEpisode, closure_date, reason: str) -> None:
    checks = DateChecks()
    if reason not in ReasonForClosure.values:
        checks.add("closure_reason", "Select the reason for closure")
    if checks.required("closure_date", closure_date, "the closure date"):
        checks.not_future("closure_date", closure_date, "The closure date")
        checks.not_before(
            "closure_date",
            closure_date,
            episode.start_date,
            f"The closure date must be on or after the referral date, {long_date(episode.start_date)}",
        )
    checks.raise_if_any()


def record_closure(*, actor, episode: CINEpisode, closure_date, reason: str) -> CINEpisode:
    """Close an episode without the checks on what is still open (used for an NFA referral)."""
    _closure_checks(episode, closure_date, reason)
    episode.end_date, episode.closure_reason = closure_date, reason
    episode.closed_by, episode.closed_at = actor, now()
    episode.save(update_fields=["end_date", "closure_reason", "closed_by", "closed_at"])
    chronology_record(
        child=episode.child,
        event_type="cin_episode.closed",
        occurred_at=_moment(closure_date),
        actor=actor,
        source=episode,
        data={"reason": ReasonForClosure(reason).label, "code": reason},
    )
    return episode


def _still_open_blockers(episode: CINEpisode, closure_date) -> None:
    """What must be finished before an episode closes: each a clear message."""
    from assessments.models import Assessment
    from child_protection.models import ChildProtectionPlan, Section47Enquiry

    errors = []
    plan = ChildProtectionPlan.objects.filter(episode=episode, end_date__isnull=True).first()
    if plan is not None:
        errors.append(
            f"End the child protection plan that started on {long_date(plan.start_date)} before closing the case"
        )
    enquiry = Section47Enquiry.objects.filter(episode=episode, end_date__isnull=True).first()
    if enquiry is not None:
        errors.append(
            f"Conclude the section 47 enquiry that started on {long_date(enquiry.start_date)} before closing the case"
        )
    in_hand = Assessment.objects.filter(episode=episode).exclude(status="authorised").first()
    if in_hand is not None:
        errors.append(
            f"The assessment that started on {long_date(in_hand.start_date)} must be authorised before the case closes"
        )
    if errors:
        raise ValidationError(errors)
    latest = [
        d
        for d in (
            ChildProtectionPlan.objects.filter(episode=episode)
            .order_by("-end_date")
            .values_list("end_date", flat=True)
            .first(),
            Assessment.objects.filter(episode=episode)
            .order_by("-authorised_on")
            .values_list("authorised_on", flat=True)
            .first(),
        )
        if d
    ]
    if latest and closure_date < max(latest):
        raise ValidationError(
            {
                "closure_date": (
                    f"The closure date must be on or after {long_date(max(latest))}, the last date recorded in this episode"
                )
            }
        )


@transaction.atomic
def episode_close(*, actor, episode: CINEpisode, closure_date: datetime.date, reason: str) -> CINEpisode:
    """Close the episode with a census reason (RC1-RC9). An open child in need plan ends the same
    day; an open child protection plan, section 47 enquiry or unauthorised assessment must be
    finished first."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, episode.child)
    lock_child(episode.child)
    episode = CINEpisode.objects.select_related("child").get(pk=episode.pk)
    if not episode.is_open:
        raise ValidationError(f"This episode closed on {long_date(episode.end_date)}")
    _closure_checks(episode, closure_date, reason)
    _still_open_blockers(episode, closure_date)
    plan = CINPlan.objects.filter(episode=episode, end_date__isnull=True).first()
    if plan is not None:
        _end_plan(actor=actor, plan=plan, end_date=closure_date, reason="The case closed", field="closure_date")
    record_closure(actor=actor, episode=episode, closure_date=closure_date, reason=reason)
    refresh_due_items(episode.child)
    return episode


# --- Child in need plans ---------------------------------------------------------------------


def _open_episode(child) -> CINEpisode:
    episode = CINEpisode.objects.open().filter(child=child).first()
    if episode is None:
        raise ValidationError(f"{child.full_name} has no open child in need episode: record a referral first")
    return episode


@transaction.atomic
def cin_plan_start(*, actor, child, start_date: datetime.date) -> CINPlan:
    from child_protection.models import ChildProtectionPlan

    require(actor, Capability.RECORD_HELP_AND_PROTECTION, child)
    child = lock_child(child)
    episode = _open_episode(child)
    checks = DateChecks()
    if checks.required("start_date", start_date, "the start date of the plan"):
        checks.not_future("start_date", start_date, "The start date of the plan")
        checks.not_before(
            "start_date",
            start_date,
            episode.start_date,
            f"The plan cannot start before the referral on {long_date(episode.start_date)}",
        )
    checks.raise_if_any()
    current = CINPlan.objects.filter(child=child, end_date__isnull=True).first()
    if current is not None:
        raise ValidationError(
            f"{child.full_name} already has a child in need plan, from {long_date(current.start_date)}"
        )
    cp_plan = ChildProtectionPlan.objects.open().filter(child=child).first()
    if cp_plan is not None:
        raise ValidationError(
            f"{child.full_name} is on a child protection plan from {long_date(cp_plan.start_date)}. "
            "A child in need plan can start when it ends"
        )
    with constraint_messages({"cinplan_one_open": (None, "This child already has an open child in need plan")}):
        plan = CINPlan.objects.create(child=child, episode=episode, start_date=start_date, recorded_by=actor)
    chronology_record(
        child=child, event_type="cin_plan.started", occurred_at=_moment(start_date), actor=actor, source=plan
    )
    refresh_due_items(child)
    return plan


def _require_open_plan(plan: CINPlan) -> CINPlan:
    plan = CINPlan.objects.select_related("child").get(pk=plan.pk)
    if not plan.is_open:
        raise ValidationError(f"This child in need plan ended on {long_date(plan.end_date)}")
    return plan


@transaction.atomic
def cin_plan_review_record(
    *,
    actor,
    plan: CINPlan,
    held_on: datetime.date,
    notes: str = "",
    progress: dict | None = None,
) -> CINPlanReview:
    """The review and the progress it recorded against the plan's actions ({action id: (status,
    note)}, plans.services.progress_record), in one transaction."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, plan.child)
    lock_child(plan.child)
    plan = _require_open_plan(plan)
    checks = DateChecks()
    if checks.required("held_on", held_on, "the date of the review"):
        checks.not_future("held_on", held_on, "The date of the review")
        checks.not_before(
            "held_on",
            held_on,
            plan.start_date,
            f"The review cannot be before the plan started on {long_date(plan.start_date)}",
        )
    checks.raise_if_any()
    review = CINPlanReview.objects.create(plan=plan, held_on=held_on, notes=notes.strip(), recorded_by=actor)
    chronology_record(
        child=plan.child, event_type="cin_plan.reviewed", occurred_at=_moment(held_on), actor=actor, source=review
    )
    if progress:
        progress_record(actor=actor, plan=plan, meeting=review, held_on=held_on, progress=progress)
    refresh_due_items(plan.child)
    return review


def _end_plan(*, actor, plan: CINPlan, end_date, reason: str, field: str = "end_date") -> CINPlan:
    checks = DateChecks()
    if checks.required(field, end_date, "the end date"):
        checks.not_future(field, end_date, "The end date")
        checks.not_before(
            field, end_date, plan.start_date, f"The plan cannot end before it started on {long_date(plan.start_date)}"
        )
        last_review = plan.reviews.order_by("-held_on").values_list("held_on", flat=True).first()
        checks.not_before(
            field, end_date, last_review, f"The plan cannot end before its last review on {long_date(last_review)}"
        )
    checks.raise_if_any()
    plan.end_date, plan.end_reason = end_date, reason.strip()[:300]
    plan.save(update_fields=["end_date", "end_reason"])
    chronology_record(
        child=plan.child,
        event_type="cin_plan.ended",
        occurred_at=_moment(end_date),
        actor=actor,
        source=plan,
        data={"reason": plan.end_reason},
    )
    return plan


@transaction.atomic
def cin_plan_end(*, actor, plan: CINPlan, end_date: datetime.date, reason: str = "") -> CINPlan:
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, plan.child)
    lock_child(plan.child)
    plan = _require_open_plan(plan)
    _end_plan(actor=actor, plan=plan, end_date=end_date, reason=reason)
    refresh_due_items(plan.child)
    return plan
