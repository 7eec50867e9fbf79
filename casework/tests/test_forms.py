"""What the forms make of what was typed, and the messages they give."""

import datetime

import pytest
from django.utils import timezone

from casework.forms import ChronologyFilterForm, VisitForm
from core.forms import TimeField


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14:30", (14, 30)),
        ("9:05", (9, 5)),
        ("09.05", (9, 5)),
        ("1430", (14, 30)),
        (" 2pm ", (14, 0)),
        ("2:30 PM", (14, 30)),
        ("12am", (0, 0)),
        ("12pm", (12, 0)),
        ("00:00", (0, 0)),
        ("23:59", (23, 59)),
    ],
)
def test_times_people_type_are_understood(typed, expected):
    assert TimeField(label_for_errors="The time of the visit").clean(typed) == datetime.time(*expected)


@pytest.mark.parametrize("typed", ["24:00", "12:60", "13pm", "0am", "noon", "14", "1:5", "14:30:00"])
def test_impossible_times_are_refused_with_an_example(typed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="The time of the visit must be a real time, like 09:30 or 14:30"):
        TimeField(label_for_errors="The time of the visit").clean(typed)


def visit_data(day: datetime.date, time: str = "10:00", **overrides):
    data = {
        "visit_date_0": str(day.day),
        "visit_date_1": str(day.month),
        "visit_date_2": str(day.year),
        "visit_time": time,
        "visit_type": "home",
        "child_seen": "yes",
        "seen_alone": "yes",
        "bedroom_seen": "n/a",
        "observations": "Warm and tidy.",
    }
    return data | overrides


def test_a_complete_visit_becomes_the_services_arguments(db):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    form = VisitForm(visit_data(yesterday, "14:30"))
    assert form.is_valid(), form.errors
    kwargs = form.service_kwargs()
    assert kwargs["visited_at"] == timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(14, 30)))
    assert (kwargs["child_seen"], kwargs["seen_alone"], kwargs["bedroom_seen"]) == (True, True, None)


def test_an_empty_visit_form_asks_for_each_answer(db):
    form = VisitForm({})
    assert not form.is_valid()
    assert form.errors == {
        "visit_date": ["Enter the date of the visit"],
        "visit_time": ["Enter the time of the visit"],
        "visit_type": ["Select the type of visit"],
        "child_seen": ["Select whether the child was seen"],
        "bedroom_seen": ["Select whether the child's bedroom was seen"],
        "observations": ["Enter your observations"],
    }


def test_a_visit_tomorrow_is_refused_on_the_date(db):
    form = VisitForm(visit_data(timezone.localdate() + datetime.timedelta(days=1)))
    assert form.errors["visit_date"] == ["The date of the visit must be today or in the past"]


def test_a_visit_later_today_is_refused_on_the_time(db, clock):
    clock.travel_to(datetime.datetime(2025, 6, 2, 14, 0))  # mid-afternoon, so "later today" exists
    form = VisitForm(visit_data(datetime.date(2025, 6, 2), "14:02"))
    assert form.errors["visit_time"] == ["The time of the visit must be now or in the past"]


def test_seen_alone_needs_the_child_to_have_been_seen(db):
    form = VisitForm(visit_data(timezone.localdate(), "00:00", child_seen="no", seen_alone="yes"))
    assert "cannot have been seen alone if they were not seen" in form.errors["seen_alone"][0]
    form = VisitForm(visit_data(timezone.localdate(), "00:00", child_seen="yes", seen_alone=""))
    assert form.errors["seen_alone"] == ["Select whether the child was seen alone"]
    form = VisitForm(visit_data(timezone.localdate(), "00:00", child_seen="no", seen_alone=""))
    assert form.is_valid() and form.service_kwargs()["seen_alone"] is False


def test_a_half_typed_date_says_what_is_missing(db):
    form = VisitForm(visit_data(timezone.localdate(), visit_date_1=""))
    assert form.errors["visit_date"] == ["The date of the visit must include a month"]


def test_chronology_dates_must_be_in_order_and_a_bad_one_is_ignored():
    form = ChronologyFilterForm(
        {
            "date_from_0": "5",
            "date_from_1": "6",
            "date_from_2": "2025",
            "date_to_0": "1",
            "date_to_1": "6",
            "date_to_2": "2025",
            "category": ["visit"],
        }
    )
    filters = form.filters()
    assert form.errors["date_to"] == ["The 'to' date must be the same as or after the 'from' date"]
    assert (filters.categories, filters.date_from, filters.date_to) == (("visit",), datetime.date(2025, 6, 5), None)
