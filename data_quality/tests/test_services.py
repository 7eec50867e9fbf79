"""The save path and the whole-authority run: one query per save, the same answer either way."""

import datetime

import pytest
from django.core.management import call_command

from children_in_need.testing import TODAY, at, decide_referral, make_referral
from data_quality import sql
from data_quality.models import Problem
from data_quality.services import check_all, refresh_child
from data_quality.tests.conftest import D, found
from looked_after import services as la
from looked_after.tests.factories import start_care
from people.models import Person

pytestmark = pytest.mark.django_db


def test_refreshing_a_child_is_one_query_whatever_it_finds(today, worker, complete, django_assert_num_queries):
    start_care(worker, complete, D(2024, 5, 1))
    with django_assert_num_queries(1):
        refresh_child(complete)
    assert len(found(complete)) == 4
    Person.objects.filter(pk=complete.pk).update(sex="", ethnicity="")
    with django_assert_num_queries(1):
        refresh_child(complete)
    assert len(found(complete)) == 6


def test_a_save_costs_one_query_more_for_data_quality(today, worker, complete):
    """Recording an SDQ: the data-quality hook adds exactly its one statement to the save."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from timescales import engine
    from timescales.testing import only_providers

    start_care(worker, complete, D(2024, 5, 1))
    la.sdq_record(actor=worker, child=complete, completed_on=D(2025, 5, 1), score=10)
    providers = engine.providers()
    with only_providers(*providers), CaptureQueriesContext(connection) as without:
        la.sdq_record(actor=worker, child=complete, completed_on=D(2025, 5, 2), score=11)
    with CaptureQueriesContext(connection) as with_hook:
        la.sdq_record(actor=worker, child=complete, completed_on=D(2025, 5, 3), score=12)
    assert len(with_hook) == len(without) + 1


def test_a_problem_still_open_keeps_the_day_it_was_first_seen(today, worker, complete, clock):
    start_care(worker, complete, D(2024, 5, 1))
    first = Problem.objects.get(person=complete, check_id="186").first_seen
    clock.travel_to(at(D(2025, 6, 3), 12))
    refresh_child(complete)
    assert Problem.objects.get(person=complete, check_id="186").first_seen == first


def test_the_whole_authority_run_stores_what_each_save_would(today, worker, complete, child):
    start_care(worker, complete, D(2024, 5, 1))  # opens the child in need episode too: in both returns
    per_save = set(
        Problem.objects.values_list("person_id", "check_id", "record_type", "record_id", "message", "fix_url")
    )
    Problem.objects.all().delete()
    run = check_all()
    assert run.stored and run.period == sql.Period(D(2025, 4, 1), TODAY, whole_record=True)
    everyone = set(
        Problem.objects.values_list("person_id", "check_id", "record_type", "record_id", "message", "fix_url")
    )
    assert everyone == per_save and len(everyone) == 4
    assert run.total == 4 and run.children == 1 and run.counts["186"] == 1 and run.counts["4180"] == 0


def test_the_run_removes_problems_put_right_behind_its_back(today, worker, complete):
    start_care(worker, complete, D(2024, 5, 1))
    Person.objects.filter(pk=complete.pk).update(merged_into=Person.objects.create(la_id="X1", family_name="Kept"))
    check_all()
    assert found(complete) == set()


def test_a_past_year_is_counted_as_at_its_year_end_and_not_stored(today, worker, complete):
    start_care(worker, complete, D(2023, 9, 1))
    la.sdq_record(actor=worker, child=complete, completed_on=D(2025, 5, 1), score=10)
    stored = set(Problem.objects.values_list("check_id", flat=True))
    run = check_all(year=2025)  # the year to 31 March 2025: no SDQ in it
    assert not run.stored and run.period == sql.Period(D(2024, 4, 1), D(2025, 3, 31))
    assert run.counts["186"] == 1
    assert set(Problem.objects.values_list("check_id", flat=True)) == stored


def test_the_command_prints_the_counts_and_the_time(today, worker, complete, capsys):
    start_care(worker, complete, D(2024, 5, 1))
    call_command("check_data_quality")
    out = capsys.readouterr().out
    assert "as at 02 June 2025 (stored)" in out
    assert [line.split() for line in out.splitlines() if line.strip().startswith("186 ")] == [
        ["186", "1", "No", "SDQ", "for", "a", "child", "looked", "after", "12", "months"]
    ]
    assert "4 problems for 1 children in" in out
    call_command("check_data_quality", "--year", "2025")
    assert "(counted, not stored)" in capsys.readouterr().out


def test_the_live_check_reads_the_whole_record_a_year_only_its_own(today, worker, complete):
    """A placement left without a postcode two years ago is still wrong on the child's page; the
    return for a year it is not in does not include it."""
    from looked_after.models import Placement

    start_care(worker, complete, D(2023, 1, 10))
    la.sdq_record(actor=worker, child=complete, completed_on=D(2025, 5, 1), score=10)
    la.health_check_record(actor=worker, child=complete, kind="rha", done_on=D(2025, 5, 1))
    la.health_check_record(actor=worker, child=complete, kind="dental", done_on=D(2025, 5, 1))
    la.immunisation_record(actor=worker, child=complete, checked_on=D(2025, 5, 1), up_to_date=True)
    la.episode_change(
        actor=worker,
        child=complete,
        change_date=D(2023, 3, 1),
        reason_place_change="CARPL",
        placement=la.PlacementDetails(placement_type="U4", provider="PR1", postcode="NE2 1AB"),
    )
    Placement.objects.filter(child=complete, start_date=D(2023, 1, 10)).update(postcode="")
    refresh_child(complete)
    assert found(complete) == {"392b"}
    assert check_all(year=2025).counts["392b"] == 0  # the year to 31 March 2025 does not include it
