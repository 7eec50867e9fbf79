"""Each check fires on the bad record and is silent on the good one. Records are written through
the services where the record allows the problem; where the services refuse it (states that
arrive from another system, or from before a rule existed) the rows are written directly and the
child is refreshed as a save would."""

import datetime

import pytest

from children_in_need.testing import (
    TODAY,
    at,
    decide_referral,
    make_assessment,
    make_cp_plan,
    make_referral,
    submit_assessment,
)
from data_quality.services import refresh_child
from data_quality.tests.conftest import D, found
from people.models import Person
from people.services import person_update

pytestmark = pytest.mark.django_db


def edit(worker, child, **changes):
    child.refresh_from_db()
    original = {f: getattr(child, f) for f in changes}
    return person_update(actor=worker, person=child, expected_version=child.version, original=original, **changes)


def referred(worker, child):
    referral = make_referral(worker, child)
    decide_referral(worker, referral)
    return referral


# --- The child's details --------------------------------------------------------------------------


class TestDetails:
    def test_nothing_is_checked_for_a_child_in_no_return(self, today, worker, child):
        refresh_child(child)
        assert found(child) == set()

    def test_a_referral_shows_the_missing_details_and_each_goes_when_recorded(self, today, worker, child):
        referred(worker, child)
        assert {"4180", "4220", "8540", "8770Q"} <= found(child)
        edit(worker, child, sex="F")
        assert "4180" not in found(child)
        edit(worker, child, ethnicity="NOBT")
        assert "4220" not in found(child)
        edit(worker, child, disabilities=["NONE"])
        assert "8540" not in found(child)
        assert found(child) == {"8770Q"}

    @pytest.mark.parametrize(
        ("born", "upn", "reason", "fires"),
        [
            (D(2015, 3, 27), "", "", True),  # aged 10, nothing recorded
            (D(2015, 3, 27), "", "UN1", True),  # UN1 is for children under 6
            (D(2015, 3, 27), "", "UN2", False),
            (D(2015, 3, 27), "A123456789012", "", False),
            (D(2021, 1, 1), "", "", False),  # aged 4: not school age
            (D(2008, 1, 1), "", "", False),  # aged 17
        ],
    )
    def test_upn_for_a_school_age_child(self, today, worker, complete, born, upn, reason, fires):
        Person.objects.filter(pk=complete.pk).update(date_of_birth=born, upn=upn, upn_unknown_reason=reason)
        referred(worker, complete)
        assert ("8770Q" in found(complete)) is fires

    @pytest.mark.parametrize(
        ("nhs", "fires"), [("9434765919", False), ("9434765918", True), ("94347659", True), ("", False)]
    )
    def test_nhs_number_check_digit(self, today, worker, complete, nhs, fires):
        Person.objects.filter(pk=complete.pk).update(nhs_number=nhs)
        refresh_child(complete)
        assert ("NHS" in found(complete)) is fires

    def test_no_date_of_birth(self, today, worker, complete):
        Person.objects.filter(pk=complete.pk).update(date_of_birth=None)
        referred(worker, complete)
        assert found(complete) == {"8525Q"}
        edit(worker, complete, date_of_birth=D(2015, 3, 27))
        assert found(complete) == set()

    def test_an_unborn_child_is_of_unknown_sex(self, today, worker, complete):
        Person.objects.filter(pk=complete.pk).update(date_of_birth=None, expected_date_of_birth=D(2025, 9, 1))
        referred(worker, complete)
        assert found(complete) == {"8750"}
        edit(worker, complete, sex="U")
        assert found(complete) == set()

    def test_closed_because_the_child_died_needs_a_date_of_death(self, today, worker, complete):
        from children_in_need.models import CINEpisode
        from children_in_need.services import episode_close

        referred(worker, complete)
        episode = CINEpisode.objects.get(child=complete)
        episode_close(actor=worker, episode=episode, closure_date=TODAY, reason="RC2")
        assert found(complete) == {"8585Q"}
        edit(worker, complete, date_of_death=TODAY)
        assert found(complete) == set()


# --- Help and protection ------------------------------------------------------------------------


