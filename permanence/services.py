"""Writes for permanence. Each is one transaction: the change, its chronology event and the
child's due items, so the record, the chronology and the work trays never disagree.

The order of things is checked as the SSDA903 validator checks it, so a return built from this
record passes: a decision is not before the child was born (rule 184); the placement order, the
match and the placement are not before the decision (553, 554, 333, 521); the placement is not
before the match (331); a reversal has its date and reason (119) and an adopted child's decision
is never reversed (558); decisions to place for adoption never overlap (579).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability, require
from casework.chronology import chronology_record
from casework.times import local_moment
from codelists.ssda903 import AdopterLegalStatus, AdopterSex, ReasonPlacedCeased
from codelists.ssda903 import PreviousPermanence as PreviousPermanenceCode
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from permanence.choices import (
    ORDER_FOR_OPTION,
    AdoptionPlacementEnd,
    DatePrecision,
    OrderKind,
    PermanenceOption,
    ProceedingsKind,
    ProceedingsOutcome,
    SpecialGuardians,
    StepKind,
)
from permanence.models import (
    AdoptionMatch,
    AdoptionPlacement,
    AdoptionReview,
    CareProceedings,
    PermanenceDecision,
    PermanenceMeeting,
    PermanenceOrder,
    PermanenceStep,
    PreviousPermanence,
    ProceedingsExtension,
)
from timescales.engine import due_from, refresh_due_items

MAX_EXTENSION_WEEKS = 8
MAX_VISIT_WEEKS = 26  # reviews are at most 6-monthly, so a longer visiting interval means a mistyped number


def _begin(actor, child):
    """Lock the child's row for the transaction, then refuse (PermissionDenied) anyone the
    capability table does not let record permanence for this child: the child's social worker
    and their managers (access.capabilities, RECORD_PERMANENCE). Checked on the locked row, so a
    reallocation saved a moment before is what decides."""
    child = lock_child(child)
    require(actor, Capability.RECORD_PERMANENCE, child)
    return child


def _moment(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time(9, 0))


def _date(checks: DateChecks, field: str, value, what: str, *, child=None, after=None, after_message: str = "") -> None:
    """Required, not in the future, not before the child was born, and not before `after`."""
    if not checks.required(field, value, what[0].lower() + what[1:]):
        return
    checks.not_future(field, value, what)
    if child is not None and child.date_of_birth and value < child.date_of_birth:
        checks.add(field, f"{what} must be on or after the child’s date of birth, {long_date(child.date_of_birth)}")
    checks.not_before(field, value, after, after_message)


# The age by which each order must be made, with its source (issue 13: each legal-status rule
# checked against the Act). A child arrangements order about with whom the child lives is outside
# section 9(7)'s bar at 16 (section 9(6B), as amended by the Children and Families Act 2014).
ORDER_AGE_LIMITS = {
    OrderKind.PLACEMENT_ORDER: (18, "Adoption and Children Act 2002, section 21 (a placement order is for a child)"),
    OrderKind.ADOPTION_ORDER: (19, "Adoption and Children Act 2002, section 47(9)"),
    OrderKind.SPECIAL_GUARDIANSHIP_ORDER: (18, "Children Act 1989, sections 14A and 105(1)"),
    OrderKind.CHILD_ARRANGEMENTS_ORDER: (18, "Children Act 1989, sections 9(6B) and 105(1)"),
}


def _check_order_age(checks: DateChecks, child, kind: OrderKind, made_on: datetime.date) -> None:
    """No order the court could not have made at the child's age (no date of birth: not refused)."""
    from timescales.calendar import age_on, birthday

    if child.date_of_birth is None:
        return
    limit, _source = ORDER_AGE_LIMITS[kind]
    if age_on(child.date_of_birth, made_on) >= limit:
        checks.add(
            "made_on",
            (
                f"A {kind.label.split(' (')[0].lower()} cannot be made for a young person aged {limit} or over: "
                f"{child.full_name} was {limit} on {long_date(birthday(child.date_of_birth, limit))}"
            ),
        )


