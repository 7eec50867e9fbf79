"""Fixtures for case audit tests: two teams, each with a manager, a social worker and three
children in care placed with their parents (the Done-when's programme), QA officers to set up,
audit and moderate, and helpers that record through the services."""

import datetime

import pytest

from children_in_need.testing import TODAY, at, manager, other_team, today, worker  # noqa: F401
from workforce.roles import Role

D = datetime.date


@pytest.fixture
def other_manager(make_staff, other_team):
    manager = make_staff(Role.TEAM_MANAGER, team=other_team, first_name="Olu", last_name="Othermanager")
    other_team.manager = manager
    other_team.save()
    return manager


@pytest.fixture
def other_worker(make_staff, other_team):
    return make_staff(Role.SOCIAL_WORKER, team=other_team, first_name="Ola", last_name="Otherworker")


def _placed_with_parents(actor, given, on):
    from looked_after.tests.factories import WITH_PARENTS, start_care
    from people.services import person_create

    child = person_create(actor=actor, given_name=given, family_name="Parker", date_of_birth=D(2015, 5, 1))
    start_care(actor, child, on, legal_status="C2", placement=WITH_PARENTS)
    return child


@pytest.fixture
def children(today, worker, manager, other_worker, other_manager):
    """Three children in each team, placed with parents since spring 2025."""
    ours = [_placed_with_parents(worker, name, D(2025, 3, 3)) for name in ("Amy", "Ben", "Cal")]
    theirs = [_placed_with_parents(other_worker, name, D(2025, 3, 3)) for name in ("Dee", "Eli", "Fay")]
    return ours, theirs


@pytest.fixture
def qa(make_staff):
    return make_staff(Role.QA_OFFICER, first_name="Quinn", last_name="Auditor")


@pytest.fixture
def moderator(make_staff):
    return make_staff(Role.SENIOR_LEADER, first_name="Mo", last_name="Moderator")


@pytest.fixture
def tool(db):
    from audits.models import AuditTool
    from audits.testing import ensure_tools

    ensure_tools()
    return AuditTool.objects.get(code="children_in_care")


def make_programme(actor, tool, auditors, moderators=(), **overrides):
    from audits.services import programme_create

    values = {
        "theme": "Children placed with parents",
        "tool": tool,
        "service": "placed_with_parents",
        "open_from": D(2025, 1, 1),
        "open_to": TODAY,
        "audit_by": TODAY + datetime.timedelta(days=28),
        "sample_rule": "stratified",
        "sample_size": 2,
        "seed": 42,
        "moderation_percent": 50,
        "auditors": auditors,
        "moderators": moderators,
    }
    return programme_create(actor=actor, **(values | overrides))


def grades_for(audit, grade=2, evidence="Seen alone at each visit; her words shape the plan."):
    """Every domain of the audit's tool graded alike, with evidence."""
    return {d.pk: (grade, evidence) for d in audit.programme.tool.domains.all()}


def grade(audit, actor=None, grade=2, actions=(), **overrides):
    from audits.services import audit_grade

    values = {
        "grades": grades_for(audit, grade),
        "overall_grade": grade,
        "overall_evidence": "A good plan, reviewed on time; progress is clear.",
        "actions": list(actions),
    }
    return audit_grade(actor=actor or audit.auditor, audit=audit, **(values | overrides))
