"""Test helpers for the help-and-protection journey (front_door, assessments, child_protection,
children_in_need): staff, a child, and each step recorded through its service, as in real use.
Imported by those apps' tests/conftest.py; never by app code.

Dates: the tests move the engine's clock (`today` fixture: Monday 2 June 2025), so "not in the
future" and "overdue" are decided against a known day.
"""

from __future__ import annotations

import datetime

import pytest

from casework.times import local_moment
from workforce.roles import Role

TODAY = datetime.date(2025, 6, 2)  # a Monday


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return local_moment(day, datetime.time(hour, minute))


@pytest.fixture
def today(clock):
    """The engine's clock, frozen at 17:00 on Monday 2 June 2025 (a test may travel on)."""
    clock.travel_to(at(TODAY, 17))
    return TODAY


@pytest.fixture
def worker(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Worker")


@pytest.fixture
def manager(make_staff, team):
    manager = make_staff(Role.TEAM_MANAGER, team=team, first_name="Morgan", last_name="Manager")
    team.manager = manager
    team.save()
    return manager


@pytest.fixture
def child(worker):
    from people.services import person_create

    # A social worker creating a child is allocated to them and their team.
    return person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27))


@pytest.fixture
def other_team():
    from workforce.services import team_create

    return team_create(name="Children in Care Team East")


@pytest.fixture
def stranger(make_staff, other_team):
    """A social worker in another team: may not see the child."""
    return make_staff(Role.SOCIAL_WORKER, team=other_team, first_name="Stella", last_name="Stranger")


# --- Steps, through the services -------------------------------------------------------------


def make_contact(actor, child, received_at=None, **overrides):
    from front_door.services import contact_record

    values = {"received_at": received_at or at(TODAY, 9), "source": "2A", "concerns": "Bruise on arm, seen at school."}
    return contact_record(actor=actor, child=child, **(values | overrides))


def make_referral(actor, child, received_at=None, **overrides):
    from front_door.services import referral_create

    values = {
        "received_at": received_at or at(TODAY, 9),
        "source": "6",
        "primary_need": "N1",
        "concerns": "Police called to a domestic incident.",
    }
    return referral_create(actor=actor, child=child, **(values | overrides))


def decide_referral(actor, referral, next_step="assessment", **kwargs):
    from front_door.services import referral_decide

    return referral_decide(actor=actor, referral=referral, next_step=next_step, **kwargs)


def make_assessment(actor, child, start_date=None):
    from assessments.services import assessment_start

    return assessment_start(actor=actor, child=child, start_date=start_date or TODAY)


def submit_assessment(actor, assessment, **overrides):
    """Every section of the assessment completed (assessments.testing), then submitted."""
    from assessments.testing import fill_and_submit

    return fill_and_submit(actor, assessment, **overrides)


def make_strategy_discussion(actor, child, held_on=None, decision="s47"):
    from child_protection.services import strategy_discussion_record

    return strategy_discussion_record(
        actor=actor, child=child, held_on=held_on or TODAY, agencies=["police", "health"], decision=decision
    )


def make_cp_plan(actor, child, *, referral_on=None, strategy_on=None, icpc_on=None, category="NEG"):
    """Referral, strategy discussion, s47 and an ICPC that starts a plan: returns the plan."""
    from child_protection.services import initial_conference_record, section47_start

    referral_on = referral_on or TODAY
    strategy_on = strategy_on or referral_on
    referral = make_referral(actor, child, received_at=at(referral_on, 9))
    decide_referral(actor, referral, next_step="strategy_discussion")
    discussion = make_strategy_discussion(actor, child, held_on=strategy_on)
    enquiry = section47_start(actor=actor, discussion=discussion, start_date=strategy_on)
    conference = initial_conference_record(
        actor=actor, enquiry=enquiry, held_on=icpc_on or strategy_on, outcome="plan", category=category
    )
    return conference.plan_started


def make_visit(actor, child, visited_at, visit_type="cp", child_seen=True):
    from casework.services import visit_record

    return visit_record(
        actor=actor,
        child=child,
        visited_at=visited_at,
        visit_type=visit_type,
        child_seen=child_seen,
        seen_alone=child_seen,
        observations="Seen at home.",
    )
