"""Writes for permanence: each step with its chronology event, and every refusal leaving nothing
behind (dates out of order as the SSDA903 validator checks them, overlapping decisions, roles)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from casework.chronology import describe
from casework.models import ChronologyEvent
from people.record import badges_for
from permanence import services
from permanence.models import (
    AdoptionMatch,
    AdoptionPlacement,
    CareProceedings,
    PermanenceDecision,
    PermanenceMeeting,
    PermanenceOrder,
    PermanenceStep,
    PreviousPermanence,
)
from permanence.tests.factories import TODAY, make_decision, make_match, make_placed, make_placement_order
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def events(child, event_type):
    return ChronologyEvent.objects.filter(child=child, event_type=event_type)


def badge_texts(child):
    return [badge.text for badge in badges_for(child)]


def refused(call, field=None):
    with pytest.raises(ValidationError) as error:
        call()
    if field is not None:
        assert field in error.value.message_dict, error.value
    return error.value


# --- Meetings and decisions ----------------------------------------------------------------------


def test_a_meeting_is_recorded_with_its_event(worker, child):
    meeting = services.permanence_meeting_record(
        actor=worker,
        child=child,
        held_on=D(2025, 5, 20),
        proposed_option="long_term_fostering",
        notes=" Agreed to seek a match. ",
    )
    assert meeting.notes == "Agreed to seek a match."
    assert (
        describe(events(child, "permanence.meeting").get())
        == "Permanence planning meeting. Plan recommended: Long-term fostering."
    )


@pytest.mark.parametrize(
    ("held_on", "option", "field"),
    [
        (D(2025, 6, 3), "", "held_on"),
        (D(2015, 3, 26), "", "held_on"),
        (None, "", "held_on"),
        (TODAY, "teleport", "proposed_option"),
    ],
)
def test_bad_meetings_are_refused(worker, child, held_on, option, field):
    refused(
        lambda: services.permanence_meeting_record(actor=worker, child=child, held_on=held_on, proposed_option=option),
        field,
    )
    assert not PermanenceMeeting.objects.exists() and not events(child, "permanence.meeting").exists()


def test_a_decision_is_recorded_with_a_significant_event(worker, child):
    decision = make_decision(worker, child, panel_on=D(2025, 5, 28))
    assert decision.is_live and decision.panel_on == D(2025, 5, 28)
    event = events(child, "permanence.decision").get()
    assert event.significant and describe(event) == "Alex Moore, head of service decided: Adoption."


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"decided_on": D(2025, 6, 3)}, "decided_on"),
        ({"decided_on": D(2015, 3, 1)}, "decided_on"),  # before the child was born (SSDA903 rule 184)
        ({"panel_on": D(2025, 6, 2), "decided_on": D(2025, 6, 1)}, "panel_on"),
        ({"decision_maker": "  "}, "decision_maker"),
        ({"option": "orphanage"}, "option"),
    ],
)
def test_bad_decisions_are_refused(worker, child, overrides, field):
    refused(lambda: make_decision(worker, child, **overrides), field)
    assert not PermanenceDecision.objects.exists() and not events(child, "permanence.decision").exists()


def test_a_second_live_decision_for_the_same_plan_is_refused(worker, child):
    make_decision(worker, child, decided_on=D(2025, 5, 1))
    error = refused(lambda: make_decision(worker, child), "option")
    assert "still in force" in error.message_dict["option"][0]
    make_decision(worker, child, option="long_term_fostering")  # a parallel plan of another kind is allowed


def test_a_new_adoption_decision_cannot_predate_the_reversal_of_the_last(worker, child):
    first = make_decision(worker, child, decided_on=D(2025, 1, 10))
    services.permanence_decision_reverse(actor=worker, decision=first, reversed_on=D(2025, 3, 1), reason="RD1")
    refused(lambda: make_decision(worker, child, decided_on=D(2025, 2, 28)), "decided_on")
    assert make_decision(worker, child, decided_on=D(2025, 3, 1)).is_live


@pytest.mark.parametrize("role", [Role.IRO, Role.QA_OFFICER, Role.PERSONAL_ADVISER, Role.LADO_OFFICER])
def test_roles_that_only_read_cannot_record(make_staff, child, role):
    with pytest.raises(PermissionDenied):
        make_decision(make_staff(role), child)
    assert not PermanenceDecision.objects.exists()


def test_a_manager_can_record(manager, child):
    assert make_decision(manager, child).recorded_by == manager


# --- Reversal ------------------------------------------------------------------------------------


def test_a_decision_is_reversed_with_its_date_and_reason(worker, child):
    decision = make_decision(worker, child, decided_on=D(2025, 4, 1))
    services.permanence_decision_reverse(actor=worker, decision=decision, reversed_on=D(2025, 5, 1), reason="RD3")
    decision.refresh_from_db()
    assert (decision.reversed_on, decision.reversal_reason, decision.is_live) == (D(2025, 5, 1), "RD3", False)
    assert describe(events(child, "permanence.decision_reversed").get()) == (
        "Decision reversed (Adoption): Prospective adopters could not be found."
    )


@pytest.mark.parametrize(
    ("reversed_on", "reason", "notes", "field"),
    [
        (D(2025, 3, 31), "RD1", "", "reversed_on"),
        (D(2025, 6, 3), "RD1", "", "reversed_on"),
        (D(2025, 5, 1), "", "", "reason"),
        (D(2025, 5, 1), "RD4", "", "notes"),  # "any other reason" needs the reason (rule 119)
    ],
)
def test_bad_reversals_are_refused(worker, child, reversed_on, reason, notes, field):
    decision = make_decision(worker, child, decided_on=D(2025, 4, 1))
    refused(
        lambda: services.permanence_decision_reverse(
            actor=worker, decision=decision, reversed_on=reversed_on, reason=reason, notes=notes
        ),
        field,
    )
    decision.refresh_from_db()
    assert decision.reversed_on is None and not events(child, "permanence.decision_reversed").exists()


def test_a_placed_childs_decision_cannot_be_reversed_until_the_placement_ends(worker, child):
    decision, placement = make_placed(worker, child, placed_on=D(2025, 5, 20), decided_on=D(2025, 5, 1))
    error = refused(
        lambda: services.permanence_decision_reverse(
            actor=worker, decision=decision, reversed_on=TODAY, reason="RD4", notes="Disrupted"
        )
    )
    assert "record the end of the placement first" in error.messages[0]
    services.adoption_placement_end(
        actor=worker, placement=placement, ended_on=D(2025, 5, 30), notes="The placement broke down."
    )
    services.permanence_decision_reverse(actor=worker, decision=decision, reversed_on=TODAY, reason="RD1")


def test_an_adopted_childs_decision_cannot_be_reversed(worker, child):
    decision, _ = make_placed(worker, child, placed_on=D(2025, 5, 1), decided_on=D(2025, 4, 1))
    services.permanence_order_record(
        actor=worker, child=child, kind="adoption", decision=decision, made_on=TODAY, consent_dispensed=False
    )
    error = refused(
        lambda: services.permanence_decision_reverse(actor=worker, decision=decision, reversed_on=TODAY, reason="RD1")
    )
    assert "carried out by an order" in error.messages[0]


# --- Steps and orders ----------------------------------------------------------------------------


def test_a_step_is_recorded_and_refused_before_the_decision(worker, child):
    decision = make_decision(worker, child, option="sgo", decided_on=D(2025, 5, 1))
    refused(
        lambda: services.permanence_step_record(
            actor=worker, decision=decision, kind="assessment", taken_on=D(2025, 4, 30)
        ),
        "taken_on",
    )
    refused(
        lambda: services.permanence_step_record(actor=worker, decision=decision, kind="other", taken_on=TODAY), "notes"
    )
    step = services.permanence_step_record(actor=worker, decision=decision, kind="assessment", taken_on=D(2025, 5, 2))
    assert describe(events(child, "permanence.step").get()) == (
        "Assessment of the proposed carers started (Special guardianship order)."
    )
    assert PermanenceStep.objects.get() == step


def test_a_placement_order_needs_a_decision_to_place_for_adoption_made_before_it(worker, child):
    refused(
        lambda: services.permanence_order_record(actor=worker, child=child, kind="placement", made_on=TODAY), "decision"
    )
    fostering = make_decision(worker, child, option="long_term_fostering", decided_on=D(2025, 5, 1))
    refused(
        lambda: services.permanence_order_record(
            actor=worker, child=child, kind="placement", made_on=TODAY, decision=fostering
        ),
        "decision",
    )
    adoption = make_decision(worker, child, decided_on=D(2025, 5, 10))
    refused(lambda: make_placement_order(worker, adoption, made_on=D(2025, 5, 9)), "made_on")  # rule 554
    assert not PermanenceOrder.objects.exists()
    make_placement_order(worker, adoption, made_on=D(2025, 5, 20))
    assert "Placement order" in badge_texts(child)
    refused(lambda: make_placement_order(worker, adoption, made_on=D(2025, 5, 21)), "kind")  # one per decision


def test_a_decision_about_another_child_is_refused(worker, child):
    from people.services import person_create

    sibling = person_create(actor=worker, given_name="Kim", family_name="Smith", date_of_birth=D(2017, 1, 1))
    decision = make_decision(worker, sibling)
    refused(
        lambda: services.permanence_order_record(
            actor=worker, child=child, kind="placement", made_on=TODAY, decision=decision
        )
    )


@pytest.mark.parametrize(
    ("number", "sex", "status", "field"),
    [
        (2, "M1", "L11", "adopter_sex"),  # rule 511: two adopters are a couple
        (1, "F1", "L2", "adopter_legal_status"),  # rule 514: one adopter is a single adopter
        (1, "MF", "L0", "adopter_sex"),
        (2, "MF", "L0", "adopter_legal_status"),
        (2, "FF", "L3", "adopter_sex"),  # rule 517: L3 is a male/female couple
        (2, "MF", "L4", "adopter_sex"),  # rule 518
        (2, "MM", "L11", "adopter_sex"),  # rule 520
        (2, "MF", "L12", "adopter_sex"),  # rule 524
        (3, "MF", "L11", "number_of_adopters"),
    ],
)
def test_inconsistent_adopters_are_refused(worker, child, number, sex, status, field):
    decision = make_decision(worker, child)
    refused(
        lambda: make_match(worker, decision, number_of_adopters=number, adopter_sex=sex, adopter_legal_status=status),
        field,
    )
    assert not AdoptionMatch.objects.exists()


@pytest.mark.parametrize(
    ("number", "sex", "status"),
    [(1, "F1", "L0"), (1, "M1", "L0"), (2, "FF", "L12"), (2, "MM", "L2"), (2, "MF", "L3"), (2, "FF", "L4")],
)
def test_consistent_adopters_are_accepted(worker, child, number, sex, status):
    decision = make_decision(worker, child)
    make_match(worker, decision, number_of_adopters=number, adopter_sex=sex, adopter_legal_status=status)


def test_the_match_and_placement_follow_the_decision_in_order(worker, child):
    decision = make_decision(worker, child, decided_on=D(2025, 4, 1))
    refused(lambda: make_match(worker, decision, matched_on=D(2025, 3, 31)), "matched_on")  # rule 333
    refused(lambda: make_match(worker, decision, ffa_placed_on=D(2025, 4, 2)), "ffa_placed_on")
    refused(
        lambda: services.adoption_placement_record(actor=worker, decision=decision, placed_on=TODAY)
    )  # no match yet
    match = make_match(
        worker, decision, matched_on=D(2025, 5, 1), fostering_for_adoption=True, ffa_placed_on=D(2025, 4, 20)
    )
    assert (
        describe(events(child, "adoption.matched").get()) == "Matched with prospective adopters (male/female couple)."
    )
    refused(
        lambda: services.adoption_placement_record(actor=worker, decision=decision, placed_on=D(2025, 4, 30)),
        "placed_on",
    )  # 331
    services.adoption_placement_record(actor=worker, decision=decision, placed_on=D(2025, 5, 1))
    assert badge_texts(child) == ["Placed for adoption"]
    refused(lambda: make_match(worker, decision))  # already matched
    assert match.ffa_placed_on == D(2025, 4, 20)


def test_the_adoption_order_ends_the_placement_and_carries_out_the_decision(worker, child):
    decision, placement = make_placed(worker, child, placed_on=D(2025, 5, 1), decided_on=D(2025, 3, 1))
    refused(
        lambda: services.permanence_order_record(
            actor=worker, child=child, kind="adoption", decision=decision, made_on=TODAY
        ),
        "consent_dispensed",
    )
    refused(
        lambda: services.permanence_order_record(
            actor=worker,
            child=child,
            kind="adoption",
            decision=decision,
            made_on=D(2025, 4, 30),
            consent_dispensed=True,
        ),
        "made_on",
    )
    services.permanence_order_record(
        actor=worker,
        child=child,
        kind="adoption",
        decision=decision,
        made_on=TODAY,
        consent_dispensed=True,
        court="Northshire Family Court",
    )
    placement.refresh_from_db()
    decision.refresh_from_db()
    assert (placement.ended_on, placement.end_reason, decision.achieved_on) == (TODAY, "adopted", TODAY)
    assert badge_texts(child) == ["Adopted"]
    assert describe(events(child, "permanence.order").get(data__order="Adoption order")) == (
        "Adoption order made. Court: Northshire Family Court."
    )


def test_an_adoption_order_needs_the_child_placed(worker, child):
    decision = make_decision(worker, child, decided_on=D(2025, 5, 1))
    error = refused(
        lambda: services.permanence_order_record(
            actor=worker, child=child, kind="adoption", decision=decision, made_on=TODAY, consent_dispensed=False
        )
    )
    assert "placement for adoption before the adoption order" in error.messages[0]


def test_special_guardianship_with_or_without_a_decision(worker, child):
    refused(
        lambda: services.permanence_order_record(actor=worker, child=child, kind="sgo", made_on=TODAY),
        "special_guardians",
    )
    decision = make_decision(worker, child, option="sgo", decided_on=D(2025, 4, 1))
    services.permanence_order_record(
        actor=worker, child=child, kind="sgo", made_on=TODAY, decision=decision, special_guardians="E47"
    )
    decision.refresh_from_db()
    assert decision.achieved_on == TODAY and "Special guardianship order" in badge_texts(child)
    order = services.permanence_order_record(actor=worker, child=child, kind="cao", made_on=TODAY)
    assert order.decision is None and order.special_guardians == "" and order.consent_dispensed is None


def test_a_placement_order_is_revoked(worker, child):
    decision = make_decision(worker, child, decided_on=D(2025, 4, 1))
    order = make_placement_order(worker, decision, made_on=D(2025, 5, 1))
    refused(
        lambda: services.permanence_order_revoke(actor=worker, order=order, revoked_on=D(2025, 4, 30)), "revoked_on"
    )
    services.permanence_order_revoke(actor=worker, order=order, revoked_on=TODAY)
    assert "Placement order" not in badge_texts(child)
    refused(lambda: services.permanence_order_revoke(actor=worker, order=order, revoked_on=TODAY))


def test_an_adoption_review_needs_authority_to_place_or_a_placement(worker, child):
    decision = make_decision(worker, child, decided_on=D(2025, 4, 1))
    refused(lambda: services.adoption_review_record(actor=worker, decision=decision, held_on=TODAY), "held_on")
    make_placement_order(worker, decision, made_on=D(2025, 5, 1))
    refused(lambda: services.adoption_review_record(actor=worker, decision=decision, held_on=D(2025, 4, 30)), "held_on")
    review = services.adoption_review_record(actor=worker, decision=decision, held_on=TODAY, visit_every_weeks=4)
    assert review.placed is False and review.visit_every_weeks is None  # not placed: no visiting frequency


def test_a_placed_childs_review_decides_how_often_they_are_visited(worker, child):
    decision, _ = make_placed(worker, child, placed_on=D(2025, 5, 1), decided_on=D(2025, 4, 1))
    refused(
        lambda: services.adoption_review_record(actor=worker, decision=decision, held_on=TODAY), "visit_every_weeks"
    )
    refused(
        lambda: services.adoption_review_record(
            actor=worker, decision=decision, held_on=TODAY, visit_every_weeks=40000
        ),
        "visit_every_weeks",
    )
    review = services.adoption_review_record(actor=worker, decision=decision, held_on=TODAY, visit_every_weeks=6)
    assert (
        review.placed
        and describe(events(child, "adoption.review").get()) == "Adoption review held; visits every 6 weeks."
    )


def test_a_disruption_needs_its_reason_and_date_in_order(worker, child):
    _, placement = make_placed(worker, child, placed_on=D(2025, 5, 1), decided_on=D(2025, 4, 1))
    refused(
        lambda: services.adoption_placement_end(actor=worker, placement=placement, ended_on=TODAY, notes=""), "notes"
    )
    refused(
        lambda: services.adoption_placement_end(actor=worker, placement=placement, ended_on=D(2025, 4, 30), notes="x"),
        "ended_on",
    )
    assert AdoptionPlacement.objects.get().is_open


# --- Care proceedings ----------------------------------------------------------------------------


def test_care_proceedings_are_issued_extended_and_concluded(worker, child):
    proceedings = services.care_proceedings_start(actor=worker, child=child, kind="care", issued_on=D(2025, 6, 2))
    assert describe(events(child, "proceedings.issued").get()) == (
        "Care order application issued; to conclude by 30 November 2025."
    )
    assert "Care proceedings" in badge_texts(child)
    refused(
        lambda: services.care_proceedings_start(actor=worker, child=child, kind="care", issued_on=TODAY)
    )  # one open
    refused(
        lambda: services.care_proceedings_extend(
            actor=worker, proceedings=proceedings, granted_on=TODAY, weeks=9, reason="Expert report late"
        ),
        "weeks",
    )
    refused(
        lambda: services.care_proceedings_extend(
            actor=worker, proceedings=proceedings, granted_on=TODAY, weeks=8, reason=" "
        ),
        "reason",
    )
    services.care_proceedings_extend(
        actor=worker, proceedings=proceedings, granted_on=TODAY, weeks=8, reason="Expert report late"
    )
    assert services.proceedings_due_date(proceedings) == D(2026, 1, 25)
    refused(
        lambda: services.care_proceedings_conclude(
            actor=worker, proceedings=proceedings, concluded_on=D(2025, 6, 1), outcome="care_order"
        ),
        "concluded_on",
    )
    refused(
        lambda: services.care_proceedings_conclude(
            actor=worker, proceedings=proceedings, concluded_on=TODAY, outcome="x"
        ),
        "outcome",
    )
    services.care_proceedings_conclude(actor=worker, proceedings=proceedings, concluded_on=TODAY, outcome="care_order")
    assert not CareProceedings.objects.open().exists() and "Care proceedings" not in badge_texts(child)
    refused(
        lambda: services.care_proceedings_extend(
            actor=worker, proceedings=proceedings, granted_on=TODAY, weeks=2, reason="x"
        )
    )


# --- Previous permanence (SSDA903 PrevPerm) ------------------------------------------------------


def test_previous_permanence_with_a_partly_known_date(worker, child):
    record = services.previous_permanence_record(
        actor=worker,
        child=child,
        care_started_on=D(2025, 5, 1),
        option="P2",
        order_date=D(2020, 5, 1),
        order_date_known="month",
        arranged_by_la="201",
    )
    assert record.ssda903_date == "zz/05/2020"
    again = services.previous_permanence_record(
        actor=worker,
        child=child,
        care_started_on=D(2025, 5, 1),
        option="P2",
        order_date=None,
        order_date_known="unknown",
    )
    assert again.pk == record.pk and again.ssda903_date == "zz/zz/zzzz" and PreviousPermanence.objects.count() == 1


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"option": "Z1", "order_date": D(2020, 1, 1)}, "option"),  # rule 635
        ({"option": "P1", "order_date_known": ""}, "order_date_known"),
        ({"option": "P1", "order_date_known": "day"}, "order_date"),
        ({"option": "P1", "order_date_known": "day", "order_date": D(2025, 5, 2)}, "order_date"),  # after care started
        (
            {"option": "P1", "order_date_known": "year", "order_date": D(2020, 1, 1), "arranged_by_la": "North"},
            "arranged_by_la",
        ),
        ({"option": "P9"}, "option"),
    ],
)
def test_bad_previous_permanence_is_refused(worker, child, values, field):
    refused(
        lambda: services.previous_permanence_record(actor=worker, child=child, care_started_on=D(2025, 5, 1), **values),
        field,
    )
    assert not PreviousPermanence.objects.exists()


def test_none_and_unknown_store_no_details(worker, child):
    record = services.previous_permanence_record(actor=worker, child=child, care_started_on=D(2025, 5, 1), option="Z1")
    assert (record.order_date, record.ssda903_date, record.arranged_by_la) == (None, "", "")
