"""Each indicator at its boundaries, on records made through the services: the day that counts
and the day after that does not (TIMESCALES.md sections B and C)."""

import datetime

import pytest

from children_in_need.testing import at
from performance.selectors import evaluate
from performance.tests.helpers import (
    assessment_authorised,
    conference_after,
    new_child,
    referral_closed,
    referral_on,
)
from timescales.calendar import get_calendar

pytestmark = pytest.mark.django_db
D = datetime.date
MARCH_31 = D(2026, 3, 31)


def _figure(code, as_of=MARCH_31):
    evaluated = evaluate(code, as_of)
    return evaluated, evaluated.figure()


def test_a_referral_exactly_12_months_after_the_last_is_a_re_referral_and_a_day_more_is_not(clock, worker, manager):
    exactly = new_child(clock, worker, D(2025, 1, 2), family_name="Exactly")
    later = new_child(clock, worker, D(2025, 1, 2), family_name="Later")
    referral_closed(clock, worker, manager, exactly, D(2025, 1, 10))
    referral_closed(clock, worker, manager, later, D(2025, 1, 10))
    again = referral_on(clock, worker, exactly, D(2026, 1, 10))
    too_late = referral_on(clock, worker, later, D(2026, 1, 11))
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("rereferrals_12m")
    assert set(evaluated.result.denominator) == {again.pk, too_late.pk}  # the 2025 referrals are last year's
    assert set(evaluated.result.numerator) == {again.pk}
    assert (figure.numerator, figure.denominator, figure.value) == (1, 2, 50.0)


def test_an_icpc_on_working_day_15_is_in_time_and_on_day_16_is_not(clock, worker, manager):
    calendar = get_calendar()
    strategy = D(2026, 2, 2)
    day_15, day_16 = calendar.add_working_days(strategy, 15), calendar.add_working_days(strategy, 16)
    on_time = conference_after(
        clock, worker, manager, new_child(clock, worker, D(2026, 1, 5), family_name="A"), strategy, day_15
    )
    late = conference_after(
        clock, worker, manager, new_child(clock, worker, D(2026, 1, 5), family_name="B"), strategy, day_16
    )
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("icpc_15wd")
    assert set(evaluated.result.denominator) == {on_time.pk, late.pk}
    assert set(evaluated.result.numerator) == {on_time.pk}
    assert figure.value == 50.0


def test_a_plan_of_exactly_2_years_at_31_march_counts_and_one_a_day_shorter_does_not(clock, worker, manager):
    two_years = conference_after(
        clock, worker, manager, new_child(clock, worker, D(2024, 3, 1), family_name="A"), D(2024, 3, 25), D(2024, 3, 31)
    ).plan_started
    shorter = conference_after(
        clock, worker, manager, new_child(clock, worker, D(2024, 3, 1), family_name="B"), D(2024, 3, 25), D(2024, 4, 1)
    ).plan_started
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("cpp_2yrs_at_31march")
    assert set(evaluated.result.denominator) == {two_years.child_id, shorter.child_id}
    assert set(evaluated.result.numerator) == {two_years.child_id}
    assert figure.value == 50.0


def test_a_plan_ending_on_31_march_is_not_open_at_31_march(clock, worker, manager):
    from child_protection.services import cp_plan_end

    plan = conference_after(
        clock, worker, manager, new_child(clock, worker, D(2024, 3, 1)), D(2024, 3, 1), D(2024, 3, 5)
    ).plan_started
    clock.travel_to(at(MARCH_31, 12))
    cp_plan_end(actor=worker, plan=plan, end_date=MARCH_31, reason="no_longer_at_risk")
    clock.travel_to(at(D(2026, 4, 2)))
    assert _figure("cpp_2yrs_at_31march")[1].denominator == 0
    assert _figure("cpp_2yrs_at_31march", D(2026, 3, 30))[1].numerator == 1