class TestHelpAndProtection:
    def test_closed_after_assessment_without_one(self, today, worker, complete):
        from children_in_need.models import CINEpisode
        from children_in_need.services import episode_close

        referred(worker, complete)
        episode = CINEpisode.objects.get(child=complete)
        episode_close(actor=worker, episode=episode, closure_date=TODAY, reason="RC8")
        assert found(complete) == {"8825Q"}
        (problem,) = complete.data_problems.all()
        assert problem.record_type == "children_in_need.cinepisode" and problem.record_id == episode.pk
        assert problem.message.startswith("The child in need episode closed on 2 June 2025")
        assert problem.fix_url == f"/people/{complete.pk}/help-and-protection/"

    def test_closed_after_an_assessment_is_fine(self, today, worker, manager, complete):
        from assessments.services import assessment_authorise
        from children_in_need.models import CINEpisode
        from children_in_need.services import episode_close

        referred(worker, complete)
        assessment = submit_assessment(worker, make_assessment(worker, complete))
        assessment_authorise(actor=manager, assessment=assessment, authorised_on=TODAY, rationale="Needs are clear.")
        episode_close(actor=worker, episode=CINEpisode.objects.get(child=complete), closure_date=TODAY, reason="RC8")
        assert found(complete) == set()

    def test_assessment_authorised_without_factors(self, today, worker, manager, complete):
        from assessments.models import Assessment
        from assessments.services import assessment_authorise

        referred(worker, complete)
        assessment = assessment_authorise(
            actor=manager,
            assessment=submit_assessment(worker, make_assessment(worker, complete)),
            authorised_on=TODAY,
            rationale="Needs are clear.",
        )
        assert found(complete) == set()
        Assessment.objects.filter(pk=assessment.pk).update(factors=[])  # as imported from another system
        refresh_child(complete)
        assert found(complete) == {"8897Q"}
        (problem,) = complete.data_problems.all()
        assert problem.fix_url == f"/people/{complete.pk}/assessments/{assessment.pk}/"

    def test_episode_closed_with_work_unfinished(self, today, worker, complete):
        from children_in_need.models import CINEpisode

        referred(worker, complete)
        make_assessment(worker, complete)
        refresh_child(complete)
        assert found(complete) == set()
        CINEpisode.objects.filter(child=complete).update(end_date=TODAY, closure_reason="RC7")
        refresh_child(complete)
        assert found(complete) == {"8867"}

    def test_episode_closed_with_a_section_47_open(self, today, worker, complete):
        from child_protection.models import ChildProtectionPlan, Section47Enquiry
        from children_in_need.models import CINEpisode

        plan = make_cp_plan(worker, complete)
        assert found(complete) == set()
        ChildProtectionPlan.objects.filter(pk=plan.pk).update(end_date=TODAY, end_reason="other")
        Section47Enquiry.objects.filter(child=complete).update(end_date=None, outcome="")
        CINEpisode.objects.filter(child=complete).update(end_date=TODAY, closure_reason="RC7")
        refresh_child(complete)
        assert found(complete) == {"8868"}

    def test_cp_plan_without_a_category(self, today, worker, complete):
        from child_protection.models import ChildProtectionPlan

        plan = make_cp_plan(worker, complete)
        assert found(complete) == set()
        ChildProtectionPlan.objects.filter(pk=plan.pk).update(latest_category="")
        refresh_child(complete)
        assert found(complete) == {"8905"}


# --- Case supervision ------------------------------------------------------------------------------


class TestCaseSupervision:
    """CSV-LATE: an open child whose case has not been discussed in supervision within the local
    standard (8 weeks), counted from the last discussion or, with none, from the allocation."""

    def test_an_open_child_never_discussed_is_found_after_the_standard(self, clock, today, worker, child):
        clock.travel_to(at(D(2025, 7, 28), 10))  # 8 weeks after the allocation on 2 June: still within
        refresh_child(child)
        assert "CSV-LATE" not in found(child)
        clock.travel_to(at(D(2025, 7, 29), 10))
        refresh_child(child)
        assert "CSV-LATE" in found(child)

    def test_a_discussion_puts_it_right_and_the_clock_starts_again(self, clock, today, worker, manager, child):
        from data_quality.models import Problem
        from supervision.tests.factories import discuss, supervise

        clock.travel_to(at(D(2025, 9, 1), 10))
        refresh_child(child)
        assert "not discussed since allocated on 2 June 2025" in Problem.objects.get(check_id="CSV-LATE").message
        discuss(manager, supervise(manager, worker, D(2025, 9, 1)), child)
        assert "CSV-LATE" not in found(child)
        clock.travel_to(at(D(2025, 10, 28), 10))
        refresh_child(child)
        assert "CSV-LATE" in found(child)

    def test_the_authoritys_standard_applies(self, clock, today, worker, child):
        from timescales.models import LocalStandard
        from timescales.rules import reset_local_standards_cache

        LocalStandard.objects.create(rule_code="case_supervision", amount=12, unit="weeks", reason="Board decision")
        reset_local_standards_cache()
        clock.travel_to(at(D(2025, 8, 20), 10))
        refresh_child(child)
        assert "CSV-LATE" not in found(child)
