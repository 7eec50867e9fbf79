"""The planned journeys follow the national rates (TIMESCALES.md section B) within a tolerance.

Planned in memory (no database writes), for enough children that the rates settle."""

import datetime
from collections import defaultdict

import pytest

from synthetic.generator.batch import Batch
from synthetic.generator.context import Context
from synthetic.generator.family import new_family
from synthetic.generator.journeys import Journey
from synthetic.generator.sizes import Size
from synthetic.generator.staff import StaffPools

CHILDREN = 2_500


_PLANNED = {}


@pytest.fixture
def planned(db, bank_holidays):
    """Planned once for the module (the plan is only Python objects; the database gives the
    bank holidays)."""
    if not _PLANNED:
        _PLANNED["plan"] = _plan()
    return _PLANNED["plan"]


def _plan():
    from faker import Faker

    fake = Faker("en_GB")
    fake.seed_instance(11)
    pools = StaffPools(11, fake)
    ctx = Context.create(Size("rates", CHILDREN, CHILDREN), 11, pools)
    ctx.fake = fake
    batch, n = Batch(), 0
    span = (ctx.today - ctx.start).days
    while n < CHILDREN:
        first = ctx.days(ctx.start, ctx.rng.randint(0, span - 1))
        children, postcode = new_family(ctx, batch, first_contact=first, actor=pools["front_door"].any())
        for child in children:
            Journey(ctx, batch, child, postcode).run(first)
        n += len(children)
    return ctx, batch


def _rows(batch, name):
    return [
        row
        for stage, rows in batch.rows.items()
        if (stage[0] if isinstance(stage, tuple) else stage) == name
        for row in rows
    ]


def test_about_22_percent_of_referrals_are_re_referrals(planned):
    _, batch = planned
    referrals = _rows(batch, "referral")
    share = sum(r.is_re_referral for r in referrals) / len(referrals)
    assert 0.15 <= share <= 0.30, share


def test_about_a_quarter_of_cp_plans_are_second_plans(planned):
    _, batch = planned
    plans = sorted(_rows(batch, "cp_plan"), key=lambda p: p.start_date)
    seen, second = set(), 0
    for plan in plans:
        second += id(plan.child) in seen
        seen.add(id(plan.child))
    share = second / len(plans)
    assert 0.18 <= share <= 0.32, share  # national 24.5%


def test_most_assessments_are_authorised_within_45_working_days(planned):
    ctx, batch = planned
    done = [a for a in _rows(batch, "assessment") if a.authorised_on]
    on_time = sum(ctx.calendar.working_days_between(a.episode.start_date, a.authorised_on) <= 45 for a in done)
    assert 0.75 <= on_time / len(done) <= 0.95


def test_about_one_in_ten_looked_after_children_had_three_placements_in_the_year(planned):
    ctx, batch = planned
    year_ago = ctx.today - datetime.timedelta(days=365)
    by_child = defaultdict(list)
    for placement in _rows(batch, "placement"):
        by_child[id(placement.child)].append(placement)
    looked_after = [ps for ps in by_child.values() if any(p.end_date is None for p in ps)]
    unsettled = [ps for ps in looked_after if sum(p.end_date is None or p.end_date > year_ago for p in ps) >= 3]
    assert looked_after
    share = len(unsettled) / len(looked_after)
    assert 0.03 <= share <= 0.2, share