def test_an_assessment_on_the_45th_working_day_is_in_time_and_on_the_46th_is_not(clock, worker, manager):
    calendar = get_calendar()
    start = D(2025, 11, 3)
    day_45, day_46 = calendar.add_working_days(start, 45), calendar.add_working_days(start, 46)
    on_time = assessment_authorised(
        clock, worker, manager, new_child(clock, worker, D(2025, 11, 3), family_name="A"), start, day_45
    )
    late = assessment_authorised(
        clock, worker, manager, new_child(clock, worker, D(2025, 11, 3), family_name="B"), start, day_46
    )
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("assessments_45wd")
    assert set(evaluated.result.denominator) == {on_time.pk, late.pk}
    assert set(evaluated.result.numerator) == {on_time.pk}
    # Christmas and the New Year fall in between: 45 working days is more than 9 weeks here.
    assert (day_45 - start).days > 63


def test_a_second_plan_however_long_after_the_first_is_a_second_plan(clock, worker, manager):
    from child_protection.services import cp_plan_end

    child = new_child(clock, worker, D(2019, 1, 2))
    first = conference_after(clock, worker, manager, child, D(2019, 1, 7), D(2019, 1, 21)).plan_started
    clock.travel_to(at(D(2019, 9, 2), 12))
    cp_plan_end(actor=worker, plan=first, end_date=D(2019, 9, 2), reason="no_longer_at_risk")
    from children_in_need.services import episode_close

    episode_close(actor=worker, episode=first.episode, closure_date=D(2019, 9, 2), reason="RC4")
    second = conference_after(clock, worker, manager, child, D(2025, 6, 2), D(2025, 6, 16)).plan_started
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("cpp_second_plus")
    assert set(evaluated.result.denominator) == {second.pk}
    assert set(evaluated.result.numerator) == {second.pk}


def test_a_first_review_conference_on_its_due_day_is_in_time_and_the_day_after_is_not(clock, worker, manager):
    from child_protection.services import review_conference_record
    from timescales.rules import effective_rule

    rule = effective_rule("rcpc")
    icpc = D(2025, 10, 1)
    due = get_calendar().add(icpc, rule.amount, rule.unit)
    plans = {}
    for name, held_on in (("OnTime", due), ("Late", due + datetime.timedelta(days=1))):
        plan = conference_after(
            clock, worker, manager, new_child(clock, worker, D(2025, 9, 1), family_name=name), D(2025, 9, 24), icpc
        ).plan_started
        clock.travel_to(at(held_on, 15))
        review_conference_record(actor=worker, plan=plan, held_on=held_on, outcome="continue", category="NEG")
        plans[name] = plan
    # A plan whose first review is not yet due is not counted either way.
    recent = conference_after(
        clock,
        worker,
        manager,
        new_child(clock, worker, D(2026, 1, 5), family_name="Recent"),
        D(2026, 1, 5),
        D(2026, 1, 6),
    ).plan_started
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("cpp_reviews_in_time")
    assert set(evaluated.result.denominator) == {plans["OnTime"].child_id, plans["Late"].child_id}
    assert recent.child_id not in evaluated.result.denominator
    assert set(evaluated.result.numerator) == {plans["OnTime"].child_id}
    assert figure.value == 50.0


def test_a_review_conference_overdue_at_the_date_counts_as_late(clock, worker, manager):
    from timescales.rules import effective_rule

    rule = effective_rule("rcpc")
    icpc = D(2025, 12, 1)
    due = get_calendar().add(icpc, rule.amount, rule.unit)
    plan = conference_after(
        clock, worker, manager, new_child(clock, worker, D(2025, 11, 3)), D(2025, 11, 20), icpc
    ).plan_started
    clock.travel_to(at(D(2026, 4, 2)))

    assert evaluate("cpp_reviews_in_time", due).result.numerator_count == 0  # due that day, not yet late
    assert evaluate("cpp_reviews_in_time", due).result.denominator_count == 0
    after = evaluate("cpp_reviews_in_time", due + datetime.timedelta(days=1)).result
    assert set(after.denominator) == {plan.child_id} and not after.numerator


