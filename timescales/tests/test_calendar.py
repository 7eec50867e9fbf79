"""The working-day calendar and date arithmetic, at every boundary (TIMESCALES.md section C)."""

import datetime
from datetime import date

import pytest

from core.clock import LONDON
from timescales.calendar import (
    CalendarCoverageError,
    WorkingDayCalendar,
    add_hours,
    add_months,
    age_on,
    birthday,
    get_calendar,
)
from timescales.holiday_data import holidays_from_package
from timescales.models import BankHoliday
from timescales.units import Unit

UTC = datetime.UTC


@pytest.fixture(scope="module")
def cal():
    """The calendar as the migration seeds it, built without the database."""
    return WorkingDayCalendar(holidays_from_package(2000, 2040))


def brute_force_between(cal, a, b):
    """The definition itself, one day at a time: working days d with a < d <= b."""
    count, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        count += cal.is_working_day(d)
    return count


class TestHolidayData:
    @pytest.mark.parametrize(
        "day, name_part",
        [
            (date(2022, 9, 19), "State Funeral"),
            (date(2023, 5, 8), "Coronation"),
            (date(2022, 6, 2), "Spring Bank Holiday"),
            (date(2022, 6, 3), "Platinum Jubilee"),
            (date(2022, 1, 3), "New Year's Day (observed)"),
            (date(2022, 12, 27), "Christmas Day (observed)"),
            (date(2021, 12, 28), "Boxing Day (observed)"),
            (date(2020, 12, 28), "Boxing Day (observed)"),
            (date(2025, 4, 18), "Good Friday"),
            (date(2025, 4, 21), "Easter Monday"),
            (date(2020, 5, 8), "May Day"),  # moved for the 75th anniversary of VE Day
        ],
    )
    def test_package_has_substitute_and_one_off_days(self, cal, day, name_part):
        assert not cal.is_working_day(day)
        assert name_part in cal.holiday_name(day)

    @pytest.mark.django_db
    def test_migration_seeded_every_year_2000_to_2040(self, db):
        # `db`, not the bank_holidays fixture (which would seed an empty table itself).
        years = {d.year for d in BankHoliday.objects.dates("date", "year")}
        assert years >= set(range(2000, 2041))
        for day in [
            date(2022, 9, 19),
            date(2023, 5, 8),
            date(2022, 6, 2),
            date(2022, 6, 3),
            date(2022, 1, 3),
            date(2022, 12, 27),
        ]:
            assert BankHoliday.objects.filter(date=day, division="england-and-wales").exists(), day

    @pytest.mark.django_db
    def test_database_calendar_equals_package(self, bank_holidays, cal):
        db_cal = get_calendar()
        assert db_cal.years == cal.years
        day = date(2000, 1, 1)
        while day <= date(2040, 12, 31):
            assert db_cal.is_working_day(day) == cal.is_working_day(day), day
            day += datetime.timedelta(days=1)