def _choice(checks: DateChecks, field: str, value, choices, message: str) -> None:
    if value not in choices.values:
        checks.add(field, message)


def _after_change(child) -> None:
    refresh_due_items(child)


def _locked_decision(actor, decision: PermanenceDecision) -> tuple:
    child = _begin(actor, decision.child)
    return child, PermanenceDecision.objects.select_for_update().get(pk=decision.pk)


def _require_live(decision: PermanenceDecision) -> None:
    if decision.reversed_on is not None:
        raise ValidationError(f"This decision was reversed on {long_date(decision.reversed_on)}")
    if decision.achieved_on is not None:
        raise ValidationError(f"This decision was carried out by an order made on {long_date(decision.achieved_on)}")


def _require_adoption(decision: PermanenceDecision) -> None:
    if not decision.is_adoption:
        raise ValidationError("This is recorded against a decision that the child should be placed for adoption")


# --- Meetings and decisions ----------------------------------------------------------------------


@transaction.atomic
def permanence_meeting_record(
    *, actor, child, held_on: datetime.date, proposed_option: str = "", notes: str = ""
) -> PermanenceMeeting:
    child = _begin(actor, child)
    checks = DateChecks()
    _date(checks, "held_on", held_on, "The date of the meeting", child=child)
    if proposed_option and proposed_option not in PermanenceOption.values:
        checks.add("proposed_option", "Select the plan the meeting recommended")
    checks.raise_if_any()
    meeting = PermanenceMeeting.objects.create(
        child=child, held_on=held_on, proposed_option=proposed_option, notes=notes.strip(), recorded_by=actor
    )
    chronology_record(
        child=child,
        event_type="permanence.meeting",
        occurred_at=_moment(held_on),
        actor=actor,
        source=meeting,
        data={"option": PermanenceOption(proposed_option).label if proposed_option else ""},
    )
    _after_change(child)
    return meeting


@transaction.atomic
def permanence_decision_record(
    *,
    actor,
    child,
    option: str,
    decided_on: datetime.date,
    decision_maker: str,
    panel_on: datetime.date | None = None,
    notes: str = "",
) -> PermanenceDecision:
    """The agency decision maker's decision on the plan (for adoption: "should be placed for
    adoption", SSDA903 DATE_PLACED and AD1 DATE_INT)."""
    child = _begin(actor, child)
    checks = DateChecks()
    _choice(checks, "option", option, PermanenceOption, "Select the decision")
    _date(checks, "decided_on", decided_on, "The date of the decision", child=child)
    if panel_on is not None:
        _date(checks, "panel_on", panel_on, "The date of the panel", child=child)
        if decided_on is not None and panel_on > decided_on:
            checks.add("panel_on", "The panel must be on or before the date of the decision")
    if not decision_maker.strip():
        checks.add("decision_maker", "Enter who made the decision")
    checks.raise_if_any()
    live = PermanenceDecision.objects.live().filter(child=child, option=option).first()
    if live is not None:
        raise ValidationError(
            {
                "option": f"A decision for {PermanenceOption(option).label.lower()} made on "
                f"{long_date(live.decided_on)} is still in force. Reverse it first"
            }
        )
    if option == PermanenceOption.ADOPTION:
        # SSDA903 rule 579: a new decision cannot start before an earlier one was reversed.
        latest = (
            PermanenceDecision.objects.filter(child=child, option=option, reversed_on__isnull=False)
            .order_by("-reversed_on")
            .first()
        )
        if latest is not None and decided_on < latest.reversed_on:
            raise ValidationError(
                {
                    "decided_on": "A new decision to place for adoption cannot be before the earlier "
                    f"decision was reversed on {long_date(latest.reversed_on)}"
                }
            )
    with constraint_messages(
        {"permdecision_one_live_per_option": ("option", "A decision for this plan is still in force")}
    ):
        decision = PermanenceDecision.objects.create(
            child=child,
            option=option,
            decided_on=decided_on,
            panel_on=panel_on,
            decision_maker=decision_maker.strip(),
            notes=notes.strip(),
            recorded_by=actor,
        )
    chronology_record(
        child=child,
        event_type="permanence.decision",
        occurred_at=_moment(decided_on),
        actor=actor,
        source=decision,
        data={"option": decision.get_option_display(), "decision_maker": decision.decision_maker},
    )
    _after_change(child)
    return decision


