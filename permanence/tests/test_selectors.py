"""Reads: the tracker of decisions that have not yet become plans (scoped to the children the user
may see, with the drift threshold at its boundary, in a fixed number of queries), and the SSDA903 rows."""

import datetime

import pytest

from people.models import Person
from people.services import person_create
from permanence import selectors, services
from permanence.tests.factories import TODAY, make_decision, make_match, make_placed, make_placement_order

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def waiting(user, **kwargs):
    return {row.decision.pk: row for row in selectors.decisions_awaiting_plans(user=user, **kwargs)}


def test_a_decision_with_no_following_step_waits_until_one_is_recorded(worker, child):
    adoption = make_decision(worker, child, decided_on=D(2025, 3, 1))
    fostering = make_decision(worker, child, option="long_term_fostering", decided_on=D(2025, 5, 1))
    assert list(waiting(worker)) == [adoption.pk, fostering.pk]  # oldest first
    make_placement_order(worker, adoption, made_on=D(2025, 4, 1))
    services.permanence_step_record(actor=worker, decision=fostering, kind="family_finding", taken_on=D(2025, 5, 2))
    assert waiting(worker) == {}


@pytest.mark.parametrize("step", ["match", "reversed", "sgo_order"])
def test_matches_orders_and_reversals_take_a_decision_off_the_tracker(worker, child, step):
    if step == "sgo_order":
        decision = make_decision(worker, child, option="sgo", decided_on=D(2025, 3, 1))
        services.permanence_order_record(
            actor=worker, child=child, kind="sgo", decision=decision, made_on=TODAY, special_guardians="E45"
        )
    else:
        decision = make_decision(worker, child, decided_on=D(2025, 3, 1))
        if step == "match":
            make_match(worker, decision)
        else:
            services.permanence_decision_reverse(actor=worker, decision=decision, reversed_on=TODAY, reason="RD1")
    assert waiting(worker) == {}


def test_a_decision_stands_out_once_it_has_waited_the_set_number_of_days(worker, child, settings):
    decision = make_decision(worker, child, decided_on=TODAY - datetime.timedelta(days=90))
    row = waiting(worker)[decision.pk]
    assert (row.days_waiting, row.stands_out) == (90, True)
    assert waiting(worker, today=TODAY - datetime.timedelta(days=1))[decision.pk].stands_out is False  # day 89
    settings.PERMANENCE_DECISION_DRIFT_DAYS = 91
    assert waiting(worker)[decision.pk].stands_out is False


def test_the_tracker_shows_only_children_the_user_may_see(worker, stranger, child, make_staff):
    make_decision(worker, child)
    assert waiting(stranger) == {}
    assert len(waiting(make_staff("senior_leader"))) == 1


def test_the_tracker_is_two_queries_however_many_decisions(worker, django_assert_num_queries):
    for n in range(5):
        child = person_create(actor=worker, given_name=f"Child{n}", family_name="Jones", date_of_birth=D(2018, 1, 1))
        make_decision(worker, child, decided_on=D(2025, 1, 1) + datetime.timedelta(days=n))
    with django_assert_num_queries(1):  # the user's teams are a subquery of the rule
        rows = selectors.decisions_awaiting_plans(user=worker)
        assert [row.child.current_worker for row in rows] == [worker] * 5


def test_the_permanence_record_is_a_fixed_number_of_queries(worker, child, django_assert_max_num_queries):
    decision, _ = make_placed(worker, child, decided_on=D(2025, 3, 1), placed_on=D(2025, 5, 1))
    services.permanence_step_record(actor=worker, decision=decision, kind="family_finding", taken_on=D(2025, 3, 2))
    services.care_proceedings_start(actor=worker, child=child, kind="care", issued_on=D(2025, 1, 6))
    with django_assert_max_num_queries(10):
        record = selectors.permanence_for_child(child)
        for d in record.decisions:
            list(d.steps.all()), list(d.orders.all()), list(d.adoption_reviews.all()), d.match, d.placement
        for p in record.proceedings:
            list(p.extensions.all())
    assert record.proceedings[0].due_on == D(2025, 7, 6)


def test_ssda903_rows(worker, child):
    decision, _ = make_placed(worker, child, decided_on=D(2025, 3, 1), placed_on=D(2025, 5, 1))
    services.permanence_order_record(
        actor=worker, child=child, kind="adoption", decision=decision, made_on=TODAY, consent_dispensed=False
    )
    services.previous_permanence_record(
        actor=worker,
        child=child,
        care_started_on=D(2025, 1, 1),
        option="P1",
        order_date=D(2019, 1, 1),
        order_date_known="year",
        arranged_by_la="201",
    )
    children = Person.objects.filter(pk=child.pk)
    assert selectors.placed_adoption_rows(children) == [
        {
            "CHILD": child.la_id,
            "DOB": child.date_of_birth,
            "DATE_PLACED": D(2025, 3, 1),
            "DATE_PLACED_CEASED": None,
            "REASON_PLACED_CEASED": None,
        }
    ]
    assert selectors.ad1_rows(children) == [
        {
            "CHILD": child.la_id,
            "DOB": child.date_of_birth,
            "DATE_INT": D(2025, 3, 1),
            "DATE_MATCH": D(2025, 3, 1),
            "FOSTER_CARE": "0",
            "NB_ADOPTR": 2,
            "SEX_ADOPTR": "MF",
            "LS_ADOPTR": "L11",
        }
    ]
    assert selectors.prev_perm_rows(children) == [
        {
            "CHILD": child.la_id,
            "DOB": child.date_of_birth,
            "PREV_PERM": "P1",
            "LA_PERM": "201",
            "DATE_PERM": "zz/zz/2019",
        }
    ]