class TestWorkingDays:
    def test_timescales_example_referral_to_45_working_days(self, cal):
        # TIMESCALES.md C2: referral on Mon 2 Jun 2025 -> 45 WD due Mon 4 Aug 2025.
        referral = date(2025, 6, 2)
        assert cal.add_working_days(referral, 45) == date(2025, 8, 4)
        assert cal.working_days_between(referral, date(2025, 8, 4)) == 45  # on time on the due date
        assert cal.working_days_between(referral, date(2025, 8, 5)) == 46  # late the day after
        assert cal.working_days_between(referral, referral) == 0  # "same day" is day 0

    def test_day_zero_is_the_trigger(self, cal):
        assert cal.add_working_days(date(2025, 6, 2), 0) == date(2025, 6, 2)
        assert cal.add_working_days(date(2025, 6, 7), 0) == date(2025, 6, 7)  # a Saturday stays itself

    @pytest.mark.parametrize(
        "trigger, n, due",
        [
            # Weekend and holiday triggers: still day 0; the next working day is day 1.
            (date(2025, 6, 6), 1, date(2025, 6, 9)),  # Friday -> Monday
            (date(2025, 6, 7), 1, date(2025, 6, 9)),  # Saturday -> Monday
            (date(2025, 6, 8), 1, date(2025, 6, 9)),  # Sunday -> Monday
            (date(2025, 6, 8), 5, date(2025, 6, 13)),
            (date(2025, 4, 18), 1, date(2025, 4, 22)),  # Good Friday -> Tuesday after Easter Monday
            # Easter 2025: Good Friday 18 April, Easter Monday 21 April.
            (date(2025, 4, 17), 1, date(2025, 4, 22)),
            (date(2025, 4, 16), 2, date(2025, 4, 22)),
            # State Funeral of Queen Elizabeth II, Monday 19 September 2022.
            (date(2022, 9, 16), 1, date(2022, 9, 20)),
            (date(2022, 9, 9), 5, date(2022, 9, 16)),
            (date(2022, 9, 9), 6, date(2022, 9, 20)),
            # Coronation, Monday 8 May 2023, the week after the early May bank holiday (1 May).
            (date(2023, 5, 5), 1, date(2023, 5, 9)),
            (date(2023, 4, 28), 1, date(2023, 5, 2)),
            (date(2023, 4, 28), 6, date(2023, 5, 10)),
            # Platinum Jubilee: Thursday 2 and Friday 3 June 2022.
            (date(2022, 6, 1), 1, date(2022, 6, 6)),
            # Christmas 2021 on a Saturday: substitutes Monday 27 and Tuesday 28 December.
            (date(2021, 12, 24), 1, date(2021, 12, 29)),
            # Christmas 2022 on a Sunday: Boxing Day Monday 26, Christmas (observed) Tuesday 27.
            (date(2022, 12, 23), 1, date(2022, 12, 28)),
            # New Year's Day 2022 on a Saturday: observed Monday 3 January.
            (date(2021, 12, 31), 1, date(2022, 1, 4)),
            # Boxing Day 2020 on a Saturday: observed Monday 28 December.
            (date(2020, 12, 24), 1, date(2020, 12, 29)),
            # Christmas Day 2025 Thursday, Boxing Day Friday.
            (date(2025, 12, 24), 1, date(2025, 12, 29)),
            (date(2025, 12, 24), 3, date(2025, 12, 31)),
            (date(2025, 12, 31), 1, date(2026, 1, 2)),
        ],
    )
    def test_add_working_days(self, cal, trigger, n, due):
        assert cal.add_working_days(trigger, n) == due
        assert cal.working_days_between(trigger, due) == n
        assert cal.working_days_between(trigger, due + datetime.timedelta(days=1)) in (n, n + 1)
        assert cal.is_working_day(due)

    def test_negative_counts_go_backwards(self, cal):
        assert cal.add_working_days(date(2022, 9, 20), -1) == date(2022, 9, 16)
        assert cal.working_days_between(date(2022, 9, 20), date(2022, 9, 16)) == -1

    @pytest.mark.parametrize(
        "a, b, expected",
        [
            (date(2025, 6, 6), date(2025, 6, 9), 1),  # Friday to Monday
            (date(2025, 6, 7), date(2025, 6, 8), 0),  # a weekend
            (date(2025, 6, 7), date(2025, 6, 9), 1),
            (date(2022, 9, 16), date(2022, 9, 19), 0),  # only the State Funeral
            (date(2023, 5, 5), date(2023, 5, 8), 0),  # only the Coronation
            (date(2024, 12, 31), date(2025, 12, 31), 253),  # 2025 in full: 261 weekdays, 8 holidays on weekdays
            (
                date(2025, 1, 1),
                date(2025, 12, 31),
                253,
            ),  # 1 January is itself a holiday: leaving it out changes nothing
            (date(2025, 1, 2), date(2025, 12, 31), 252),  # the start day is never counted
        ],
    )
    def test_working_days_between(self, cal, a, b, expected):
        assert cal.working_days_between(a, b) == expected
        assert brute_force_between(cal, a, b) == expected

    def test_add_and_count_agree_everywhere_2022_to_2023(self, cal):
        # Every trigger across two years with the one-off holidays, every deadline up to 60 WD.
        day = date(2022, 1, 1)
        while day < date(2024, 1, 1):
            for n in (0, 1, 2, 5, 7, 10, 15, 20, 45, 60):
                due = cal.add_working_days(day, n)
                assert cal.working_days_between(day, due) == n
                if n:
                    assert cal.is_working_day(due)
                    assert cal.working_days_between(day, due - datetime.timedelta(days=1)) == n - 1
            day += datetime.timedelta(days=1)

    def test_fast_count_matches_the_definition_over_long_ranges(self, cal):
        for a, b in [(date(2000, 1, 1), date(2040, 12, 31)), (date(2019, 12, 20), date(2023, 1, 9))]:
            assert cal.working_days_between(a, b) == brute_force_between(cal, a, b)

    def test_unknown_years_are_refused_not_guessed(self, cal):
        with pytest.raises(CalendarCoverageError, match="sync_bank_holidays --from-year 2041"):
            cal.is_working_day(date(2041, 1, 2))
        with pytest.raises(CalendarCoverageError):
            cal.add_working_days(date(2040, 12, 28), 5)
        with pytest.raises(CalendarCoverageError):
            cal.working_days_between(date(1999, 12, 1), date(2000, 1, 5))
        assert cal.is_working_day(date(2041, 1, 5)) is False  # a Saturday needs no holiday data

    def test_a_datetime_is_not_silently_truncated(self, cal):
        with pytest.raises(TypeError):
            cal.add_working_days(datetime.datetime(2025, 6, 2, 9, tzinfo=LONDON), 1)


