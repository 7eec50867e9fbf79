"""The demo's looked-after children as the SSDA903 sees them (issue 16): the demo is as valid as
the generated data. Each child's social worker held the case from the day their care began, and
a child looked after for the whole year has the health record the OC2 table asks for."""

import csv
import datetime

import pytest

from children_in_need.testing import at
from core import clock
from returns.ssda903 import build_ssda903
from synthetic.demo_looked_after import load_demo_looked_after
from synthetic.demo_record import load_demo_families
from synthetic.demo_specialist import load_demo_specialist
from synthetic.testing import demo_staff

pytestmark = pytest.mark.django_db

# After the 2025 to 2026 year has ended, as the returns' tests build the demo (returns/tests).
LOADED_ON = datetime.date(2026, 5, 15)


@pytest.fixture
def ssda903(bank_holidays, tmp_path):
    with clock.travel_to(at(LOADED_ON, 12)):
        demo_staff(load_demo_families, load_demo_looked_after, load_demo_specialist)
        build_ssda903(2026, tmp_path)
    return tmp_path / "2026"


def _rows(folder, name):
    with open(folder / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _day(text):
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()


def test_each_looked_after_childs_worker_held_the_case_from_the_day_their_care_began(ssda903):
    episodes = _rows(ssda903, "episodes.csv")
    workers = _rows(ssda903, "sw_episodes.csv")
    started = {}
    for row in episodes:
        if row["RNE"] == "S":
            started[row["CHILD"]] = _day(row["DECOM"])
    assert len(started) >= 4, started
    uncovered = {
        child: day
        for child, day in started.items()
        if not any(
            w["CHILD"] == child and _day(w["SW_DECOM"]) <= day and (not w["SW_DEC"] or _day(w["SW_DEC"]) >= day)
            for w in workers
        )
    }
    assert uncovered == {}


def test_a_child_looked_after_all_year_has_the_health_record_the_oc2_table_asks_for(ssda903):
    rows = _rows(ssda903, "oc2.csv")
    assert len(rows) >= 2, rows  # Kofi Mensah and Noah Parker
    for row in rows:
        assert all(
            row[f] in ("0", "1") for f in ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
        ), row
        assert row["HEALTH_ASSESSMENT"] == "1" and row["TEETH_CHECK"] == "1" and row["IMMUNISATIONS"] == "1", row
        aged_4_to_16 = _day(row["DOB"]) <= datetime.date(2021, 4, 1) and _day(row["DOB"]) > datetime.date(2009, 3, 31)
        if aged_4_to_16:
            assert row["SDQ_SCORE"] or row["SDQ_REASON"], row
