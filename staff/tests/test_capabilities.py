"""Who may write staff records, for every role: the workforce lead keeps profiles, starters and
leavers; induction and training are recorded by the worker's line manager or the workforce lead;
nobody else, whatever their role."""

import pytest
from django.core.exceptions import PermissionDenied

from staff import services
from staff.models import Course, InductionTask
from staff.tests.factories import D, start
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")


@pytest.mark.parametrize("role", list(Role))
def test_staff_records_are_written_only_by_the_workforce_lead_and_the_line_manager(make_staff, lead, team, role):
    worker = start(lead, team, started_on=D(2025, 5, 6))
    user = make_staff(role)
    task = InductionTask.objects.filter(induction__worker=worker).first()
    course = Course.objects.first()
    writes = [
        lambda: services.starter_record(
            actor=user,
            username="x.new",
            first_name="X",
            last_name="New",
            role=Role.SOCIAL_WORKER,
            team=team,
            started_on=D(2025, 6, 2),
        ),
        lambda: services.leaver_record(actor=user, worker=worker, left_on=D(2025, 6, 1), leaving_reason="other"),
        lambda: services.induction_task_done(actor=user, task=task, done_on=D(2025, 5, 6)),
        lambda: services.attendance_record(actor=user, worker=worker, course=course, attended_on=D(2025, 5, 6)),
    ]
    refused = 0
    for write in writes:
        try:
            write()
        except PermissionDenied:
            refused += 1
    # Not their line manager (a team manager of no team here): only the workforce lead may.
    assert refused == (0 if role == Role.WORKFORCE_LEAD else 4)
