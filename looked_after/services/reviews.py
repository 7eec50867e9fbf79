"""The independent reviewing officer, looked-after reviews and their actions, the IRO's contact
with the child, care plans, and the placed-with-parents agreement.

Who may record: appointing the IRO, care plans and the agreement are the child's social worker's
and managers' (RECORD_LOOKED_AFTER, the default of `begin`); the review, its actions and the
IRO's contact with the child are CHAIR_REVIEW, which an IRO holds for any child they may see (one
may chair for a colleague) and the child's own social worker and managers hold too."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability
from codelists.ssda903 import PlacementType, ReviewParticipation
from looked_after.choices import ContactMethod
from looked_after.models import (
    CarePlan,
    IROAssignment,
    IROContact,
    LAReview,
    PeriodOfCare,
    PlacedWithParents,
    Placement,
    ReviewAction,
)
from looked_after.services.common import (
    DateChecks,
    begin,
    check_date,
    clean_text,
    constraint_messages,
    finish,
    long_date,
    open_period,
    period_on,
)
from people.models import Person
from workforce.roles import Role


def _in_period(checks: DateChecks, field: str, day, period: PeriodOfCare, what: str) -> None:
    checks.not_before(
        field,
        day,
        period.start_date,
        (f"{what} must be on or after {long_date(period.start_date)}, when the child started to be looked after"),
    )
    if period.end_date is not None and day is not None and day > period.end_date:
        checks.add(field, f"{what} must be on or before {long_date(period.end_date)}, when the period of care ended")


# --- The IRO ---------------------------------------------------------------------------------------


@transaction.atomic
def iro_assign(*, actor, child: Person, iro, start_date: datetime.date) -> IROAssignment:
    """Appoint the IRO for the child's current period of care; the one before (if any) hands over
    that day."""
    child = begin(actor, child)
    period = open_period(child)
    checks = DateChecks()
    if iro is None or iro.role != Role.IRO or not iro.is_active:
        checks.add("iro", "Select an independent reviewing officer")
    if check_date(checks, "start_date", start_date, "The date the IRO was appointed"):
        _in_period(checks, "start_date", start_date, period, "The date the IRO was appointed")
    current = IROAssignment.objects.open().filter(period=period).first()
    if current is not None and start_date is not None:
        if current.iro_id == getattr(iro, "pk", None):
            checks.add("iro", f"{iro.get_full_name()} is already the IRO for this child")
        checks.not_before(
            "start_date",
            start_date,
            current.start_date,
            (f"The date must be on or after {long_date(current.start_date)}, when the current IRO was appointed"),
        )
    checks.raise_if_any()
    if current is not None:
        current.end_date = start_date
        current.save(update_fields=["end_date"])
    with constraint_messages({"iro_one_open_per_period": ("iro", "This child already has an IRO: try again")}):
        assignment = IROAssignment.objects.create(
            child=child, period=period, iro=iro, start_date=start_date, assigned_by=actor
        )
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.iro_assigned",
        occurred_at=start_date,
        source=assignment,
        data={"iro": iro.get_full_name()},
    )
    return assignment


@transaction.atomic
def iro_contact_record(
    *, actor, child: Person, contact_on: datetime.date, method: str, notes: str = "", iro=None
) -> IROContact:
    """The IRO met or spoke with the child. Recorded by the IRO, or for them (then `iro` is given)."""
    child = begin(actor, child, Capability.CHAIR_REVIEW)
    iro = iro or actor
    checks = DateChecks()
    if iro.role != Role.IRO:
        checks.add("iro", "Only an independent reviewing officer's contact is recorded here")
    period = None
    if check_date(checks, "contact_on", contact_on, "The date of the contact"):
        period = period_on(child, contact_on)
        if period is None:
            checks.add("contact_on", "The child was not looked after on that date")
    if method not in ContactMethod.values:
        checks.add("method", "Select how the IRO was in contact")
    checks.raise_if_any()
    contact = IROContact.objects.create(
        child=child,
        period=period,
        iro=iro,
        contact_on=contact_on,
        method=method,
        notes=clean_text(notes),
        recorded_by=actor,
    )
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.iro_contact",
        occurred_at=contact_on,
        source=contact,
        data={"iro": iro.get_full_name(), "method": ContactMethod(method).label},
    )
    return contact


# --- Reviews ------------------------------------------------------------------------------------------


@transaction.atomic
def review_record(
    *,
    actor,
    child: Person,
    held_on: datetime.date,
    participation: str,
    summary: str = "",
    iro_contact_on: datetime.date | None = None,
    progress: dict | None = None,
) -> LAReview:
    """A looked-after review was held. The next one falls due from this date (3 months after the
    first, then 6-monthly). The chair is the IRO appointed on the day; if the IRO met or spoke with
    the child for the review, that contact is recorded with it, as is the progress it recorded on
    the actions of the child's current care plan and placement with parents agreement ({action id:
    (status, note)}, plans.services)."""
    child = begin(actor, child, Capability.CHAIR_REVIEW)
    checks = DateChecks()
    period = None
    if check_date(checks, "held_on", held_on, "The date of the review"):
        period = period_on(child, held_on)
        if period is None:
            checks.add("held_on", "The child was not looked after on that date: a review belongs to a period of care")
        elif LAReview.objects.filter(child=child, held_on=held_on).exists():
            checks.add("held_on", f"A review on {long_date(held_on)} is already recorded")
    if participation not in ReviewParticipation.values:
        checks.add("participation", "Select how the child took part in the review")
    elif participation == ReviewParticipation.PN0 and child.date_of_birth and held_on:
        from timescales.calendar import age_on

        if age_on(child.date_of_birth, held_on) >= 4:
            checks.add(
                "participation", "PN0 is for a child under 4 on the day of the review. Select how the child took part"
            )
    chair = None
    if period is not None:
        assignment = (
            IROAssignment.objects.filter(period=period, start_date__lte=held_on)
            .order_by("-start_date")
            .select_related("iro")
            .first()
        )
        chair = assignment.iro if assignment is not None else None
        if iro_contact_on is not None:
            checks.not_future("iro_contact_on", iro_contact_on, "The date the IRO met or spoke with the child")
            if iro_contact_on > held_on:
                checks.add(
                    "iro_contact_on", "The date the IRO met or spoke with the child must be on or before the review"
                )
            _in_period(checks, "iro_contact_on", iro_contact_on, period, "The date the IRO met or spoke with the child")
            if chair is None:
                checks.add("iro_contact_on", "Appoint the IRO before recording their contact with the child")
    checks.raise_if_any()
    with constraint_messages(
        {"lareview_one_a_day": ("held_on", f"A review on {long_date(held_on)} is already recorded")}
    ):
        review = LAReview.objects.create(
            child=child,
            period=period,
            held_on=held_on,
            participation=participation,
            chaired_by=chair,
            summary=clean_text(summary),
            recorded_by=actor,
        )
    if iro_contact_on is not None:
        IROContact.objects.create(
            child=child,
            period=period,
            iro=chair,
            contact_on=iro_contact_on,
            method=ContactMethod.IN_PERSON,
            notes="Before the looked-after review",
            recorded_by=actor,
        )
    if progress:
        from looked_after.selectors import current_plans
        from plans.services import progress_record_for_plans

        progress_record_for_plans(
            actor=actor, plans=current_plans(child), meeting=review, held_on=held_on, progress=progress
        )
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.review_held",
        occurred_at=held_on,
        source=review,
        data={
            "participation": participation,
            "participation_label": ReviewParticipation(participation).label,
            "chair": chair.get_full_name() if chair else "",
        },
    )
    return review


@transaction.atomic
def review_action_add(*, actor, review: LAReview, action: str, owner: str, due_date: datetime.date) -> ReviewAction:
    """A decision of the review, as an action with who will do it and by when."""
    child = begin(actor, review.child, Capability.CHAIR_REVIEW)
    checks = DateChecks()
    if not clean_text(action):
        checks.add("action", "Enter the action")
    if not clean_text(owner):
        checks.add("owner", "Enter who will do it")
    if checks.required("due_date", due_date, "the date it is due by"):
        checks.not_before(
            "due_date", due_date, review.held_on, "The due date must be on or after the date of the review"
        )
    checks.raise_if_any()
    item = ReviewAction.objects.create(
        review=review, action=clean_text(action), owner=clean_text(owner), due_date=due_date, recorded_by=actor
    )
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.review_action",
        occurred_at=review.held_on,
        source=item,
        data={"action": item.action, "owner": item.owner, "due_date": long_date(due_date)},
    )
    return item


@transaction.atomic
def review_action_complete(*, actor, action: ReviewAction, completed_on: datetime.date) -> ReviewAction:
    child = begin(actor, action.review.child, Capability.CHAIR_REVIEW)
    action = ReviewAction.objects.select_for_update().select_related("review").get(pk=action.pk)
    if action.completed_on is not None:
        raise ValidationError(f"This action was done on {long_date(action.completed_on)}")
    checks = DateChecks()
    if check_date(checks, "completed_on", completed_on, "The date it was done"):
        checks.not_before(
            "completed_on", completed_on, action.review.held_on, "The date it was done must be on or after the review"
        )
    checks.raise_if_any()
    action.completed_on, action.completed_by = completed_on, actor
    action.save(update_fields=["completed_on", "completed_by"])
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.review_action_done",
        occurred_at=completed_on,
        source=action,
        data={"action": action.action},
    )
    return action


# --- Care plan ------------------------------------------------------------------------------------------


@transaction.atomic
def care_plan_record(*, actor, child: Person, agreed_on: datetime.date, summary: str = "") -> CarePlan:
    """A care plan (or a new version of it) for the current period of care. It may be agreed
    before the first placement, so a date up to 3 months before the period started is accepted."""
    child = begin(actor, child)
    period = open_period(child)
    checks = DateChecks()
    if check_date(checks, "agreed_on", agreed_on, "The date the care plan was agreed"):
        from timescales.calendar import add_months

        earliest = add_months(period.start_date, -3)
        checks.not_before(
            "agreed_on",
            agreed_on,
            earliest,
            (f"The date must be on or after {long_date(earliest)}: a care plan belongs to the period of care it plans"),
        )
    checks.raise_if_any()
    plan = CarePlan.objects.create(
        child=child, period=period, agreed_on=agreed_on, summary=clean_text(summary), recorded_by=actor
    )
    finish(child=child, actor=actor, event_type="looked_after.care_plan", occurred_at=agreed_on, source=plan, data={})
    return plan


# --- Placed with parents -------------------------------------------------------------------------------


@transaction.atomic
def pwp_agreement_record(
    *,
    actor,
    child: Person,
    parent_name: str,
    agreement_signed_on: datetime.date | None = None,
    assessment_completed_on: datetime.date | None = None,
    discharge_plan: str = "",
    discharge_target_date: datetime.date | None = None,
) -> PlacedWithParents:
    """Record or update the agreement for the child's current placement with parents (P1), with the
    plan to discharge the care order that the tracker shows."""
    child = begin(actor, child)
    period = open_period(child)
    placement = Placement.objects.open().filter(period=period).first()
    if placement is None or placement.placement_type != PlacementType.P1:
        raise ValidationError(f"{child.full_name} is not placed with parents: record the change of placement first")
    checks = DateChecks()
    if not clean_text(parent_name):
        checks.add("parent_name", "Enter who the child is placed with")
    for field, value, what in (
        ("agreement_signed_on", agreement_signed_on, "The date the agreement was signed"),
        ("assessment_completed_on", assessment_completed_on, "The date the assessment was completed"),
    ):
        if value is not None:
            checks.not_future(field, value, what)
    if discharge_target_date is not None:
        checks.not_before(
            "discharge_target_date",
            discharge_target_date,
            placement.start_date,
            "The target date must be after the child was placed with parents",
        )
    checks.raise_if_any()
    agreement, created = PlacedWithParents.objects.update_or_create(
        placement=placement,
        defaults={
            "parent_name": clean_text(parent_name),
            "agreement_signed_on": agreement_signed_on,
            "assessment_completed_on": assessment_completed_on,
            "discharge_plan": clean_text(discharge_plan),
            "discharge_target_date": discharge_target_date,
            "updated_by": actor,
        },
    )
    from core.clock import now

    finish(
        child=child,
        actor=actor,
        event_type="looked_after.pwp_agreement",
        occurred_at=now(),
        source=agreement,
        data={
            "parent_name": agreement.parent_name,
            "created": created,
            "discharge_target_date": long_date(discharge_target_date),
        },
    )
    return agreement