@transaction.atomic
def permanence_decision_reverse(
    *, actor, decision: PermanenceDecision, reversed_on: datetime.date, reason: str, notes: str = ""
) -> PermanenceDecision:
    """The decision no longer stands ("should no longer be placed for adoption": SSDA903
    DATE_PLACED_CEASED and REASON_PLACED_CEASED). A placement for adoption must have ended first,
    and a placement order still in force is left for the court to revoke (recorded separately)."""
    child, decision = _locked_decision(actor, decision)
    _require_live(decision)
    checks = DateChecks()
    _date(
        checks,
        "reversed_on",
        reversed_on,
        "The date the decision was reversed",
        child=child,
        after=decision.decided_on,
        after_message=f"The decision cannot be reversed before it was made on {long_date(decision.decided_on)}",
    )
    _choice(checks, "reason", reason, ReasonPlacedCeased, "Select why the decision was reversed")
    if reason == ReasonPlacedCeased.RD4 and not notes.strip():
        checks.add("notes", "Explain why the decision was reversed")
    checks.raise_if_any()
    placement = AdoptionPlacement.objects.filter(decision=decision, ended_on__isnull=True).first()
    if placement is not None:
        raise ValidationError(
            f"The child has been placed for adoption since {long_date(placement.placed_on)}: "
            "record the end of the placement first"
        )
    decision.reversed_on, decision.reversal_reason, decision.reversal_notes = reversed_on, reason, notes.strip()
    decision.save(update_fields=["reversed_on", "reversal_reason", "reversal_notes"])
    chronology_record(
        child=child,
        event_type="permanence.decision_reversed",
        occurred_at=_moment(reversed_on),
        actor=actor,
        source=decision,
        data={"option": decision.get_option_display(), "reason": ReasonPlacedCeased(reason).label},
    )
    _after_change(child)
    return decision


@transaction.atomic
def permanence_step_record(
    *, actor, decision: PermanenceDecision, kind: str, taken_on: datetime.date, notes: str = ""
) -> PermanenceStep:
    child, decision = _locked_decision(actor, decision)
    _require_live(decision)
    checks = DateChecks()
    _choice(checks, "kind", kind, StepKind, "Select the step")
    _date(
        checks,
        "taken_on",
        taken_on,
        "The date of the step",
        child=child,
        after=decision.decided_on,
        after_message=f"A step cannot be before the decision on {long_date(decision.decided_on)}",
    )
    if kind == StepKind.OTHER and not notes.strip():
        checks.add("notes", "Describe the step")
    checks.raise_if_any()
    step = PermanenceStep.objects.create(
        decision=decision, kind=kind, taken_on=taken_on, notes=notes.strip(), recorded_by=actor
    )
    chronology_record(
        child=child,
        event_type="permanence.step",
        occurred_at=_moment(taken_on),
        actor=actor,
        source=step,
        data={"step": step.get_kind_display(), "option": decision.get_option_display()},
    )
    _after_change(child)
    return step


# --- Orders ------------------------------------------------------------------------------------


