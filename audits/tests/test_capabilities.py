"""Who may do what in case audits, for every role (access.capabilities): programmes are QA
officers' and senior leaders'; an audit is graded only by its auditor, of whatever role, while it
is open; the child's worker and manager reflect; anyone else is refused, and nothing is saved."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from access.capabilities import Capability, may
from audits import services
from audits.models import Audit, Grading, Reflection
from audits.tests.conftest import grade, make_programme
from workforce.roles import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", list(Role))
def test_only_qa_officers_and_senior_leaders_set_up_programmes(make_staff, role):
    assert may(make_staff(role), Capability.SET_UP_AUDITS) == (role in {Role.QA_OFFICER, Role.SENIOR_LEADER})


@pytest.mark.parametrize("role", list(Role))
def test_nobody_but_the_assigned_auditor_grades(children, qa, tool, make_staff, role):
    programme = make_programme(qa, tool, [qa], moderation_percent=0, sample_rule="all", sample_size=None)
    services.sample_draw(actor=qa, programme=programme)
    audit = Audit.objects.select_related("programme__tool", "child").order_by("pk").first()
    other = make_staff(role)
    with pytest.raises((PermissionDenied, Http404)):
        grade(audit, actor=other)
    assert not Grading.objects.exists()
    assert may(qa, Capability.GRADE_AUDIT, audit.child)


@pytest.mark.parametrize("role", list(Role))
def test_only_the_childs_worker_and_manager_reflect(children, qa, tool, make_staff, worker, manager, role):
    programme = make_programme(qa, tool, [qa], moderation_percent=0, sample_rule="all", sample_size=None)
    services.sample_draw(actor=qa, programme=programme)
    audit = Audit.objects.select_related("programme__tool", "child").filter(child=children[0][0]).get()
    grade(audit)
    with pytest.raises(PermissionDenied):
        services.reflection_add(actor=make_staff(role), audit=audit, reflection="Not my case.")
    services.reflection_add(actor=worker, audit=audit, reflection="Mine.")
    services.reflection_add(actor=manager, audit=audit, reflection="My team's.")
    assert Reflection.objects.count() == 2
