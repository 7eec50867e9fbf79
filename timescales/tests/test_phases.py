"""Which rule applies as a placement, a review or a child's age moves on."""

from datetime import date

import pytest

from timescales.calendar import WorkingDayCalendar
from timescales.holiday_data import holidays_from_package
from timescales.phases import (
    NextDue,
    PlacementArrangement,
    private_fostering_visit_rule_code,
    reg28_next_visit,
    rha_rule_code,
    sdq_applies,
)

START = date(2025, 6, 2)  # a Monday


@pytest.fixture(scope="module")
def cal():
    return WorkingDayCalendar(holidays_from_package(2000, 2040))


def visit(cal, arrangement=PlacementArrangement.STANDARD, last=None, review=None, long_term=False, start=START):
    return reg28_next_visit(
        arrangement=arrangement,
        start=start,
        last_visit=last,
        first_review=review,
        intended_until_18=long_term,
        calendar=cal,
    )


class TestShortBreaks:
    SB = PlacementArrangement.SHORT_BREAKS

    def test_first_visit_within_3_months_of_the_first_short_break(self, cal):
        assert visit(cal, self.SB) == NextDue("reg28_short_breaks", START, date(2025, 9, 2))

    def test_then_at_most_6_monthly_from_the_last_visit_clamped_at_month_end(self, cal):
        assert visit(cal, self.SB, last=date(2025, 8, 31)) == NextDue(
            "reg28_short_breaks", date(2025, 8, 31), date(2026, 2, 28)
        )

    def test_no_longer_interval_after_the_first_year_even_if_long_term(self, cal):
        due = visit(cal, self.SB, last=date(2026, 7, 1), long_term=True)
        assert due == NextDue("reg28_short_breaks", date(2026, 7, 1), date(2027, 1, 1))


class TestStandardPlacement:
    def test_first_visit_within_a_week_of_the_placement(self, cal):
        assert visit(cal) == NextDue("reg28_visit", START, date(2025, 6, 9))

    def test_then_every_6_weeks_from_the_last_visit(self, cal):
        assert visit(cal, last=date(2025, 6, 6)) == NextDue("reg28_visit", date(2025, 6, 6), date(2025, 7, 18))

    def test_long_term_placement_after_the_first_year_3_months(self, cal):
        due = visit(cal, last=date(2026, 6, 3), long_term=True)
        assert due == NextDue("reg28_visit_longterm_3m", date(2026, 6, 3), date(2026, 9, 3))

    def test_first_anniversary_is_the_boundary(self, cal):
        # A visit on the day before the anniversary is still in the first year: 6 weeks.
        assert visit(cal, last=date(2026, 6, 1), long_term=True).rule_code == "reg28_visit"
        assert visit(cal, last=date(2026, 6, 2), long_term=True).rule_code == "reg28_visit_longterm_3m"

    def test_not_long_term_stays_6_weekly(self, cal):
        assert visit(cal, last=date(2027, 1, 4)) == NextDue("reg28_visit", date(2027, 1, 4), date(2027, 2, 15))

    def test_a_visit_before_the_placement_is_refused(self, cal):
        with pytest.raises(ValueError):
            visit(cal, last=date(2025, 5, 30))


class TestWeeklyUntilFirstReview:
    @pytest.mark.parametrize(
        "arrangement, weekly, after, weeks_after",
        [
            (PlacementArrangement.PLACED_WITH_PARENTS, "reg28_pwp", "reg28_pwp_6w", 6),
            (PlacementArrangement.CONNECTED_PERSON, "reg28_connected_ico", "reg28_connected_ico_4w", 4),
            (PlacementArrangement.INTERIM_CARE_ORDER_AT_HOME, "reg28_connected_ico", "reg28_connected_ico_4w", 4),
        ],
    )
    def test_weekly_then_longer(self, cal, arrangement, weekly, after, weeks_after):
        from datetime import timedelta

        assert visit(cal, arrangement) == NextDue(weekly, START, date(2025, 6, 9))
        assert visit(cal, arrangement, last=date(2025, 6, 10)) == NextDue(weekly, date(2025, 6, 10), date(2025, 6, 17))
        reviewed = visit(cal, arrangement, last=date(2025, 6, 24), review=date(2025, 6, 27))
        assert reviewed == NextDue(after, date(2025, 6, 24), date(2025, 6, 24) + timedelta(weeks=weeks_after))


def test_care_order_made_at_home_within_a_week_then_6_weekly(cal):
    order = date(2025, 6, 2)
    assert visit(cal, PlacementArrangement.CARE_ORDER_AT_HOME, start=order) == NextDue(
        "reg28_care_order_home", order, date(2025, 6, 9)
    )
    assert visit(cal, PlacementArrangement.CARE_ORDER_AT_HOME, start=order, last=date(2025, 6, 5)).due_date == date(
        2025, 7, 17
    )


def test_review_health_assessment_by_age_at_the_last_one():
    dob = date(2020, 3, 10)
    assert rha_rule_code(dob, date(2025, 3, 9)) == "rha_under5_6m"
    assert rha_rule_code(dob, date(2025, 3, 10)) == "rha_5plus_12m"


def test_private_fostering_visits_6_weekly_in_year_one_then_12_weekly():
    aware = date(2025, 1, 1)
    assert private_fostering_visit_rule_code(aware, date(2025, 12, 31)) == "pf_visit_6w"
    assert private_fostering_visit_rule_code(aware, date(2026, 1, 1)) == "pf_visit_12w"


@pytest.mark.parametrize(
    "on, applies",
    [(date(2024, 6, 1), False), (date(2024, 6, 2), True), (date(2037, 6, 1), True), (date(2037, 6, 2), False)],
)
def test_sdq_ages_4_to_16(on, applies):
    assert sdq_applies(date(2020, 6, 2), on) is applies
