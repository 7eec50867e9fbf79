"""Writes for pre-proceedings work (the Public Law Outline before an application to court), each
one transaction with its chronology line, like the rest of permanence's services.

The order the CIN census's 2026 to 2027 rules check is kept here, so a return built from the
record passes them: the letter before proceedings is on or after the decision to start (9006);
an offer of a family group decision-making meeting is only asked once the letter is sent (9007)
and whether one was held only once it was offered (9010Q); the decision to step down or up is on
or after the start (9009); the court application on or after that decision (9012) and the
letter telling the parents of it on or after the application (9013).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from casework.chronology import chronology_record
from codelists.cin import PreProceedingsOutcome
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from permanence.models import PreProceedings, PreProceedingsMeeting
from permanence.services import _after_change, _begin, _choice, _date, _moment


def _locked(actor, pre: PreProceedings, *, open_only: bool = True) -> tuple:
    child = _begin(actor, pre.child)
    pre = PreProceedings.objects.select_for_update().get(pk=pre.pk)
    if open_only and not pre.is_open:
        raise ValidationError(f"These pre-proceedings ended on {long_date(pre.decided_on)}")
    return child, pre


@transaction.atomic
def pre_proceedings_start(*, actor, child, started_on: datetime.date) -> PreProceedings:
    """The legal planning meeting (or another forum) decided to start pre-proceedings."""
    child = _begin(actor, child)
    checks = DateChecks()
    _date(checks, "started_on", started_on, "The date of the decision to start pre-proceedings", child=child)
    checks.raise_if_any()
    current = PreProceedings.objects.open().filter(child=child).first()
    if current is not None:
        raise ValidationError(f"Pre-proceedings started on {long_date(current.started_on)} have not ended")
    with constraint_messages({"preproceedings_one_open": (None, "Pre-proceedings for this child have not ended")}):
        pre = PreProceedings.objects.create(child=child, started_on=started_on, recorded_by=actor)
    chronology_record(
        child=child,
        event_type="pre_proceedings.started",
        occurred_at=_moment(started_on),
        actor=actor,
        source=pre,
        data={},
    )
    _after_change(child)
    return pre


@transaction.atomic
def pre_proceedings_letter(
    *, actor, pre_proceedings: PreProceedings, letter_sent_on: datetime.date, fgdm_offered: bool | None
) -> PreProceedings:
    """The letter before proceedings was sent, offering a family group decision-making meeting or not."""
    child, pre = _locked(actor, pre_proceedings)
    if pre.letter_sent_on is not None:
        raise ValidationError(f"The letter before proceedings was sent on {long_date(pre.letter_sent_on)}")
    checks = DateChecks()
    _date(
        checks,
        "letter_sent_on",
        letter_sent_on,
        "The date the letter was sent",
        after=pre.started_on,
        after_message=f"The letter cannot be before pre-proceedings started on {long_date(pre.started_on)}",
    )
    if fgdm_offered is None:
        checks.add("fgdm_offered", "Select whether the letter offered a family group decision-making meeting")
    checks.raise_if_any()
    pre.letter_sent_on, pre.fgdm_offered = letter_sent_on, fgdm_offered
    pre.save(update_fields=["letter_sent_on", "fgdm_offered"])
    chronology_record(
        child=child,
        event_type="pre_proceedings.letter",
        occurred_at=_moment(letter_sent_on),
        actor=actor,
        source=pre,
        data={"fgdm_offered": fgdm_offered},
    )
    _after_change(child)
    return pre


@transaction.atomic
def pre_proceedings_fgdm(*, actor, pre_proceedings: PreProceedings, fgdm_held: bool | None) -> PreProceedings:
    """Whether the family group decision-making meeting the letter offered was held."""
    child, pre = _locked(actor, pre_proceedings)
    if not pre.fgdm_offered:
        raise ValidationError("Record the letter before proceedings offering the meeting first")
    if fgdm_held is None:
        raise ValidationError({"fgdm_held": "Select whether the family group decision-making meeting was held"})
    pre.fgdm_held = fgdm_held
    pre.save(update_fields=["fgdm_held"])
    chronology_record(
        child=child,
        event_type="pre_proceedings.fgdm",
        occurred_at=_moment(pre.letter_sent_on),
        actor=actor,
        source=pre,
        data={"held": fgdm_held},
    )
    _after_change(child)
    return pre


@transaction.atomic
def pre_proceedings_meeting(*, actor, pre_proceedings: PreProceedings, held_on: datetime.date) -> PreProceedingsMeeting:
    child, pre = _locked(actor, pre_proceedings)
    checks = DateChecks()
    _date(
        checks,
        "held_on",
        held_on,
        "The date of the meeting",
        after=pre.started_on,
        after_message=f"The meeting cannot be before pre-proceedings started on {long_date(pre.started_on)}",
    )
    checks.raise_if_any()
    meeting = PreProceedingsMeeting.objects.create(pre_proceedings=pre, held_on=held_on, recorded_by=actor)
    first = not PreProceedingsMeeting.objects.filter(pre_proceedings=pre, held_on__lt=held_on).exists()
    chronology_record(
        child=child,
        event_type="pre_proceedings.meeting",
        occurred_at=_moment(held_on),
        actor=actor,
        source=meeting,
        data={"first": first},
    )
    _after_change(child)
    return meeting


@transaction.atomic
def pre_proceedings_decide(
    *,
    actor,
    pre_proceedings: PreProceedings,
    decided_on: datetime.date,
    outcome: str,
    court_application_on: datetime.date | None = None,
    letter_issue_on: datetime.date | None = None,
) -> PreProceedings:
    """Pre-proceedings end with the decision to step down or up; stepping up, the court
    application and the letter telling the parents of it may be recorded with it."""
    child, pre = _locked(actor, pre_proceedings)
    checks = DateChecks()
    last_meeting = pre.meetings.order_by("-held_on").values_list("held_on", flat=True).first()
    after = max(d for d in (pre.started_on, pre.letter_sent_on, last_meeting) if d is not None)
    _date(
        checks,
        "decided_on",
        decided_on,
        "The date of the decision",
        after=after,
        after_message=f"The decision cannot be before {long_date(after)}, the last step recorded",
    )
    _choice(checks, "outcome", outcome, PreProceedingsOutcome, "Select the outcome of pre-proceedings")
    if outcome != PreProceedingsOutcome.STEP_UP and (court_application_on or letter_issue_on):
        checks.add("court_application_on", "A court application follows only a decision to step up")
    if court_application_on is not None:
        checks.not_future("court_application_on", court_application_on, "The date of the court application")
        checks.not_before(
            "court_application_on",
            court_application_on,
            decided_on,
            "The court application cannot be before the decision to step up",
        )
    if letter_issue_on is not None:
        checks.not_future("letter_issue_on", letter_issue_on, "The date of the letter")
        if court_application_on is None:
            checks.add("court_application_on", "Enter the date of the court application the letter told them of")
        checks.not_before(
            "letter_issue_on",
            letter_issue_on,
            court_application_on,
            "The letter cannot be before the court application",
        )
    checks.raise_if_any()
    pre.decided_on, pre.outcome = decided_on, outcome
    pre.court_application_on, pre.letter_issue_on = court_application_on, letter_issue_on
    pre.save(update_fields=["decided_on", "outcome", "court_application_on", "letter_issue_on"])
    chronology_record(
        child=child,
        event_type="pre_proceedings.decided",
        occurred_at=_moment(decided_on),
        actor=actor,
        source=pre,
        data={"outcome": pre.get_outcome_display()},
    )
    _after_change(child)
    return pre
