"""Permanence and leaving care in the generated authority: coherent with the periods of care,
obeying the services' own checks and the SSDA903 rules the returns are validated against, at
the national rates. The coherence checks run on the in-memory plan of test_rates (2,500
children, enough for adoptions and care leavers to appear); the small authority proves the rows
are written within the database's constraints."""

import datetime
from collections import defaultdict

from care_leavers.models import CareLeaver, KeepingInTouch, PathwayPlan
from care_leavers.services import check_in_touch
from permanence.models import PermanenceDecision, PermanenceOrder, PreviousPermanence
from permanence.services import check_adopters
from synthetic.testing import small_authority  # noqa: F401
from synthetic.tests.test_rates import _rows, planned  # noqa: F401
from timescales.calendar import add_months, birthday


def _by_child(rows, attr="child"):
    found = defaultdict(list)
    for row in rows:
        found[id(getattr(row, attr))].append(row)
    return found


def test_adoptions_end_the_period_of_care_after_placement_for_adoption(planned):
    _, batch = planned
    orders = [o for o in _rows(batch, "perm_order") if o.kind == "adoption"]
    assert len(orders) >= 3, len(orders)
    episodes = _by_child(_rows(batch, "care_episode"), "period")
    periods = {(id(p.child), p.end_date): p for p in _rows(batch, "period")}
    for order in orders:
        decision, period = order.decision, periods[(id(order.child), order.made_on)]
        eps = sorted(episodes[id(period)], key=lambda e: e.start_date)
        last, before = eps[-1], eps[-2]
        assert last.end_date == order.made_on
        assert last.reason_ceased == ("E12" if order.consent_dispensed else "E11")
        assert last.placement.placement_type in ("A5", "A6") and last.legal_status == "E1"  # rules 390, 408
        assert before.placement.placement_type.startswith("U")  # rule 336
        placement_order = next(
            o for o in _rows(batch, "perm_order") if o.decision is decision and o.kind == "placement"
        )
        match, placed = decision_rows(batch, decision)
        assert period.start_date <= decision.decided_on <= placement_order.made_on  # rules 1003, 554
        assert match.matched_on <= placed.placed_on < order.made_on  # rules 331, 582
        assert placed.placed_on == last.start_date
        assert not check_adopters(match.number_of_adopters, match.adopter_sex, match.adopter_legal_status)
        assert decision.achieved_on == order.made_on and decision.reversed_on is None  # rule 558
        assert placed.ended_on == order.made_on


def decision_rows(batch, decision):
    match = next(m for m in _rows(batch, "adoption_match") if m.decision is decision)
    placed = next(p for p in _rows(batch, "adoption_placement") if p.decision is decision)
    return match, placed


def test_special_guardianship_and_child_arrangements_orders_match_the_reason_care_ended(planned):
    _, batch = planned
    ended = {
        (id(e.child), e.end_date): e for e in _rows(batch, "care_episode") if e.reason_ceased not in ("", "X1", None)
    }
    orders = [o for o in _rows(batch, "perm_order") if o.kind in ("sgo", "cao")]
    assert orders
    for order in orders:
        episode = ended[(id(order.child), order.made_on)]
        if order.kind == "sgo":
            assert episode.reason_ceased == order.special_guardians
            if order.special_guardians in ("E45", "E46"):
                assert episode.placement.placement_type.startswith("U")  # rule 516
        else:
            assert episode.reason_ceased == "E41"
        assert order.decision.achieved_on == order.made_on
    for episode in ended.values():
        if episode.reason_ceased in ("E41", "E45", "E46", "E47", "E48", "E11", "E12"):
            assert any(o.child is episode.child and o.made_on == episode.end_date for o in _rows(batch, "perm_order"))


