"""Every looked-after timescale at its boundaries (TIMESCALES.md A3): the due date and the day
after, working days over bank holidays, months clamped at month end, each next occurrence
counted from the date the last one actually happened, and 72 hours exactly."""

import datetime

import pytest

from casework import services as casework_services
from looked_after import services
from looked_after.services import PlacementDetails
from looked_after.tests.factories import NEW_FOSTER, WITH_PARENTS, at, move, start_care, statutory_visit
from people.services import person_create
from timescales.models import DueItem

D = datetime.date
MAY_1 = D(2025, 5, 1)  # a Thursday; 5 May and 26 May 2025 are bank holidays


def open_item(child, rule_code) -> DueItem:
    return DueItem.objects.get(person=child, rule_code=rule_code, completed_at__isnull=True)


def has_open(child, rule_code) -> bool:
    return DueItem.objects.filter(person=child, rule_code=rule_code, completed_at__isnull=True).exists()


def met(child, rule_code) -> list[DueItem]:
    return list(
        DueItem.objects.filter(person=child, rule_code=rule_code, completed_at__isnull=False).order_by("trigger_date")
    )


def overdue(rule_code) -> bool:
    return DueItem.objects.overdue().filter(rule_code=rule_code).exists()


@pytest.fixture
def in_care(worker, child, on):
    """Jay (aged 10) looked after from Thursday 1 May 2025, in foster care, section 20."""
    on(D(2025, 6, 2))
    return start_care(worker, child, MAY_1)


def a_child(worker, born: D, name="Amy"):
    return person_create(actor=worker, given_name=name, family_name="Jones", date_of_birth=born)


# --- Looked-after reviews (reg 33) ----------------------------------------------------------------


def test_first_review_within_20_working_days_over_two_bank_holidays(child, in_care, on):
    item = open_item(child, "la_review")
    assert (item.due_date, item.title) == (D(2025, 6, 2), "First looked-after review")
    assert item.trigger_description == "Started to be looked after on 1 May 2025"
    on(D(2025, 6, 2))
    assert not overdue("la_review")
    on(D(2025, 6, 3))
    assert overdue("la_review")


def test_a_weekend_start_is_day_0_and_the_first_working_day_after_it_day_1(worker, child, on):
    """Looked after in an emergency on Saturday 3 May 2025: Tuesday 6 May (after the bank holiday)
    is working day 1, so the IRO is due on 12 May and the first review on 3 June, as from Friday."""
    on(D(2025, 5, 3))
    start_care(worker, child, D(2025, 5, 3))
    assert open_item(child, "iro_appointed").due_date == D(2025, 5, 12)
    assert open_item(child, "la_review").due_date == D(2025, 6, 3)
    on(D(2025, 5, 12))
    assert not overdue("iro_appointed")
    on(D(2025, 5, 13))
    assert overdue("iro_appointed")


def test_second_review_3_months_after_the_first_then_6_months_after_the_last_actually_held(
    worker, iro, child, in_care, on
):
    services.review_record(actor=iro, child=child, held_on=D(2025, 5, 28), participation="PN1")
    assert met(child, "la_review")[0].completed_late is False
    item = open_item(child, "la_review")
    assert (item.due_date, item.title) == (D(2025, 8, 28), "Second looked-after review")
    on(D(2025, 8, 28))
    assert not overdue("la_review")
    on(D(2025, 8, 29))
    assert overdue("la_review")
    on(D(2025, 8, 1))
    services.review_record(
        actor=iro, child=child, held_on=D(2025, 8, 1), participation="PN6"
    )  # early: resets the clock
    item = open_item(child, "la_review")
    assert (item.due_date, item.title) == (D(2026, 2, 1), "Looked-after review")
    assert [i.trigger_date for i in met(child, "la_review")] == [MAY_1, D(2025, 5, 28)]


def test_a_late_first_review_is_kept_as_late_and_months_clamp_at_month_end(worker, iro, child, on):
    on(D(2025, 12, 1))
    start_care(worker, child, D(2025, 11, 3))
    assert open_item(child, "la_review").due_date == D(2025, 12, 1)
    services.review_record(actor=iro, child=child, held_on=D(2025, 11, 30), participation="PN1")
    assert open_item(child, "la_review").due_date == D(2026, 2, 28)  # 30 Nov + 3 months


