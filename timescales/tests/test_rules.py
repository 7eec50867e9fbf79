"""The rules registry, local standards, and the due-date helpers."""

import datetime
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.clock import LONDON
from timescales.calendar import WorkingDayCalendar
from timescales.engine import due_from, next_recurring
from timescales.holiday_data import holidays_from_package
from timescales.models import LocalStandard
from timescales.rules import (
    RULES,
    TABLE,
    Interval,
    RecurringInterval,
    Rule,
    Status,
    UnknownRule,
    Verification,
    check_local_standard,
    effective_rule,
    get_rule,
)
from timescales.services import local_standard_reset, local_standard_set
from timescales.units import Unit


@pytest.fixture(scope="module")
def cal():
    return WorkingDayCalendar(holidays_from_package(2000, 2040))


# Every timescale the brief asks the engine to track, with its default.
EXPECTED = {
    "contact_decision": (1, Unit.WORKING_DAYS, Status.LOCAL_STANDARD),
    "referral_decision_1wd": (1, Unit.WORKING_DAYS, Status.STATUTORY_GUIDANCE),
    "assessment_45wd": (45, Unit.WORKING_DAYS, Status.STATUTORY_GUIDANCE),
    "icpc_15wd": (15, Unit.WORKING_DAYS, Status.STATUTORY_GUIDANCE),
    "core_group_first_10wd": (10, Unit.WORKING_DAYS, Status.STATUTORY_GUIDANCE),
    "core_group": (4, Unit.WEEKS, Status.LOCAL_STANDARD),
    "rcpc": (3, Unit.MONTHS, Status.STATUTORY_GUIDANCE),
    "cp_visit": (10, Unit.WORKING_DAYS, Status.LOCAL_STANDARD),
    "cin_visit": (20, Unit.WORKING_DAYS, Status.LOCAL_STANDARD),
    "cin_plan_review": (3, Unit.MONTHS, Status.LOCAL_STANDARD),
    "la_review": (20, Unit.WORKING_DAYS, Status.LAW),
    "la_review_short_breaks": (3, Unit.MONTHS, Status.LAW),
    "reg28_short_breaks": (3, Unit.MONTHS, Status.LAW),
    "reg28_visit": (1, Unit.WEEKS, Status.LAW),
    "reg28_visit_longterm_3m": (3, Unit.MONTHS, Status.LAW),
    "reg28_pwp": (1, Unit.WEEKS, Status.LAW),
    "reg28_pwp_6w": (6, Unit.WEEKS, Status.LAW),
    "reg28_connected_ico": (1, Unit.WEEKS, Status.LAW),
    "reg28_connected_ico_4w": (4, Unit.WEEKS, Status.LAW),
    "reg28_care_order_home": (1, Unit.WEEKS, Status.LAW),
    "iha_20wd": (20, Unit.WORKING_DAYS, Status.LAW),
    "rha_under5_6m": (6, Unit.MONTHS, Status.LAW),
    "rha_5plus_12m": (12, Unit.MONTHS, Status.LAW),
    "dental_check": (6, Unit.MONTHS, Status.LOCAL_STANDARD),
    "sdq_annual": (12, Unit.MONTHS, Status.STATUTORY_GUIDANCE),
    "pep_10wd": (10, Unit.WORKING_DAYS, Status.STATUTORY_GUIDANCE),
    "pep_review": (3, Unit.MONTHS, Status.LOCAL_STANDARD),
    "rhi_72h": (72, Unit.HOURS, Status.STATUTORY_GUIDANCE),
    "pathway_plan_3m": (3, Unit.MONTHS, Status.LAW),
    "pathway_plan_review_6m": (6, Unit.MONTHS, Status.LAW),
    "pf_first_visit_7wd": (7, Unit.WORKING_DAYS, Status.LAW),
    "pf_visit_6w": (6, Unit.WEEKS, Status.LAW),
    "pf_visit_12w": (12, Unit.WEEKS, Status.LAW),
    "lado_referral": (1, Unit.WORKING_DAYS, Status.LOCAL_STANDARD),
    "adoption_review_not_placed": (3, Unit.MONTHS, Status.LAW),
    "adoption_review_placed": (4, Unit.WEEKS, Status.LAW),
    "adoption_visit": (1, Unit.WEEKS, Status.LAW),
    "care_proceedings_26w": (26, Unit.WEEKS, Status.LAW),
}


