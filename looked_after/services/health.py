"""Health and education: health assessments and dental checks, immunisations, SDQ scores,
substance misuse, convictions (the SSDA903 OC2 items), personal education plans and school.

These are recorded about the child, not the period: an initial health assessment done in the
3 months before the child came into care still counts (the providers decide what each meets).
"""

from __future__ import annotations

import datetime

from django.db import transaction

from codelists.ssda903 import SDQReason
from looked_after.choices import HealthCheckKind
from looked_after.models import (
    Conviction,
    HealthCheck,
    ImmunisationStatus,
    PersonalEducationPlan,
    SchoolPlacement,
    SDQScore,
    SubstanceMisuse,
)
from looked_after.services.common import (
    DateChecks,
    begin,
    check_date,
    clean_text,
    constraint_messages,
    finish,
    long_date,
)
from people.models import Person

SDQ_MAX = 40  # the total difficulties score runs 0 to 40 (SSDA903 schema, SDQ_SCORE)


def _born_by(checks: DateChecks, field: str, child, day) -> None:
    if child.date_of_birth and day is not None and day < child.date_of_birth:
        checks.add(field, "The date must be on or after the child's date of birth")


@transaction.atomic
def health_check_record(*, actor, child: Person, kind: str, done_on: datetime.date, notes: str = "") -> HealthCheck:
    child = begin(actor, child)
    checks = DateChecks()
    if kind not in HealthCheckKind.values:
        checks.add("kind", "Select what was done")
    if check_date(checks, "done_on", done_on, "The date"):
        _born_by(checks, "done_on", child, done_on)
    checks.raise_if_any()
    check = HealthCheck.objects.create(
        child=child, kind=kind, done_on=done_on, notes=clean_text(notes), recorded_by=actor
    )
    finish(
        child=child,
        actor=actor,
        event_type="health.check",
        occurred_at=done_on,
        source=check,
        data={"kind": HealthCheckKind(kind).label},
    )
    return check


@transaction.atomic
def immunisation_record(
    *, actor, child: Person, checked_on: datetime.date, up_to_date: bool, notes: str = ""
) -> ImmunisationStatus:
    child = begin(actor, child)
    checks = DateChecks()
    check_date(checks, "checked_on", checked_on, "The date checked")
    if up_to_date is None:
        checks.add("up_to_date", "Select whether the child's immunisations are up to date")
    checks.raise_if_any()
    status = ImmunisationStatus.objects.create(
        child=child, checked_on=checked_on, up_to_date=up_to_date, notes=clean_text(notes), recorded_by=actor
    )
    finish(
        child=child,
        actor=actor,
        event_type="health.immunisations",
        occurred_at=checked_on,
        source=status,
        data={"up_to_date": up_to_date},
    )
    return status


@transaction.atomic
def sdq_record(
    *, actor, child: Person, completed_on: datetime.date, score: int | None = None, reason: str = ""
) -> SDQScore:
    """An SDQ with its score, or with the reason there is no score (SDQ1-SDQ5), never both."""
    child = begin(actor, child)
    checks = DateChecks()
    check_date(checks, "completed_on", completed_on, "The date of the questionnaire")
    if score is None and not reason:
        checks.add("score", "Enter the score, or select the reason there is no score")
    elif score is not None and reason:
        checks.add("reason", "Leave the reason blank when there is a score")
    elif score is not None and not 0 <= score <= SDQ_MAX:
        checks.add("score", f"The score must be between 0 and {SDQ_MAX}")
    elif reason and reason not in SDQReason.values:
        checks.add("reason", "Select the reason there is no score")
    checks.raise_if_any()
    sdq = SDQScore.objects.create(child=child, completed_on=completed_on, score=score, reason=reason, recorded_by=actor)
    finish(
        child=child,
        actor=actor,
        event_type="health.sdq",
        occurred_at=completed_on,
        source=sdq,
        data={"score": score, "reason": SDQReason(reason).label if reason else ""},
    )
    return sdq