def test_twenty_working_days_over_christmas(worker, child, on):
    on(D(2025, 12, 19))
    start_care(worker, child, D(2025, 12, 19))
    # 25, 26 December and 1 January are bank holidays.
    assert open_item(child, "la_review").due_date == D(2026, 1, 21)
    assert open_item(child, "iha_20wd").due_date == D(2026, 1, 21)


def test_nothing_more_is_due_once_the_period_ends_but_what_was_met_stays(worker, iro, child, in_care):
    services.review_record(actor=iro, child=child, held_on=D(2025, 5, 28), participation="PN1")
    services.period_end(actor=worker, child=child, end_date=D(2025, 6, 1), reason_ceased="E4A")
    # The child in need episode the period of care opened stays open after it, with its own
    # assessment still due: nothing of the period of care's.
    assert (
        not DueItem.objects.open().filter(person=child).exclude(rule_code__in=["rhi_72h", "assessment_45wd"]).exists()
    )
    assert len(met(child, "la_review")) == 1


# --- IRO and care plan ------------------------------------------------------------------------------


@pytest.mark.parametrize("appointed, late", [(D(2025, 5, 9), False), (D(2025, 5, 12), True)])
def test_iro_appointed_within_5_working_days(worker, iro, child, in_care, appointed, late):
    assert open_item(child, "iro_appointed").due_date == D(2025, 5, 9)  # over the 5 May bank holiday
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=appointed)
    assert met(child, "iro_appointed")[0].completed_late is late
    assert not has_open(child, "iro_appointed")


@pytest.mark.parametrize("agreed, late", [(D(2025, 5, 16), False), (D(2025, 5, 19), True), (D(2025, 4, 20), False)])
def test_care_plan_within_10_working_days_of_the_first_placement(worker, child, in_care, agreed, late):
    assert open_item(child, "care_plan_10wd").due_date == D(2025, 5, 16)
    services.care_plan_record(actor=worker, child=child, agreed_on=agreed)
    assert met(child, "care_plan_10wd")[0].completed_late is late


def test_no_care_plan_item_under_a_full_care_order(worker, child, on):
    on(D(2025, 6, 2))
    start_care(worker, child, MAY_1, legal_status="C2")
    assert not DueItem.objects.filter(person=child, rule_code="care_plan_10wd").exists()


# --- Statutory visits (reg 28) ------------------------------------------------------------------------


def test_first_visit_within_a_week_of_the_placement_then_6_weekly_from_the_visit(worker, child, on):
    on(D(2025, 6, 2))
    start_care(worker, child, D(2025, 6, 2))
    item = open_item(child, "reg28_visit")
    assert (item.due_date, item.trigger_description) == (D(2025, 6, 9), "Start of the placement on 2 June 2025")
    on(D(2025, 6, 9))
    assert not overdue("reg28_visit")
    on(D(2025, 6, 10))
    assert overdue("reg28_visit")
    statutory_visit(worker, child, at(D(2025, 6, 10), 11), seen=False)  # not seen: does not count
    assert open_item(child, "reg28_visit").due_date == D(2025, 6, 9)
    statutory_visit(worker, child, at(D(2025, 6, 10), 15))
    assert met(child, "reg28_visit")[0].completed_late is True
    assert open_item(child, "reg28_visit").due_date == D(2025, 7, 22)  # 6 weeks from the visit


def test_a_visit_of_any_type_counts_when_the_child_was_seen(worker, child, on):
    # Issue 13: which standard a visit meets is decided by the child's legal status, not its type.
    on(D(2025, 6, 4))
    start_care(worker, child, D(2025, 6, 2))
    casework_services.visit_record(
        actor=worker,
        child=child,
        visited_at=at(D(2025, 6, 3)),
        visit_type="home",
        child_seen=False,
        observations="Not in when I called.",
    )
    assert not met(child, "reg28_visit")
    casework_services.visit_record(
        actor=worker,
        child=child,
        visited_at=at(D(2025, 6, 3), 16),
        visit_type="home",
        child_seen=True,
        observations="Seen at home.",
    )
    assert met(child, "reg28_visit")


