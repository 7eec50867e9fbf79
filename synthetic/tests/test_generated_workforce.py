"""The generated authority's workforce: consistent with the allocations the generator made (nobody
holds a case before they started), with agency workers, leavers, vacancies, lapsed registrations
and expired training, as a real authority has."""

from django.db.models import Min

from caseloads.figures import latest_census_year, workforce_figures
from casework.models import Allocation
from core import clock
from staff.models import Attendance, Post, StaffProfile
from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
from synthetic.testing import small_authority_of_the_module  # noqa: F401
from workforce.models import User
from workforce.roles import Role


def test_every_generated_member_of_staff_has_a_profile_and_started_before_their_first_case(small_authority):
    generated = User.objects.filter(username__startswith="gen.")
    assert not generated.filter(staff_profile__isnull=True).exists()
    first = dict(
        Allocation.objects.filter(worker__in=generated)
        .values("worker_id")
        .annotate(first=Min("start_date"))
        .values_list("worker_id", "first")
    )
    for user in generated.filter(pk__in=first):
        assert user.started_on <= first[user.pk], user


def test_the_workforce_has_agency_workers_leavers_vacancies_and_lapses(small_authority):
    today = clock.today()
    social = StaffProfile.objects.filter(user__username__startswith="gen.", user__role=Role.SOCIAL_WORKER)
    assert social.filter(user__agency_worker=True).exists()
    agency = social.filter(user__agency_worker=True, left_on__isnull=True)
    assert all(p.agency_notice_weeks >= 4 and p.agency_name for p in agency)
    leavers = social.filter(left_on__isnull=False)
    assert leavers.exists() and not leavers.filter(user__is_active=True).exists()
    assert not Allocation.objects.filter(worker__in=leavers.values("user"), end_date__isnull=True).exists()
    assert Post.objects.filter(holder__isnull=True).exists()
    assert social.filter(registered_until__lt=today, left_on__isnull=True).exists()
    assert Attendance.objects.filter(expires_on__lt=today).exists()


def test_the_generated_figures_are_of_a_real_authoritys_order(small_authority):
    figures = {f.code: f for f in workforce_figures(latest_census_year())}
    rate = float(figures["agency_rate"].value.rstrip("%"))
    assert 0 < rate < 50
    assert figures["caseload"].value != "No data"
