"""Who may record an allegation: every write service, tried by every role, is refused with
PermissionDenied exactly when access.capabilities says the user may not (RECORD_ALLEGATION: the
LADO service only; the capability is about an adult, not one child, except that linking a child
needs the officer to be able to see that child). Readers of the service get the 403 page for every
form, and a POST writes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from access.capabilities import Capability
from access.testing import Write, walk
from allegations import services
from allegations.models import Allegation, AllegationChild, LadoMeeting
from allegations.tests.factories import make_allegation
from people.models import Person
from workforce.roles import Role

D = datetime.date
A = Capability.RECORD_ALLEGATION
MEETING = {"kind": "strategy", "attendees": "LADO, police, head teacher", "decisions": "Police to investigate."}


def writes(user, allegation, with_outcome, child) -> list[Write]:
    return [
        Write("allegation_record", A, lambda: make_allegation(user)),
        Write(
            "allegation_child_add",
            A,
            lambda: services.allegation_child_add(actor=user, allegation=allegation, child=child),
            child=child,
        ),
        Write(
            "lado_meeting_record",
            A,
            lambda: services.lado_meeting_record(actor=user, allegation=allegation, held_on=D(2025, 5, 26), **MEETING),
        ),
        Write(
            "allegation_outcome_record",
            A,
            lambda: services.allegation_outcome_record(
                actor=user, allegation=allegation, outcome="unsubstantiated", outcome_on=D(2025, 5, 30)
            ),
        ),
        Write(
            "allegation_close",
            A,
            lambda: services.allegation_close(actor=user, allegation=with_outcome, closed_on=D(2025, 6, 1)),
        ),
    ]


@pytest.mark.parametrize("role", list(Role))
def test_every_write_is_refused_exactly_when_the_table_says_so(make_staff, team, lado, child, today, role):
    user = make_staff(role, team=team)
    allegation = make_allegation(lado)
    with_outcome = make_allegation(lado)
    services.allegation_outcome_record(actor=lado, allegation=with_outcome, outcome="false", outcome_on=D(2025, 5, 30))
    assert walk(user, None, writes(user, allegation, with_outcome, child)) == []


def test_a_restricted_child_the_officer_may_not_see_is_not_linked(lado, child, today):
    Person.objects.filter(pk=child.pk).update(restricted=True)
    child.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.allegation_child_add(actor=lado, allegation=make_allegation(lado), child=child)
    assert not AllegationChild.objects.exists()


@pytest.mark.parametrize("role", [Role.SENIOR_LEADER, Role.SYSTEM_ADMIN])
def test_a_reader_of_the_service_gets_no_form_and_a_post_writes_nothing(client, make_staff, lado, today, role):
    allegation = make_allegation(lado)
    urls = [reverse("allegations:new")] + [
        reverse(f"allegations:{name}", args=[allegation.pk])
        for name in ["child_add", "meeting_new", "outcome", "close"]
    ]
    client.force_login(make_staff(role))
    for url in urls:
        # Recording a new allegation is refused (403); an existing allegation's pages are not
        # theirs, and look exactly like one that does not exist (404).
        # (The administrator is not a reader of the LADO service at all, so to them it is all 404.)
        new_page = 404 if role == Role.SYSTEM_ADMIN else 403
        expected = new_page if url == reverse("allegations:new") else 404
        assert client.get(url).status_code == expected, url
        assert (
            client.post(
                url,
                {
                    "outcome": "false",
                    "outcome_on_0": "30",
                    "outcome_on_1": "5",
                    "outcome_on_2": "2025",
                    "closed_on_0": "1",
                    "closed_on_1": "6",
                    "closed_on_2": "2025",
                },
            ).status_code
            == expected
        ), url
    allegation.refresh_from_db()
    assert (allegation.outcome, allegation.closed_on) == ("", None)
    assert Allegation.objects.count() == 1 and not LadoMeeting.objects.exists() and not AllegationChild.objects.exists()