def test_a_move_starts_a_new_first_week(worker, child, in_care, on):
    statutory_visit(worker, child, at(D(2025, 5, 6)))
    move(worker, child, D(2025, 5, 20))
    item = open_item(child, "reg28_visit")
    assert (item.trigger_date, item.due_date) == (D(2025, 5, 20), D(2025, 5, 27))


def test_long_term_placement_is_visited_3_monthly_after_its_first_year(worker, child, on):
    on(D(2025, 6, 2))
    start_care(worker, child, D(2024, 6, 1), placement=PlacementDetails("U4", "PR1", "NE1 4XF"))
    statutory_visit(worker, child, at(D(2024, 6, 5)))
    statutory_visit(worker, child, at(D(2025, 5, 31)))  # still in the first year: 6 weeks
    item = open_item(child, "reg28_visit")
    assert item.due_date == D(2025, 7, 12)
    statutory_visit(worker, child, at(D(2025, 6, 1)))  # the first anniversary: 3 months
    item = open_item(child, "reg28_visit_longterm_3m")
    assert item.due_date == D(2025, 9, 1)
    assert not has_open(child, "reg28_visit")


def test_a_placement_not_intended_to_last_until_18_stays_6_weekly(worker, child, on):
    on(D(2025, 6, 2))
    start_care(worker, child, D(2024, 6, 1))
    statutory_visit(worker, child, at(D(2025, 6, 1)))
    assert open_item(child, "reg28_visit").due_date == D(2025, 7, 13)


def test_placed_with_parents_weekly_until_the_first_review_then_6_weekly(worker, iro, child, on):
    on(D(2025, 6, 2))
    start_care(worker, child, MAY_1, legal_status="C2")
    move(worker, child, D(2025, 5, 12), WITH_PARENTS)
    assert open_item(child, "reg28_pwp").due_date == D(2025, 5, 19)
    statutory_visit(worker, child, at(D(2025, 5, 19)))
    assert open_item(child, "reg28_pwp").due_date == D(2025, 5, 26)
    services.review_record(actor=iro, child=child, held_on=D(2025, 5, 28), participation="PN1")
    statutory_visit(worker, child, at(D(2025, 5, 30)))
    assert [i.completed_late for i in met(child, "reg28_pwp")] == [False, True]
    assert open_item(child, "reg28_pwp_6w").due_date == D(2025, 7, 11)


def test_placed_with_parents_after_the_assessment_follows_the_ordinary_rule(worker, child, on):
    on(D(2025, 6, 2))
    start_care(worker, child, MAY_1, legal_status="C2", placement=WITH_PARENTS)
    services.pwp_agreement_record(
        actor=worker, child=child, parent_name="Ms Smith", assessment_completed_on=D(2025, 4, 20)
    )
    assert open_item(child, "reg28_visit").due_date == D(2025, 5, 8)
    assert not DueItem.objects.filter(person=child, rule_code="reg28_pwp").exists()


def test_interim_care_order_at_home_weekly_then_care_order_at_home(worker, iro, child, on):
    on(D(2025, 6, 30))
    start_care(worker, child, D(2025, 6, 2), legal_status="C1", placement=WITH_PARENTS)
    assert open_item(child, "reg28_connected_ico").due_date == D(2025, 6, 9)
    statutory_visit(worker, child, at(D(2025, 6, 9)))
    services.episode_change(actor=worker, child=child, change_date=D(2025, 6, 16), legal_status="C2")
    item = open_item(child, "reg28_care_order_home")
    assert (item.due_date, item.trigger_description) == (
        D(2025, 6, 23),
        "Care order made while living with a parent on 16 June 2025",
    )
    assert not has_open(child, "reg28_connected_ico")
    statutory_visit(worker, child, at(D(2025, 6, 20)))
    assert open_item(child, "reg28_care_order_home").due_date == D(2025, 8, 1)


