"""Recording a visit costs a bounded number of SQL queries whatever areas the child is open in.
The visit fans out to the due items of every area the child is in, the chronology and the
data-quality checks, so the heaviest child is one open in them all at once: a 16-year-old in
care on a child protection plan, with an open CIN episode, a permanence decision, care
proceedings and a care leaver (eligible child) record.

As the test client counts them (its savepoints included): 47 queries before issue 19, then 35,
and 16 since the providers declare what they read (timescales.reads) and the engine reads it for
all of them, with the child's due items, in one query after locking the child: the session and
the user, the child fetched and authorised with its line in the read log, the visit and its
chronology line, the lock, that one read, the due items updated and inserted, the data-quality
checks, the savepoints of the service and of the session's save, and the session saved. With the
form token the page sends (claimed, then marked finished), 20: issue 19's target."""

import datetime

import pytest
from django.urls import reverse

from care_leavers import services as care_leaver_services
from casework.choices import VisitType
from children_in_need.testing import TODAY, at, make_contact, make_cp_plan
from core.tests.test_once_only import token_from
from looked_after import services as looked_after_services
from looked_after.tests.factories import start_care, statutory_visit
from permanence import services as permanence_services
from workforce.roles import Role

D = datetime.date
VISIT_QUERY_LIMIT = 20


@pytest.fixture
def today(clock):
    clock.travel_to(at(TODAY, 17))
    return TODAY


@pytest.fixture
def iro(make_staff):
    from workforce.services import team_create

    return make_staff(
        Role.IRO, team=team_create(name="Independent Reviewing Service"), first_name="Irene", last_name="Reviewer"
    )


@pytest.fixture
def adviser(make_staff):
    return make_staff(Role.PERSONAL_ADVISER, first_name="Pat", last_name="Adviser")


@pytest.fixture
def open_everywhere(worker, iro, adviser, today):
    """Tyler, 16 since 10 September 2024: contacts and a referral, a CP plan since January 2025,
    in care since February with something in every table the looked-after provider reads, a
    permanence decision, care proceedings and a care leaver record."""
    from people.services import person_create

    child = person_create(actor=worker, given_name="Tyler", family_name="Brown", date_of_birth=D(2008, 9, 10))
    make_contact(worker, child, received_at=at(D(2025, 1, 2), 9))
    make_cp_plan(worker, child, referral_on=D(2025, 1, 6), icpc_on=D(2025, 1, 20))
    start_care(worker, child, D(2025, 2, 3), legal_status="C2")
    looked_after_services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 2, 5))
    looked_after_services.care_plan_record(actor=worker, child=child, agreed_on=D(2025, 2, 10))
    looked_after_services.review_record(actor=iro, child=child, held_on=D(2025, 2, 28), participation="PN1")
    looked_after_services.health_check_record(actor=worker, child=child, kind="iha", done_on=D(2025, 2, 20))
    looked_after_services.pep_record(actor=worker, child=child, held_on=D(2025, 2, 12))
    looked_after_services.missing_start(
        actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 3), 22), returned_at=at(D(2025, 5, 4), 9)
    )
    statutory_visit(worker, child, at(D(2025, 2, 10), 10))
    permanence_services.permanence_decision_record(
        actor=worker, child=child, option="long_term_fostering", decided_on=D(2025, 4, 1), decision_maker="Alex Moore"
    )
    permanence_services.care_proceedings_start(actor=worker, child=child, kind="care", issued_on=D(2025, 2, 3))
    care_leaver_services.care_leaver_start(
        actor=worker,
        person=child,
        category="eligible",
        category_since=D(2025, 5, 1),
        eligible_from=D(2025, 5, 1),
        personal_adviser=adviser,
    )
    return child