class TestRegistry:
    @pytest.mark.parametrize("code, expected", sorted(EXPECTED.items()))
    def test_every_tracked_timescale_is_defined(self, code, expected):
        rule = get_rule(code)
        assert (rule.amount, rule.unit, rule.status) == expected

    def test_only_local_standards_are_configurable(self):
        for rule in RULES.values():
            assert rule.configurable == (rule.status == Status.LOCAL_STANDARD), rule.code

    def test_every_rule_cites_its_source_and_row(self):
        for rule in RULES.values():
            assert rule.source and rule.title and rule.trigger and rule.trigger_key, rule.code
            if rule.table == TABLE:
                assert rule.rows and "TIMESCALES.md section A, row" in rule.citation, rule.code
            else:  # a local standard from the practice notes cites them
                assert not rule.rows and rule.citation.endswith(f"({rule.table})"), rule.code
            assert rule.verification in Verification.values

    def test_local_recurring_rules_repeat_at_their_own_interval(self):
        # So that one local override changes both the first deadline and the repeats.
        for rule in RULES.values():
            if rule.configurable and rule.recurrence:
                assert rule.recurrence.every == rule.interval and rule.recurrence.first_amount is None, rule.code

    def test_recurrences(self):
        assert get_rule("la_review").recurrence == RecurringInterval(
            6, Unit.MONTHS, first_amount=3, first_unit=Unit.MONTHS
        )
        assert get_rule("rcpc").recurrence.every == Interval(6, Unit.MONTHS)
        assert get_rule("reg28_visit").recurrence.every == Interval(6, Unit.WEEKS)
        assert get_rule("assessment_45wd").recurrence is None

    def test_a_rule_cannot_be_both_statutory_and_configurable(self):
        with pytest.raises(ValueError, match="only local practice standards"):
            Rule(
                code="x",
                title="t",
                trigger="t",
                trigger_key="k",
                amount=1,
                unit=Unit.WORKING_DAYS,
                source="s",
                rows=("1",),
                status=Status.LAW,
                verification=Verification.PRIMARY,
                configurable=True,
            )

    def test_hours_need_a_timed_trigger(self):
        with pytest.raises(ValueError, match="timed trigger"):
            Rule(
                code="x",
                title="t",
                trigger="t",
                trigger_key="k",
                amount=1,
                unit=Unit.HOURS,
                source="s",
                rows=("1",),
                status=Status.LAW,
                verification=Verification.PRIMARY,
            )

    def test_unknown_code(self):
        with pytest.raises(UnknownRule):
            get_rule("no_such_rule")

    def test_deadline_in_words(self):
        assert get_rule("assessment_45wd").deadline() == "Within 45 working days of: point of referral"
        assert "the next within 3 months of it, then at most every 6 months" in get_rule("la_review").deadline()
        assert "beginning with" in get_rule("care_proceedings_26w").deadline()


class TestDueDates:
    def test_assessment_example(self, cal):
        assert due_from(get_rule("assessment_45wd"), date(2025, 6, 2), cal) == date(2025, 8, 4)

    def test_looked_after_reviews_20wd_then_3_months_then_6_months(self, cal):
        la_review = get_rule("la_review")
        looked_after = date(2025, 6, 2)
        assert due_from(la_review, looked_after, cal) == date(2025, 6, 30)  # 20 working days
        # The first review was held on 27 June: the second is due within 3 months of that.
        assert next_recurring(la_review, date(2025, 6, 27), 1, cal) == date(2025, 9, 27)
        # Then every 6 months from the review actually held.
        assert next_recurring(la_review, date(2025, 9, 25), 2, cal) == date(2026, 3, 25)
        assert next_recurring(la_review, date(2026, 3, 20), 3, cal) == date(2026, 9, 20)

    def test_an_early_review_resets_the_clock(self, cal):
        la_review = get_rule("la_review")
        # Reviews due every 6 months; one was due 25 March 2026 but an early review (reg 33(3))
        # was held on 10 January 2026: the next is due 6 months after 10 January, not after 25 March.
        assert next_recurring(la_review, date(2026, 1, 10), 2, cal) == date(2026, 7, 10)

    def test_recurrence_from_a_month_end(self, cal):
        assert next_recurring(get_rule("rcpc"), date(2025, 8, 31), 1, cal) == date(2026, 2, 28)
        assert due_from(get_rule("rcpc"), date(2023, 11, 30), cal) == date(2024, 2, 29)
        assert next_recurring(get_rule("cin_plan_review"), date(2025, 8, 31), 1, cal) == date(2025, 11, 30)

    def test_working_day_recurrence_from_the_actual_visit(self, cal):
        # A CP visit on Friday 16 September 2022, then the next within 10 working days; the
        # State Funeral on Monday 19th does not count.
        assert next_recurring(get_rule("cp_visit"), date(2022, 9, 16), 1, cal) == date(2022, 10, 3)

    def test_a_one_off_rule_does_not_recur(self, cal):
        with pytest.raises(ValueError, match="does not repeat"):
            next_recurring(get_rule("assessment_45wd"), date(2025, 6, 2), 1, cal)

    def test_statutory_visits_within_one_week(self, cal):
        assert due_from(get_rule("reg28_visit"), date(2025, 6, 2), cal) == date(2025, 6, 9)
        assert next_recurring(get_rule("reg28_visit"), date(2025, 6, 6), 1, cal) == date(2025, 7, 18)

    def test_care_proceedings_26_weeks_beginning_with_the_day_of_issue(self, cal):
        # Issued Monday 6 January 2025: that Monday is day 1 of the 26 weeks, so the last day is
        # Sunday 6 July 2025 (26 weeks after would be Monday 7 July).
        assert due_from(get_rule("care_proceedings_26w"), date(2025, 1, 6), cal) == date(2025, 7, 6)

    def test_return_home_interview_72_hours(self, cal):
        returned = datetime.datetime(2025, 10, 25, 22, 15, tzinfo=LONDON)  # BST ends that night
        due = due_from(get_rule("rhi_72h"), returned, cal)
        assert due == datetime.datetime(2025, 10, 28, 21, 15, tzinfo=LONDON)

    def test_pathway_plan_3_months_from_16th_birthday(self, cal):
        assert due_from(get_rule("pathway_plan_3m"), date(2025, 11, 30), cal) == date(2026, 2, 28)

    def test_private_fostering_first_visit_7_working_days(self, cal):
        # Notified Wednesday 16 April 2025: Good Friday and Easter Monday do not count.
        assert due_from(get_rule("pf_first_visit_7wd"), date(2025, 4, 16), cal) == date(2025, 4, 29)


