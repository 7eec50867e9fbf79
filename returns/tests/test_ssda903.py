import csv

from returns.ssda903 import TABLES, build_ssda903


def _table(folder, name):
    with open(folder / TABLES[name][0], newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_tables_hold_the_looked_after_children_of_each_year(authority, tmp_path,
                                                                django_assert_max_num_queries):
    # Two years, each: its cohort (counted, then read) and one query per table per 2,000 children.
    with django_assert_max_num_queries(50):
        counts = build_ssda903(2026, tmp_path)
    this_year, last_year = tmp_path / "2026", tmp_path / "2025"
    assert sorted(p.name for p in this_year.iterdir()) == sorted(f for f, _ in TABLES.values())
    assert counts[2026]["Header"] == 2 and counts[2025]["Header"] == 1  # Mia came into care in August 2025

    episodes = [e for e in _table(this_year, "Episodes") if e["CHILD"] == authority.new_in_care.la_id]
    assert [(e["DECOM"], e["RNE"], e["PLACE"], e["DEC"], e["REC"], e["REASON_PLACE_CHANGE"], e["URN"])
            for e in episodes] == [
        ("04/08/2025", "S", "U1", "03/11/2025", "X1", "CARPL", "XXXXXXX"),
        ("03/11/2025", "P", "K2", "", "", "", "SC123456"),
    ]
    [header] = [h for h in _table(this_year, "Header") if h["CHILD"] == authority.new_in_care.la_id]
    assert (header["SEX"], header["DOB"], header["ETHNIC"], header["MOTHER"]) == ("F", "02/11/2010", "MWBC", "0")
    assert _table(this_year, "Missing") == [{"CHILD": authority.new_in_care.la_id, "DOB": "02/11/2010",
                                             "MISSING": "M", "MIS_START": "01/12/2025", "MIS_END": "02/12/2025"}]
    assert [r["REVIEW"] for r in _table(this_year, "Reviews")] == ["01/10/2025"]

    # OC2 is for the child looked after all year (Kai, since January 2024), not for Mia.
    [oc2] = _table(this_year, "OC2")
    assert oc2["CHILD"] == authority.in_care.la_id
    assert (oc2["SDQ_SCORE"], oc2["HEALTH_ASSESSMENT"], oc2["TEETH_CHECK"], oc2["IMMUNISATIONS"],
            oc2["HEALTH_CHECK"]) == ("14", "1", "1", "1", "")  # HEALTH_CHECK is for under-fives only

    sw = _table(this_year, "SWEpisodes")
    assert {r["CHILD"] for r in sw} == {authority.in_care.la_id, authority.new_in_care.la_id}
    assert all(r["SW_ID"].startswith("SW") and r["SW_REASON"] == "OTHERS" for r in sw)
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
