"""Short breaks (legal status V3 or V4, CPPCR reg 48): their own review and visit timescales at
the boundaries, the clocks of full-time care when a child on short breaks comes into care full
time, and what does not apply to short breaks (health assessments, dental checks, SDQ, PEP)."""

import datetime

import pytest

from looked_after import services
from looked_after.tests.factories import at, start_care, statutory_visit
from timescales.models import DueItem

D = datetime.date
AUG_29 = D(2025, 8, 29)  # the first short break: 3 months on is 29 November


def open_item(child, rule_code) -> DueItem:
    return DueItem.objects.get(person=child, rule_code=rule_code, completed_at__isnull=True)


def open_codes(child) -> set[str]:
    return set(DueItem.objects.filter(person=child, completed_at__isnull=True).values_list("rule_code", flat=True))


def overdue(rule_code) -> bool:
    return DueItem.objects.overdue().filter(rule_code=rule_code).exists()


@pytest.fixture
def short_breaks(worker, child, on):
    """Jay (aged 10) on an agreed series of short breaks (V4) with Mr and Mrs Patel from 29 August 2025."""
    on(D(2025, 9, 1))
    return start_care(worker, child, AUG_29, legal_status="V4")


def test_the_first_short_break_review_is_due_3_months_after_the_first_short_break(child, short_breaks, on):
    item = open_item(child, "la_review_short_breaks")
    assert (item.due_date, item.title) == (D(2025, 11, 29), "First short-break review")
    assert item.trigger_description == "Short breaks started on 29 August 2025"
    assert "la_review" not in open_codes(child)
    on(D(2025, 11, 29))
    assert not overdue("la_review_short_breaks")
    on(D(2025, 11, 30))
    assert overdue("la_review_short_breaks")


def test_later_short_break_reviews_are_6_months_after_the_last_held_clamped_at_month_end(iro, child, short_breaks, on):
    on(D(2025, 11, 30))
    services.review_record(actor=iro, child=child, held_on=D(2025, 11, 28), participation="PN1")
    item = open_item(child, "la_review_short_breaks")
    assert (item.due_date, item.title) == (D(2026, 5, 28), "Looked-after review")
    # An early review resets the clock; 31 August + 6 months is 28 February.
    on(D(2026, 3, 1))
    services.review_record(actor=iro, child=child, held_on=D(2026, 2, 27), participation="PN1")
    assert open_item(child, "la_review_short_breaks").due_date == D(2026, 8, 27)


def test_short_break_visits_within_3_months_then_6_monthly(worker, child, short_breaks, on):
    item = open_item(child, "reg28_short_breaks")
    assert item.due_date == D(2025, 11, 29)
    assert "reg28_visit" not in open_codes(child)  # not within a week, as for a placement in full-time care
    on(D(2025, 11, 29))
    assert not overdue("reg28_short_breaks")
    on(D(2025, 11, 30))
    assert overdue("reg28_short_breaks")
    statutory_visit(worker, child, at(D(2025, 11, 30), 11))
    assert open_item(child, "reg28_short_breaks").due_date == D(2026, 5, 30)
    # No change of interval after the first year, unlike reg 28(2).
    on(D(2026, 11, 1))
    statutory_visit(worker, child, at(D(2026, 10, 31), 11))
    assert open_item(child, "reg28_short_breaks").due_date == D(2027, 4, 30)


def test_health_education_and_sdq_items_do_not_apply_to_short_breaks(child, short_breaks):
    assert open_codes(child) & {"iha_20wd", "dental_check", "sdq_annual", "pep_10wd"} == set()
    # The care plan and the IRO still do (reg 48 keeps reg 4 and Part 6 reviews).
    assert {"care_plan_10wd", "iro_appointed"} <= open_codes(child)


def test_coming_into_care_full_time_starts_the_full_time_clocks(worker, iro, child, short_breaks, on):
    on(D(2025, 11, 3))
    services.review_record(actor=iro, child=child, held_on=D(2025, 10, 31), participation="PN1")
    services.episode_change(actor=worker, child=child, change_date=D(2025, 11, 3), legal_status="V2")
    item = open_item(child, "la_review")
    # 20 working days from Monday 3 November 2025: 1 December.
    assert (item.due_date, item.title, item.trigger_description) == (
        D(2025, 12, 1),
        "First looked-after review",
        "Looked after full time, after short breaks on 3 November 2025",
    )
    assert "la_review_short_breaks" not in open_codes(child)
    met = DueItem.objects.get(person=child, rule_code="la_review_short_breaks", completed_at__isnull=False)
    assert met.completed_late is False
    # Visits now follow reg 28(2), as for a new placement: within a week of the change.
    assert "reg28_short_breaks" not in open_codes(child)
    visit = open_item(child, "reg28_visit")
    assert (visit.due_date, visit.trigger_description) == (D(2025, 11, 10), "Full-time care started on 3 November 2025")
    assert {"iha_20wd", "pep_10wd"} <= open_codes(child)


def test_a_child_in_full_time_care_keeps_the_ordinary_timescales(worker, child, on):
    on(D(2025, 9, 1))
    start_care(worker, child, AUG_29, legal_status="V2")
    assert open_item(child, "la_review").due_date == D(2025, 9, 26)  # 20 working days
    assert "la_review_short_breaks" not in open_codes(child) and "reg28_short_breaks" not in open_codes(child)


def test_the_short_break_review_and_visit_show_on_the_tab_and_in_the_iros_tray(
    client, worker, iro, child, short_breaks
):
    from django.urls import reverse

    from looked_after import selectors

    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 9, 1))
    assert [(i.person_id, i.title) for i in selectors.reviews_due_for_iro(user=iro)] == [
        (child.pk, "First short-break review")
    ]
    client.force_login(worker)
    due = client.get(reverse("looked_after:record", args=[child.pk])).content.decode()
    assert "First short-break review" in due and "Statutory visit to a child on short breaks" in due
    assert "29 November 2025" in due and "Short breaks" in due
