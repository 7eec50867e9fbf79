"""Writes for private fostering: notification, start and end with their chronology events; an
older child, dates out of order, two open arrangements and roles that only read are refused."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from casework.chronology import describe
from casework.models import ChronologyEvent
from people.models import Person
from people.record import badges_for
from private_fostering import services
from private_fostering.models import PrivateFostering
from private_fostering.tests.factories import notify
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")  # Monday 2 June 2025; the child was born on 27 March 2015
D = datetime.date
TODAY = D(2025, 6, 2)


def refused(call, field=None):
    with pytest.raises(ValidationError) as error:
        call()
    if field is not None:
        assert field in error.value.message_dict, error.value
    return error.value


def badges(child):
    return [b.text for b in badges_for(child)]


def test_a_started_arrangement_is_notified(officer, child):
    arrangement = notify(officer, child, TODAY, started_on=D(2025, 5, 1))
    assert arrangement.has_started and arrangement.recorded_by == officer
    event = ChronologyEvent.objects.get(child=child, event_type="private_fostering.notified")
    assert (
        describe(event)
        == "Notified of an arrangement that has already started with Grace Okafor (by a school or college)."
    )
    assert badges(child) == ["Privately fostered"]


def test_a_proposed_arrangement_starts_later(officer, child):
    arrangement = notify(officer, child, D(2025, 5, 1), kind="proposed", proposed_start_on=D(2025, 6, 15))
    assert badges(child) == ["Private fostering proposed"] and arrangement.started_on is None
    refused(
        lambda: services.private_fostering_start(actor=officer, arrangement=arrangement, started_on=D(2025, 4, 30)),
        "started_on",
    )
    services.private_fostering_start(actor=officer, arrangement=arrangement, started_on=TODAY)
    assert badges(child) == ["Privately fostered"]
    refused(lambda: services.private_fostering_start(actor=officer, arrangement=arrangement, started_on=TODAY))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"started_on": D(2025, 6, 3)}, "started_on"),  # after the notification
        ({"started_on": None}, "started_on"),
        ({"notified_on": D(2025, 6, 3)}, "notified_on"),
        ({"carer_name": " "}, "carer_name"),
        ({"carer_address": ""}, "carer_address"),
        ({"notified_by": "pigeon"}, "notified_by"),
        ({"notification_kind": "rumoured"}, "notification_kind"),
    ],
)
def test_bad_notifications_are_refused(officer, child, overrides, field):
    values = {"notified_on": TODAY, "started_on": D(2025, 5, 1)} | overrides
    refused(lambda: notify(officer, child, values.pop("notified_on"), **values), field)
    assert not PrivateFostering.objects.exists()
    assert not ChronologyEvent.objects.filter(event_type="private_fostering.notified").exists()


def test_private_fostering_is_for_children_under_16_or_under_18_if_disabled(officer, child):
    Person.objects.filter(pk=child.pk).update(date_of_birth=D(2009, 6, 2))  # 16 today
    child.refresh_from_db()
    error = refused(lambda: notify(officer, child, TODAY), "notified_on")
    assert error.message_dict["notified_on"] == [
        "Jay Smith was 16 on 2 June 2025: private fostering is for children under 16"
    ]
    notify(officer, child, D(2025, 6, 1))  # the day before the 16th birthday
    Person.objects.filter(pk=child.pk).update(date_of_birth=D(2008, 6, 3), disabilities=["MOB"])
    child.refresh_from_db()
    services.private_fostering_end(
        actor=officer, arrangement=PrivateFostering.objects.get(), ended_on=TODAY, reason="age"
    )
    notify(officer, child, TODAY)  # 16, disabled: still private fostering


def test_only_one_open_arrangement(officer, child):
    notify(officer, child, D(2025, 5, 1))
    error = refused(lambda: notify(officer, child, TODAY, carer_name="Someone Else"))
    assert "is still open: end it first" in error.messages[0]


@pytest.mark.parametrize("role", [Role.IRO, Role.PERSONAL_ADVISER, Role.LADO_OFFICER, Role.QA_OFFICER])
def test_roles_that_only_read_cannot_record(make_staff, child, role):
    with pytest.raises(PermissionDenied):
        notify(make_staff(role), child, TODAY)


def test_a_social_worker_can_record(worker, child):
    assert notify(worker, child, TODAY).recorded_by == worker


def test_ending_an_arrangement(officer, child):
    arrangement = notify(officer, child, D(2025, 5, 10), started_on=D(2025, 5, 1))
    refused(
        lambda: services.private_fostering_end(
            actor=officer, arrangement=arrangement, ended_on=D(2025, 5, 9), reason="returned_home"
        ),
        "ended_on",
    )
    refused(
        lambda: services.private_fostering_end(
            actor=officer, arrangement=arrangement, ended_on=TODAY, reason="did_not_start"
        ),
        "reason",
    )
    refused(
        lambda: services.private_fostering_end(actor=officer, arrangement=arrangement, ended_on=TODAY, reason="other"),
        "notes",
    )
    services.private_fostering_end(actor=officer, arrangement=arrangement, ended_on=TODAY, reason="returned_home")
    assert describe(ChronologyEvent.objects.get(event_type="private_fostering.ended")) == (
        "Private fostering arrangement ended: Returned to live with a parent."
    )
    assert badges(child) == []
    refused(
        lambda: services.private_fostering_end(actor=officer, arrangement=arrangement, ended_on=TODAY, reason="age")
    )


def test_a_proposal_that_never_started_ends_as_such(officer, child):
    arrangement = notify(officer, child, D(2025, 5, 1), kind="proposed")
    refused(
        lambda: services.private_fostering_end(
            actor=officer, arrangement=arrangement, ended_on=TODAY, reason="returned_home"
        ),
        "reason",
    )
    services.private_fostering_end(actor=officer, arrangement=arrangement, ended_on=TODAY, reason="did_not_start")
