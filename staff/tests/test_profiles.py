"""Staff profiles: who reads them (the person, their line managers, the workforce lead; a 404
for anyone else, senior leaders included), a new starter recorded with the agency rules, and
nothing saved on bad input."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from staff.models import AgencyPriceCap, Induction, StaffProfile, StaffRead, registration_year
from staff.selectors import registration_status
from staff.tests.factories import D, date, start
from workforce.models import User
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")


def test_a_profile_is_read_by_the_person_their_managers_and_the_workforce_lead_only(
    client, lead, team, manager, worker, other_manager, make_staff
):
    StaffProfile.objects.create(user=worker, swe_number="SW123456", fte=Decimal("0.8"))
    url = reverse("staff:profile", args=[worker.pk])
    for reader in (worker, manager, lead):
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200
        assert "SW123456" in response.content.decode()
    for outsider in (
        other_manager,
        make_staff(Role.SENIOR_LEADER),
        make_staff(Role.DIRECTOR),
        make_staff(Role.SOCIAL_WORKER, team=team),
    ):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert "Worker" not in client.get(reverse("staff:list")).content.decode()
    assert StaffRead.objects.filter(staff_id=worker.pk).count() == 3


def test_the_workforce_lead_records_an_agency_starter_whose_induction_starts_on_their_first_day(client, lead, team):
    client.force_login(lead)
    data = {
        "first_name": "Ada",
        "last_name": "Agency",
        "username": "a.agency",
        "role": "social_worker",
        "team": team.pk,
        "agency": "yes",
        "fte": "1",
        "agency_name": "Acme",
        "agency_notice_weeks": "4",
        "agency_hourly_rate": "40",
        **date("started_on", D(2025, 6, 2)),
        **date("qualified_on", D(2019, 1, 1)),
        "swe_number": "SW99",
        **date("registered_until", D(2025, 11, 30)),
    }
    response = client.post(reverse("staff:starter_new"), data)
    worker = User.objects.get(username="a.agency")
    assert response.status_code == 302 and response.url == reverse("staff:profile", args=[worker.pk])
    assert worker.agency_worker and worker.started_on == D(2025, 6, 2)
    induction = Induction.objects.get(worker=worker)
    first = induction.tasks.order_by("due_on").first()
    assert first.due_on == D(2025, 6, 2)  # working day 1 is the first day
    page = client.get(response.url).content.decode()
    assert "Agency worker (Acme)" in page and "Shadow a home visit" in page


def test_an_agency_social_worker_needs_three_years_experience_and_four_weeks_notice(client, lead, team):
    client.force_login(lead)
    data = {
        "first_name": "Ada",
        "last_name": "Agency",
        "username": "a.agency",
        "role": "social_worker",
        "team": team.pk,
        "agency": "yes",
        "fte": "1",
        "agency_notice_weeks": "2",
        **date("started_on", D(2025, 6, 2)),
        **date("qualified_on", D(2023, 1, 1)),
    }
    response = client.post(reverse("staff:starter_new"), data)
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "at least 3 years" in page and "at least 4 weeks" in page
    assert not User.objects.filter(username="a.agency").exists()


def test_a_rate_above_the_regional_cap_needs_a_senior_sign_off(lead, team):
    AgencyPriceCap.objects.create(role=Role.SOCIAL_WORKER, hourly_cap=Decimal("40"))
    with pytest.raises(ValidationError) as refused:
        start(lead, team, agency=True, agency_hourly_rate=Decimal("45"))
    assert "rate_above_cap_approved_by" in refused.value.message_dict
    worker = start(lead, team, agency=True, agency_hourly_rate=Decimal("45"), rate_above_cap_approved_by="R Fletcher")
    assert worker.staff_profile.agency_hourly_rate == Decimal("45")


def test_only_the_workforce_lead_records_a_starter(client, manager):
    client.force_login(manager)
    assert client.get(reverse("staff:starter_new")).status_code == 403


def test_bad_input_gives_the_error_summary_and_saves_nothing(client, lead, team):
    client.force_login(lead)
    response = client.post(
        reverse("staff:starter_new"),
        {"fte": "2", "team": "999", "started_on_0": "31", "started_on_1": "2", "started_on_2": "2025"},
    )
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not StaffProfile.objects.exists()


def test_a_leaver_leaves_their_post_vacant_and_cannot_sign_in(client, lead, team):
    from staff.models import Post

    post = Post.objects.create(team=team, title="Social worker", opened_on=D(2024, 1, 1))
    worker = start(lead, team, post=post)
    assert Post.objects.get(pk=post.pk).holder == worker
    client.force_login(lead)
    response = client.post(
        reverse("staff:leaver", args=[worker.pk]), {**date("left_on", D(2025, 6, 30)), "leaving_reason": "other_la"}
    )
    assert response.status_code == 302
    worker.refresh_from_db()
    assert not worker.is_active and worker.staff_profile.left_on == D(2025, 6, 30)
    assert Post.objects.get(pk=post.pk).holder is None


def test_the_registration_year_runs_from_1_december_to_30_november():
    assert registration_year(D(2025, 12, 1)) == (D(2025, 12, 1), D(2026, 11, 30))
    assert registration_year(D(2025, 11, 30)) == (D(2024, 12, 1), D(2025, 11, 30))
    profile = StaffProfile(registered_until=D(2025, 11, 30))
    assert registration_status(profile, D(2025, 11, 10)) == "Renewal due"
    assert registration_status(profile, D(2025, 12, 1)) == "Lapsed"
    assert registration_status(profile, D(2025, 6, 1)) == "Registered"
    assert registration_status(None, D(2025, 6, 1)) == "Not recorded"


def test_the_staff_list_is_a_fixed_number_of_queries(client, lead, team, django_assert_max_num_queries):
    for n in range(5):
        start(lead, team, username=f"w{n}", started_on=datetime.date(2025, 5, 1))
    client.force_login(lead)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("staff:list")).status_code == 200
