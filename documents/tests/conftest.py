"""Fixtures for the documents app's tests: the help-and-protection team, its worker and manager, a
child allocated to them with a child protection plan that has an outcome and an owned action."""

import datetime

import pytest

from children_in_need.testing import child, make_cp_plan, manager, other_team, stranger, today, worker  # noqa: F401
from plans.testing import action, outcome
from workforce.roles import Role


@pytest.fixture(autouse=True)
def templates(db):
    from documents.testing import ensure_templates

    ensure_templates()


@pytest.fixture
def plan(worker, child, today):
    plan = make_cp_plan(worker, child, referral_on=datetime.date(2025, 5, 1))
    goal = outcome(worker, plan, what="Jay lives in a home that is warm and has food every day")
    action(worker, goal, text="Agree a weekly budget with the money advice service", name="Ms Smith (mother)")
    return plan


@pytest.fixture
def admin(make_staff):
    return make_staff(Role.SYSTEM_ADMIN, first_name="Ada", last_name="Admin")


@pytest.fixture
def qa(make_staff):
    return make_staff(Role.QA_OFFICER, first_name="Quinn", last_name="Assurance")
