"""Writes for the front door: contacts, their screening decision, referrals and the decision on
the response. Each is one transaction with its chronology event and the child's due items."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability, require
from casework.chronology import chronology_record
from children_in_need import services as cin_services
from children_in_need.models import CINEpisode
from codelists.cin import PrimaryNeed, ReasonForClosure, ReferralSource
from core.clock import now
from core.dates import DateChecks, long_date
from front_door.choices import ContactDecision, ReferralNextStep
from front_door.models import Contact, Referral
from people.locks import lock_child
from timescales.calendar import add_months, london_date
from timescales.engine import refresh_due_items

# DfE table C1: a re-referral is a referral within 12 months of the child's previous referral,
# measured referral date to referral date. A referral on the same date a year later counts.
RE_REFERRAL_MONTHS = 12


def _check_received(checks: DateChecks, received_at, what: str) -> None:
    if checks.required("received_at", received_at, f"the date and time the {what} was received"):
        checks.not_future("received_at", received_at, f"The date and time the {what} was received")


# --- Contacts --------------------------------------------------------------------------------


@transaction.atomic
def contact_record(
    *, actor, child, received_at: datetime.datetime, source: str, concerns: str, source_detail: str = ""
) -> Contact:
    require(actor, Capability.RECORD_FRONT_DOOR, child)
    child = lock_child(child)
    checks = DateChecks()
    _check_received(checks, received_at, "contact")
    if source not in ReferralSource.values:
        checks.add("source", "Select who made contact")
    if not concerns.strip():
        checks.add("concerns", "Enter the concerns raised")
    checks.raise_if_any()
    contact = Contact.objects.create(
        child=child,
        received_at=received_at,
        source=source,
        source_detail=source_detail.strip(),
        concerns=concerns.strip(),
        recorded_by=actor,
    )
    chronology_record(
        child=child,
        event_type="contact.received",
        occurred_at=received_at,
        actor=actor,
        source=contact,
        data={"source": ReferralSource(source).label, "source_detail": contact.source_detail},
    )
    refresh_due_items(child)
    return contact


@transaction.atomic
def contact_decide(*, actor, contact: Contact, decision: str, reason: str = "") -> Contact:
    """Record the screening decision, now, by `actor`. A decision of "referral" is followed by
    recording the referral itself (referral_create with `contact=`)."""
    require(actor, Capability.RECORD_FRONT_DOOR, contact.child)
    lock_child(contact.child)
    contact = Contact.objects.select_related("child").get(pk=contact.pk)
    if contact.decided:
        raise ValidationError(f"This contact was already screened: {contact.get_decision_display().lower()}")
    if decision not in ContactDecision.values:
        raise ValidationError({"decision": "Select the decision"})
    if decision != ContactDecision.REFERRAL and not reason.strip():
        raise ValidationError({"reason": "Enter the reason for the decision"})
    contact.decision, contact.decision_reason = decision, reason.strip()
    contact.decided_at, contact.decided_by = max(now(), contact.received_at), actor
    contact.save(update_fields=["decision", "decision_reason", "decided_at", "decided_by"])
    chronology_record(
        child=contact.child,
        event_type="contact.decided",
        occurred_at=contact.decided_at,
        actor=actor,
        source=contact,
        data={"decision": ContactDecision(decision).label, "reason": contact.decision_reason},
    )
    refresh_due_items(contact.child)
    return contact


# --- Referrals -------------------------------------------------------------------------------


def previous_referral_within(child, referral_date: datetime.date) -> Referral | None:
    """The child's latest referral on or before `referral_date` if it falls within 12 months."""
    earliest = add_months(referral_date, -RE_REFERRAL_MONTHS)
    return (
        Referral.objects.filter(child=child, referral_date__lte=referral_date, referral_date__gte=earliest)
        .order_by("-referral_date", "-id")
        .first()
    )


