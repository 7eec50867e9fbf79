"""Reads: who may see allegations (the LADO service; senior leaders and administrators read),
the referral within 1 working day at its boundary over a bank holiday, a child with a restricted
record named only to those who may see it, and the LADO's caseload in a fixed number of queries."""

import datetime

import pytest
from django.http import Http404

from allegations import selectors, services
from allegations.tests.factories import make_allegation
from people.models import Person
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


@pytest.mark.parametrize("role", [Role.LADO_OFFICER, Role.SENIOR_LEADER])
def test_the_lado_service_sees_allegations(make_staff, lado, role):
    allegation = make_allegation(lado)
    assert selectors.allegation_get_for_user(make_staff(role), allegation.pk) == allegation


@pytest.mark.parametrize(
    "role",
    [
        Role.SOCIAL_WORKER,
        Role.TEAM_MANAGER,
        Role.IRO,
        Role.MASH_WORKER,
        Role.QA_OFFICER,
        Role.PERSONAL_ADVISER,
        Role.PRIVATE_FOSTERING_OFFICER,
        Role.SYSTEM_ADMIN,
    ],
)
def test_everyone_else_gets_404_as_if_it_did_not_exist(make_staff, lado, role):
    allegation = make_allegation(lado)
    user = make_staff(role)
    for allegation_id in (allegation.pk, 987654, "nope"):
        with pytest.raises(Http404):
            selectors.allegation_get_for_user(user, allegation_id)
    assert not selectors.allegations_visible_to(user).exists()


@pytest.mark.parametrize(
    ("received_on", "referred_on", "due", "late"),
    [
        (D(2025, 5, 22), D(2025, 5, 23), D(2025, 5, 23), False),  # Thursday: the next working day
        (D(2025, 5, 23), D(2025, 5, 27), D(2025, 5, 27), False),  # Friday before the spring bank holiday
        (D(2025, 5, 23), D(2025, 5, 28), D(2025, 5, 27), True),  # the day after the due date
        (D(2025, 5, 24), D(2025, 5, 27), D(2025, 5, 27), False),  # a Saturday is day 0; Tuesday is day 1
        (D(2025, 5, 23), D(2025, 5, 23), D(2025, 5, 27), False),  # the same day
    ],
)
def test_referral_within_1_working_day(lado, received_on, referred_on, due, late):
    allegation = make_allegation(lado, received_on=received_on, referred_on=referred_on)
    assert (selectors.referral_due_on(allegation), selectors.referred_late(allegation)) == (due, late)


def test_a_restricted_child_is_not_named_to_a_lado_without_access(lado, child):
    allegation = make_allegation(lado)
    services.allegation_child_add(actor=lado, allegation=allegation, child=child)
    assert [c.name for c in selectors.children_involved(lado, allegation)] == ["Jay Smith"]
    Person.objects.filter(pk=child.pk).update(restricted=True)
    assert [c.name for c in selectors.children_involved(lado, allegation)] == ["A child with a restricted record"]


def test_allegations_for_a_child_only_for_the_lado_service(lado, worker, child):
    allegation = make_allegation(lado)
    services.allegation_child_add(actor=lado, allegation=allegation, child=child)
    assert selectors.allegations_for_child(lado, child) == [allegation]
    assert selectors.allegations_for_child(worker, child) == []


def test_the_caseload_is_a_fixed_number_of_queries(lado, django_assert_max_num_queries):
    for n in range(4):
        allegation = make_allegation(lado, received_on=D(2025, 5, 1) + datetime.timedelta(days=n))
        services.lado_meeting_record(
            actor=lado,
            allegation=allegation,
            kind="strategy",
            held_on=D(2025, 5, 30),
            attendees="LADO",
            decisions="Investigate",
        )
    make_allegation(lado, received_on=D(2025, 5, 23), referred_on=D(2025, 5, 28))
    with django_assert_max_num_queries(3):  # the allegations, their strategy meetings, the local standards once
        rows = selectors.lado_caseload(lado)
    assert [row.has_strategy_meeting for row in rows] == [True] * 4 + [False]
    assert [row.referred_late for row in rows] == [False] * 4 + [True]


def test_the_authority_may_set_its_own_referral_standard(lado, make_staff):
    from timescales.services import local_standard_set

    allegation = make_allegation(lado, received_on=D(2025, 5, 23), referred_on=D(2025, 5, 28))
    assert selectors.referred_late(allegation) is True
    local_standard_set(
        actor=make_staff(Role.SYSTEM_ADMIN),
        rule_code="lado_referral",
        amount=2,
        unit="working_days",
        reason="Board decision",
    )
    assert (selectors.referral_due_on(allegation), selectors.referred_late(allegation)) == (D(2025, 5, 28), False)