def test_temporarily_approved_connected_person_weekly_then_4_weekly_after_the_first_review(worker, iro, child, on):
    on(D(2025, 6, 2))
    start_care(worker, child, MAY_1, placement=PlacementDetails("U3", "PR1", "NE2 1AA", temporary_approval=True))
    assert open_item(child, "reg28_connected_ico").due_date == D(2025, 5, 8)
    statutory_visit(worker, child, at(D(2025, 5, 8)))
    services.review_record(actor=iro, child=child, held_on=D(2025, 5, 28), participation="PN1")
    statutory_visit(worker, child, at(D(2025, 5, 29)))
    assert open_item(child, "reg28_connected_ico_4w").due_date == D(2025, 6, 26)


# --- Health --------------------------------------------------------------------------------------------


def test_initial_health_assessment_within_20_working_days(worker, child, in_care, on):
    assert open_item(child, "iha_20wd").due_date == D(2025, 6, 2)
    on(D(2025, 6, 3))
    assert overdue("iha_20wd")
    services.health_check_record(actor=worker, child=child, kind="iha", done_on=D(2025, 6, 3))
    assert met(child, "iha_20wd")[0].completed_late is True
    assert open_item(child, "rha_5plus_12m").due_date == D(2026, 6, 3)


@pytest.mark.parametrize("done_on, counts", [(D(2025, 2, 1), True), (D(2025, 1, 31), False)])
def test_an_assessment_in_the_3_months_before_becoming_looked_after_counts(worker, child, in_care, done_on, counts):
    services.health_check_record(actor=worker, child=child, kind="iha", done_on=done_on)
    assert has_open(child, "iha_20wd") is not counts


@pytest.mark.parametrize(
    "born, rule, due",
    [
        (D(2021, 6, 10), "rha_under5_6m", D(2025, 12, 1)),  # aged 3
        (D(2020, 6, 2), "rha_under5_6m", D(2025, 12, 1)),  # 5 the day after the assessment
        (D(2020, 6, 1), "rha_5plus_12m", D(2026, 6, 1)),  # 5 on the day of the assessment
    ],
)
def test_review_health_assessments_6_monthly_under_5_and_yearly_from_5(worker, on, born, rule, due):
    on(D(2025, 6, 2))
    child = a_child(worker, born)
    start_care(worker, child, MAY_1)
    services.health_check_record(actor=worker, child=child, kind="iha", done_on=D(2025, 6, 1))
    assert open_item(child, rule).due_date == due


def test_review_health_assessments_recur_from_the_last_one_clamped_at_month_end(worker, on):
    on(D(2025, 12, 1))
    child = a_child(worker, D(2022, 1, 1))
    start_care(worker, child, D(2025, 5, 1))
    services.health_check_record(actor=worker, child=child, kind="iha", done_on=D(2025, 5, 31))
    assert open_item(child, "rha_under5_6m").due_date == D(2025, 11, 30)
    services.health_check_record(actor=worker, child=child, kind="rha", done_on=D(2025, 8, 31))
    assert open_item(child, "rha_under5_6m").due_date == D(2026, 2, 28)


def test_dental_checks_6_monthly_from_becoming_looked_after_then_from_the_last(worker, child, in_care, on):
    assert open_item(child, "dental_check").due_date == D(2025, 11, 1)
    services.health_check_record(actor=worker, child=child, kind="dental", done_on=D(2025, 6, 1))
    assert open_item(child, "dental_check").due_date == D(2025, 12, 1)


def test_sdq_yearly(worker, child, in_care, on):
    assert open_item(child, "sdq_annual").due_date == D(2026, 5, 1)
    services.sdq_record(actor=worker, child=child, completed_on=D(2025, 5, 20), score=12)
    assert open_item(child, "sdq_annual").due_date == D(2026, 5, 20)


@pytest.mark.parametrize(
    "born, due",
    [
        (D(2023, 6, 10), D(2027, 6, 10)),  # aged 1: due on the 4th birthday
        (D(2009, 5, 2), D(2026, 5, 1)),  # 16 on the due date: due
        (D(2009, 5, 1), None),  # 17 on the due date: not due
    ],
)
def test_sdq_only_for_children_aged_4_to_16(worker, on, born, due):
    on(D(2025, 6, 2))
    child = a_child(worker, born)
    start_care(worker, child, MAY_1)
    items = DueItem.objects.open().filter(person=child, rule_code="sdq_annual")
    assert [i.due_date for i in items] == ([due] if due else [])


