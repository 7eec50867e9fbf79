"""The RAG rule at each boundary, with the bank holiday calendar (improvement.rag)."""

import datetime

from improvement.choices import ActionStatus, Rag
from improvement.rag import rating
from timescales.calendar import WorkingDayCalendar

D = datetime.date
# Summer bank holiday 2025 is Monday 25 August.
CALENDAR = WorkingDayCalendar({D(2025, 8, 25): "Summer bank holiday"}, years=[2025])
MONDAY = D(2025, 8, 18)


def rag(due_on, status=ActionStatus.IN_PROGRESS, today=MONDAY):
    return rating(status=status, due_on=due_on, today=today, calendar=CALENDAR, window=10)


def test_done_is_blue_whatever_the_dates():
    assert rag(D(2025, 1, 1), status=ActionStatus.DONE) == Rag.BLUE


def test_past_its_due_date_is_red_from_the_day_after():
    assert rag(MONDAY - datetime.timedelta(days=1)) == Rag.RED
    assert rag(MONDAY) == Rag.AMBER  # due today: not yet overdue


def test_amber_within_ten_working_days_counting_the_bank_holiday_out():
    # Ten working days after Monday 18 August, skipping the bank holiday, is Tuesday 2 September.
    assert rag(D(2025, 9, 2)) == Rag.AMBER
    assert rag(D(2025, 9, 3)) == Rag.GREEN


def test_not_started_is_rated_like_in_progress():
    assert rag(D(2025, 12, 1), status=ActionStatus.NOT_STARTED) == Rag.GREEN
