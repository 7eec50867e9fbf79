"""A small authority for the returns' tests, recorded through the services as in real use, in
the collection year 1 April 2025 to 31 March 2026 (with a child already in care before it).
Imported by returns/tests/conftest.py; never by app code."""

from __future__ import annotations

import datetime

import pytest

from children_in_need.testing import at, decide_referral, make_referral
from workforce.roles import Role

YEAR = 2026
D = datetime.date


class Authority:
    """Handles to what the fixture recorded, for the tests to look for."""


@pytest.fixture
def qa_officer(make_staff, team):
    return make_staff(Role.QA_OFFICER, team=team, first_name="Quinn", last_name="Analyst")


@pytest.fixture
def authority(clock, make_staff, team):
    from assessments.services import assessment_authorise, assessment_start
    from assessments.testing import fill_and_submit
    from casework.services import allocation_to_creator
    from child_protection.services import (
        initial_conference_record,
        review_conference_record,
        section47_start,
        strategy_discussion_record,
    )
    from children_in_need.services import cin_plan_start
    from looked_after import services as la
    from looked_after.services import PlacementDetails
    from people.services import person_create as create
    from permanence.services import previous_permanence_record

    def on(day):
        clock.travel_to(at(day, 17))

    def person_create(*, actor, **fields):
        # Allocated explicitly from the day on the moved clock (the service's own allocation
        # takes the real date), so the social worker episodes fall in the year.
        child = create(actor=actor, allocate=False, **fields)
        allocation_to_creator(actor=actor, child=child, start_date=clock.today())
        child.refresh_from_db()  # the allocation set current_worker and current_team
        return child

    worker = make_staff(Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Worker")
    manager = make_staff(Role.TEAM_MANAGER, team=team, first_name="Morgan", last_name="Manager")
    team.manager = manager
    team.save()
    a = Authority()

    on(D(2024, 1, 8))
    a.in_care = person_create(
        actor=worker,
        given_name="Kai",
        family_name="Long",
        sex="M",
        ethnicity="WBRI",
        date_of_birth=D(2011, 6, 14),
        disabilities=["NONE"],
        upn_unknown_reason="UN3",
    )
    foster = PlacementDetails(placement_type="U1", provider="PR1", postcode="B15 2TT", carer_name="Mr and Mrs Lee")
    la.period_start(
        actor=worker,
        child=a.in_care,
        start_date=D(2024, 1, 8),
        legal_status="C2",
        category_of_need="N1",
        home_postcode="B12 9QF",
        placement=foster,
    )

    on(D(2025, 5, 6))
    a.cin = person_create(
        actor=worker,
        given_name="Ava",
        family_name="Brook",
        sex="F",
        ethnicity="WBRI",
        date_of_birth=D(2016, 2, 3),
        disabilities=["NONE"],
        upn_unknown_reason="UN3",
    )
    referral = make_referral(worker, a.cin, received_at=at(D(2025, 5, 6), 9), source="2A", primary_need="N4")
    decide_referral(manager, referral)
    on(D(2025, 5, 7))
    assessment = assessment_start(actor=worker, child=a.cin, start_date=D(2025, 5, 7))
    on(D(2025, 6, 6))
    fill_and_submit(
        worker,
        assessment,
        child_seen_on=D(2025, 5, 8),
        factors=["3A", "4B"],
        analysis="Risks and strengths.",
        outcome="cin_plan",
    )
    on(D(2025, 6, 10))
    assessment_authorise(
        actor=manager, assessment=assessment, authorised_on=D(2025, 6, 10), rationale="Needs are clear."
    )
    on(D(2025, 6, 16))
    cin_plan_start(actor=worker, child=a.cin, start_date=D(2025, 6, 16))

    on(D(2025, 7, 1))
    a.cp = person_create(
        actor=worker,
        given_name="Leo",
        family_name="Marsh",
        sex="M",
        ethnicity="BAFR",
        date_of_birth=D(2019, 9, 20),
        disabilities=["NONE"],
        upn_unknown_reason="UN3",
    )
    referral = make_referral(worker, a.cp, received_at=at(D(2025, 7, 1), 9), source="5A", primary_need="N1")
    decide_referral(manager, referral, next_step="strategy_discussion")
    on(D(2025, 7, 2))
    discussion = strategy_discussion_record(
        actor=worker, child=a.cp, held_on=D(2025, 7, 2), agencies=["police", "health"], decision="s47"
    )
    enquiry = section47_start(actor=worker, discussion=discussion, start_date=D(2025, 7, 2))
    on(D(2025, 7, 16))
    conference = initial_conference_record(
        actor=worker, enquiry=enquiry, held_on=D(2025, 7, 16), outcome="plan", category="NEG"
    )
    a.cp_plan = conference.plan_started
    on(D(2025, 10, 15))
    review_conference_record(actor=worker, plan=a.cp_plan, held_on=D(2025, 10, 15), outcome="continue", category="EMO")

    on(D(2025, 8, 4))
    a.new_in_care = person_create(
        actor=worker,
        given_name="Mia",
        family_name="Hart",
        sex="F",
        ethnicity="MWBC",
        date_of_birth=D(2010, 11, 2),
        disabilities=["NONE"],
        upn_unknown_reason="UN4",
    )
    la.period_start(
        actor=worker,
        child=a.new_in_care,
        start_date=D(2025, 8, 4),
        legal_status="V2",
        category_of_need="N4",
        home_postcode="B12 9QF",
        placement=foster,
    )
    previous_permanence_record(actor=worker, child=a.new_in_care, care_started_on=D(2025, 8, 4), option="Z1")
    on(D(2025, 10, 1))
    la.review_record(actor=worker, child=a.new_in_care, held_on=D(2025, 10, 1), participation="PN1")
    on(D(2025, 11, 3))
    home = PlacementDetails(
        placement_type="K2", provider="PR1", postcode="B29 6BD", ofsted_urn="SC123456", carer_name="Oak House"
    )
    la.episode_change(
        actor=worker, child=a.new_in_care, change_date=D(2025, 11, 3), placement=home, reason_place_change="CARPL"
    )
    on(D(2025, 12, 2))
    la.missing_start(
        actor=worker,
        child=a.new_in_care,
        kind="M",
        started_at=at(D(2025, 12, 1), 20),
        returned_at=at(D(2025, 12, 2), 11),
    )

    on(D(2025, 6, 2))
    la.health_check_record(actor=worker, child=a.in_care, kind="rha", done_on=D(2025, 6, 2))
    la.health_check_record(actor=worker, child=a.in_care, kind="dental", done_on=D(2025, 6, 2))
    la.immunisation_record(actor=worker, child=a.in_care, checked_on=D(2025, 6, 2), up_to_date=True)
    la.sdq_record(actor=worker, child=a.in_care, completed_on=D(2025, 6, 2), score=14)

    on(D(2026, 4, 15))
    a.worker, a.manager = worker, manager
    return a