@pytest.mark.django_db
class TestLocalStandards:
    def test_a_local_standard_overrides_the_default(self, cal, make_staff):
        manager = make_staff("team_manager")
        local_standard_set(
            actor=manager,
            rule_code="cp_visit",
            amount=2,
            unit=Unit.WEEKS,
            reason="Safeguarding partnership decision, March 2025",
        )
        rule = effective_rule("cp_visit")
        assert (rule.amount, rule.unit) == (2, Unit.WEEKS)
        assert rule.recurrence.every == Interval(2, Unit.WEEKS)  # repeats at the new interval too
        assert rule.default == Interval(10, Unit.WORKING_DAYS) and rule.overridden
        assert due_from("cp_visit", date(2025, 6, 2), cal) == date(2025, 6, 16)
        standard = LocalStandard.objects.get(rule_code="cp_visit")
        assert standard.changed_by == manager and "March 2025" in standard.reason

    def test_changing_and_resetting(self):
        local_standard_set(actor=None, rule_code="cin_visit", amount=15, unit="working_days", reason="Pilot")
        local_standard_set(actor=None, rule_code="cin_visit", amount=4, unit="weeks", reason="Pilot ended")
        assert effective_rule("cin_visit").interval == Interval(4, Unit.WEEKS)
        assert LocalStandard.objects.count() == 1
        local_standard_reset(rule_code="cin_visit")
        assert effective_rule("cin_visit").interval == Interval(20, Unit.WORKING_DAYS)
        assert not effective_rule("cin_visit").overridden

    @pytest.mark.parametrize("code", ["assessment_45wd", "la_review", "icpc_15wd", "rhi_72h", "reg28_visit"])
    def test_law_and_statutory_guidance_refuse_overrides(self, code):
        with pytest.raises(ValidationError) as error:
            local_standard_set(actor=None, rule_code=code, amount=60, unit="working_days", reason="Too many")
        message = " ".join(error.value.message_dict["rule_code"])
        assert "Only local practice standards can be changed here" in message
        assert get_rule(code).source in message
        assert not LocalStandard.objects.exists()

    def test_model_validation_refuses_too(self):
        with pytest.raises(ValidationError, match="statutory guidance"):
            LocalStandard(rule_code="assessment_45wd", amount=60, unit="working_days", reason="x").full_clean()

    def test_a_row_forced_into_the_table_is_still_ignored_for_statutory_rules(self):
        LocalStandard.objects.create(rule_code="assessment_45wd", amount=60, unit="working_days", reason="forced")
        assert effective_rule("assessment_45wd").amount == 45

    def test_hours_only_for_timed_triggers(self):
        check_local_standard("contact_decision", 24, "hours")  # Bolton's 24 hours
        with pytest.raises(ValidationError, match="cannot be set in hours"):
            check_local_standard("cin_visit", 48, "hours")

    def test_unknown_rule_and_bad_amount(self):
        with pytest.raises(ValidationError, match="no timescale rule"):
            check_local_standard("made_up", 1, "weeks")
        with pytest.raises(ValidationError, match="1 or more"):
            check_local_standard("cp_visit", 0, "weeks")
        with pytest.raises(ValidationError, match="Choose a unit"):
            check_local_standard("cp_visit", 2, "fortnights")