class TestMonthsAndYears:
    @pytest.mark.parametrize(
        "start, months, expected",
        [
            (date(2025, 8, 31), 3, date(2025, 11, 30)),  # TIMESCALES.md C3.4
            (date(2023, 1, 31), 1, date(2023, 2, 28)),
            (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
            (date(2023, 11, 30), 3, date(2024, 2, 29)),
            (date(2024, 2, 29), 12, date(2025, 2, 28)),
            (date(2025, 10, 31), 1, date(2025, 11, 30)),
            (date(2025, 12, 15), 1, date(2026, 1, 15)),
            (date(2025, 7, 31), 6, date(2026, 1, 31)),
            (date(2025, 3, 31), -1, date(2025, 2, 28)),
            (date(2025, 6, 2), 0, date(2025, 6, 2)),
        ],
    )
    def test_add_months_clamps_to_month_end(self, start, months, expected):
        assert add_months(start, months) == expected

    def test_weeks_are_seven_calendar_days(self, cal):
        assert cal.add(date(2025, 6, 2), 1, Unit.WEEKS) == date(2025, 6, 9)
        assert cal.add(date(2025, 6, 2), 6, Unit.WEEKS) == date(2025, 7, 14)  # 42 days
        assert cal.add(date(2025, 6, 2), 7, Unit.CALENDAR_DAYS) == date(2025, 6, 9)

    def test_birthdays_and_ages(self):
        assert birthday(date(2009, 6, 2), 16) == date(2025, 6, 2)
        assert birthday(date(2008, 2, 29), 16) == date(2024, 2, 29)
        assert birthday(date(2008, 2, 29), 15) == date(2023, 2, 28)
        assert age_on(date(2020, 3, 10), date(2025, 3, 9)) == 4
        assert age_on(date(2020, 3, 10), date(2025, 3, 10)) == 5
        assert age_on(date(2008, 2, 29), date(2023, 2, 28)) == 15


class TestHours:
    def test_72_hours_across_the_end_of_summer_time(self, cal):
        # Clocks go back at 02:00 BST on Sunday 26 October 2025.
        returned = datetime.datetime(2025, 10, 24, 12, 0, tzinfo=LONDON)  # 11:00 UTC
        due = cal.add(returned, 72, Unit.HOURS)
        assert due == datetime.datetime(2025, 10, 27, 11, 0, tzinfo=LONDON)  # 11:00 GMT, not 12:00
        # Subtracting two datetimes with the same tzinfo is wall-clock arithmetic too (71 h
        # here), the very trap add_hours avoids; elapsed time is measured in UTC.
        assert (due.astimezone(UTC) - returned.astimezone(UTC)).total_seconds() == 72 * 3600
        assert due.utcoffset() == datetime.timedelta(0)

    def test_72_hours_across_the_start_of_summer_time(self):
        # Clocks go forward at 01:00 GMT on Sunday 30 March 2025.
        returned = datetime.datetime(2025, 3, 28, 12, 0, tzinfo=LONDON)
        due = add_hours(returned, 72)
        assert due == datetime.datetime(2025, 3, 31, 13, 0, tzinfo=LONDON)
        assert due.astimezone(UTC) == datetime.datetime(2025, 3, 31, 12, 0, tzinfo=UTC)

    def test_naive_datetimes_and_plain_dates_are_refused(self, cal):
        with pytest.raises(ValueError):
            add_hours(datetime.datetime(2025, 3, 28, 12, 0), 72)
        with pytest.raises(ValueError):
            cal.add(date(2025, 3, 28), 72, Unit.HOURS)

    def test_datetime_for_a_day_based_unit_uses_the_date_in_england(self, cal):
        # 23:30 UTC on 1 June is 00:30 on 2 June in London (BST).
        moment = datetime.datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
        assert cal.add(moment, 0, Unit.CALENDAR_DAYS) == date(2025, 6, 2)


@pytest.mark.django_db
class TestCachedCalendar:
    def test_loaded_once_and_reused(self, bank_holidays, django_assert_num_queries):
        get_calendar()
        with django_assert_num_queries(0):
            assert get_calendar() is get_calendar()

    def test_adding_a_holiday_is_seen_at_once(self, bank_holidays):
        # An administrator adds a newly announced one-off bank holiday.
        day = date(2025, 6, 4)
        assert get_calendar().is_working_day(day)
        holiday = BankHoliday.objects.create(date=day, name="Announced one-off bank holiday")
        assert not get_calendar().is_working_day(day)
        assert get_calendar().add_working_days(date(2025, 6, 3), 1) == date(2025, 6, 5)
        holiday.delete()
        assert get_calendar().is_working_day(day)

    def test_a_rolled_back_change_does_not_linger(self, bank_holidays):
        from django.db import transaction

        day = date(2025, 6, 4)
        with pytest.raises(RuntimeError), transaction.atomic():
            BankHoliday.objects.create(date=day, name="Never committed")
            assert not get_calendar().is_working_day(day)
            raise RuntimeError
        assert get_calendar().is_working_day(day)