@transaction.atomic
def permanence_order_record(
    *,
    actor,
    child,
    kind: str,
    made_on: datetime.date,
    decision: PermanenceDecision | None = None,
    court: str = "",
    special_guardians: str = "",
    consent_dispensed: bool | None = None,
    notes: str = "",
) -> PermanenceOrder:
    """A placement, adoption, special guardianship or child arrangements order.

    A placement order needs a live decision to place for adoption made on or before it (SSDA903
    rules 553 and 554). An adoption order needs the child placed with the matched adopters, ends
    that placement and carries the decision out. A special guardianship or child arrangements
    order carries out the decision it is recorded against, if any.
    """
    child = _begin(actor, child)
    if decision is not None:
        if decision.child_id != child.pk:
            raise ValidationError("That decision is about another child")
        decision = PermanenceDecision.objects.select_for_update().get(pk=decision.pk)
    checks = DateChecks()
    _choice(checks, "kind", kind, OrderKind, "Select the order")
    _date(checks, "made_on", made_on, "The date the order was made", child=child)
    if kind in OrderKind.values and made_on is not None and "made_on" not in checks.errors:
        _check_order_age(checks, child, OrderKind(kind), made_on)
    checks.raise_if_any()
    kind = OrderKind(kind)
    if kind == OrderKind.SPECIAL_GUARDIANSHIP_ORDER:
        _choice(checks, "special_guardians", special_guardians, SpecialGuardians, "Select who the order was made to")
    else:
        special_guardians = ""
    if kind == OrderKind.ADOPTION_ORDER:
        if consent_dispensed is None:
            checks.add("consent_dispensed", "Select whether the court dispensed with consent")
    else:
        consent_dispensed = None
    needs_decision = kind in (OrderKind.PLACEMENT_ORDER, OrderKind.ADOPTION_ORDER)
    if needs_decision and decision is None:
        checks.add("decision", "Select the decision that the child should be placed for adoption")
    checks.raise_if_any()

    placement = None
    if decision is not None:
        _require_live(decision)
        if decision.option != ORDER_FOR_OPTION[kind]:
            raise ValidationError(
                {
                    "decision": f"A {kind.label.lower()} does not carry out a decision for "
                    f"{decision.get_option_display().lower()}"
                }
            )
        checks.not_before(
            "made_on",
            made_on,
            decision.decided_on,
            f"The order cannot be before the decision on {long_date(decision.decided_on)}",
        )
        if kind == OrderKind.ADOPTION_ORDER:
            placement = (
                AdoptionPlacement.objects.select_for_update().filter(decision=decision, ended_on__isnull=True).first()
            )
            if placement is None:
                raise ValidationError("Record the child’s placement for adoption before the adoption order")
            checks.not_before(
                "made_on",
                made_on,
                placement.placed_on,
                f"The adoption order cannot be before the child was placed on {long_date(placement.placed_on)}",
            )
        checks.raise_if_any()
    with constraint_messages(
        {"permorder_one_per_decision": ("kind", f"A {kind.label.lower()} is already recorded for this decision")}
    ):
        order = PermanenceOrder.objects.create(
            child=child,
            decision=decision,
            kind=kind,
            made_on=made_on,
            court=court.strip(),
            special_guardians=special_guardians,
            consent_dispensed=consent_dispensed,
            notes=notes.strip(),
            recorded_by=actor,
        )
    if placement is not None:
        placement.ended_on, placement.end_reason = made_on, AdoptionPlacementEnd.ADOPTED
        placement.save(update_fields=["ended_on", "end_reason"])
    if decision is not None and kind != OrderKind.PLACEMENT_ORDER:
        decision.achieved_on = made_on
        decision.save(update_fields=["achieved_on"])
    chronology_record(
        child=child,
        event_type="permanence.order",
        occurred_at=_moment(made_on),
        actor=actor,
        source=order,
        data={"order": kind.label, "court": order.court},
    )
    _after_change(child)
    return order


@transaction.atomic
def permanence_order_revoke(*, actor, order: PermanenceOrder, revoked_on: datetime.date) -> PermanenceOrder:
    """The court revoked the order (typically a placement order after the plan changed)."""
    child = _begin(actor, order.child)
    order = PermanenceOrder.objects.select_for_update().get(pk=order.pk)
    if order.revoked_on is not None:
        raise ValidationError(f"This order was revoked on {long_date(order.revoked_on)}")
    if order.kind != OrderKind.PLACEMENT_ORDER:
        raise ValidationError("Only a placement order is recorded as revoked here")
    checks = DateChecks()
    _date(
        checks,
        "revoked_on",
        revoked_on,
        "The date the order was revoked",
        child=child,
        after=order.made_on,
        after_message=f"The order cannot be revoked before it was made on {long_date(order.made_on)}",
    )
    checks.raise_if_any()
    order.revoked_on = revoked_on
    order.save(update_fields=["revoked_on"])
    chronology_record(
        child=child,
        event_type="permanence.order_revoked",
        occurred_at=_moment(revoked_on),
        actor=actor,
        source=order,
        data={"order": order.get_kind_display()},
    )
    _after_change(child)
    return order


