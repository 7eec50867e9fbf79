"""Fixtures for the improvement plan: a QA officer who records, a senior leader who owns the plan,
a team manager who owns an action, and an inspection whose report was published on 2 June 2025."""

import datetime

import pytest

from children_in_need.testing import TODAY, at, manager, today, worker  # noqa: F401
from workforce.roles import Role

D = datetime.date


@pytest.fixture
def qa(make_staff):
    return make_staff(Role.QA_OFFICER, first_name="Quinn", last_name="Assurance")


@pytest.fixture
def leader(make_staff):
    return make_staff(Role.SENIOR_LEADER, first_name="Lee", last_name="Leader")


@pytest.fixture
def inspected(today, qa, leader):
    """(inspection, plan, recommendations): on site in May 2025, the report published today."""
    from improvement.testing import inspection_with_plan

    return inspection_with_plan(actor=qa, owner=leader, started_on=D(2025, 5, 12), report_published_on=TODAY)


@pytest.fixture
def add_action(qa):
    from improvement import services

    def add(recommendation, owner, due_on, **kwargs):
        return services.action_add(
            actor=qa,
            recommendation=recommendation,
            description=kwargs.pop("description", "Weekly oversight audit of CIN plans"),
            owner=owner,
            due_on=due_on,
            **kwargs,
        )

    return add
