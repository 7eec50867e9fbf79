"""Issue 12, finding 2: roles that only read could write to any child.

A QA officer, senior leader, LADO, private fostering officer, IRO, MASH worker and system
administrator each recorded a visit, a case note, a warning and a new address on a child of
another team (302, rows written). Now each gets the 403 page, for the form and for the post,
and nothing is written; the child's own worker still records all four.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import CaseNote, Visit
from people import services as people_services
from people.models import Address, PersonWarning
from workforce.roles import Role
from workforce.services import team_create

READERS = [
    Role.QA_OFFICER,
    Role.SENIOR_LEADER,
    Role.LADO_OFFICER,
    Role.PRIVATE_FOSTERING_OFFICER,
    Role.IRO,
    Role.MASH_WORKER,
    Role.SYSTEM_ADMIN,
]


def _date(prefix: str, day: datetime.date) -> dict:
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def _writes() -> dict[str, tuple[str, dict, type]]:
    """Each write the finding names: its page, a valid post, and the table it would add a row to."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    return {
        "visit": (
            "casework:visit_new",
            {
                **_date("visit_date", yesterday),
                "visit_time": "09:30",
                "visit_type": "cp",
                "child_seen": "yes",
                "seen_alone": "yes",
                "bedroom_seen": "yes",
                "observations": "Room clean.",
            },
            Visit,
        ),
        "case note": (
            "casework:note_new",
            {
                "note_type": "telephone",
                **_date("note_date", yesterday),
                "note_time": "11:15",
                "subject": "Call",
                "body": "Spoke to school.",
            },
            CaseNote,
        ),
        "warning": (
            "people:warning_new",
            {
                "kind": "risk_to_staff",
                "details": "Dog in the house.",
                **_date("review_date", timezone.localdate() + datetime.timedelta(days=90)),
            },
            PersonWarning,
        ),
        "address": (
            "people:address_new",
            {
                "line_1": "1 High Street",
                "postcode": "SW1A 1AA",
                **_date("start_date", yesterday),
            },
            Address,
        ),
    }


@pytest.fixture
def child(make_staff):
    """A child of another team: allocated to its worker, in a team none of the readers is in."""
    other_team = team_create(name="Children in Care Team East")
    worker = make_staff(Role.SOCIAL_WORKER, team=other_team)
    return people_services.person_create(
        actor=worker, given_name="Jay", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27)
    )


def _rows(child) -> dict[type, int]:
    return {
        model: model.objects.filter(**{"child" if model in (Visit, CaseNote) else "person": child}).count()
        for _, _, model in _writes().values()
    }


def _signed_in(client, make_staff, role, child, **kwargs):
    """Sign in a member of staff in `role`; an administrator reads a child's record only through
    break-glass access (access.break_glass), so they open this one first: they read, never record."""
    from access.services import break_glass_open

    user = make_staff(role, **kwargs)
    if role == Role.SYSTEM_ADMIN:
        break_glass_open(actor=user, la_id=child.la_id, reason="Support ticket 4471: page layout")
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", READERS)
def test_a_role_that_may_not_record_gets_403_for_the_form_and_the_post_and_nothing_is_written(
    client, make_staff, child, role
):
    _signed_in(client, make_staff, role, child, team=team_create(name=f"{role} team"))
    before = _rows(child)
    for what, (page, data, _model) in _writes().items():
        url = reverse(page, args=[child.pk])
        assert client.get(url).status_code == 403, what
        assert client.post(url, data).status_code == 403, what
    assert _rows(child) == before


@pytest.mark.parametrize("role", READERS)
def test_their_pages_of_the_child_offer_no_recording_links(client, make_staff, child, role):
    _signed_in(client, make_staff, role, child)
    summary = client.get(reverse("people:summary", args=[child.pk])).content.decode()
    family = client.get(reverse("people:family", args=[child.pk])).content.decode()
    visits = client.get(reverse("casework:visits", args=[child.pk])).content.decode()
    for page, body in (("summary", summary), ("family", family), ("visits", visits)):
        for link in ("Record a visit", "Add a case note", "Add a warning", "Add an address", "End warning"):
            assert link not in body, (page, link)
    details = client.get(reverse("people:details", args=[child.pk]))
    assert details.status_code == 200  # they still read the details, as a list, not a form
    assert "Save details" not in details.content.decode() and "details-read-only" in details.content.decode()
    assert client.post(reverse("people:details", args=[child.pk]), {"given_name": "X"}).status_code == 403


def test_the_childs_own_worker_still_records_all_four(client, child):
    client.force_login(child.current_worker)
    before = _rows(child)
    summary = client.get(reverse("people:summary", args=[child.pk])).content.decode()
    assert "Record a visit" in summary and "Add a case note" in summary and "Add a warning" in summary
    for what, (page, data, model) in _writes().items():
        response = client.post(reverse(page, args=[child.pk]), data)
        assert response.status_code == 302, (what, response.content.decode()[:2000])
    assert _rows(child) == {model: count + 1 for model, count in before.items()}
