"""Who may record private fostering: every write service, tried by every role against a child of
the user's own team, one of another team, one not yet allocated (the front door's stage) and a
privately fostered child of another team, is refused with PermissionDenied exactly when
access.capabilities says the user may not (RECORD_PRIVATE_FOSTERING: the private fostering officer
for any child they may see, the child's social worker and managers, the front door only before
the child is allocated; issue 12, finding 2: a MASH worker could record any step on any child).
A role that only reads gets the 403 page for every form, and a POST writes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from access.capabilities import Capability
from access.testing import Write, sign_in_reader, walk
from casework.models import ChronologyEvent
from people.services import person_create
from private_fostering import services
from private_fostering.tests.factories import notify
from workforce.roles import Role

D = datetime.date
PF = Capability.RECORD_PRIVATE_FOSTERING


def _children(owner):
    """Two children created by `owner` (allocated to them when a social worker, else to no one):
    one with a notification of an arrangement still to start, and one with none."""
    child = person_create(actor=owner, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    other = person_create(actor=owner, given_name="Amy", family_name="Smith", date_of_birth=D(2016, 4, 1))
    arrangement = notify(owner, child, D(2025, 5, 20), kind="proposed", started_on=None)
    return {"child": child, "other": other, "arrangement": arrangement, "owner": owner}


def writes(user, state) -> list[Write]:
    arrangement = state["arrangement"]
    return [
        Write(
            "private_fostering_notify", PF, lambda: notify(user, state["other"], D(2025, 5, 28)), child=state["other"]
        ),
        Write(
            "private_fostering_start",
            PF,
            lambda: services.private_fostering_start(actor=user, arrangement=arrangement, started_on=D(2025, 5, 25)),
        ),
        Write(
            "private_fostering_end",
            PF,
            lambda: services.private_fostering_end(
                actor=user, arrangement=arrangement, ended_on=D(2025, 6, 2), reason="did_not_start"
            ),
        ),
    ]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("situation", ["allocated", "another team", "unallocated"])
def test_every_write_is_refused_exactly_when_the_table_says_so(
    make_staff, team, worker, stranger, today, role, situation
):
    user = make_staff(role, team=team)
    owner = {"allocated": worker, "another team": stranger, "unallocated": make_staff(Role.PRIVATE_FOSTERING_OFFICER)}[
        situation
    ]
    state = _children(owner)
    assert walk(user, state["child"], writes(user, state)) == []


def test_a_mash_worker_may_not_record_private_fostering_for_an_allocated_child(make_staff, stranger, today):
    mash = make_staff(Role.MASH_WORKER)
    state = _children(stranger)
    with pytest.raises(PermissionDenied):
        services.private_fostering_start(actor=mash, arrangement=state["arrangement"], started_on=D(2025, 5, 25))


READ_ONLY = [Role.QA_OFFICER, Role.SENIOR_LEADER, Role.LADO_OFFICER, Role.SYSTEM_ADMIN]


@pytest.mark.parametrize("role", READ_ONLY)
def test_a_role_that_only_reads_gets_403_for_every_form_and_a_post_writes_nothing(
    client, make_staff, worker, today, role
):
    state = _children(worker)
    pk, arrangement = state["child"].pk, state["arrangement"].pk
    urls = [
        reverse("private_fostering:notification_new", args=[state["other"].pk]),
        reverse("private_fostering:start", args=[pk, arrangement]),
        reverse("private_fostering:end", args=[pk, arrangement]),
    ]
    sign_in_reader(client, make_staff(role), state["child"], state["other"])
    events = ChronologyEvent.objects.count()
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert (
            client.post(url, {"started_on_0": "25", "started_on_1": "5", "started_on_2": "2025"}).status_code == 403
        ), url
    assert ChronologyEvent.objects.count() == events
    page = client.get(reverse("private_fostering:record", args=[pk]))
    assert (
        page.status_code == 200
        and reverse("private_fostering:start", args=[pk, arrangement]) not in page.content.decode()
    )
