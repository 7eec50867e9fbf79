"""Case audits through the services: the sample, conflicts of interest, grading with evidence,
the frozen snapshot, moderation, reflections and actions; and the bad input the issue names, each
refused with a message and nothing saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from audits import services
from audits.choices import Grade, Status
from audits.models import Audit, AuditAction, Grading, Programme
from audits.tests.conftest import grade, grades_for, make_programme
from casework.models import ChronologyEvent
from timescales.models import DueItem
from workforce.roles import Role

pytestmark = pytest.mark.django_db


def test_a_programme_draws_one_child_from_each_team_and_the_same_seed_draws_the_same(children, qa, moderator, tool):
    ours, theirs = children
    programme = make_programme(qa, tool, [qa], [moderator])
    services.sample_draw(actor=qa, programme=programme)
    audits = list(Audit.objects.filter(programme=programme).order_by("child_id"))
    drawn = {a.child_id for a in audits}
    assert len(drawn & {c.pk for c in ours}) == 1 and len(drawn & {c.pk for c in theirs}) == 1
    assert all(a.auditor == qa and a.status == Status.ASSIGNED for a in audits)
    assert sum(1 for a in audits if a.moderator_id == moderator.pk) == 1  # 50% of two
    _, again, _, cohort = services.plan_sample(programme, 42)
    assert set(again) == drawn and cohort == 6
    with pytest.raises(ValidationError, match="was drawn"):
        services.sample_draw(actor=qa, programme=programme)


def test_a_sample_larger_than_the_cohort_is_refused_and_nothing_is_saved(children, qa, tool):
    programme = make_programme(qa, tool, [qa], moderation_percent=0, sample_size=7)
    with pytest.raises(ValidationError) as refused:
        services.sample_draw(actor=qa, programme=programme)
    assert "larger than the cohort (6 children)" in str(refused.value)
    assert not Audit.objects.exists() and Programme.objects.get().drawn_at is None


def test_an_auditor_never_gets_a_child_of_their_own_team_or_their_line_reports(
    children, manager, other_manager, tool, qa
):
    ours, theirs = children
    programme = make_programme(qa, tool, [manager], moderation_percent=0, sample_size=None, sample_rule="all")
    services.sample_draw(actor=qa, programme=programme)
    assert {a.child_id for a in Audit.objects.all()} == {c.pk for c in theirs}
    # Only three children are free of the manager's conflicts: four is more than the cohort.
    bigger = make_programme(qa, tool, [manager], moderation_percent=0, sample_size=4, theme="Second")
    with pytest.raises(ValidationError, match="after leaving out 3 its auditors have a conflict with"):
        services.sample_draw(actor=qa, programme=bigger)


def test_reassigning_an_audit_to_an_auditor_with_a_conflict_is_refused(children, qa, other_manager, tool):
    programme = make_programme(qa, tool, [qa, other_manager], moderation_percent=0, sample_rule="all", sample_size=None)
    services.sample_draw(actor=qa, programme=programme)
    theirs = Audit.objects.filter(child__in=children[1]).first()
    with pytest.raises(ValidationError, match="they work in or manage the child’s team"):
        services.audit_reassign(actor=qa, audit=theirs, auditor=other_manager)
    theirs.refresh_from_db()
    assert theirs.auditor == qa


def test_only_qa_officers_and_senior_leaders_set_up_programmes(children, worker, manager, tool):
    for role_holder in (worker, manager):
        with pytest.raises(PermissionDenied):
            make_programme(role_holder, tool, [role_holder])
    assert not Programme.objects.exists()


@pytest.fixture
def drawn(children, qa, moderator, tool):
    programme = make_programme(qa, tool, [qa], [moderator], sample_rule="all", sample_size=None, moderation_percent=100)
    services.sample_draw(actor=qa, programme=programme)
    return Audit.objects.filter(child=children[0][0]).select_related("programme__tool", "child").get()


def test_a_grade_without_evidence_is_refused_and_nothing_is_saved(drawn):
    grades = grades_for(drawn)
    first = next(iter(grades))
    grades[first] = (2, "  ")
    with pytest.raises(ValidationError) as refused:
        grade(drawn, grades=grades)
    assert f"domain_{first}_evidence" in refused.value.message_dict
    assert "Write the evidence for the grade" in str(refused.value)
    drawn.refresh_from_db()
    assert drawn.status == Status.ASSIGNED and not Grading.objects.exists()


def test_grading_completes_the_audit_with_a_snapshot_compliance_and_actions_in_the_owners_tray(drawn, worker, manager):
    audit = grade(
        drawn,
        grade=3,
        actions=[{"action": "See Amy alone before the review", "owner": "worker", "due_on": None}],
        themes=["voice"],
        family_feedback="Mum felt listened to.",
    )
    assert audit.status == Status.COMPLETED and audit.grade == Grade.REQUIRES_IMPROVEMENT
    assert audit.snapshot["summary"]["name"] == "Amy Parker" and audit.snapshot["recent"]
    assert audit.visits_in_time is not None  # placed with parents: a visiting standard applies
    item = DueItem.objects.get(rule_code="audit_action", person=audit.child)
    assert item.worker == worker and item.due_date == datetime.date(2025, 6, 30)
    assert ChronologyEvent.objects.filter(child=audit.child, event_type="audit.completed").exists()
    # The snapshot stays as the record stood: a later change does not alter it.
    audit.child.given_name = "Amelia"
    audit.child.save()
    audit.refresh_from_db()
    assert audit.snapshot["summary"]["name"] == "Amy Parker"


def test_only_the_assigned_auditor_grades(drawn, make_staff):
    other_qa = make_staff(Role.QA_OFFICER)
    with pytest.raises(PermissionDenied):  # no open audit of this child: no AUDITING relationship
        grade(drawn, actor=other_qa)


def test_the_auditor_reads_the_child_only_while_the_audit_is_open(children, other_manager, qa, tool):
    from access.selectors import can_view_person

    ours = children[0]
    programme = make_programme(
        qa,
        tool,
        [other_manager],
        moderation_percent=0,
        sample_rule="all",
        sample_size=None,
        teams=[ours[0].current_team],
    )
    services.sample_draw(actor=qa, programme=programme)
    audit = Audit.objects.filter(child=ours[0]).get()
    assert can_view_person(other_manager, ours[0])
    grade(audit)
    assert not can_view_person(other_manager, ours[0])


def test_moderation_is_blind_and_the_moderated_grade_stands(drawn, moderator, qa):
    from audits.selectors import agreement_by_domain, is_blind_to

    grade(drawn, grade=2)
    drawn.refresh_from_db()
    assert is_blind_to(moderator, drawn)
    with pytest.raises(ValidationError, match="cannot moderate your own audit"):
        services.audit_moderate(
            actor=qa, audit=drawn, grades=grades_for(drawn, 3), overall_grade=3, overall_evidence="x"
        )
    services.audit_moderate(
        actor=moderator,
        audit=drawn,
        grades=grades_for(drawn, 3),
        overall_grade=3,
        overall_evidence="Plan not reviewed in time.",
    )
    drawn.refresh_from_db()
    assert drawn.grade == Grade.REQUIRES_IMPROVEMENT and drawn.moderated_at is not None
    assert not is_blind_to(moderator, drawn)
    assert set(Grading.objects.filter(stands=True).values_list("role", flat=True)) == {"moderator"}
    figures = dict(agreement_by_domain(Audit.objects.all()))
    assert figures["The case overall"].pairs == 1 and figures["The case overall"].percent == 0.0


def test_an_auditor_cannot_be_made_the_moderator_of_their_own_audit(drawn, qa):
    with pytest.raises(ValidationError, match="cannot moderate their own audit"):
        services.moderator_assign(actor=qa, audit=drawn, moderator=qa)
    drawn.refresh_from_db()
    assert drawn.moderator.role == Role.SENIOR_LEADER


def test_the_worker_and_manager_reflect_once_the_audit_is_done(drawn, worker, manager, other_worker):
    with pytest.raises(ValidationError, match="not finished"):
        services.reflection_add(actor=worker, audit=drawn, reflection="Noted.")
    grade(drawn)
    services.reflection_add(actor=worker, audit=drawn, reflection="I will see Amy alone at school.")
    services.reflection_add(actor=manager, audit=drawn, reflection="We will audit visits in supervision.")
    assert [r.by for r in drawn.reflections.order_by("pk")] == ["practitioner", "manager"]
    with pytest.raises(PermissionDenied):
        services.reflection_add(actor=other_worker, audit=drawn, reflection="Not mine.")


def test_an_action_done_closes_its_due_item_and_an_overdue_one_reaches_the_owners_manager(
    drawn, worker, manager, clock
):
    from audits.selectors import overdue_actions_of_reports

    grade(drawn, actions=[{"action": "Update the plan", "owner": "worker", "due_on": datetime.date(2025, 6, 9)}])
    action = AuditAction.objects.get()
    assert overdue_actions_of_reports(user=manager) == []
    clock.advance(days=10)
    assert overdue_actions_of_reports(user=manager) == [action]
    services.audit_action_done(actor=worker, action=action, done_on=datetime.date(2025, 6, 11))
    assert DueItem.objects.get(rule_code="audit_action").completed_at is not None
    assert overdue_actions_of_reports(user=manager) == []
