"""Writes for LADO allegations: only the LADO records; dates out of order (a referral before the
employer knew, a meeting or an outcome before the referral, closure before the outcome) are
refused; and nothing is ever written to the child's chronology or due items."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from allegations import services
from allegations.models import Allegation, AllegationChild, LadoMeeting
from allegations.tests.factories import make_allegation
from casework.models import ChronologyEvent
from people.services import family_member_create
from timescales.models import DueItem
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def refused(call, field=None):
    with pytest.raises(ValidationError) as error:
        call()
    if field is not None:
        assert field in error.value.message_dict, error.value
    return error.value


def test_an_allegation_is_recorded_about_someone_who_is_not_a_child_record(lado):
    allegation = make_allegation(lado, referred_on=D(2025, 5, 27))
    assert allegation.subject_person is None and allegation.reference == f"LADO-{allegation.pk:05d}"
    assert allegation.criteria == ["harmed"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"received_on": D(2025, 5, 23), "referred_on": D(2025, 5, 22)}, "referred_on"),
        ({"received_on": D(2025, 6, 3), "referred_on": D(2025, 6, 3)}, "received_on"),
        ({"subject_name": " "}, "subject_name"),
        ({"subject_role": ""}, "subject_role"),
        ({"subject_employer": ""}, "subject_employer"),
        ({"subject_sector": "space"}, "subject_sector"),
        ({"criteria": []}, "criteria"),
        ({"criteria": ["rumour"]}, "criteria"),
        ({"category": "gossip"}, "category"),
        ({"details": ""}, "details"),
        ({"referrer_name": ""}, "referrer_name"),
    ],
)
def test_bad_allegations_are_refused(lado, overrides, field):
    refused(lambda: make_allegation(lado, **overrides), field)
    assert not Allegation.objects.exists()


def test_the_person_may_be_linked_when_they_have_a_record_but_never_a_child(lado, worker, child):
    foster_carer = family_member_create(actor=worker, child=child, kind="other", given_name="Pat", family_name="Carer")
    assert make_allegation(lado, subject_person=foster_carer).subject_person == foster_carer
    refused(lambda: make_allegation(lado, subject_person=child), "subject_person")


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.SENIOR_LEADER, Role.SYSTEM_ADMIN])
def test_only_the_lado_records(make_staff, role):
    with pytest.raises(PermissionDenied):
        make_allegation(make_staff(role))


def test_children_involved_are_linked_once(lado, child):
    allegation = make_allegation(lado)
    services.allegation_child_add(actor=lado, allegation=allegation, child=child)
    refused(lambda: services.allegation_child_add(actor=lado, allegation=allegation, child=child), "la_id")
    assert AllegationChild.objects.count() == 1


def test_an_adult_is_not_a_child_involved(lado, worker, child):
    mother = family_member_create(actor=worker, child=child, kind="mother", given_name="Ann", family_name="Smith")
    refused(lambda: services.allegation_child_add(actor=lado, allegation=make_allegation(lado), child=mother), "la_id")


def test_meetings_outcome_and_closure_follow_the_referral_in_order(lado):
    allegation = make_allegation(lado, received_on=D(2025, 5, 20), referred_on=D(2025, 5, 21))
    meeting = dict(kind="strategy", attendees="LADO, police, head teacher", decisions="Police to investigate.")
    refused(
        lambda: services.lado_meeting_record(actor=lado, allegation=allegation, held_on=D(2025, 5, 20), **meeting),
        "held_on",
    )
    services.lado_meeting_record(actor=lado, allegation=allegation, held_on=D(2025, 5, 22), **meeting)
    refused(
        lambda: services.allegation_close(actor=lado, allegation=allegation, closed_on=D(2025, 6, 1))
    )  # no outcome yet
    refused(
        lambda: services.allegation_outcome_record(
            actor=lado, allegation=allegation, outcome="false", outcome_on=D(2025, 5, 20)
        ),
        "outcome_on",
    )  # before the allegation
    refused(
        lambda: services.allegation_outcome_record(
            actor=lado, allegation=allegation, outcome="maybe", outcome_on=D(2025, 5, 30)
        ),
        "outcome",
    )
    services.allegation_outcome_record(
        actor=lado, allegation=allegation, outcome="unsubstantiated", outcome_on=D(2025, 5, 30)
    )
    refused(
        lambda: services.allegation_outcome_record(
            actor=lado, allegation=allegation, outcome="false", outcome_on=D(2025, 6, 1)
        )
    )
    refused(lambda: services.allegation_close(actor=lado, allegation=allegation, closed_on=D(2025, 5, 29)), "closed_on")
    services.allegation_close(actor=lado, allegation=allegation, closed_on=D(2025, 6, 2))
    refused(lambda: services.lado_meeting_record(actor=lado, allegation=allegation, held_on=D(2025, 6, 2), **meeting))
    assert LadoMeeting.objects.count() == 1


@pytest.mark.parametrize("outcome", ["substantiated", "false", "malicious", "unsubstantiated", "unfounded"])
def test_the_five_outcomes(lado, outcome):
    allegation = make_allegation(lado)
    assert (
        services.allegation_outcome_record(
            actor=lado, allegation=allegation, outcome=outcome, outcome_on=D(2025, 6, 1)
        ).outcome
        == outcome
    )


def test_nothing_reaches_the_childs_chronology_or_due_items(lado, child):
    before = ChronologyEvent.objects.filter(child=child).count()
    allegation = make_allegation(lado)
    services.allegation_child_add(actor=lado, allegation=allegation, child=child)
    services.lado_meeting_record(
        actor=lado,
        allegation=allegation,
        kind="strategy",
        held_on=D(2025, 5, 27),
        attendees="LADO",
        decisions="Police to investigate.",
    )
    services.allegation_outcome_record(
        actor=lado, allegation=allegation, outcome="substantiated", outcome_on=D(2025, 6, 1)
    )
    assert ChronologyEvent.objects.filter(child=child).count() == before
    assert not DueItem.objects.filter(person=child).exists()
