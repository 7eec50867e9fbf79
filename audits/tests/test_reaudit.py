"""A re-audit date on a completed audit: due on that date in the tray of whoever set up the
programme, listed on their audits home page (overdue once past), and met when the child's case
is audited again."""

import datetime

import pytest
from django.urls import reverse

from audits import services
from audits.models import Audit
from audits.tests.conftest import grade, make_programme
from children_in_need.testing import at
from timescales.models import DueItem
from timescales.selectors import due_items_for_worker

pytestmark = pytest.mark.django_db

D = datetime.date


def _audit_of(programme, child):
    return Audit.objects.select_related("programme__tool", "child").get(programme=programme, child=child)


def test_a_reaudit_is_due_for_the_programmes_owner_and_met_by_the_next_audit(
    client, clock, children, qa, moderator, worker, tool
):
    amy = children[0][0]
    first = make_programme(qa, tool, [moderator], sample_rule="all", sample_size=None, moderation_percent=0)
    services.sample_draw(actor=qa, programme=first)
    grade(_audit_of(first, amy), grade=4, reaudit_on=D(2025, 9, 1))
    item = DueItem.objects.get(rule_code="audit_reaudit", person=amy)
    # In the tray of the QA officer who set the programme up, not the auditor's nor the worker's.
    assert item.worker == qa and item.due_date == D(2025, 9, 1) and item.completed_at is None
    assert item.title == "Re-audit: Children placed with parents"
    client.force_login(qa)
    home = client.get(reverse("audits:home")).content.decode()
    assert 'data-testid="reaudits-due"' in home and "Amy Parker" in home and "1 September 2025" in home
    assert "Overdue" not in home.split('data-testid="reaudits-due"')[1].split("</table>")[0]
    for other in (moderator, worker):
        client.force_login(other)
        assert 'data-testid="reaudits-due"' not in client.get(reverse("audits:home")).content.decode()

    clock.travel_to(at(D(2025, 9, 2), 10))
    client.force_login(qa)
    home = client.get(reverse("audits:home")).content.decode()
    assert "Overdue" in home.split('data-testid="reaudits-due"')[1].split("</table>")[0]
    # QA officers have no "my work" page (their home is the performance one): the item is held in
    # their name, overdue, and the audits home page above is where they see it.
    assert client.get(reverse("my_work")).status_code == 403
    assert list(due_items_for_worker(user=qa).overdue().values_list("title", flat=True)) == [
        "Re-audit: Children placed with parents"
    ]

    again = make_programme(
        qa,
        tool,
        [moderator],
        theme="Placed with parents: re-audit",
        sample_rule="all",
        sample_size=None,
        moderation_percent=0,
        open_to=D(2025, 9, 2),
        audit_by=D(2025, 9, 30),
    )
    services.sample_draw(actor=qa, programme=again)
    grade(_audit_of(again, amy), grade=3)
    item.refresh_from_db()
    assert item.completed_at is not None
    assert 'data-testid="reaudits-due"' not in client.get(reverse("audits:home")).content.decode()


def test_no_reaudit_date_no_reaudit(children, qa, moderator, tool):
    programme = make_programme(qa, tool, [moderator], sample_rule="all", sample_size=None, moderation_percent=0)
    services.sample_draw(actor=qa, programme=programme)
    grade(_audit_of(programme, children[0][0]), grade=2)
    assert not DueItem.objects.filter(rule_code="audit_reaudit").exists()
