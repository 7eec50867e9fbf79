import csv
import datetime

from children_in_need.testing import at
from returns.ssda903 import TABLES, build_ssda903

D = datetime.date


def _table(folder, name):
    with open(folder / TABLES[name][0], newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_tables_hold_the_looked_after_children_of_each_year(authority, tmp_path, django_assert_max_num_queries):
    # Two years, each: its cohort (counted, then read) and one query per table per 2,000 children.
    with django_assert_max_num_queries(50):
        counts = build_ssda903(2026, tmp_path)
    this_year, last_year = tmp_path / "2026", tmp_path / "2025"
    assert sorted(p.name for p in this_year.iterdir()) == sorted(f for f, _ in TABLES.values())
    assert counts[2026]["Header"] == 2 and counts[2025]["Header"] == 1  # Mia came into care in August 2025

    episodes = [e for e in _table(this_year, "Episodes") if e["CHILD"] == authority.new_in_care.la_id]
    assert [
        (e["DECOM"], e["RNE"], e["PLACE"], e["DEC"], e["REC"], e["REASON_PLACE_CHANGE"], e["URN"]) for e in episodes
    ] == [
        ("04/08/2025", "S", "U1", "03/11/2025", "X1", "CARPL", "XXXXXXX"),
        ("03/11/2025", "P", "K2", "", "", "", "SC123456"),
    ]
    [header] = [h for h in _table(this_year, "Header") if h["CHILD"] == authority.new_in_care.la_id]
    assert (header["SEX"], header["DOB"], header["ETHNIC"], header["MOTHER"]) == ("F", "02/11/2010", "MWBC", "0")
    assert _table(this_year, "Missing") == [
        {
            "CHILD": authority.new_in_care.la_id,
            "DOB": "02/11/2010",
            "MISSING": "M",
            "MIS_START": "01/12/2025",
            "MIS_END": "02/12/2025",
        }
    ]
    assert [r["REVIEW"] for r in _table(this_year, "Reviews")] == ["01/10/2025"]

    # OC2 is for the child looked after all year (Kai, since January 2024), not for Mia.
    [oc2] = _table(this_year, "OC2")
    assert oc2["CHILD"] == authority.in_care.la_id
    assert (
        oc2["SDQ_SCORE"],
        oc2["HEALTH_ASSESSMENT"],
        oc2["TEETH_CHECK"],
        oc2["IMMUNISATIONS"],
        oc2["HEALTH_CHECK"],
    ) == ("14", "1", "1", "1", "")  # HEALTH_CHECK is for under-fives only

    sw = _table(this_year, "SWEpisodes")
    assert {r["CHILD"] for r in sw} == {authority.in_care.la_id, authority.new_in_care.la_id}
    # Each child's only worker is their first: a first contact (FCONTA).
    assert all(r["SW_ID"].startswith("SW") and r["SW_REASON"] == "FCONTA" for r in sw)
    assert [r["PREV_PERM"] for r in _table(this_year, "PrevPerm")] == ["Z1"]

    # Last year's tables knew nothing of what happened since.
    assert [e["CHILD"] for e in _table(last_year, "Episodes")] == [authority.in_care.la_id]
    assert _table(last_year, "Missing") == []


def test_a_rebuild_replaces_the_years_folder_whole(authority, tmp_path):
    build_ssda903(2026, tmp_path, previous=False)
    (tmp_path / "2026" / "stale.csv").write_text("left over")
    build_ssda903(2026, tmp_path, previous=False)
    assert not (tmp_path / "2026" / "stale.csv").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_placement_without_a_urn_is_written_xxxxxxx_only_where_rule_242_allows_it():
    from returns.ssda903 import _urn

    def episode(placement_type, urn=""):
        return {"placement__placement_type": placement_type, "placement__ofsted_urn": urn}

    # Foster and adoption placements may be without a URN: XXXXXXX (rule 242).
    assert [_urn(episode(t)) for t in ("U1", "U6", "A5", "A6")] == ["XXXXXXX"] * 4
    # Placed with parents (P1) and the like never have one: blank (rules 222 and 242), and a type
    # that needs one is blank too, so rule 218 names the missing URN instead of rule 242 the code.
    assert [_urn(episode(t)) for t in ("P1", "R1", "T1", "K2")] == ["", "", "", ""]
    assert _urn(episode("K2", "SC123456")) == "SC123456"


def test_prevperm_holds_one_row_a_child_the_latest_period_of_cares(authority, clock, tmp_path):
    # Mia left care and came back within the year: two periods began (two RNE S), each with its
    # PrevPerm answer, but the table holds a child once (INT35), with the latest answer.
    from looked_after import services as la
    from looked_after.services import PlacementDetails
    from permanence.services import previous_permanence_record

    worker, child = authority.worker, authority.new_in_care
    clock.travel_to(at(D(2026, 1, 5), 17))
    la.period_end(actor=worker, child=child, end_date=D(2026, 1, 5), reason_ceased="E13")
    clock.travel_to(at(D(2026, 2, 9), 17))
    foster = PlacementDetails(placement_type="U4", provider="PR1", postcode="B15 2TT", carer_name="Mr and Mrs Lee")
    la.period_start(
        actor=worker,
        child=child,
        start_date=D(2026, 2, 9),
        legal_status="V2",
        category_of_need="N4",
        home_postcode="B12 9QF",
        placement=foster,
    )
    previous_permanence_record(
        actor=worker,
        child=child,
        care_started_on=D(2026, 2, 9),
        option="P2",
        order_date=D(2023, 5, 1),
        order_date_known="day",
        arranged_by_la="330",
    )
    clock.travel_to(at(D(2026, 4, 15), 17))

    build_ssda903(2026, tmp_path, previous=False)
    rows = [r for r in _table(tmp_path / "2026", "PrevPerm") if r["CHILD"] == child.la_id]
    assert [(r["PREV_PERM"], r["LA_PERM"], r["DATE_PERM"]) for r in rows] == [("P2", "330", "01/05/2023")]


def test_no_oc3_for_a_birthday_the_young_person_was_still_looked_after_on():
    # Rule 1016: care leaver information is not for a 17th or 18th birthday on or before the day
    # care ended. Built on a bare chunk (no database): only the rows oc3_rows reads.
    from collections import defaultdict

    from returns.periods import CollectionYear
    from returns.ssda903 import _Chunk

    chunk = object.__new__(_Chunk)
    chunk.year = CollectionYear.ending(2026)
    chunk.people = {1: {"la_id": "C1", "date_of_birth": D(2007, 5, 23)}}
    touch = {"contact_on": D(2025, 5, 30), "in_touch": "YES", "activity": "G4", "accommodation": "Z1"}
    chunk.keeping_in_touch = defaultdict(list, {1: [touch]})

    start = D(2022, 1, 10)
    chunk.episodes = defaultdict(
        list, {1: [{"start_date": start, "end_date": D(2025, 5, 23)}]}
    )  # left care on the 18th birthday
    assert list(chunk.oc3_rows(1)) == []
    chunk.episodes = defaultdict(
        list, {1: [{"start_date": start, "end_date": D(2025, 5, 22)}]}
    )  # the day before: a care leaver at 18
    assert list(chunk.oc3_rows(1)) == [["C1", "23/05/2007", "YES", "G4", "Z1"]]
    # Back in care for a while after the birthday: a care leaver at it all the same.
    chunk.episodes = defaultdict(
        list,
        {
            1: [
                {"start_date": start, "end_date": D(2025, 5, 22)},
                {"start_date": D(2025, 6, 2), "end_date": D(2025, 7, 1)},
            ]
        },
    )
    assert list(chunk.oc3_rows(1)) == [["C1", "23/05/2007", "YES", "G4", "Z1"]]
    chunk.episodes = defaultdict(list)  # left care in an earlier year
    assert list(chunk.oc3_rows(1)) == [["C1", "23/05/2007", "YES", "G4", "Z1"]]


def test_oc3_activity_and_accommodation_are_0_for_a_young_person_who_died_or_went_home():
    # Rule 344 wants "0" (not blank) in ACTIV and ACCOM after IN_TOUCH DIED or RHOM; 132 and 133
    # list "0" among their codes, and 153 refuses a row partly blank.
    from collections import defaultdict

    from returns.periods import CollectionYear
    from returns.ssda903 import _Chunk

    chunk = object.__new__(_Chunk)
    chunk.year = CollectionYear.ending(2026)
    chunk.people = {1: {"la_id": "C1", "date_of_birth": D(2007, 5, 23)}}
    chunk.episodes = defaultdict(list)
    touch = {"contact_on": D(2025, 5, 30), "in_touch": "RHOM", "activity": "", "accommodation": ""}
    chunk.keeping_in_touch = defaultdict(list, {1: [touch]})
    assert list(chunk.oc3_rows(1)) == [["C1", "23/05/2007", "RHOM", "0", "0"]]
    touch.update(in_touch="YES", activity="G4", accommodation="Z1")
    assert list(chunk.oc3_rows(1)) == [["C1", "23/05/2007", "YES", "G4", "Z1"]]