# --- Education -------------------------------------------------------------------------------------------


def test_pep_within_10_working_days_then_reviewed_each_term_from_the_last(worker, child, in_care, on):
    assert open_item(child, "pep_10wd").due_date == D(2025, 5, 16)
    services.pep_record(actor=worker, child=child, held_on=D(2025, 5, 16))
    assert met(child, "pep_10wd")[0].completed_late is False
    assert open_item(child, "pep_review").due_date == D(2025, 8, 16)
    on(D(2025, 8, 1))
    services.pep_record(actor=worker, child=child, held_on=D(2025, 8, 1))
    assert open_item(child, "pep_review").due_date == D(2025, 11, 1)


def test_no_pep_is_due_for_a_baby_until_they_are_3(worker, on):
    on(D(2025, 6, 2))
    baby = a_child(worker, D(2024, 9, 1))
    start_care(worker, baby, MAY_1)
    assert open_item(baby, "pep_10wd").due_date == D(2027, 9, 1)


# --- Missing: the 72-hour return home interview -------------------------------------------------------


def test_return_home_interview_due_72_hours_after_the_return_to_the_minute(worker, child, clock, on):
    on(D(2025, 6, 2))
    episode = services.missing_start(actor=worker, child=child, kind="M", started_at=at(D(2025, 6, 1), 22))
    assert not DueItem.objects.filter(person=child, rule_code="rhi_72h").exists()  # not back yet
    services.missing_return(actor=worker, episode=episode, returned_at=at(D(2025, 6, 2), 14, 30))
    item = open_item(child, "rhi_72h")
    assert item.due_at == at(D(2025, 6, 5), 14, 30) and item.due_date == D(2025, 6, 5)
    assert item.deadline_display == "5 June 2025, 14:30"
    clock.travel_to(at(D(2025, 6, 5), 14, 30))
    assert not overdue("rhi_72h")
    clock.travel_to(at(D(2025, 6, 5), 14, 31))
    assert overdue("rhi_72h")


@pytest.mark.parametrize("offered, late", [((14, 30), False), ((14, 31), True)])
def test_an_interview_offered_at_72_hours_exactly_is_on_time(worker, child, on, offered, late):
    on(D(2025, 6, 6))
    services.missing_start(
        actor=worker, child=child, kind="A", started_at=at(D(2025, 6, 1), 22), returned_at=at(D(2025, 6, 2), 14, 30)
    )
    episode = child.missing_episodes.get()
    services.return_interview_record(
        actor=worker, episode=episode, offered_at=at(D(2025, 6, 5), *offered), accepted=True
    )
    assert met(child, "rhi_72h")[0].completed_late is late
    assert not has_open(child, "rhi_72h")


def test_72_hours_are_elapsed_hours_across_the_clock_change(worker, child, on):
    on(D(2025, 4, 2))
    services.missing_start(
        actor=worker, child=child, kind="M", started_at=at(D(2025, 3, 28), 20), returned_at=at(D(2025, 3, 29), 12)
    )  # GMT; clocks go forward on 30 March
    item = open_item(child, "rhi_72h")
    assert item.due_at == at(D(2025, 4, 1), 13)  # 13:00 BST is 72 real hours after 12:00 GMT


def test_each_missing_episode_has_its_own_interview_due(worker, child, on):
    on(D(2025, 6, 6))
    for day in (D(2025, 6, 1), D(2025, 6, 3)):
        services.missing_start(actor=worker, child=child, kind="M", started_at=at(day, 1), returned_at=at(day, 9))
    assert DueItem.objects.open().filter(person=child, rule_code="rhi_72h").count() == 2


def test_a_move_keeps_the_history_of_the_first_placements_visits(worker, child, in_care):
    statutory_visit(worker, child, at(D(2025, 5, 6)))
    move(worker, child, D(2025, 5, 20), NEW_FOSTER)
    assert len(met(child, "reg28_visit")) == 1
