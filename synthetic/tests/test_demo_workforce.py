"""The demo's staff records: a new agency starter with her induction under way and mandatory
training due, a lapsed registration, an expired course, a leaver and vacant posts; loading twice
changes nothing."""

import pytest

from core import clock
from staff.models import Attendance, InductionTask, Post, StaffProfile
from staff.selectors import due_for_manager, registration_status
from synthetic.demo_record import load_demo_families
from synthetic.demo_supervision import load_demo_supervision
from synthetic.demo_workforce import load_demo_workforce
from synthetic.testing import built_once_for_the_module, demo_staff
from workforce.models import User

pytestmark = pytest.mark.django_db


def _load():
    from caseloads.testing import seed_configuration

    seed_configuration()
    staff = demo_staff(load_demo_families, load_demo_supervision)
    assert load_demo_workforce(staff) is True
    return staff


@pytest.fixture(scope="module")
def _loaded_once(django_db_setup, django_db_blocker):
    yield from built_once_for_the_module(django_db_blocker, _load)


@pytest.fixture
def loaded(_loaded_once, db, bank_holidays):
    """Loaded once for the module (its tests write only in their own transaction)."""
    return _loaded_once


def test_the_new_agency_starter_shows_to_her_manager(loaded):
    starter = User.objects.get(username="sw.lindqvist")
    assert starter.agency_worker and starter.staff_profile.agency_name == "Northern Locums"
    tasks = InductionTask.objects.filter(induction__worker=starter)
    assert tasks.filter(done_on__isnull=False).count() == 3 and tasks.filter(done_on__isnull=True).exists()
    due = due_for_manager(user=loaded["tm.wright"])
    assert any(t.induction.worker_id == starter.pk for t in due.induction)
    assert any(d.worker.pk == starter.pk for d in due.training)


def test_a_lapsed_registration_an_expired_course_a_leaver_and_vacancies(loaded):
    assert registration_status(StaffProfile.objects.get(user__username="sw.clarke")) == "Lapsed"
    assert Attendance.objects.filter(worker__username="sw.okafor", expires_on__lt=clock.today()).exists()
    leaver = User.objects.get(username="sw.okeke")
    assert not leaver.is_active and leaver.staff_profile.leaving_reason == "other_la"
    assert Post.objects.filter(holder__isnull=True).count() >= 1


def test_loading_twice_changes_nothing(loaded):
    before = StaffProfile.objects.count()
    assert load_demo_workforce(loaded) is False
    assert StaffProfile.objects.count() == before