# --- Adoption: matching, placement, reviews ----------------------------------------------------


def check_adopters(number_of_adopters, adopter_sex: str, adopter_legal_status: str) -> dict[str, str]:
    """The SSDA903 consistency rules for the adopters (511, 514, 517 to 520, 524), as messages."""
    errors: dict[str, str] = {}
    if number_of_adopters not in (1, 2):
        errors["number_of_adopters"] = "Select whether there is one prospective adopter or two"
    if adopter_sex not in AdopterSex.values:
        errors["adopter_sex"] = "Select the sex of the prospective adopters"
    if adopter_legal_status not in AdopterLegalStatus.values:
        errors["adopter_legal_status"] = "Select the legal status of the prospective adopters"
    if errors:
        return errors
    single_sex = adopter_sex in ("M1", "F1")
    if number_of_adopters == 1 and not single_sex:
        errors["adopter_sex"] = "One prospective adopter is a single male or a single female"
    elif number_of_adopters == 2 and single_sex:
        errors["adopter_sex"] = (
            "Two prospective adopters are a couple: select male couple, female couple or male/female couple"
        )
    if number_of_adopters == 1 and adopter_legal_status != "L0":
        errors["adopter_legal_status"] = "One prospective adopter is a single adopter"
    elif number_of_adopters == 2 and adopter_legal_status == "L0":
        errors["adopter_legal_status"] = (
            "Two prospective adopters are not a single adopter: select their legal status as a couple"
        )
    elif adopter_legal_status in ("L11", "L3") and adopter_sex != "MF":
        errors["adopter_sex"] = "A different gender couple is a male/female couple"
    elif adopter_legal_status in ("L12", "L4") and adopter_sex not in ("MM", "FF"):
        errors["adopter_sex"] = "A same gender couple is a male couple or a female couple"
    return errors


@transaction.atomic
def adoption_match_record(
    *,
    actor,
    decision: PermanenceDecision,
    matched_on: datetime.date,
    number_of_adopters: int,
    adopter_sex: str,
    adopter_legal_status: str,
    foster_carers_adopting: bool,
    fostering_for_adoption: bool = False,
    ffa_placed_on: datetime.date | None = None,
    adopters_reference: str = "",
) -> AdoptionMatch:
    """The decision that the child should be placed with particular prospective adopters (AD1)."""
    child, decision = _locked_decision(actor, decision)
    _require_adoption(decision)
    _require_live(decision)
    if AdoptionMatch.objects.filter(decision=decision).exists():
        raise ValidationError("The child has already been matched under this decision")
    checks = DateChecks()
    _date(
        checks,
        "matched_on",
        matched_on,
        "The date of the match",
        child=child,
        after=decision.decided_on,
        after_message=f"The match cannot be before the decision on {long_date(decision.decided_on)}",
    )
    for field, message in check_adopters(number_of_adopters, adopter_sex, adopter_legal_status).items():
        checks.add(field, message)
    if ffa_placed_on is not None:
        if not fostering_for_adoption:
            checks.add(
                "ffa_placed_on", "Give the fostering for adoption date only for a fostering for adoption placement"
            )
        else:
            _date(checks, "ffa_placed_on", ffa_placed_on, "The date placed under fostering for adoption", child=child)
    checks.raise_if_any()
    match = AdoptionMatch.objects.create(
        decision=decision,
        matched_on=matched_on,
        number_of_adopters=number_of_adopters,
        adopter_sex=adopter_sex,
        adopter_legal_status=adopter_legal_status,
        foster_carers_adopting=foster_carers_adopting,
        fostering_for_adoption=fostering_for_adoption,
        ffa_placed_on=ffa_placed_on,
        adopters_reference=adopters_reference.strip(),
        recorded_by=actor,
    )
    chronology_record(
        child=child,
        event_type="adoption.matched",
        occurred_at=_moment(matched_on),
        actor=actor,
        source=match,
        data={"adopters": AdopterSex(adopter_sex).label.lower()},
    )
    _after_change(child)
    return match