def _check_contact(checks: DateChecks, child, contact: Contact | None, received_at) -> Contact | None:
    if contact is None:
        return None
    contact = Contact.objects.get(pk=contact.pk)  # as it is now, not as the caller loaded it
    if contact.child_id != child.pk:
        raise ValidationError("That contact is about another child")
    if contact.decision != ContactDecision.REFERRAL:
        raise ValidationError("Only a contact screened as a referral to children's social care can become a referral")
    if Referral.objects.filter(contact=contact).exists():
        raise ValidationError("A referral has already been recorded for this contact")
    if received_at is not None and received_at < contact.received_at:
        checks.add("received_at", "The referral cannot be received before the contact it came from")
    return contact


@transaction.atomic
def referral_create(
    *,
    actor,
    child,
    received_at: datetime.datetime,
    source: str,
    primary_need: str,
    concerns: str,
    source_detail: str = "",
    contact: Contact | None = None,
) -> Referral:
    """Record a referral and open the child's CIN episode with it. Marks a re-referral by itself."""
    require(actor, Capability.RECORD_FRONT_DOOR, child)
    child = lock_child(child)
    checks = DateChecks()
    _check_received(checks, received_at, "referral")
    if source not in ReferralSource.values:
        checks.add("source", "Select the source of the referral")
    if primary_need not in PrimaryNeed.values:
        checks.add("primary_need", "Select the primary need")
    if not concerns.strip():
        checks.add("concerns", "Enter the reason for the referral")
    contact = _check_contact(checks, child, contact, received_at)
    checks.raise_if_any()
    current = CINEpisode.objects.open().filter(child=child).first()
    if current is not None:
        raise ValidationError(cin_services.open_episode_message(current, child))

    referral_date = london_date(received_at)
    previous = previous_referral_within(child, referral_date)
    referral = Referral.objects.create(
        child=child,
        contact=contact,
        received_at=received_at,
        referral_date=referral_date,
        source=source,
        source_detail=source_detail.strip(),
        concerns=concerns.strip(),
        is_re_referral=previous is not None,
        previous_referral=previous,
        recorded_by=actor,
    )
    cin_services.episode_open(child=child, referral=referral, primary_need=primary_need)
    chronology_record(
        child=child,
        event_type="referral.received",
        occurred_at=received_at,
        actor=actor,
        source=referral,
        data={
            "source": ReferralSource(source).label,
            "primary_need": PrimaryNeed(primary_need).label,
            "re_referral": referral.is_re_referral,
            "previous_referral_date": long_date(previous.referral_date) if previous else "",
        },
    )
    refresh_due_items(child)
    return referral


@transaction.atomic
def referral_decide(*, actor, referral: Referral, next_step: str, closure_reason: str = "") -> Referral:
    """Decide the response to a referral, now. No further action closes the episode today, with
    the reason for closure the decider gives."""
    require(actor, Capability.RECORD_FRONT_DOOR, referral.child)
    lock_child(referral.child)
    referral = Referral.objects.select_related("child", "episode").get(pk=referral.pk)
    if referral.next_step:
        raise ValidationError(f"The next step was already decided: {referral.get_next_step_display().lower()}")
    if next_step not in ReferralNextStep.values:
        raise ValidationError({"next_step": "Select the next step"})
    if next_step == ReferralNextStep.NO_FURTHER_ACTION and closure_reason not in ReasonForClosure.values:
        raise ValidationError({"closure_reason": "Select the reason for closing the case"})
    referral.next_step, referral.decided_at, referral.decided_by = next_step, max(now(), referral.received_at), actor
    referral.save(update_fields=["next_step", "decided_at", "decided_by"])
    chronology_record(
        child=referral.child,
        event_type="referral.decided",
        occurred_at=referral.decided_at,
        actor=actor,
        source=referral,
        data={"next_step": ReferralNextStep(next_step).label},
    )
    if next_step == ReferralNextStep.NO_FURTHER_ACTION:
        episode = referral.episode
        if episode.is_open:
            cin_services.record_closure(
                actor=actor, episode=episode, closure_date=london_date(referral.decided_at), reason=closure_reason
            )
    refresh_due_items(referral.child)
    return referral
