"""Writes for LADO allegations. Only the LADO service records them.

Each write is one transaction. Unlike the rest of the record, an allegation writes no event to
the child's chronology and no due item to the child's record: both are read by every worker who
can see the child, and an allegation against a professional must stay within the LADO service.
The allegation's own history is its rows (each audited by django-pghistory), shown in order on
its page; its one timescale (referral to the LADO within 1 working day of the employer becoming
aware) is worked out from the allegation itself (allegations.selectors.referral_due_on).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from access.capabilities import Capability, may, require
from allegations.choices import Category, HarmCriterion, MeetingKind, Outcome, Sector
from allegations.models import Allegation, AllegationChild, LadoMeeting
from core.dates import DateChecks, long_date


def can_record(user) -> bool:
    """Only the LADO service records allegations (access.capabilities, RECORD_ALLEGATION): an
    allegation is about an adult, so the capability is not about one child."""
    return may(user, Capability.RECORD_ALLEGATION)


def _require_writer(actor) -> None:
    require(actor, Capability.RECORD_ALLEGATION)


def _date(checks: DateChecks, field: str, value, what: str, *, after=None, after_message: str = "") -> None:
    if checks.required(field, value, what[0].lower() + what[1:]):
        checks.not_future(field, value, what)
        checks.not_before(field, value, after, after_message)


def _locked_open(allegation: Allegation) -> Allegation:
    allegation = Allegation.objects.select_for_update().get(pk=allegation.pk)
    if not allegation.is_open:
        raise ValidationError(f"This allegation was closed on {long_date(allegation.closed_on)}")
    return allegation


def _required_text(checks: DateChecks, field: str, value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        checks.add(field, message)
    return value


@transaction.atomic
def allegation_record(
    *,
    actor,
    received_on: datetime.date,
    referred_on: datetime.date,
    referrer_name: str,
    subject_name: str,
    subject_role: str,
    subject_employer: str,
    subject_sector: str,
    criteria,
    category: str,
    details: str,
    referrer_organisation: str = "",
    subject_person=None,
) -> Allegation:
    _require_writer(actor)
    checks = DateChecks()
    _date(checks, "received_on", received_on, "The date the employer became aware")
    _date(
        checks,
        "referred_on",
        referred_on,
        "The date of the referral",
        after=received_on,
        after_message="The referral cannot be before the employer became aware of the allegation",
    )
    referrer_name = _required_text(checks, "referrer_name", referrer_name, "Enter who referred the allegation")
    subject_name = _required_text(
        checks, "subject_name", subject_name, "Enter the name of the person the allegation is about"
    )
    subject_role = _required_text(checks, "subject_role", subject_role, "Enter their role")
    subject_employer = _required_text(
        checks, "subject_employer", subject_employer, "Enter their employer or organisation"
    )
    details = _required_text(checks, "details", details, "Enter what is alleged")
    if subject_sector not in Sector.values:
        checks.add("subject_sector", "Select the sector they work in")
    criteria = list(dict.fromkeys(criteria or []))
    if not criteria or any(c not in HarmCriterion.values for c in criteria):
        checks.add("criteria", "Select why the allegation meets the threshold")
    if category not in Category.values:
        checks.add("category", "Select the category")
    if subject_person is not None and subject_person.is_child:
        checks.add("subject_person", "The person the allegation is about is an adult who works with children")
    checks.raise_if_any()
    return Allegation.objects.create(
        received_on=received_on,
        referred_on=referred_on,
        referrer_name=referrer_name,
        referrer_organisation=(referrer_organisation or "").strip(),
        subject_name=subject_name,
        subject_role=subject_role,
        subject_employer=subject_employer,
        subject_sector=subject_sector,
        subject_person=subject_person,
        criteria=criteria,
        category=category,
        details=details,
        recorded_by=actor,
    )


@transaction.atomic
def allegation_child_add(*, actor, allegation: Allegation, child) -> AllegationChild:
    """Link a child involved. A LADO officer links only children they may see: the page fetches
    the child through access.selectors, and the capability check here refuses a restricted child
    the officer has no grant to whoever the caller is."""
    _require_writer(actor)
    allegation = _locked_open(allegation)
    if child is None or not child.is_child:
        raise ValidationError({"la_id": "Enter the LA child ID of a child"})
    require(actor, Capability.RECORD_ALLEGATION, child)
    if AllegationChild.objects.filter(allegation=allegation, child=child).exists():
        raise ValidationError({"la_id": f"{child.full_name} is already linked to this allegation"})
    try:
        with transaction.atomic():
            return AllegationChild.objects.create(allegation=allegation, child=child, added_by=actor)
    except IntegrityError:
        raise ValidationError({"la_id": f"{child.full_name} is already linked to this allegation"}) from None


@transaction.atomic
def lado_meeting_record(
    *, actor, allegation: Allegation, kind: str, held_on: datetime.date, attendees: str, decisions: str
) -> LadoMeeting:
    _require_writer(actor)
    allegation = _locked_open(allegation)
    checks = DateChecks()
    _date(
        checks,
        "held_on",
        held_on,
        "The date of the meeting",
        after=allegation.referred_on,
        after_message=f"The meeting cannot be before the referral on {long_date(allegation.referred_on)}",
    )
    if kind not in MeetingKind.values:
        checks.add("kind", "Select the meeting")
    attendees = _required_text(checks, "attendees", attendees, "Enter who attended")
    decisions = _required_text(checks, "decisions", decisions, "Enter the decisions and actions")
    checks.raise_if_any()
    return LadoMeeting.objects.create(
        allegation=allegation, kind=kind, held_on=held_on, attendees=attendees, decisions=decisions, recorded_by=actor
    )


@transaction.atomic
def allegation_outcome_record(
    *, actor, allegation: Allegation, outcome: str, outcome_on: datetime.date, outcome_notes: str = ""
) -> Allegation:
    _require_writer(actor)
    allegation = _locked_open(allegation)
    if allegation.outcome:
        raise ValidationError(f"The outcome was recorded on {long_date(allegation.outcome_on)}")
    checks = DateChecks()
    _date(
        checks,
        "outcome_on",
        outcome_on,
        "The date of the outcome",
        after=allegation.referred_on,
        after_message=f"The outcome cannot be before the allegation was referred on {long_date(allegation.referred_on)}",
    )
    if outcome not in Outcome.values:
        checks.add("outcome", "Select the outcome")
    checks.raise_if_any()
    allegation.outcome, allegation.outcome_on, allegation.outcome_notes = (
        outcome,
        outcome_on,
        (outcome_notes or "").strip(),
    )
    allegation.save(update_fields=["outcome", "outcome_on", "outcome_notes"])
    return allegation


@transaction.atomic
def allegation_close(*, actor, allegation: Allegation, closed_on: datetime.date, closure_notes: str = "") -> Allegation:
    _require_writer(actor)
    allegation = _locked_open(allegation)
    if not allegation.outcome:
        raise ValidationError("Record the outcome before closing the allegation")
    checks = DateChecks()
    _date(
        checks,
        "closed_on",
        closed_on,
        "The date closed",
        after=allegation.outcome_on,
        after_message=f"The allegation cannot close before its outcome on {long_date(allegation.outcome_on)}",
    )
    checks.raise_if_any()
    allegation.closed_on, allegation.closure_notes = closed_on, (closure_notes or "").strip()
    allegation.save(update_fields=["closed_on", "closure_notes"])
    return allegation
