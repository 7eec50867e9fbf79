"""The looked-after pages: who may open them, what they show and save, how a refusal is shown,
and what a page costs in queries."""

import datetime
import re

import pytest
from django.urls import reverse

from access.models import RecordRead
from looked_after import services
from looked_after.models import Episode, MissingEpisode, PeriodOfCare
from looked_after.tests.factories import WITH_PARENTS, at, move, start_care
from workforce.roles import Role

D = datetime.date
MISSING = 987654


@pytest.fixture
def records(worker, iro, child, today):
    """Jay in care since 1 May 2025 with a review and a missing episode he came back from."""
    start_care(worker, child, D(2025, 5, 1))
    review = services.review_record(actor=iro, child=child, held_on=D(2025, 5, 28), participation="PN1")
    action = services.review_action_add(
        actor=iro, review=review, action="Dental check", owner="Social worker", due_date=D(2025, 6, 30)
    )
    episode = services.missing_start(
        actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 30), 22), returned_at=at(D(2025, 5, 31), 9)
    )
    return {"review": review, "action": action, "missing": episode}


def urls_for(person_id, records) -> dict[str, str]:
    simple = [
        "record",
        "period_start",
        "placement_change",
        "legal_status_change",
        "period_end",
        "uasc",
        "pwp_agreement",
        "iro_assign",
        "iro_contact_new",
        "care_plan_new",
        "review_new",
        "health_check_new",
        "immunisation_new",
        "sdq_new",
        "substance_misuse_new",
        "conviction_new",
        "pep_new",
        "school_change",
        "missing",
        "missing_new",
    ]
    urls = {name: reverse(f"looked_after:{name}", args=[person_id]) for name in simple}
    review, action, missing = records["review"].pk, records["action"].pk, records["missing"].pk
    urls["review"] = reverse("looked_after:review", args=[person_id, review])
    urls["review_action_new"] = reverse("looked_after:review_action_new", args=[person_id, review])
    urls["review_action_done"] = reverse("looked_after:review_action_done", args=[person_id, review, action])
    urls["missing_return"] = reverse("looked_after:missing_return", args=[person_id, missing])
    urls["return_interview_new"] = reverse("looked_after:return_interview_new", args=[person_id, missing])
    episode = Episode.objects.filter(child=records["missing"].child_id).first()
    urls["episode_correct"] = reverse("looked_after:episode_correct", args=[person_id, episode.pk])
    urls["placement_correct"] = reverse("looked_after:placement_correct", args=[person_id, episode.placement_id])
    return urls


PAGES = [
    "record",
    "period_start",
    "placement_change",
    "legal_status_change",
    "period_end",
    "uasc",
    "pwp_agreement",
    "iro_assign",
    "iro_contact_new",
    "care_plan_new",
    "review_new",
    "health_check_new",
    "immunisation_new",
    "sdq_new",
    "substance_misuse_new",
    "conviction_new",
    "pep_new",
    "school_change",
    "missing",
    "missing_new",
    "review",
    "review_action_new",
    "review_action_done",
    "missing_return",
    "return_interview_new",
    "episode_correct",
    "placement_correct",
]
READ_PAGES = ["record", "review", "missing"]


def normalised(response) -> str:
    page = re.sub(r'nonce="[^"]*"', "", response.content.decode())
    return re.sub(r'name="(csrfmiddlewaretoken|form_token)" value="[^"]*"', "", page)


@pytest.mark.parametrize("page", PAGES)
def test_the_allocated_worker_opens_every_page_and_each_opening_is_logged(client, worker, child, records, page):
    client.force_login(worker)
    response = client.get(urls_for(child.pk, records)[page])
    assert response.status_code == 200
    assert "Jay Smith" in response.content.decode()
    assert RecordRead.objects.filter(person_id=child.pk, user=worker).count() == 1


@pytest.mark.parametrize("page", PAGES)
def test_a_worker_in_another_team_gets_the_same_404_as_for_a_missing_record(client, stranger, child, records, page):
    client.force_login(stranger)
    hidden = client.get(urls_for(child.pk, records)[page])
    missing = client.get(urls_for(MISSING, records)[page])
    assert hidden.status_code == missing.status_code == 404
    assert normalised(hidden) == normalised(missing)
    assert not RecordRead.objects.exists()


@pytest.mark.parametrize(
    "page",
    ["review", "review_action_new", "missing_return", "return_interview_new", "episode_correct", "placement_correct"],
)
def test_a_record_of_another_child_cannot_be_opened_through_this_one(client, worker, child, records, page):
    from people.services import person_create

    sibling = person_create(actor=worker, given_name="Amy", family_name="Smith", date_of_birth=D(2017, 5, 1))
    client.force_login(worker)
    assert client.get(urls_for(sibling.pk, records)[page]).status_code == 404