def test_a_cp_visit_on_the_last_day_of_the_interval_is_in_time_and_a_day_earlier_is_not(clock, worker, manager):
    from children_in_need.testing import make_visit
    from timescales.rules import effective_rule

    rule = effective_rule("cp_visit")
    calendar = get_calendar()
    as_of = D(2026, 3, 31)
    icpc = D(2026, 1, 12)
    children = {}
    for name in ("Seen", "Earlier", "NotSeen"):
        children[name] = conference_after(
            clock, worker, manager, new_child(clock, worker, D(2026, 1, 5), family_name=name), D(2026, 1, 5), icpc
        ).child
    # The latest visit day whose next visit falls due on the date itself.
    last_in_time = max(
        day
        for day in (as_of - datetime.timedelta(days=n) for n in range(1, 40))
        if calendar.add(day, rule.amount, rule.unit) == as_of
    )
    too_early = last_in_time - datetime.timedelta(days=1)
    while calendar.add(too_early, rule.amount, rule.unit) >= as_of:
        too_early -= datetime.timedelta(days=1)
    clock.travel_to(at(last_in_time, 14))
    make_visit(worker, children["Seen"], at(last_in_time, 11))
    clock.travel_to(at(too_early, 14))
    make_visit(worker, children["Earlier"], at(too_early, 11))
    make_visit(worker, children["NotSeen"], at(too_early, 12), child_seen=False)
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("cp_visits_in_time", as_of)
    assert set(evaluated.result.denominator) == {c.pk for c in children.values()}
    assert set(evaluated.result.numerator) == {children["Seen"].pk}
    # A plan started within the interval needs no visit yet.
    assert evaluate("cp_visits_in_time", calendar.add(icpc, rule.amount, rule.unit)).result.numerator_count == 3


def _looked_after(clock, worker, name, started, legal_status="C2", **fields):
    from looked_after import services as la
    from looked_after.services import PlacementDetails

    child = new_child(clock, worker, started, family_name=name, **fields)
    la.period_start(
        actor=worker,
        child=child,
        start_date=started,
        legal_status=legal_status,
        category_of_need="N1",
        home_postcode="B12 9QF",
        placement=PlacementDetails(
            placement_type="U1", provider="PR1", postcode="B15 2TT", carer_name=f"Carers of {name}"
        ),
    )
    return child


def test_a_pep_reviewed_on_the_last_day_of_the_interval_is_up_to_date_and_a_day_earlier_is_not(clock, worker):
    from looked_after.services import pep_record
    from timescales.rules import effective_rule

    rule = effective_rule("pep_review")
    calendar = get_calendar()
    last_in_time = max(
        day
        for day in (MARCH_31 - datetime.timedelta(days=n) for n in range(1, 200))
        if calendar.add(day, rule.amount, rule.unit) == MARCH_31
    )
    too_early = last_in_time - datetime.timedelta(days=1)
    while calendar.add(too_early, rule.amount, rule.unit) >= MARCH_31:
        too_early -= datetime.timedelta(days=1)
    on_time = _looked_after(clock, worker, "OnTime", D(2025, 9, 1))
    late = _looked_after(clock, worker, "Late", D(2025, 9, 1))
    too_young = _looked_after(
        clock, worker, "Young", D(2025, 9, 1), date_of_birth=D(2022, 1, 1)
    )  # 4: not of school age
    for child, day in ((on_time, last_in_time), (late, too_early), (too_young, too_early)):
        clock.travel_to(at(day, 14))
        pep_record(actor=worker, child=child, held_on=day)
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("cla_pep")
    assert set(evaluated.result.denominator) == {on_time.pk, late.pk}
    assert set(evaluated.result.numerator) == {on_time.pk}
    assert figure.value == 50.0


