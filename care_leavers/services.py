"""Writes for care leavers. Each is one transaction with its chronology event and the young
person's due items (the pathway plan within 3 months of the 16th birthday or of becoming
eligible, then reviews at most every 6 months).

What is refused, and why:
- a category the young person's age does not allow (eligible and relevant children are 16 or 17,
  former relevant 18 or over; support lasts to 25);
- a needs assessment or pathway plan before the 16th birthday (an eligible child is 16 or over:
  CPPCR reg 40), a plan before its needs assessment (reg 42 then 43), a review before its plan;
- keeping-in-touch answers the SSDA903 validator rejects: in touch with activity or accommodation
  unknown (rule 345), activity or accommodation after a death or a return home (344), a foyer under
  18 (347), a former foster carer's home under 18 (3001: "staying put" starts at 18).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability, require
from care_leavers.choices import AGES, PATHWAY_PLAN_CATEGORIES, CareLeaverEnd, Eligibility, ReviewRequestedBy
from care_leavers.models import CareLeaver, KeepingInTouch, NeedsAssessment, PathwayPlan, PathwayPlanReview
from casework.chronology import chronology_record
from casework.times import local_moment
from codelists.ssda903 import Accommodation, Activity, InTouch
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from timescales.calendar import age_on, birthday
from timescales.engine import refresh_due_items
from workforce.roles import Role

UNKNOWN = "0"


def _begin(actor, person):
    """Lock the young person's row for the transaction, then refuse (PermissionDenied) anyone the
    capability table does not let record leaving care support for them: their social worker and
    managers, and their own personal adviser (access.capabilities, RECORD_CARE_LEAVING)."""
    person = lock_child(person)
    require(actor, Capability.RECORD_CARE_LEAVING, person)
    return person


def _moment(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time(9, 0))


def sixteenth_birthday(person) -> datetime.date:
    return birthday(person.date_of_birth, 16)


def _date(checks: DateChecks, field: str, value, what: str, *, after=None, after_message: str = "") -> None:
    if checks.required(field, value, what[0].lower() + what[1:]):
        checks.not_future(field, value, what)
        checks.not_before(field, value, after, after_message)


def _not_before_16(checks: DateChecks, field: str, value, person, what: str) -> None:
    sixteen = sixteenth_birthday(person)
    if value is not None and value < sixteen:
        checks.add(field, f"{what} cannot be before {person.full_name} is 16, on {long_date(sixteen)}")


def _check_category(checks: DateChecks, person, category: str, since, field: str = "category") -> None:
    if category not in Eligibility.values:
        checks.add(field, "Select the eligibility category")
        return
    if since is None:
        return
    youngest, oldest = AGES[Eligibility(category)]
    age = age_on(person.date_of_birth, since)
    if not youngest <= age <= oldest:
        label = Eligibility(category).label.split(" (")[0].lower()
        checks.add(
            field, f"{person.full_name} was {age} on {long_date(since)}: {a_or_an(label)} is {youngest} to {oldest}"
        )


def a_or_an(words: str) -> str:
    """ "an eligible child", "a relevant child": the article by the sound of the first letter."""
    return f"{'an' if words[:1].lower() in 'aeio' else 'a'} {words}"


def _locked(actor, care_leaver: CareLeaver) -> CareLeaver:
    _begin(actor, care_leaver.person)
    care_leaver = CareLeaver.objects.select_for_update().select_related("person").get(pk=care_leaver.pk)
    if not care_leaver.is_current:
        raise ValidationError(f"Support as a care leaver ended on {long_date(care_leaver.ended_on)}")
    return care_leaver


def _check_adviser(checks: DateChecks, adviser, since, field: str = "personal_adviser") -> None:
    if adviser is None:
        return
    if adviser.role != Role.PERSONAL_ADVISER or not adviser.is_active:
        checks.add(field, f"{adviser} is not a personal adviser")
    _date(checks, "adviser_since", since, "The date the personal adviser started")


def _after_change(care_leaver) -> None:
    refresh_due_items(care_leaver.person)


# --- Becoming a care leaver ------------------------------------------------------------------------


@transaction.atomic
def care_leaver_start(
    *,
    actor,
    person,
    category: str,
    category_since: datetime.date,
    eligible_from: datetime.date | None = None,
    personal_adviser=None,
    adviser_since: datetime.date | None = None,
) -> CareLeaver:
    """Start supporting a young person as a care leaver (or as an eligible child still in care)."""
    person = _begin(actor, person)
    if person.date_of_birth is None:
        raise ValidationError("Record the young person’s date of birth first: eligibility depends on their age")
    if CareLeaver.objects.filter(person=person).exists():
        raise ValidationError(f"{person.full_name} already has a care leaver record")
    checks = DateChecks()
    _date(checks, "category_since", category_since, "The date they joined this category")
    _check_category(checks, person, category, category_since)
    if category == Eligibility.QUALIFYING:
        eligible_from = None
    elif checks.required("eligible_from", eligible_from, "the date they became an eligible child"):
        checks.not_future("eligible_from", eligible_from, "The date they became an eligible child")
        _not_before_16(checks, "eligible_from", eligible_from, person, "Becoming an eligible child")
        if category_since is not None and eligible_from > category_since:
            checks.add("eligible_from", "They must have become an eligible child on or before joining this category")
    if personal_adviser is not None and adviser_since is None:
        adviser_since = category_since
    _check_adviser(checks, personal_adviser, adviser_since)
    checks.raise_if_any()
    care_leaver = CareLeaver.objects.create(
        person=person,
        category=category,
        category_since=category_since,
        eligible_from=eligible_from,
        personal_adviser=personal_adviser,
        adviser_since=adviser_since if personal_adviser else None,
        recorded_by=actor,
    )
    chronology_record(
        child=person,
        event_type="care_leaver.started",
        occurred_at=_moment(category_since),
        actor=actor,
        source=care_leaver,
        data={"category": care_leaver.get_category_display()},
    )
    if personal_adviser is not None:
        chronology_record(
            child=person,
            event_type="care_leaver.adviser",
            occurred_at=_moment(adviser_since),
            actor=actor,
            source=care_leaver,
            data={"adviser": str(personal_adviser)},
        )
    _after_change(care_leaver)
    return care_leaver


@transaction.atomic
def care_leaver_category_change(*, actor, care_leaver: CareLeaver, category: str, since: datetime.date) -> CareLeaver:
    """The young person moves category: an eligible child leaves care (relevant), turns 18
    (former relevant)..."""
    care_leaver = _locked(actor, care_leaver)
    checks = DateChecks()
    _date(
        checks,
        "since",
        since,
        "The date of the change",
        after=care_leaver.category_since,
        after_message=f"The change cannot be before {long_date(care_leaver.category_since)}, when the current category started",
    )
    _check_category(checks, care_leaver.person, category, since)
    if category == care_leaver.category:
        checks.add("category", f"They are already {a_or_an(care_leaver.get_category_display().split(' (')[0].lower())}")
    if category != Eligibility.QUALIFYING and care_leaver.eligible_from is None:
        checks.add(
            "category", "A qualifying care leaver never became an eligible child, so cannot become this category"
        )
    checks.raise_if_any()
    care_leaver.category, care_leaver.category_since = category, since
    care_leaver.save(update_fields=["category", "category_since"])
    chronology_record(
        child=care_leaver.person,
        event_type="care_leaver.category",
        occurred_at=_moment(since),
        actor=actor,
        source=care_leaver,
        data={"category": care_leaver.get_category_display().split(" (")[0]},
    )
    _after_change(care_leaver)
    return care_leaver


@transaction.atomic
def personal_adviser_allocate(*, actor, care_leaver: CareLeaver, adviser, since: datetime.date) -> CareLeaver:
    care_leaver = _locked(actor, care_leaver)
    checks = DateChecks()
    if adviser is None:
        checks.add("adviser", "Select the personal adviser")
    else:
        _check_adviser(checks, adviser, since, field="adviser")
    if care_leaver.adviser_since and since and since < care_leaver.adviser_since:
        checks.add(
            "adviser_since",
            f"The new adviser cannot start before the current one did, on {long_date(care_leaver.adviser_since)}",
        )
    checks.raise_if_any()
    care_leaver.personal_adviser, care_leaver.adviser_since = adviser, since
    care_leaver.save(update_fields=["personal_adviser", "adviser_since"])
    chronology_record(
        child=care_leaver.person,
        event_type="care_leaver.adviser",
        occurred_at=_moment(since),
        actor=actor,
        source=care_leaver,
        data={"adviser": str(adviser)},
    )
    _after_change(care_leaver)
    return care_leaver


# --- Needs assessment and pathway plan -------------------------------------------------------------


@transaction.atomic
def needs_assessment_record(
    *, actor, care_leaver: CareLeaver, completed_on: datetime.date, notes: str = ""
) -> NeedsAssessment:
    care_leaver = _locked(actor, care_leaver)
    checks = DateChecks()
    _date(checks, "completed_on", completed_on, "The date the assessment was completed")
    _not_before_16(checks, "completed_on", completed_on, care_leaver.person, "The needs assessment")
    checks.raise_if_any()
    assessment = NeedsAssessment.objects.create(
        care_leaver=care_leaver, completed_on=completed_on, notes=notes.strip(), recorded_by=actor
    )
    chronology_record(
        child=care_leaver.person,
        event_type="care_leaver.needs_assessment",
        occurred_at=_moment(completed_on),
        actor=actor,
        source=assessment,
    )
    _after_change(care_leaver)
    return assessment


@transaction.atomic
def pathway_plan_record(*, actor, care_leaver: CareLeaver, started_on: datetime.date, notes: str = "") -> PathwayPlan:
    """The pathway plan, prepared from the needs assessment (reg 43). It meets the 3-month rule
    and starts the 6-monthly reviews."""
    care_leaver = _locked(actor, care_leaver)
    if care_leaver.category not in PATHWAY_PLAN_CATEGORIES:
        raise ValidationError("A qualifying care leaver has no pathway plan")
    checks = DateChecks()
    _date(checks, "started_on", started_on, "The date the plan was prepared")
    _not_before_16(checks, "started_on", started_on, care_leaver.person, "A pathway plan")
    checks.raise_if_any()
    assessed = NeedsAssessment.objects.filter(care_leaver=care_leaver, completed_on__lte=started_on).exists()
    if not assessed:
        raise ValidationError(
            {
                "started_on": "Record the needs assessment the plan is prepared from: it must be completed "
                "on or before the plan"
            }
        )
    plan = PathwayPlan.objects.create(
        care_leaver=care_leaver, started_on=started_on, notes=notes.strip(), recorded_by=actor
    )
    chronology_record(
        child=care_leaver.person,
        event_type="care_leaver.pathway_plan",
        occurred_at=_moment(started_on),
        actor=actor,
        source=plan,
    )
    _after_change(care_leaver)
    return plan


@transaction.atomic
def pathway_plan_review_record(
    *,
    actor,
    plan: PathwayPlan,
    reviewed_on: datetime.date,
    requested_by: str = ReviewRequestedBy.SCHEDULED,
    notes: str = "",
) -> PathwayPlanReview:
    care_leaver = _locked(actor, plan.care_leaver)
    checks = DateChecks()
    _date(
        checks,
        "reviewed_on",
        reviewed_on,
        "The date of the review",
        after=plan.started_on,
        after_message=f"The review cannot be before the plan was prepared on {long_date(plan.started_on)}",
    )
    if requested_by not in ReviewRequestedBy.values:
        checks.add("requested_by", "Select why the review was held")
    checks.raise_if_any()
    review = PathwayPlanReview.objects.create(
        plan=plan, reviewed_on=reviewed_on, requested_by=requested_by, notes=notes.strip(), recorded_by=actor
    )
    chronology_record(
        child=care_leaver.person,
        event_type="care_leaver.pathway_plan_review",
        occurred_at=_moment(reviewed_on),
        actor=actor,
        source=review,
        data={"requested_by": review.get_requested_by_display()},
    )
    _after_change(care_leaver)
    return review


# --- Keeping in touch ---------------------------------------------------------------------------


def check_in_touch(*, person, contact_on, in_touch: str, accommodation: str, activity: str) -> dict[str, str]:
    """The OC3 answers, checked against each other as the SSDA903 validator checks them."""
    errors: dict[str, str] = {}
    if in_touch not in InTouch.values:
        errors["in_touch"] = "Select whether the authority is in touch with the young person"
        return errors
    if accommodation and accommodation not in Accommodation.values:
        errors["accommodation"] = "Select where the young person lives"
    if activity and activity not in Activity.values:
        errors["activity"] = "Select the young person’s main activity"
    if in_touch in (InTouch.DIED, InTouch.RHOM):
        if accommodation or activity:
            errors["in_touch"] = (
                "Leave accommodation and activity empty when the young person has died or returned home"
            )
    elif in_touch == InTouch.YES:
        if accommodation in ("", UNKNOWN):
            errors["accommodation"] = "Select where the young person lives: you are in touch with them"
        if activity in ("", UNKNOWN):
            errors["activity"] = "Select the young person’s main activity: you are in touch with them"
    if contact_on is not None and age_on(person.date_of_birth, contact_on) < 18 and "accommodation" not in errors:
        if accommodation[:1] == "T":
            errors["accommodation"] = "A young person under 18 cannot be recorded as living in a foyer"
        elif accommodation[:1] == "Z":
            errors["accommodation"] = (
                "A young person under 18 living with foster carers is still looked after, not with former foster carers"
            )
    return errors


@transaction.atomic
def keeping_in_touch_record(
    *,
    actor,
    care_leaver: CareLeaver,
    contact_on: datetime.date,
    in_touch: str,
    accommodation: str = "",
    activity: str = "",
    notes: str = "",
) -> KeepingInTouch:
    care_leaver = _locked(actor, care_leaver)
    person = care_leaver.person
    checks = DateChecks()
    _date(checks, "contact_on", contact_on, "The date")
    _not_before_16(checks, "contact_on", contact_on, person, "Keeping in touch")
    for field, message in check_in_touch(
        person=person, contact_on=contact_on, in_touch=in_touch, accommodation=accommodation, activity=activity
    ).items():
        checks.add(field, message)
    checks.raise_if_any()
    with constraint_messages(
        {"keepintouch_nothing_after_died_or_home": ("in_touch", "Leave accommodation and activity empty")}
    ):
        contact = KeepingInTouch.objects.create(
            care_leaver=care_leaver,
            contact_on=contact_on,
            in_touch=in_touch,
            accommodation=accommodation,
            activity=activity,
            notes=notes.strip(),
            recorded_by=actor,
        )
    chronology_record(
        child=person,
        event_type="care_leaver.contact",
        occurred_at=_moment(contact_on),
        actor=actor,
        source=contact,
        data={
            "in_touch": contact.get_in_touch_display(),
            "accommodation": contact.get_accommodation_display() if accommodation else "",
            "activity": contact.get_activity_display() if activity else "",
        },
    )
    _after_change(care_leaver)
    return contact


@transaction.atomic
def care_leaver_end(*, actor, care_leaver: CareLeaver, ended_on: datetime.date, reason: str) -> CareLeaver:
    care_leaver = _locked(actor, care_leaver)
    checks = DateChecks()
    _date(
        checks,
        "ended_on",
        ended_on,
        "The date support ended",
        after=care_leaver.category_since,
        after_message=f"Support cannot end before {long_date(care_leaver.category_since)}, when the current category started",
    )
    if reason not in CareLeaverEnd.values:
        checks.add("reason", "Select why support ended")
    checks.raise_if_any()
    care_leaver.ended_on, care_leaver.end_reason = ended_on, reason
    care_leaver.save(update_fields=["ended_on", "end_reason"])
    chronology_record(
        child=care_leaver.person,
        event_type="care_leaver.ended",
        occurred_at=_moment(ended_on),
        actor=actor,
        source=care_leaver,
        data={"reason": care_leaver.get_end_reason_display()},
    )
    _after_change(care_leaver)
    return care_leaver
