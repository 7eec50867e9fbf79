"""Bad input is never a 500 (issue 12, finding 5): a twenty-digit day, month or year, an id in a
query string that is not a number, or one too big for the database, gives a GOV.UK error
message or a 404, on every form with a date and every filter that reads the query string."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.forms import DateField, parse_id
from workforce.roles import Role

HUGE = "9" * 20

pytestmark = pytest.mark.usefixtures("today")


@pytest.mark.parametrize(
    "parts",
    [
        [HUGE, "3", "2025"],
        ["27", HUGE, "2025"],
        ["27", "3", HUGE],
        [HUGE, HUGE, HUGE],
        ["+1", "3", "2025"],
        ["1_0", "3", "2025"],
        ["27", "3", "２０２５"],
        ["27", "3", "0999"],
    ],
)
def test_a_date_that_is_not_a_real_date_is_an_error_message_not_an_exception(parts):
    field = DateField(label="Date of visit")
    with pytest.raises(ValidationError) as raised:
        field.clean(parts)
    assert raised.value.messages == ["Date of visit must be a real date"]


def test_a_real_date_still_reads():
    assert DateField(label="Date of visit").clean(["27", "03", "2025"]) == datetime.date(2025, 3, 27)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("12", 12),
        (" 12 ", 12),
        (12, 12),
        ("", None),
        (None, None),
        ("'", None),
        ("-1", None),
        ("0", None),
        ("+1", None),
        ("1_0", None),
        ("١٢", None),
        ("1e3", None),
        (HUGE, None),
        (str(2**63), None),
        (str(2**63 - 1), 2**63 - 1),
        (True, None),
    ],
)
def test_parse_id_reads_only_ids(value, expected):
    assert parse_id(value) == expected


# --- Every form with a date, found by walking the URLs ------------------------------------------

_DATE_BOXES = re.compile(r'name="([\w-]+)_0"')


def _routes(patterns=None, prefix=""):
    """(name, argument names) of every URL, with its namespace."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            space = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from _routes(pattern.url_patterns, space)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{prefix}{pattern.name}", set(pattern.pattern.converters)


@pytest.fixture
def staff(make_staff, team, worker, manager):
    """Everyone who records something somewhere, so that each form is seen by someone who may use it."""
    return [worker, manager] + [
        make_staff(role, team=team)
        for role in (
            Role.MASH_WORKER,
            Role.IRO,
            Role.LADO_OFFICER,
            Role.PRIVATE_FOSTERING_OFFICER,
            Role.PERSONAL_ADVISER,
            Role.QA_OFFICER,
            Role.SENIOR_LEADER,
            Role.SYSTEM_ADMIN,
        )
    ]


@pytest.fixture
def signed_in(staff):
    """A client for each of `staff`, signed in once: the walks below ask hundreds of URLs of each
    person, and signing in again before each (a session and an access-log row) was half their time."""
    from django.test import Client

    clients = []
    for user in staff:
        client = Client()
        client.force_login(user)
        clients.append((user, client))
    return clients


def test_a_twenty_digit_date_posted_to_every_form_with_a_date_is_never_a_server_error(signed_in, child):
    posted = set()
    for name, arguments in _routes():
        if not arguments <= {"person_id"} or name.startswith("admin:"):
            continue
        url = reverse(name, kwargs={"person_id": child.pk} if arguments else {})
        for user, client in signed_in:
            page = client.get(url)
            assert page.status_code < 500, (url, user.role)
            # A page may be a file (a PDF or a spreadsheet download): it has no form to post to.
            html = page.content.decode(errors="replace")
            boxes = {b for b in _DATE_BOXES.findall(html) if 'method="post"' in html}
            if page.status_code != 200 or not boxes:
                continue
            data = {f"{box}_{i}": HUGE for box in boxes for i in range(3)}
            response = client.post(url, data)
            assert response.status_code < 500, (url, user.role)
            posted.add(name)
            break
    # The walk found the forms: the common ones, and many in all.
    assert {"casework:visit_new", "casework:note_new", "front_door:referral_new", "people:child_new"} <= posted
    assert len(posted) >= 30, sorted(posted)