def test_a_reader_sees_the_record_but_cannot_open_the_forms(client, make_staff, child, records):
    leader = make_staff(Role.SENIOR_LEADER)
    client.force_login(leader)
    urls = urls_for(child.pk, records)
    for page in READ_PAGES:
        assert client.get(urls[page]).status_code == 200
    assert "does not record on it" in client.get(urls["record"]).content.decode()
    assert client.get(urls["review_new"]).status_code == 403


def test_an_adult_has_no_looked_after_pages(client, worker):
    from people.services import person_create

    mother = person_create(actor=worker, is_child=False, given_name="Sarah", family_name="Smith")
    client.force_login(worker)
    assert client.get(reverse("looked_after:record", args=[mother.pk])).status_code == 404


def test_the_record_shows_the_badges_the_current_placement_and_the_missing_history(client, worker, child, records):
    client.force_login(worker)
    page = client.get(reverse("looked_after:record", args=[child.pk])).content.decode()
    assert "Looked after" in page and "U6: Foster placement with other foster carer(s)" in page
    assert "missing 1 time" in page
    assert "Offer an independent return home interview" in page  # the RHI is due
    assert 'href="/people/%d/looked-after/"' % child.pk in page  # the tab


def test_the_record_page_costs_a_bounded_number_of_queries(
    client, worker, iro, child, records, django_assert_max_num_queries
):
    client.force_login(worker)
    url = reverse("looked_after:record", args=[child.pk])
    client.get(url)
    for day in range(1, 10):
        services.missing_start(
            actor=worker, child=child, kind="A", started_at=at(D(2025, 4, day), 20), returned_at=at(D(2025, 4, day), 23)
        )
    with django_assert_max_num_queries(45):
        assert client.get(url).status_code == 200