def _visit_form():
    return {
        "visit_date_0": "1",
        "visit_date_1": "6",
        "visit_date_2": "2025",
        "visit_time": "10:30",
        "visit_type": VisitType.STATUTORY_CLA,
        "child_seen": "yes",
        "seen_alone": "yes",
        "bedroom_seen": "yes",
        "voice_of_child": "Likes the new school.",
        "observations": "Settled with the carers.",
        "next_steps": "",
    }


def test_the_child_is_open_in_every_area_whose_due_items_a_visit_refreshes(open_everywhere):
    from timescales.models import DueItem

    rules = set(
        DueItem.objects.filter(person=open_everywhere, completed_at__isnull=True).values_list("rule_code", flat=True)
    )
    # Child protection, looked after, permanence and care leavers each have an open item.
    assert {"cp_visit", "reg28_visit", "dental_check", "care_proceedings_26w", "pathway_plan_3m"} <= rules, rules


def test_recording_a_visit_to_a_child_open_in_every_area_has_a_bounded_query_count(
    client, worker, open_everywhere, django_assert_max_num_queries
):
    client.force_login(worker)
    url = reverse("casework:visit_new", args=[open_everywhere.pk])
    client.get(url)
    with django_assert_max_num_queries(VISIT_QUERY_LIMIT):
        response = client.post(url, _visit_form())
    assert response.status_code == 302
    assert open_everywhere.visits.count() == 2


def test_recording_a_visit_with_its_form_token_stays_within_the_bound(
    client, worker, open_everywhere, django_assert_max_num_queries
):
    """As the browser sends it: the page's one-time token is claimed and then marked finished."""
    client.force_login(worker)
    url = reverse("casework:visit_new", args=[open_everywhere.pk])
    token = token_from(client.get(url))
    with django_assert_max_num_queries(VISIT_QUERY_LIMIT):
        response = client.post(url, {"form_token": token, **_visit_form()})
    assert response.status_code == 302
    assert open_everywhere.visits.count() == 2


NOTE_QUERY_LIMIT = 15


def test_recording_a_case_note_to_a_child_open_in_every_area_has_a_bounded_query_count(
    client, worker, open_everywhere, django_assert_max_num_queries
):
    """Every step that records on the child's record refreshes the due items the same way: a
    case note costs what a visit costs, less the due items it leaves unchanged, plus the content
    type of a note the first time a process records one."""
    client.force_login(worker)
    url = reverse("casework:note_new", args=[open_everywhere.pk])
    client.get(url)
    data = {
        "note_type": "telephone",
        "note_date_0": "1",
        "note_date_1": "6",
        "note_date_2": "2025",
        "note_time": "11:15",
        "subject": "Call from school",
        "body": "Tyler was upset this morning.",
    }
    with django_assert_max_num_queries(NOTE_QUERY_LIMIT):
        response = client.post(url, data)
    assert response.status_code == 302
    assert open_everywhere.case_notes.count() == 1


def test_recording_a_visit_in_a_process_whose_caches_are_cold_stays_within_the_bound(
    client, worker, open_everywhere, timescales_caches
):
    """What `make bench` saw (up to 22 queries): a server process recording its first visits, or
    one whose five-minute caches of the calendar and the local standards have just lapsed, also
    looks up the content type of each kind of record the visit touches (the visit, its chronology
    line, the due items' sources), one query each: 26 in all, until core.content_types read them
    all at once. Counted as `make bench` counts them (core.sql_timing: the statements sent, not
    the test client's BEGIN, COMMIT and savepoints)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from core.sql_timing import _Timer
    from timescales.testing import reset_caches

    client.force_login(worker)
    url = reverse("casework:visit_new", args=[open_everywhere.pk])
    token = token_from(client.get(url))
    ContentType.objects.clear_cache()
    reset_caches()
    sent = _Timer(count_savepoints=False)
    with connection.execute_wrapper(sent):
        response = client.post(url, {"form_token": token, **_visit_form()})
    assert response.status_code == 302
    assert open_everywhere.visits.count() == 2
    assert sent.queries <= VISIT_QUERY_LIMIT, sent.queries