@transaction.atomic
def substance_misuse_record(
    *,
    actor,
    child: Person,
    identified_on: datetime.date,
    intervention_offered: bool,
    intervention_received: bool,
    notes: str = "",
) -> SubstanceMisuse:
    child = begin(actor, child)
    checks = DateChecks()
    check_date(checks, "identified_on", identified_on, "The date identified")
    if intervention_received and not intervention_offered:
        checks.add("intervention_received", "An intervention cannot have been received if none was offered")
    checks.raise_if_any()
    record = SubstanceMisuse.objects.create(
        child=child,
        identified_on=identified_on,
        intervention_offered=intervention_offered,
        intervention_received=intervention_received,
        notes=clean_text(notes),
        recorded_by=actor,
    )
    finish(
        child=child,
        actor=actor,
        event_type="health.substance_misuse",
        occurred_at=identified_on,
        source=record,
        data={"offered": intervention_offered, "received": intervention_received},
    )
    return record


@transaction.atomic
def conviction_record(*, actor, child: Person, convicted_on: datetime.date, notes: str = "") -> Conviction:
    child = begin(actor, child)
    checks = DateChecks()
    if check_date(checks, "convicted_on", convicted_on, "The date"):
        # Nobody under 10 can be convicted in England (the age of criminal responsibility).
        if child.date_of_birth:
            from timescales.calendar import age_on

            if age_on(child.date_of_birth, convicted_on) < 10:
                checks.add("convicted_on", "The child must have been 10 or over on that date")
    checks.raise_if_any()
    record = Conviction.objects.create(
        child=child, convicted_on=convicted_on, notes=clean_text(notes), recorded_by=actor
    )
    finish(child=child, actor=actor, event_type="health.conviction", occurred_at=convicted_on, source=record, data={})
    return record


# --- Education ------------------------------------------------------------------------------------


@transaction.atomic
def pep_record(*, actor, child: Person, held_on: datetime.date, notes: str = "") -> PersonalEducationPlan:
    """A PEP meeting: the first of a period of care starts the plan, each later one reviews it."""
    child = begin(actor, child)
    checks = DateChecks()
    if check_date(checks, "held_on", held_on, "The date of the PEP meeting"):
        if PersonalEducationPlan.objects.filter(child=child, held_on=held_on).exists():
            checks.add("held_on", f"A PEP meeting on {long_date(held_on)} is already recorded")
    checks.raise_if_any()
    with constraint_messages({"pep_one_a_day": ("held_on", "A PEP meeting on that date is already recorded")}):
        pep = PersonalEducationPlan.objects.create(
            child=child, held_on=held_on, notes=clean_text(notes), recorded_by=actor
        )
    finish(child=child, actor=actor, event_type="education.pep", occurred_at=held_on, source=pep, data={})
    return pep


@transaction.atomic
def school_change(
    *, actor, child: Person, school_name: str, start_date: datetime.date, school_urn: str = ""
) -> SchoolPlacement:
    """The child starts at a school; the school before (if any) ends that day."""
    child = begin(actor, child)
    checks = DateChecks()
    current = SchoolPlacement.objects.open().filter(child=child).first()
    if not clean_text(school_name):
        checks.add("school_name", "Enter the name of the school")
    urn = clean_text(school_urn)
    if urn and not (urn.isdigit() and len(urn) == 6):
        checks.add("school_urn", "Enter the school's URN as 6 digits, like 123456")
    if check_date(checks, "start_date", start_date, "The start date") and current is not None:
        checks.not_before(
            "start_date",
            start_date,
            current.start_date + datetime.timedelta(days=1),
            (
                f"The start date must be after {long_date(current.start_date)}, when the child started at {current.school_name}"
            ),
        )
    checks.raise_if_any()
    if current is not None:
        current.end_date = start_date
        current.save(update_fields=["end_date"])
    with constraint_messages({"school_no_overlap": ("start_date", "That date overlaps another school placement")}):
        school = SchoolPlacement.objects.create(
            child=child, school_name=clean_text(school_name), school_urn=urn, start_date=start_date, recorded_by=actor
        )
    finish(
        child=child,
        actor=actor,
        event_type="education.school",
        occurred_at=start_date,
        source=school,
        data={"school": school.school_name},
    )
    return school