def _date(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_starting_a_period_of_care_through_the_page(client, worker, child, today):
    client.force_login(worker)
    url = reverse("looked_after:period_start", args=[child.pk])
    data = {
        **_date("start_date", D(2025, 6, 2)),
        "legal_status": "V2",
        "category_of_need": "N1",
        "home_postcode": "ne6 1aa",
        "placement_type": "U6",
        "provider": "PR1",
        "postcode": "NE1 4XF",
        "carer_name": "Mr and Mrs Patel",
        "local_authority": "391",
    }
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == reverse("looked_after:record", args=[child.pk])
    episode = Episode.objects.get(child=child)
    assert (episode.legal_status, episode.placement.carer_name, episode.home_postcode) == (
        "V2",
        "Mr and Mrs Patel",
        "NE6 1AA",
    )
    assert episode.placement.local_authority == "391"
    assert "(Newcastle upon Tyne)" in client.get(response.url).content.decode()


def test_the_placement_page_asks_which_local_authority_the_placement_is_in(client, worker, child, today):
    """Issue 16 finding 4: Annex A's list 8 needs the placement's authority; "Not known" is an answer."""
    client.force_login(worker)
    url = reverse("looked_after:period_start", args=[child.pk])
    data = {
        **_date("start_date", D(2025, 6, 2)),
        "legal_status": "V2",
        "category_of_need": "N1",
        "home_postcode": "NE6 1AA",
        "placement_type": "U6",
        "provider": "PR1",
        "postcode": "NE1 4XF",
    }
    page = client.post(url, data).content.decode()
    assert "Select the local authority the placement is in, or “Not known”" in page
    assert 'href="#id_local_authority"' in page
    assert not PeriodOfCare.objects.exists()
    assert client.post(url, {**data, "local_authority": "XYZ"}).status_code == 200  # not on the list: refused
    assert not PeriodOfCare.objects.exists()
    assert client.post(url, {**data, "local_authority": "NK"}).status_code == 302
    assert Episode.objects.get(child=child).placement.local_authority == "NK"


def test_a_refusal_is_shown_beside_its_field_and_nothing_is_saved(client, worker, child, today):
    client.force_login(worker)
    url = reverse("looked_after:period_start", args=[child.pk])
    data = {
        **_date("start_date", D(2025, 6, 2)),
        "legal_status": "V2",
        "category_of_need": "N1",
        "home_postcode": "NE6 1AA",
        "placement_type": "U6",
        "provider": "PR0",
        "postcode": "NE1 4XF",
        "local_authority": "391",
    }
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200 and "Error: Start a period of care" in page
    assert "Parents (PR0) can only provide a placement with parents (P1)" in page
    assert 'href="#id_provider"' in page
    assert not PeriodOfCare.objects.exists()


def test_a_placement_without_a_legal_status_is_refused_on_the_page(client, worker, child, today):
    client.force_login(worker)
    data = {
        **_date("start_date", D(2025, 6, 2)),
        "legal_status": "",
        "category_of_need": "N1",
        "home_postcode": "NE6 1AA",
        "placement_type": "U6",
        "provider": "PR1",
        "postcode": "NE1 4XF",
        "local_authority": "391",
    }
    page = client.post(reverse("looked_after:period_start", args=[child.pk]), data).content.decode()
    assert "Select the legal status: a child cannot be placed without one" in page
    assert not PeriodOfCare.objects.exists()


def test_a_change_of_placement_and_of_legal_status_through_the_pages(client, worker, child, today):
    start_care(worker, child, D(2025, 5, 1))
    client.force_login(worker)
    data = {
        **_date("change_date", D(2025, 5, 20)),
        "placement_type": "P1",
        "provider": "PR0",
        "postcode": "NE6 1AA",
        "local_authority": "391",
        "same_carers": "no",
        "reason_place_change": "CARPL",
        "legal_status": "V2",
    }
    assert client.post(reverse("looked_after:placement_change", args=[child.pk]), data).status_code == 302
    data = {**_date("change_date", D(2025, 5, 27)), "legal_status": "C2"}
    assert client.post(reverse("looked_after:legal_status_change", args=[child.pk]), data).status_code == 302
    assert list(Episode.objects.order_by("start_date").values_list("reason_new_episode", "legal_status")) == [
        ("S", "V2"),
        ("P", "V2"),
        ("L", "C2"),
    ]
    page = client.get(reverse("looked_after:record", args=[child.pk])).content.decode()
    assert "Placed with parents" in page


def test_missing_and_return_times_through_the_pages(client, worker, child, today):
    client.force_login(worker)
    data = {"kind": "M", **_date("started_date", D(2025, 6, 1)), "started_time": "22:15", "reported_to_police": "yes"}
    response = client.post(reverse("looked_after:missing_new", args=[child.pk]), data)
    assert response.status_code == 302
    episode = MissingEpisode.objects.get()
    assert "Missing now" in client.get(reverse("looked_after:record", args=[child.pk])).content.decode()
    url = reverse("looked_after:missing_return", args=[child.pk, episode.pk])
    page = client.post(url, {**_date("returned_date", D(2025, 6, 1)), "returned_time": "21:00"}).content.decode()
    assert "The time the child returned must be after the time they went missing, 1 June 2025 at 22:15" in page
    assert client.post(url, {**_date("returned_date", D(2025, 6, 2)), "returned_time": "09:00"}).status_code == 302
    url = reverse("looked_after:return_interview_new", args=[child.pk, episode.pk])
    page = client.post(
        url, {**_date("offered_date", D(2025, 6, 2)), "offered_time": "08:00", "accepted": "no"}
    ).content.decode()
    assert "The interview cannot be offered before the child returned, 2 June 2025 at 09:00" in page


def test_a_review_and_its_actions_through_the_pages(client, worker, iro, child, today):
    start_care(worker, child, D(2025, 5, 1))
    client.force_login(iro)
    response = client.post(
        reverse("looked_after:review_new", args=[child.pk]),
        {**_date("held_on", D(2025, 5, 28)), "participation": "PN1", "summary": "Going well."},
    )
    review = child.la_reviews.get()
    assert response.url == reverse("looked_after:review", args=[child.pk, review.pk])
    response = client.post(
        reverse("looked_after:review_action_new", args=[child.pk, review.pk]),
        {"action": "Book the dentist", "owner": "Foster carer", **_date("due_date", D(2025, 6, 30))},
    )
    assert response.status_code == 302
    assert "Book the dentist" in client.get(response.url).content.decode()


def test_the_pwp_tracker_lists_children_for_managers_iros_and_leaders_only(
    client, worker, manager, iro, child, make_staff, today
):
    start_care(worker, child, D(2024, 10, 1), legal_status="C2")
    move(worker, child, D(2024, 11, 1), WITH_PARENTS)
    url = reverse("looked_after_trackers:placed_with_parents")
    for user in (manager, iro, make_staff(Role.SENIOR_LEADER)):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "Jay Smith" in page and "6 months or more" in page and "No plan recorded" in page
    client.force_login(worker)
    assert client.get(url).status_code == 403


def test_the_pwp_tracker_costs_the_same_for_many_children(
    client, worker, manager, today, django_assert_max_num_queries
):
    from people.services import person_create

    for n in range(8):
        c = person_create(actor=worker, given_name=f"Child{n}", family_name="Jones", date_of_birth=D(2016, 1, 1))
        start_care(worker, c, D(2025, 1, 1 + n), legal_status="C2", placement=WITH_PARENTS)
    client.force_login(manager)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("looked_after_trackers:placed_with_parents")).content.decode()
    assert page.count('data-testid="pwp-long"') == 0 and "Child7 Jones" in page