def test_a_pwp_agreement_signed_on_the_date_counts_and_one_signed_the_day_after_does_not(clock, worker):
    from looked_after.services import PlacementDetails, episode_change, pwp_agreement_record

    children = []
    for name in ("Signed", "SignedLater"):
        child = _looked_after(clock, worker, name, D(2025, 10, 1))
        clock.travel_to(at(D(2025, 11, 3), 12))
        episode_change(
            actor=worker,
            child=child,
            change_date=D(2025, 11, 3),
            reason_place_change="CARPL",
            placement=PlacementDetails(placement_type="P1", provider="PR0", postcode="B12 9QF", carer_name="Ms Parent"),
        )
        children.append(child)
    accommodated = _looked_after(clock, worker, "Accommodated", D(2025, 10, 1), legal_status="V2")
    clock.travel_to(at(D(2026, 4, 2)))
    for child, day in zip(children, (MARCH_31, D(2026, 4, 1)), strict=True):
        pwp_agreement_record(actor=worker, child=child, parent_name="Ms Parent", agreement_signed_on=day)

    evaluated, figure = _figure("pwp_agreement_in_place")
    assert set(evaluated.result.denominator) == {c.pk for c in children}
    assert accommodated.pk not in evaluated.result.denominator
    assert set(evaluated.result.numerator) == {children[0].pk}
    assert _figure("pwp_agreement_in_place", D(2026, 4, 1))[1].value == 100.0


def test_a_permanence_decision_with_no_step_drifts_on_the_threshold_day_and_not_the_day_before(clock, worker):
    from permanence.selectors import drift_days
    from permanence.services import permanence_decision_record, permanence_step_record

    threshold = datetime.timedelta(days=drift_days())
    decisions = {}
    for name, decided_on in (
        ("Waiting", MARCH_31 - threshold + datetime.timedelta(days=1)),
        ("Drifting", MARCH_31 - threshold),
        ("Followed", MARCH_31 - 2 * threshold),
    ):
        child = new_child(clock, worker, D(2025, 6, 2), family_name=name)
        clock.travel_to(at(decided_on, 12))
        decisions[name] = permanence_decision_record(
            actor=worker,
            child=child,
            option="long_term_fostering",
            decided_on=decided_on,
            decision_maker="Head of service",
        )
    clock.travel_to(at(MARCH_31, 12))
    permanence_step_record(actor=worker, decision=decisions["Followed"], kind="long_term_match", taken_on=MARCH_31)
    clock.travel_to(at(D(2026, 4, 2)))

    evaluated, figure = _figure("permanence_decision_to_plan")
    assert set(evaluated.result.denominator) == {d.pk for d in decisions.values()}
    assert set(evaluated.result.numerator) == {decisions["Waiting"].pk, decisions["Followed"].pk}
    # The day before, the followed decision had drifted (no step yet) and the drifting one had not yet.
    day_before = evaluate("permanence_decision_to_plan", MARCH_31 - datetime.timedelta(days=1)).result.numerator
    assert set(day_before) == {decisions["Waiting"].pk, decisions["Drifting"].pk}


def test_elapsed_working_days_are_the_calendars_for_any_pair_of_dates():
    import random

    from performance.indicators.periods import ElapsedWorkingDays
    from timescales.calendar import get_calendar

    calendar, rng = get_calendar(), random.Random(15)
    elapsed = ElapsedWorkingDays(calendar, datetime.date(2025, 4, 1))
    # Christmas, Easter and weekends included; an end before the start counts back.
    pairs = [
        (datetime.date(2025, 12, 19), datetime.date(2025, 12, 29)),
        (datetime.date(2026, 4, 2), datetime.date(2026, 4, 6)),
        (datetime.date(2026, 1, 10), datetime.date(2025, 12, 24)),
    ]
    for _ in range(500):
        start = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(900))
        pairs.append((start, start + datetime.timedelta(days=rng.randrange(-90, 120))))
    assert [elapsed(a, b) for a, b in pairs] == [calendar.working_days_between(a, b) for a, b in pairs]
