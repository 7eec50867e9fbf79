"""The figures from the record equal the DfE's method applied to our own statutory returns: the
CIN census and SSDA903 files the returns app builds for a generated authority, read back and
counted the way the DfE counts them (TIMESCALES.md section B), by code that shares nothing with
the indicators'."""

import csv
import datetime
import xml.etree.ElementTree as ET

import pytest

from children_in_need.testing import at
from performance.selectors import evaluate
from returns.cin_census import build_cin_census
from returns.ssda903 import build_ssda903

pytestmark = pytest.mark.django_db
GENERATED_ON = datetime.date(2026, 5, 15)  # after the year, as in returns/tests/test_generated_authority.py
MARCH_31 = datetime.date(2026, 3, 31)
YEAR_START = datetime.date(2025, 4, 1)


@pytest.fixture
def generated(clock, request):
    clock.travel_to(at(GENERATED_ON, 12))
    return request.getfixturevalue("small_authority")


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def _referrals(path) -> set[tuple[str, datetime.date]]:
    root = ET.parse(path).getroot()
    return {
        (child.findtext("ChildIdentifiers/LAchildID"), _date(details.findtext("CINreferralDate")))
        for child in root.iter("Child")
        for details in child.findall("CINdetails")
    }


def _twelve_months_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February: a year before is 28 February
        return day.replace(year=day.year - 1, day=28)


def test_re_referrals_equal_the_dfe_count_from_our_cin_census(generated, tmp_path):
    build_cin_census(2026, tmp_path / "2026.xml")
    build_cin_census(2025, tmp_path / "2025.xml")
    referrals = _referrals(tmp_path / "2026.xml") | _referrals(tmp_path / "2025.xml")
    in_year = [(child, day) for child, day in referrals if YEAR_START <= day <= MARCH_31]
    re_referred = [
        (child, day)
        for child, day in in_year
        if any(c == child and _twelve_months_before(day) <= d < day for c, d in referrals)
    ]

    figure = evaluate("rereferrals_12m", MARCH_31).figure()
    assert figure.denominator == len(in_year) > 10
    assert figure.numerator == len(re_referred) > 0


def _working_days(start, end, holidays) -> int:
    """Weekdays after `start` up to and including `end` that are not bank holidays."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        count += day.weekday() < 5 and day not in holidays
    return count


def test_assessments_in_45_working_days_equal_the_dfe_count_from_our_cin_census(generated, tmp_path):
    from timescales.models import BankHoliday

    holidays = set(BankHoliday.objects.values_list("date", flat=True))
    build_cin_census(2026, tmp_path / "2026.xml")
    root = ET.parse(tmp_path / "2026.xml").getroot()
    completed = []
    for assessment in root.iter("Assessments"):
        authorised = _date(assessment.findtext("AssessmentAuthorisationDate"))
        if authorised and YEAR_START <= authorised <= MARCH_31:
            completed.append(
                _working_days(_date(assessment.findtext("AssessmentActualStartDate")), authorised, holidays)
            )

    figure = evaluate("assessments_45wd", MARCH_31).figure()
    assert figure.denominator == len(completed) > 10
    assert figure.numerator == sum(1 for days in completed if days <= 45)


def _in_care(clock, worker, started, changes, legal_status="C2"):
    """A child looked after from `started`, with a change on each of `changes`: (day, "placement")
    for a move to new carers, (day, "status") for a change of legal status only."""
    from looked_after import services as la
    from looked_after.services import PlacementDetails
    from performance.tests.helpers import new_child

    def foster(n):
        return PlacementDetails(placement_type="U1", provider="PR1", postcode="B15 2TT", carer_name=f"Carers {n}")

    child = new_child(clock, worker, started, family_name=f"Care{started:%y%m%d}{len(changes)}")
    la.period_start(
        actor=worker,
        child=child,
        start_date=started,
        legal_status=legal_status,
        category_of_need="N1",
        home_postcode="B12 9QF",
        placement=foster(0),
    )
    for n, (day, what) in enumerate(changes, start=1):
        clock.travel_to(at(day, 12))
        if what == "placement":
            la.episode_change(
                actor=worker, child=child, change_date=day, placement=foster(n), reason_place_change="CARPL"
            )
        else:
            la.episode_change(actor=worker, child=child, change_date=day, legal_status="C1")
    return child


def test_three_or_more_placements_equal_the_dfe_count_from_our_ssda903(clock, worker, request, tmp_path):
    D = datetime.date
    clock.travel_to(at(GENERATED_ON, 12))
    request.getfixturevalue("small_authority")
    # Beside the generated children (few of whom are still in care at 31 March), children whose
    # placements fall each side of the boundaries: 1 to 4 placements in the year; a change of
    # legal status only, which is no move; moves before the year, which do not count.
    _in_care(clock, worker, D(2025, 4, 14), [])
    _in_care(clock, worker, D(2025, 4, 14), [(D(2025, 6, 2), "placement")])
    _in_care(
        clock,
        worker,
        D(2025, 4, 14),
        [(D(2025, 6, 2), "placement"), (D(2025, 8, 4), "status"), (D(2025, 10, 6), "placement")],
    )
    _in_care(
        clock,
        worker,
        D(2025, 4, 14),
        [(D(2025, 6, 2), "placement"), (D(2025, 7, 7), "placement"), (D(2025, 9, 1), "placement")],
    )
    _in_care(
        clock,
        worker,
        D(2024, 6, 3),
        [(D(2024, 9, 2), "placement"), (D(2025, 2, 3), "placement"), (D(2025, 6, 2), "placement")],
        legal_status="V2",
    )
    _in_care(clock, worker, D(2025, 4, 14), [(D(2025, 6, 2), "status")])
    clock.travel_to(at(GENERATED_ON, 12))
    build_ssda903(2026, tmp_path, previous=False)
    episodes = {}
    with open(tmp_path / "2026" / "episodes.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            episodes.setdefault(row["CHILD"], []).append(row)
    placements = {}
    for child, rows in episodes.items():
        rows.sort(key=lambda r: datetime.datetime.strptime(r["DECOM"], "%d/%m/%Y"))
        last = rows[-1]
        if last["DEC"] or last["LS"] in ("V3", "V4"):
            continue  # not looked after at 31 March, or on short breaks
        # The placement at the start of the year, then each new episode with a change of placement.
        full_time = [r for r in rows if r["LS"] not in ("V3", "V4")]
        placements[child] = 1 + sum(1 for r in full_time[1:] if r["RNE"] in ("S", "P", "T", "B", "U"))

    figure = evaluate("cla_3plus_placements", MARCH_31).figure()
    assert figure.denominator == len(placements) > 5
    assert figure.numerator == sum(1 for n in placements.values() if n >= 3) >= 2