def test_the_visit_form_says_the_date_must_be_real(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("casework:visit_new", args=[child.pk]),
        {"visit_date_0": "2", "visit_date_1": "6", "visit_date_2": HUGE, "visit_time": "09:30"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The date of the visit must be a real date" in body and 'href="#id_visit_date_0"' in body


@pytest.mark.parametrize(
    "query",
    [
        {"date_of_birth_0": HUGE, "date_of_birth_1": "1", "date_of_birth_2": "2015", "name": "Smith"},
        {"date_of_birth_0": "1", "date_of_birth_1": "1", "date_of_birth_2": HUGE},
        {"name": "Smith", "page": HUGE},
        {"name": "Smith", "page": "'"},
    ],
)
def test_search_with_a_twenty_digit_date_or_page(client, worker, child, query):
    client.force_login(worker)
    assert client.get(reverse("people:search"), query).status_code == 200


@pytest.mark.parametrize("name", ["casework:chronology", "casework:chronology_print", "casework:notes"])
@pytest.mark.parametrize(
    "query",
    [
        {"date_from_0": HUGE, "date_from_1": "1", "date_from_2": "2025"},
        {"date_to_0": "1", "date_to_1": HUGE, "date_to_2": "2025"},
        {
            "date_from_0": "1",
            "date_from_1": "1",
            "date_from_2": HUGE,
            "date_to_0": HUGE,
            "date_to_1": HUGE,
            "date_to_2": HUGE,
        },
        {"page": HUGE},
        {"page": "'"},
        {"category": "'"},
    ],
)
def test_chronology_and_note_filters_with_a_twenty_digit_date(client, worker, child, name, query):
    client.force_login(worker)
    response = client.get(reverse(name, args=[child.pk]), query)
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["'", HUGE, "-1", "1_0", str(2**63)])
def test_a_referral_from_a_contact_that_is_not_an_id(client, worker, child, value):
    client.force_login(worker)
    response = client.get(reverse("front_door:referral_new", args=[child.pk]), {"contact": value})
    assert response.status_code == 200
    assert "Record a referral" in response.content.decode()


@pytest.mark.parametrize("value", ["'", HUGE, "-1", "1_0", str(2**63)])
def test_my_team_with_a_worker_that_is_not_an_id(client, manager, value):
    client.force_login(manager)
    assert client.get(reverse("my_team"), {"worker": value, "what": "'"}).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        {"worker": HUGE},
        {"team": HUGE},
        {"worker": "'"},
        {"team": str(2**63)},
        {"page": HUGE},
        {"check": "'"},
        {"unallocated": "'"},
    ],
)
def test_data_quality_children_with_ids_that_are_not_ids(client, make_staff, query):
    client.force_login(make_staff(Role.SENIOR_LEADER))
    assert client.get(reverse("data_quality:children"), query).status_code in (200, 404)


@pytest.mark.parametrize("query", [{"page": HUGE}, {"page": "'"}])
def test_visits_and_who_viewed_pages_with_a_page_that_is_not_a_number(client, worker, manager, child, query):
    client.force_login(worker)
    assert client.get(reverse("casework:visits", args=[child.pk]), query).status_code == 200
    client.force_login(manager)
    assert client.get(reverse("people:viewed", args=[child.pk]), query).status_code in (200, 403, 404)


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "cin_census", "year": HUGE},
        {"kind": "annex_a", "as_of": HUGE, "months": HUGE},
        {"kind": "annex_a", "as_of_0": HUGE, "as_of_1": HUGE, "as_of_2": HUGE, "months": HUGE},
        {"kind": "'"},
    ],
)
def test_the_returns_page_with_numbers_too_big(client, make_staff, data):
    client.force_login(make_staff(Role.QA_OFFICER))
    assert client.get(reverse("returns:home")).status_code == 200
    assert client.post(reverse("returns:home"), data).status_code < 500


def test_an_id_too_big_for_the_database_in_any_url_is_a_404(signed_in):
    for name, arguments in _routes():
        if not arguments or name.startswith("admin:"):
            continue
        url = reverse(name, kwargs={argument: int(HUGE) for argument in arguments})
        for user, client in signed_in:
            # 405 for a page that only takes a POST (ending a warning), before any lookup.
            assert client.get(url).status_code in (403, 404, 405), (url, user.role)