@transaction.atomic
def adoption_placement_record(*, actor, decision: PermanenceDecision, placed_on: datetime.date) -> AdoptionPlacement:
    """The child moves in with the matched adopters. Starts the adoption reviews (reg 36(3)) and
    visits (reg 36(4))."""
    child, decision = _locked_decision(actor, decision)
    _require_adoption(decision)
    _require_live(decision)
    match = AdoptionMatch.objects.filter(decision=decision).first()
    if match is None:
        raise ValidationError("Record the match with the prospective adopters before the placement")
    if AdoptionPlacement.objects.filter(decision=decision).exists():
        raise ValidationError("The placement for adoption under this decision is already recorded")
    checks = DateChecks()
    _date(
        checks,
        "placed_on",
        placed_on,
        "The date placed for adoption",
        child=child,
        after=match.matched_on,
        after_message=f"The child cannot be placed before the match on {long_date(match.matched_on)}",
    )
    checks.raise_if_any()
    placement = AdoptionPlacement.objects.create(decision=decision, placed_on=placed_on, recorded_by=actor)
    chronology_record(
        child=child, event_type="adoption.placed", occurred_at=_moment(placed_on), actor=actor, source=placement
    )
    _after_change(child)
    return placement


@transaction.atomic
def adoption_placement_end(
    *, actor, placement: AdoptionPlacement, ended_on: datetime.date, notes: str = ""
) -> AdoptionPlacement:
    """The placement ended before an adoption order (a disruption). The adoption order ends a
    placement itself (permanence_order_record)."""
    child = _begin(actor, placement.decision.child)
    placement = AdoptionPlacement.objects.select_for_update().get(pk=placement.pk)
    if placement.ended_on is not None:
        raise ValidationError(f"This placement ended on {long_date(placement.ended_on)}")
    checks = DateChecks()
    _date(
        checks,
        "ended_on",
        ended_on,
        "The date the placement ended",
        child=child,
        after=placement.placed_on,
        after_message=f"The placement cannot end before it started on {long_date(placement.placed_on)}",
    )
    if not notes.strip():
        checks.add("notes", "Explain why the placement ended")
    checks.raise_if_any()
    placement.ended_on, placement.end_reason, placement.end_notes = (
        ended_on,
        AdoptionPlacementEnd.DISRUPTED,
        notes.strip(),
    )
    placement.save(update_fields=["ended_on", "end_reason", "end_notes"])
    chronology_record(
        child=child,
        event_type="adoption.placement_ended",
        occurred_at=_moment(ended_on),
        actor=actor,
        source=placement,
        data={"reason": AdoptionPlacementEnd.DISRUPTED.label},
    )
    _after_change(child)
    return placement


def authority_to_place_since(decision: PermanenceDecision) -> datetime.date | None:
    """When the agency first had authority to place (the placement order in force), if it has."""
    return (
        PermanenceOrder.objects.filter(decision=decision, kind=OrderKind.PLACEMENT_ORDER, revoked_on__isnull=True)
        .order_by("made_on")
        .values_list("made_on", flat=True)
        .first()
    )