def test_the_iro_home_page_lists_the_reviews_due_for_the_children_they_chair(client, worker, iro, child, today):
    start_care(worker, child, D(2025, 5, 1))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 2))
    client.force_login(iro)
    page = client.get(reverse("reviews_home")).content.decode()
    assert "Jay Smith" in page and "First looked-after review" in page and "2 June 2025" in page


def test_the_chronology_tells_the_story_in_sentences(client, worker, iro, child, records):
    from casework.chronology import describe
    from casework.models import ChronologyEvent

    move(worker, child, D(2025, 5, 20), WITH_PARENTS)
    sentences = [describe(e) for e in ChronologyEvent.objects.filter(child=child).order_by("occurred_at", "id")]
    assert (
        "Started to be looked after. Legal status: V2, Single period of accommodation under section 20 (Children Act 1989)."
        " Placement: U6, Foster placement with other foster carer(s) – not long term or FFA/concurrent planning"
        " (Mr and Mrs Patel)." in sentences
    )
    assert (
        "Change of placement and carer(s) only. Placement: P1, Placed with own parent(s) or other person(s) with "
        "parental responsibility (Ms Smith). Reason for the change of placement: change to/implementation of care plan."
    ) in sentences
    assert "Returned after 11.0 hours (missing from care)." in sentences
    client.force_login(worker)
    page = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert "Went missing" in page and "Looked-after review" in page


def test_correcting_an_episode_through_the_page(client, worker, child, today):
    start_care(worker, child, D(2025, 5, 2))
    move(worker, child, D(2025, 5, 12))
    moved = Episode.objects.get(child=child, end_date__isnull=True)
    client.force_login(worker)
    record = client.get(reverse("looked_after:record", args=[child.pk])).content.decode()
    url = reverse("looked_after:episode_correct", args=[child.pk, moved.pk])
    assert f'href="{url}"' in record
    form = {"legal_status": "V2", "category_of_need": "N1", "home_postcode": "NE6 1AA", "reason": ""}

    for data, message in (
        ({**form, **_date("start_date", D(2025, 5, 9))}, "Enter why the record is being corrected"),
        ({**form, **_date("start_date", D(2025, 5, 1)), "reason": "Wrong date"}, "when the episode before started"),
    ):
        refused = client.post(url, data)
        page = refused.content.decode()
        assert refused.status_code == 200 and "govuk-error-summary" in page and message in page
        assert Episode.objects.get(pk=moved.pk).start_date == D(2025, 5, 12)

    done = client.post(
        url, {**form, **_date("start_date", D(2025, 5, 9)), "reason": "Date taken from the wrong letter"}
    )
    assert done.status_code == 302
    assert [e.end_date for e in Episode.objects.filter(child=child).order_by("start_date")] == [D(2025, 5, 9), None]
    chronology = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert "Correction to the episode from 12 May 2025: start date 12 May 2025 to 9 May 2025" in chronology


def test_a_reader_sees_no_correction_links(client, make_staff, child, records):
    client.force_login(make_staff(Role.SENIOR_LEADER))
    assert "Correct episode" not in client.get(reverse("looked_after:record", args=[child.pk])).content.decode()


def test_correcting_the_end_of_a_period_through_the_page(client, worker, child, today):
    period = start_care(worker, child, D(2025, 5, 2))
    services.period_end(actor=worker, child=child, end_date=D(2025, 5, 30), reason_ceased="E13")
    client.force_login(worker)
    url = reverse("looked_after:period_end_correct", args=[child.pk, period.pk])
    assert f'href="{url}"' in client.get(reverse("looked_after:record", args=[child.pk])).content.decode()
    refused = client.post(url, {**_date("end_date", D(2025, 5, 1)), "reason_ceased": "E13", "reason": "Wrong date"})
    assert refused.status_code == 200 and "when the last episode started" in refused.content.decode()
    assert PeriodOfCare.objects.get(pk=period.pk).end_date == D(2025, 5, 30)
    done = client.post(url, {**_date("end_date", D(2025, 5, 29)), "reason_ceased": "E4A", "reason": "Wrong date"})
    assert done.status_code == 302 and PeriodOfCare.objects.get(pk=period.pk).end_date == D(2025, 5, 29)


def test_an_open_period_has_no_end_to_correct_through_the_page(client, worker, child, today):
    period = start_care(worker, child, D(2025, 5, 2))
    client.force_login(worker)
    assert client.get(reverse("looked_after:period_end_correct", args=[child.pk, period.pk])).status_code == 404
