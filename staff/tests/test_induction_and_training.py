"""Induction from the first day, with items due by working day N, done by the line manager; the
mandatory training due or expired in the worker's tray and their manager's."""

import datetime

import pytest
from django.urls import reverse

from staff.models import Attendance, Course, InductionTask
from staff.selectors import training_due
from staff.tests.factories import D, date, start

pytestmark = pytest.mark.usefixtures("today")


def test_induction_items_are_due_by_their_working_day_from_the_first_day(lead, team):
    worker = start(lead, team, started_on=D(2025, 5, 30))  # a Friday; 26 May was a bank holiday
    due = dict(InductionTask.objects.filter(induction__worker=worker).values_list("title", "due_on"))
    assert due["Meet your line manager; agree the induction plan"] == D(2025, 5, 30)  # day 1
    # Day 5 is the fifth working day: Fri 30 May, Mon 2, Tue 3, Wed 4, Thu 5 June.
    assert due["Read the safeguarding partnership's procedures and the threshold document"] == D(2025, 6, 5)


def test_the_worker_sees_their_induction_and_training_on_my_work(client, lead, team, manager):
    worker = start(lead, team, started_on=D(2025, 5, 6))
    worker.set_password("x-password-1234")
    worker.save()
    client.force_login(worker)
    tray = client.get(reverse("my_work")).content.decode().split('data-testid="my-staff-due"')[1].split("</table>")[0]
    assert "Induction: Meet your line manager" in tray and "Overdue" in tray
    assert "Training: Information governance and data protection" in tray


def test_the_line_manager_marks_an_item_done_and_another_manager_cannot(client, lead, team, manager, other_manager):
    worker = start(lead, team, started_on=D(2025, 5, 6))
    task = InductionTask.objects.filter(induction__worker=worker).order_by("due_on").first()
    url = reverse("staff:induction_done", args=[worker.pk, task.pk])
    client.force_login(other_manager)
    assert client.get(url).status_code == 404
    assert client.post(url, date("done_on", D(2025, 5, 6))).status_code == 404
    client.force_login(manager)
    response = client.post(url, date("done_on", D(2025, 6, 9)))  # in the future: refused
    assert "today or in the past" in response.content.decode()
    assert client.post(url, date("done_on", D(2025, 5, 6))).status_code == 302
    task.refresh_from_db()
    assert task.done_on == D(2025, 5, 6) and task.done_recorded_by == manager


def test_training_is_due_when_never_attended_or_expired(client, lead, team, manager, worker):
    course = Course.objects.get(title="Information governance and data protection")  # valid 12 months
    worker.started_on = D(2020, 1, 1)
    worker.save()
    Attendance.objects.create(
        worker=worker, course=course, attended_on=D(2024, 5, 1), expires_on=D(2025, 5, 1), recorded_by=lead
    )
    due = {d.course.title: d for d in training_due(workers=[worker])}
    assert due["Information governance and data protection"].state == "Expired"
    client.force_login(manager)
    response = client.post(
        reverse("staff:attendance_new", args=[worker.pk]), {"course": course.pk, **date("attended_on", D(2025, 6, 2))}
    )
    assert response.status_code == 302
    assert "Information governance and data protection" not in {d.course.title for d in training_due(workers=[worker])}
    assert Attendance.objects.filter(worker=worker).latest("attended_on").expires_on == D(2026, 6, 2)