@transaction.atomic
def adoption_review_record(
    *,
    actor,
    decision: PermanenceDecision,
    held_on: datetime.date,
    visit_every_weeks: int | None = None,
    notes: str = "",
) -> AdoptionReview:
    """A review under reg 36: while the agency has authority to place and the child is not yet
    placed, or once placed. A review of a placed child decides how often they are visited."""
    child, decision = _locked_decision(actor, decision)
    _require_adoption(decision)
    _require_live(decision)
    authority = authority_to_place_since(decision)
    placement = AdoptionPlacement.objects.filter(decision=decision).first()
    checks = DateChecks()
    _date(checks, "held_on", held_on, "The date of the review", child=child)
    checks.raise_if_any()
    placed = (
        placement is not None
        and placement.placed_on <= held_on
        and (placement.ended_on is None or held_on <= placement.ended_on)
    )
    if not placed and (authority is None or held_on < authority):
        raise ValidationError(
            {
                "held_on": "An adoption review is held once there is a placement order or the child is placed for adoption"
            }
        )
    if placed:
        if visit_every_weeks is None or not 1 <= visit_every_weeks <= MAX_VISIT_WEEKS:
            checks.add(
                "visit_every_weeks",
                "Enter how often, in weeks, the child is to be visited until the next review: "
                f"between 1 and {MAX_VISIT_WEEKS}",
            )
    else:
        visit_every_weeks = None
    checks.raise_if_any()
    review = AdoptionReview.objects.create(
        decision=decision,
        held_on=held_on,
        placed=placed,
        visit_every_weeks=visit_every_weeks,
        notes=notes.strip(),
        recorded_by=actor,
    )
    chronology_record(
        child=child,
        event_type="adoption.review",
        occurred_at=_moment(held_on),
        actor=actor,
        source=review,
        data={"weeks": visit_every_weeks},
    )
    _after_change(child)
    return review


# --- Care proceedings ----------------------------------------------------------------------------


def proceedings_due_date(proceedings: CareProceedings, extensions=None, calendar=None) -> datetime.date:
    """26 weeks beginning with the day the application was issued, plus the court's extensions."""
    extensions = proceedings.extensions.all() if extensions is None else extensions
    due = due_from("care_proceedings_26w", proceedings.issued_on, calendar)
    return due + datetime.timedelta(weeks=sum(e.weeks for e in extensions))


@transaction.atomic
def care_proceedings_start(
    *, actor, child, kind: str, issued_on: datetime.date, court: str = "", case_number: str = ""
) -> CareProceedings:
    child = _begin(actor, child)
    checks = DateChecks()
    _choice(checks, "kind", kind, ProceedingsKind, "Select the application")
    _date(checks, "issued_on", issued_on, "The date the application was issued")
    checks.raise_if_any()
    current = CareProceedings.objects.open().filter(child=child).first()
    if current is not None:
        raise ValidationError(f"Proceedings issued on {long_date(current.issued_on)} have not concluded")
    with constraint_messages({"proceedings_one_open": (None, "Proceedings for this child have not concluded")}):
        proceedings = CareProceedings.objects.create(
            child=child,
            kind=kind,
            issued_on=issued_on,
            court=court.strip(),
            case_number=case_number.strip(),
            recorded_by=actor,
        )
    chronology_record(
        child=child,
        event_type="proceedings.issued",
        occurred_at=_moment(issued_on),
        actor=actor,
        source=proceedings,
        data={"kind": proceedings.get_kind_display(), "due": long_date(proceedings_due_date(proceedings, []))},
    )
    _after_change(child)
    return proceedings


@transaction.atomic
def care_proceedings_extend(
    *, actor, proceedings: CareProceedings, granted_on: datetime.date, weeks: int, reason: str
) -> ProceedingsExtension:
    """The court extended the 26-week timetable: at most 8 weeks at a time (s32(5) to (8))."""
    child = _begin(actor, proceedings.child)
    proceedings = CareProceedings.objects.select_for_update().get(pk=proceedings.pk)
    if not proceedings.is_open:
        raise ValidationError(f"These proceedings concluded on {long_date(proceedings.concluded_on)}")
    checks = DateChecks()
    _date(
        checks,
        "granted_on",
        granted_on,
        "The date the extension was granted",
        after=proceedings.issued_on,
        after_message=f"An extension cannot be before the application was issued on {long_date(proceedings.issued_on)}",
    )
    if weeks is None or not 1 <= weeks <= MAX_EXTENSION_WEEKS:
        checks.add("weeks", f"An extension is between 1 and {MAX_EXTENSION_WEEKS} weeks")
    if not reason.strip():
        checks.add("reason", "Enter why the court extended the timetable")
    checks.raise_if_any()
    extension = ProceedingsExtension.objects.create(
        proceedings=proceedings, granted_on=granted_on, weeks=weeks, reason=reason.strip(), recorded_by=actor
    )
    chronology_record(
        child=child,
        event_type="proceedings.extended",
        occurred_at=_moment(granted_on),
        actor=actor,
        source=extension,
        data={"weeks": weeks, "reason": extension.reason},
    )
    _after_change(child)
    return extension


