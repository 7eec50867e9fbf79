"""The generated small authority has a year of case audits like a live one: programmes drawn over
the year, grades of every kind, a share moderated, actions done and some overdue (due items in
their owners' trays), the latest programme still in progress; and the report reads them."""

import pytest

from audits import selectors
from audits.models import Audit, AuditAction, Grading, Programme
from core import clock
from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
from synthetic.testing import small_authority_of_the_module  # noqa: F401
from timescales.models import DueItem
from workforce.models import User
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("small_authority")


def test_a_year_of_audits_graded_moderated_and_acted_on():
    assert Programme.objects.filter(drawn_at__isnull=False).count() >= 3
    done = Audit.objects.filter(status="completed")
    assert done.count() >= 10 and len(set(done.values_list("grade", flat=True))) >= 3
    assert done.filter(moderated_at__isnull=False).exists()
    assert Audit.objects.filter(status="assigned").exists()
    assert not Grading.objects.filter(evidence="").exists()
    actions = AuditAction.objects.all()
    assert actions.filter(done_on__isnull=False).exists()
    overdue = actions.filter(done_on__isnull=True, due_on__lt=clock.today())
    assert overdue.exists()
    item = DueItem.objects.filter(rule_code="audit_action", completed_at__isnull=True).first()
    assert item is not None and item.worker_id in set(actions.values_list("owner_id", flat=True))


def test_the_report_reads_the_generated_audits():
    qa = User.objects.filter(role=Role.QA_OFFICER).first()
    figures = selectors.report(user=qa, filters=selectors.Filters())
    assert figures.total == Audit.objects.filter(status="completed").count()
    assert figures.actions["overdue"] and figures.agreement