def test_decisions_are_reversed_with_a_reason_and_some_wait_for_a_step(planned):
    ctx, batch = planned
    decisions = _rows(batch, "perm_decision")
    live = defaultdict(int)
    for d in decisions:
        assert (d.reversed_on is None) == (d.reversal_reason == "")
        assert not (d.reversed_on and d.achieved_on)
        if d.reversed_on is None and d.achieved_on is None:
            live[(id(d.child), d.option)] += 1
    assert max(live.values()) == 1  # one live decision of each kind (rule 579)
    adoption = [d for d in decisions if d.option == "adoption"]
    assert adoption and any(d.reversed_on for d in decisions)
    # Children who left care have no live decision to place for adoption (rule 557).
    periods = {id(p.child): p for p in sorted(_rows(batch, "period"), key=lambda p: p.start_date)}
    for d in adoption:
        if d.reversed_on is None and d.achieved_on is None:
            assert periods[id(d.child)].end_date is None
    followed = {id(s.decision) for s in _rows(batch, "perm_step")} | {
        id(o.decision) for o in _rows(batch, "perm_order")
    }
    waiting = [
        d
        for d in decisions
        if d.reversed_on is None
        and d.achieved_on is None
        and id(d) not in followed
        and (ctx.today - d.decided_on).days >= 90
    ]
    assert waiting, "the permanence tracker should have entries"
    assert len(waiting) < 0.25 * len(decisions)


def test_previous_permanence_is_asked_once_for_each_period_of_care(planned):
    _, batch = planned
    asked = {(id(p.child), p.care_started_on) for p in _rows(batch, "prev_perm")}
    assert asked == {(id(p.child), p.start_date) for p in _rows(batch, "period")}


def test_care_leavers_left_care_at_16_or_over_after_13_weeks_since_14(planned):
    ctx, batch = planned
    leavers = _rows(batch, "care_leaver")
    assert len(leavers) >= 10, len(leavers)
    periods = _by_child(_rows(batch, "period"))
    checks = _by_child(_rows(batch, "keeping_in_touch"), "care_leaver")
    for leaver in leavers:
        dob = leaver.person.date_of_birth
        # The period the young person left care from: the last one ended by the day they became a
        # care leaver (or turned 18 as one). An earlier, shorter period does not make a care leaver.
        period = max(
            (p for p in periods[id(leaver.person)] if p.end_date and p.end_date <= leaver.category_since),
            key=lambda p: p.end_date,
        )
        assert period.end_date >= birthday(dob, 16)
        assert period.end_date - max(period.start_date, birthday(dob, 14)) >= datetime.timedelta(weeks=13)
        assert leaver.eligible_from <= period.end_date
        for check in checks[id(leaver)]:
            assert check.contact_on > period.end_date  # never while still looked after (rules 1007, 1016)
            assert not check_in_touch(
                person=leaver.person,
                contact_on=check.contact_on,
                in_touch=check.in_touch,
                accommodation=check.accommodation,
                activity=check.activity,
            )


def test_pathway_plans_are_mostly_reviewed_within_6_months(planned):
    _, batch = planned
    reviews = _by_child(_rows(batch, "pathway_review"), "plan")
    gaps = on_time = 0
    for plan in _rows(batch, "pathway_plan"):
        day = plan.started_on
        for review in sorted(reviews[id(plan)], key=lambda r: r.reviewed_on):
            gaps += 1
            on_time += review.reviewed_on <= add_months(day, 6)
            day = review.reviewed_on
    assert gaps and 0.8 <= on_time / gaps <= 0.97


def test_care_leavers_in_touch_mostly_in_suitable_accommodation(planned):
    _, batch = planned
    in_touch = [c for c in _rows(batch, "keeping_in_touch") if c.in_touch == "YES"]
    suitable = sum(c.accommodation.endswith("1") for c in in_touch) / len(in_touch)
    assert 0.82 <= suitable <= 0.96, suitable  # national 89 to 91%
    eet = sum(c.activity[0] in "FP" for c in in_touch) / len(in_touch)
    assert 0.45 <= eet <= 0.75, eet


def test_the_small_authority_writes_permanence_and_care_leavers(small_authority):
    counts = small_authority.counts
    assert counts["permanence.PreviousPermanence"] == counts["looked_after.PeriodOfCare"]
    assert counts["permanence.PermanenceDecision"] == PermanenceDecision.objects.count() > 0
    assert PermanenceOrder.objects.count() == counts["permanence.PermanenceOrder"]
    assert PreviousPermanence.objects.filter(option="Z1").exists()
    assert CareLeaver.objects.count() == counts["care_leavers.CareLeaver"]
    assert KeepingInTouch.objects.count() == counts["care_leavers.KeepingInTouch"]
    assert PathwayPlan.objects.count() == counts["care_leavers.PathwayPlan"]