@transaction.atomic
def care_proceedings_conclude(
    *, actor, proceedings: CareProceedings, concluded_on: datetime.date, outcome: str
) -> CareProceedings:
    child = _begin(actor, proceedings.child)
    proceedings = CareProceedings.objects.select_for_update().get(pk=proceedings.pk)
    if not proceedings.is_open:
        raise ValidationError(f"These proceedings concluded on {long_date(proceedings.concluded_on)}")
    checks = DateChecks()
    _date(
        checks,
        "concluded_on",
        concluded_on,
        "The date the proceedings concluded",
        after=proceedings.issued_on,
        after_message=f"Proceedings cannot conclude before the application was issued on {long_date(proceedings.issued_on)}",
    )
    _choice(checks, "outcome", outcome, ProceedingsOutcome, "Select the outcome")
    checks.raise_if_any()
    proceedings.concluded_on, proceedings.outcome = concluded_on, outcome
    proceedings.save(update_fields=["concluded_on", "outcome"])
    chronology_record(
        child=child,
        event_type="proceedings.concluded",
        occurred_at=_moment(concluded_on),
        actor=actor,
        source=proceedings,
        data={"outcome": proceedings.get_outcome_display()},
    )
    _after_change(child)
    return proceedings


# --- Previous permanence (SSDA903 PrevPerm) ------------------------------------------------------


@transaction.atomic
def previous_permanence_record(
    *,
    actor,
    child,
    care_started_on: datetime.date,
    option: str,
    order_date: datetime.date | None = None,
    order_date_known: str = "",
    arranged_by_la: str = "",
) -> PreviousPermanence:
    """Record (or correct) the answer for the period of care that started on `care_started_on`."""
    child = _begin(actor, child)
    checks = DateChecks()
    _date(checks, "care_started_on", care_started_on, "The date the period of care started", child=child)
    _choice(
        checks, "option", option, PreviousPermanenceCode, "Select whether the child had a previous permanence option"
    )
    arranged_by_la = arranged_by_la.strip()
    if option in ("Z1", "P4"):
        # Z1 takes no details (rule 635); for "unknown" there is nothing to know.
        if order_date is not None or arranged_by_la:
            checks.add("option", "Give a date and an authority only when the child had a previous permanence option")
        order_date, order_date_known = None, ""
    else:
        if order_date_known not in DatePrecision.values:
            checks.add("order_date_known", "Select how much of the date of the order is known")
        elif order_date_known == DatePrecision.UNKNOWN:
            order_date = None
        elif order_date is None:
            checks.add("order_date", "Enter the date of the order, with the parts that are not known as 1")
        else:
            checks.not_future("order_date", order_date, "The date of the order")
            if care_started_on is not None and order_date > care_started_on:
                checks.add("order_date", "The order must be before the period of care started")
        if arranged_by_la and not (arranged_by_la.isdigit() and len(arranged_by_la) == 3):
            checks.add("arranged_by_la", "Enter the local authority’s three-digit code, like 201")
    checks.raise_if_any()
    record, _ = PreviousPermanence.objects.update_or_create(
        child=child,
        care_started_on=care_started_on,
        defaults={
            "option": option,
            "order_date": order_date,
            "order_date_known": order_date_known,
            "arranged_by_la": arranged_by_la,
            "recorded_by": actor,
        },
    )
    chronology_record(
        child=child,
        event_type="permanence.previous",
        occurred_at=_moment(care_started_on),
        actor=actor,
        source=record,
        data={"option": PreviousPermanenceCode(option).label, "care_started_on": long_date(care_started_on)},
    )
    _after_change(child)
    return record
