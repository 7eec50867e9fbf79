"""The casework pages of a child's record: who may open them, what they show, and what they cost."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.models import RecordRead
from casework.choices import CaseNoteType
from casework.chronology import chronology_record
from casework.models import Allocation, CaseNote, Document, Visit
from casework.tests.factories import FILES, hours_ago, make_note, make_visit, upload
from people.models import Person
from people.services import person_create
from workforce.roles import Role

MISSING = 987654


@pytest.fixture
def records(worker, child):
    """One of each record, so the detail and download pages have something to open."""
    visit = make_visit(actor=worker, child=child)
    note = make_note(actor=worker, child=child, upload=upload("report.pdf"))
    return {"visit": visit, "note": note, "document": note.documents.get()}


def urls_for(person_id, records) -> dict[str, str]:
    """Every casework page of a record, by URL name."""
    one = {"visit": ("visit_id", "visit"), "note": ("note_id", "note"), "document": ("document_id", "document")}
    urls = {}
    for name in ["visits", "visit_new", "notes", "note_new", "chronology", "chronology_print", "allocation"]:
        urls[name] = reverse(f"casework:{name}", args=[person_id])
    for name, (_, key) in one.items():
        urls[name] = reverse(f"casework:{name}", args=[person_id, records[key].pk])
    return urls


PAGES = [
    "visits",
    "visit_new",
    "visit",
    "notes",
    "note_new",
    "note",
    "document",
    "chronology",
    "chronology_print",
    "allocation",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_allocated_worker_opens_every_page_and_each_opening_is_logged(client, worker, child, records, page):
    client.force_login(worker)
    response = client.get(urls_for(child.pk, records)[page])
    assert response.status_code == 200
    if page != "document":
        assert "Jonathan Smith" in response.content.decode()  # whose record it is
    assert RecordRead.objects.filter(person_id=child.pk, user=worker).count() == 1


def normalised(response) -> str:
    """The page without what differs between any two responses: the CSP nonce and the CSRF token."""
    page = re.sub(r'nonce="[^"]*"', "", response.content.decode())
    return re.sub(r'name="(csrfmiddlewaretoken|form_token)" value="[^"]*"', "", page)


@pytest.mark.parametrize("page", PAGES)
def test_a_worker_in_another_team_gets_the_same_404_as_for_a_missing_record(client, stranger, child, records, page):
    client.force_login(stranger)
    hidden = client.get(urls_for(child.pk, records)[page])
    missing = client.get(urls_for(MISSING, records)[page])
    assert hidden.status_code == missing.status_code == 404
    assert normalised(hidden) == normalised(missing)
    assert not RecordRead.objects.exists()


@pytest.mark.parametrize("page", ["visit", "note", "document"])
def test_a_record_of_another_child_cannot_be_opened_through_this_one(client, worker, child, records, page):
    sibling = person_create(
        actor=worker, given_name="Amy", family_name="Smith", date_of_birth=datetime.date(2017, 5, 1)
    )
    client.force_login(worker)
    assert client.get(urls_for(sibling.pk, records)[page]).status_code == 404


def test_an_adult_has_no_casework_pages(client, worker, child):
    mother = person_create(actor=worker, is_child=False, given_name="Sarah", family_name="Smith")
    from people.services import relationship_add

    relationship_add(actor=worker, child=child, other=mother, kind="mother")
    client.force_login(worker)
    assert client.get(reverse("casework:visits", args=[mother.pk])).status_code == 404


def test_the_document_downloads_with_its_original_name(client, worker, child, records):
    client.force_login(worker)
    response = client.get(urls_for(child.pk, records)["document"])
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == FILES["report.pdf"]


# --- Query counts: the same whatever the length of the list --------------------------------


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def add_visits(worker, child, n):
    for i in range(n):
        make_visit(actor=worker, child=child, visited_at=hours_ago(10 + i))


def add_notes(worker, child, n):
    for i in range(n):
        make_note(actor=worker, child=child, occurred_at=hours_ago(10 + i), upload=upload("notes.txt"))


def add_events(worker, child, n):
    for i in range(n):
        chronology_record(
            child=child,
            event_type="warning.added",
            occurred_at=hours_ago(10 + i),
            actor=worker,
            data={"kind": "Dog", "review_date": "01/01/2030"},
        )


@pytest.mark.parametrize(("page", "add"), [("visits", add_visits), ("notes", add_notes), ("chronology", add_events)])
def test_list_pages_cost_the_same_with_5_or_30_items(client, worker, child, django_assert_max_num_queries, page, add):
    client.force_login(worker)
    url = reverse(f"casework:{page}", args=[child.pk])
    add(worker, child, 5)
    client.get(url)  # the first request warms caches (content types, the session)
    with_five = queries_for(client, url)
    add(worker, child, 25)
    with django_assert_max_num_queries(with_five):
        response = client.get(url)
    assert response.status_code == 200


def test_the_allocation_page_costs_the_same_with_a_long_history(
    client, worker, child, manager, team, django_assert_max_num_queries
):
    from casework.services import allocation_change

    client.force_login(manager)
    url = reverse("casework:allocation", args=[child.pk])
    client.get(url)
    baseline = queries_for(client, url)
    for _ in range(10):
        allocation_change(
            actor=manager, child=child, team=team, worker=worker, start_date=timezone.localdate(), reason="other"
        )
    with django_assert_max_num_queries(baseline):
        client.get(url)


# --- Visits --------------------------------------------------------------------------------


def test_the_visits_list_shows_what_matters_newest_first(client, worker, child):
    make_visit(
        actor=worker, child=child, visited_at=hours_ago(50), child_seen=False, seen_alone=False, bedroom_seen=None
    )
    make_visit(actor=worker, child=child, visited_at=hours_ago(2))
    client.force_login(worker)
    body = client.get(reverse("casework:visits", args=[child.pk])).content.decode()
    assert "<caption" in body and body.index("govuk-tag--green") < body.index("govuk-tag--red")
    assert "Does not apply" in body and "Sam Worker" in body


def test_the_visits_list_is_paginated_by_25(client, worker, child):
    add_visits(worker, child, 26)
    client.force_login(worker)
    first = client.get(reverse("casework:visits", args=[child.pk])).content.decode()
    second = client.get(reverse("casework:visits", args=[child.pk]), {"page": 2}).content.decode()
    assert first.count('href="/people/%d/visits/' % child.pk) >= 25 and 'rel="next"' in first
    assert 'rel="prev"' in second


def visit_post(day: datetime.date, **overrides):
    data = {
        "visit_date_0": str(day.day),
        "visit_date_1": str(day.month),
        "visit_date_2": str(day.year),
        "visit_time": "09:30",
        "visit_type": "cp",
        "child_seen": "yes",
        "seen_alone": "yes",
        "bedroom_seen": "yes",
        "voice_of_child": "I like my room.",
        "observations": "Room clean, bed made.",
        "next_steps": "Visit in 10 days",
    }
    return data | overrides


def test_recording_a_visit_returns_to_the_list_with_a_success_message(client, worker, child):
    client.force_login(worker)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(reverse("casework:visit_new", args=[child.pk]), visit_post(yesterday), follow=True)
    assert response.redirect_chain == [(reverse("casework:visits", args=[child.pk]), 302)]
    assert "Visit recorded" in response.content.decode()
    visit = Visit.objects.get()
    assert timezone.localtime(visit.visited_at).time() == datetime.time(9, 30)
    assert (visit.recorded_by, visit.voice_of_child) == (worker, "I like my room.")


def post_bad_visit(client, worker, child):
    client.force_login(worker)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = visit_post(tomorrow, child_seen="no", seen_alone="yes", voice_of_child="He was out <b>")
    return client.post(reverse("casework:visit_new", args=[child.pk]), data), tomorrow


def test_a_bad_visit_shows_the_error_summary_and_keeps_what_was_typed(client, worker, child):
    response, _ = post_bad_visit(client, worker, child)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Record a visit" in body and "govuk-error-summary" in body
    assert "The date of the visit must be today or in the past" in body
    assert "cannot have been seen alone if they were not seen" in body
    assert "He was out &lt;b&gt;" in body and 'value="09:30"' in body
    assert 'value="cp" checked' in body and 'value="yes" checked' in body
    assert not Visit.objects.exists()


def test_a_bad_visit_keeps_the_date_that_was_typed(client, worker, child):
    response, tomorrow = post_bad_visit(client, worker, child)
    body = response.content.decode()
    assert 'href="#id_visit_date_0"' in body and 'id="id_visit_date_0"' in body
    assert 'name="visit_date_2"' in body and f'value="{tomorrow.year}"' in body


def test_an_error_on_radios_links_to_the_first_radio(client, worker, child):
    response, _ = post_bad_visit(client, worker, child)
    body = response.content.decode()
    assert 'href="#id_seen_alone_0"' in body and 'id="id_seen_alone_0"' in body


def test_the_visit_form_is_accessible_markup(client, worker, child):
    client.force_login(worker)
    body = client.get(reverse("casework:visit_new", args=[child.pk])).content.decode()
    assert "novalidate" in body
    assert body.count("<fieldset") >= 5  # date, type, seen, seen alone, bedroom: radios and dates have legends
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Was the child seen alone?</legend>' in body


# --- Case notes ----------------------------------------------------------------------------


def note_post(day: datetime.date, **overrides):
    data = {
        "note_type": "telephone",
        "note_date_0": str(day.day),
        "note_date_1": str(day.month),
        "note_date_2": str(day.year),
        "note_time": "11:15",
        "subject": "Call from school",
        "body": "Jay was upset this morning.",
    }
    return data | overrides


def test_adding_a_case_note_with_a_document(client, worker, child):
    client.force_login(worker)
    today = timezone.localdate()
    response = client.post(
        reverse("casework:note_new", args=[child.pk]),
        note_post(today, note_time="00:00", upload=upload("letter.docx")),
        follow=True,
    )
    assert response.redirect_chain == [(reverse("casework:notes", args=[child.pk]), 302)]
    body = response.content.decode()
    assert "Case note added" in body and "letter.docx" in body
    document = Document.objects.get()
    assert document.case_note == CaseNote.objects.get() and document.original_name == "letter.docx"


def test_a_bad_upload_shows_the_error_and_keeps_the_note(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("casework:note_new", args=[child.pk]),
        note_post(timezone.localdate(), note_time="00:00", upload=upload("photo.jpg", b"not a jpeg")),
    )
    body = response.content.decode()
    assert 'href="#id_upload"' in body and "The selected file is not a real JPEG image" in body
    assert 'value="Call from school"' in body and "Jay was upset this morning." in body
    assert not CaseNote.objects.exists()


def test_the_case_note_list_filters_by_type(client, worker, child):
    make_note(actor=worker, child=child, subject="Phoned mum")
    make_note(
        actor=worker, child=child, note_type=CaseNoteType.MANAGEMENT_OVERSIGHT, subject="Oversight: plan on track"
    )
    client.force_login(worker)
    body = client.get(reverse("casework:notes", args=[child.pk]), {"type": "management_oversight"}).content.decode()
    assert "Oversight: plan on track" in body and "Phoned mum" not in body


# --- Chronology ----------------------------------------------------------------------------


def test_the_chronology_is_a_timeline_with_significant_events_flagged(client, worker, child):
    make_visit(actor=worker, child=child)
    add_events(worker, child, 1)
    client.force_login(worker)
    body = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert 'class="moj-timeline"' in body and "moj-timeline__item" in body
    assert "Home visit: child seen alone." in body
    assert 'govuk-tag--red">Significant</strong>' in body and "app-significant" in body


def test_the_chronology_filters(client, worker, child):
    make_visit(actor=worker, child=child)
    add_events(worker, child, 1)
    client.force_login(worker)
    url = reverse("casework:chronology", args=[child.pk])
    visits_only = client.get(url, {"category": "visit"}).content.decode()
    assert "Home visit: child seen alone." in visits_only and "Warning added" not in visits_only
    both = client.get(url, {"category": ["visit", "warning"]}).content.decode()
    assert "Home visit: child seen alone." in both and "Warning added: Dog" in both and "Record created" not in both
    assert 'type="checkbox" value="visit" checked' in both and 'type="checkbox" value="warning" checked' in both
    significant = client.get(url, {"significant": "on"}).content.decode()
    assert "Warning added: Dog" in significant and "Home visit" not in significant
    past = client.get(url, {"date_to_0": "1", "date_to_1": "1", "date_to_2": "2000"}).content.decode()
    assert "No events match the filters." in past


def test_the_chronology_is_paginated_by_50(client, worker, child):
    add_events(worker, child, 55)  # and the record's own two events
    client.force_login(worker)
    url = reverse("casework:chronology", args=[child.pk])
    first = client.get(url, {"significant": "on"}).content.decode()
    assert first.count('data-testid="chronology-item"') == 50
    assert 'href="?significant=on&amp;page=2"' in first
    second = client.get(url, {"significant": "on", "page": 2}).content.decode()
    assert second.count('data-testid="chronology-item"') == 5


def test_the_printable_chronology(client, worker, child):
    make_visit(actor=worker, child=child)
    add_events(worker, child, 1)
    client.force_login(worker)
    response = client.get(reverse("casework:chronology_print", args=[child.pk]), {"category": "warning"})
    body = response.content.decode()
    assert "moj-sub-navigation" not in body and "govuk-service-navigation" not in body and "govuk-footer" not in body
    assert "Jonathan Smith" in body and "27 March 2015" in body and child.la_id in body
    assert "Printed by" in body and "Sam Worker" in body and "Printed on" in body
    assert "Categories: Warnings" in body
    assert "Warning added: Dog" in body and "Home visit" not in body


# --- Allocation ----------------------------------------------------------------------------


def test_a_social_worker_sees_the_history_but_cannot_change_it(client, worker, child, team):
    client.force_login(worker)
    body = client.get(reverse("casework:allocation", args=[child.pk])).content.decode()
    assert "Allocation history" in body and team.name in body and "Sam Worker" in body
    assert "Change the allocation" not in body
    response = client.post(reverse("casework:allocation", args=[child.pk]), {"team": team.pk})
    assert response.status_code == 403
    assert Allocation.objects.filter(child=child).count() == 1


def allocation_post(team, worker, day=None, reason="caseload"):
    day = day or timezone.localdate()
    return {
        "team": team.pk,
        "worker": worker.pk,
        "start_date_0": str(day.day),
        "start_date_1": str(day.month),
        "start_date_2": str(day.year),
        "reason": reason,
    }


def test_the_team_manager_changes_the_allocation(client, child, manager, team, make_staff):
    colleague = make_staff(Role.SOCIAL_WORKER, team=team, first_name="Robin", last_name="Colleague")
    client.force_login(manager)
    url = reverse("casework:allocation", args=[child.pk])
    form_page = client.get(url).content.decode()
    assert "Change the allocation" in form_page and "Robin Colleague" in form_page
    response = client.post(url, allocation_post(team, colleague), follow=True)
    assert "Jonathan Smith allocated to Robin Colleague" in response.content.decode()
    assert Person.objects.get(pk=child.pk).current_worker == colleague
    assert Allocation.objects.get(child=child, end_date__isnull=True).worker == colleague


def test_a_worker_outside_the_team_is_refused(client, child, manager, team, stranger):
    client.force_login(manager)
    response = client.post(reverse("casework:allocation", args=[child.pk]), allocation_post(team, stranger))
    body = response.content.decode()
    assert f"Select a worker in {team.name}" in body and 'href="#id_worker"' in body
    assert Person.objects.get(pk=child.pk).current_team == team


def test_choosing_another_team_lists_its_workers(client, child, manager, other_team, stranger):
    client.force_login(manager)
    body = client.get(reverse("casework:allocation", args=[child.pk]), {"choose-team": other_team.pk}).content.decode()
    assert f"Worker in {other_team.name}" in body and "Stella Stranger" in body and "Sam Worker</option>" not in body


def test_a_future_start_date_is_refused(client, child, manager, team, worker):
    client.force_login(manager)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    body = client.post(
        reverse("casework:allocation", args=[child.pk]), allocation_post(team, worker, tomorrow)
    ).content.decode()
    assert "The start date must be today or in the past" in body


def test_a_system_administrator_sees_the_allocation_only_under_break_glass_and_may_not_change_it(
    client, child, make_staff, team, worker
):
    """Administrators do not read case files (a 404 without break-glass access), and allocating is
    the team manager's decision (access.capabilities.TABLE): under break-glass they read only."""
    from access.services import break_glass_open

    admin = make_staff(Role.SYSTEM_ADMIN)
    client.force_login(admin)
    assert client.get(reverse("casework:allocation", args=[child.pk])).status_code == 404
    break_glass_open(actor=admin, la_id=child.la_id, reason="Ticket 12: the leaver's cases need a new team")
    response = client.get(reverse("casework:allocation", args=[child.pk]))
    assert response.status_code == 200 and "Change the allocation" not in response.content.decode()
    start = timezone.localdate()
    assert (
        client.post(reverse("casework:allocation", args=[child.pk]), allocation_post(team, worker, start)).status_code
        == 403
    )
