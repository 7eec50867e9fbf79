"""Issue 16's findings in the returns, each first reproduced here: the social worker episode
after a case closed (SW_REASON), 29 February birthdays, and the care leavers' OC3 rows."""

import csv
import datetime
from collections import defaultdict

from children_in_need.testing import at
from returns.periods import CollectionYear
from returns.ssda903 import TABLES, _Chunk, build_ssda903, care_leavers_in_year

D = datetime.date


def _table(folder, name):
    with open(folder / TABLES[name][0], newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_social_worker_episode_that_opens_a_case_is_a_first_contact_or_re_referral(authority, clock, tmp_path):
    # Finding 1: Kai's first worker opened his case; in September he was re-referred and his
    # manager allocated the new case. Both start a case (FCONTA, the one reason SW10STG2 and
    # SW10aSTG2 accept after a gap); a change of worker within a case says why (LEFTRL).
    from casework.services import allocation_change

    kai, worker, manager = authority.in_care, authority.worker, authority.manager
    clock.travel_to(at(D(2025, 9, 1), 17))
    allocation_change(
        actor=manager, child=kai, team=worker.team, worker=manager, start_date=D(2025, 9, 1), reason="new_case"
    )
    clock.travel_to(at(D(2025, 12, 1), 17))
    allocation_change(
        actor=manager, child=kai, team=worker.team, worker=worker, start_date=D(2025, 12, 1), reason="worker_left"
    )
    clock.travel_to(at(D(2026, 4, 15), 17))

    build_ssda903(2026, tmp_path, previous=False)
    rows = [
        (r["SW_DECOM"], r["SW_DEC"], r["SW_REASON"])
        for r in _table(tmp_path / "2026", "SWEpisodes")
        if r["CHILD"] == kai.la_id
    ]
    assert rows == [
        ("08/01/2024", "01/09/2025", "FCONTA"),  # his first worker: the first contact
        ("01/09/2025", "01/12/2025", "FCONTA"),  # the re-referral, allocated as a new case
        ("01/12/2025", "", "LEFTRL"),
    ]


def test_after_a_case_closed_the_next_worker_is_a_re_referral_whatever_reason_was_given():
    # The generator ends a closed case's allocation with "closed"; the next worker then opens a
    # case, whatever reason their allocation carries.
    from returns.ssda903 import sw_reason

    def allocation(reason, previous_end, has_previous=True):
        return {"reason": reason, "previous_end": previous_end, "has_previous": has_previous}

    assert sw_reason(allocation("transfer", None, has_previous=False)) == "FCONTA"
    assert sw_reason(allocation("transfer", "closed")) == "FCONTA"
    assert sw_reason(allocation("transfer", "transfer")) == "TSPROC"
    assert sw_reason(allocation("caseload", "caseload")) == "MANAGE"
    assert sw_reason(allocation("other", "other")) == "OTHERS"


def _chunk(dob, episodes, touches):
    chunk = object.__new__(_Chunk)
    chunk.year = CollectionYear.ending(2026)
    chunk.people = {1: {"la_id": "C1", "date_of_birth": dob}}
    chunk.episodes = defaultdict(list, {1: episodes})
    chunk.keeping_in_touch = defaultdict(list, {1: touches})
    return chunk


def test_a_29_february_birthday_is_28_february_in_other_years_in_the_ssda903_too():
    # Finding 2: born 29 February 2008, care ended on 28 February 2026, his 18th birthday as the
    # calendar (and the DfE validator) count it: still looked after on it, so no OC3 (rule 1016).
    touch = {"contact_on": D(2026, 3, 5), "in_touch": "YES", "activity": "F1", "accommodation": "S"}
    chunk = _chunk(D(2008, 2, 29), [{"start_date": D(2023, 1, 9), "end_date": D(2026, 2, 28)}], [touch])
    assert list(chunk.oc3_rows(1)) == []
    # Care ended the day before it: a care leaver at 18, OC3 from the check nearest 28 February.
    chunk = _chunk(D(2008, 2, 29), [{"start_date": D(2023, 1, 9), "end_date": D(2026, 2, 27)}], [touch])
    assert list(chunk.oc3_rows(1)) == [["C1", "29/02/2008", "YES", "F1", "S"]]


def test_the_oc3_row_of_a_1_april_birthday_counts_the_check_made_in_march(authority, clock, tmp_path):
    # Finding 3: Jo left care in November 2024 and her 18th birthday is 1 April 2025, the year's
    # first day; her personal adviser saw her on 20 March, before the year began but within the
    # 3 months before the birthday. Before the fix the header held her with no OC3 row.
    jo, leaver = _care_leaver(authority, clock, dob=D(2007, 4, 1), care=(D(2022, 6, 6), D(2024, 11, 4)))
    from care_leavers.services import keeping_in_touch_record

    clock.travel_to(at(D(2025, 3, 20), 17))
    keeping_in_touch_record(
        actor=authority.worker,
        care_leaver=leaver,
        contact_on=D(2025, 3, 20),
        in_touch="YES",
        accommodation="E1",
        activity="F5",
    )
    clock.travel_to(at(D(2026, 4, 15), 17))
    build_ssda903(2026, tmp_path, previous=False)
    assert [(r["CHILD"], r["IN_TOUCH"]) for r in _table(tmp_path / "2026", "OC3")] == [(jo.la_id, "YES")]


def test_a_young_person_who_left_care_after_the_year_is_not_its_care_leaver(authority, clock):
    # Finding 3: Sam's 17th birthday was in June 2025, when he was still looked after; he left
    # care in May 2026, after the year ended. He was not a care leaver in 2025 to 2026.
    sam, _ = _care_leaver(authority, clock, dob=D(2008, 6, 20), care=(D(2023, 2, 6), D(2026, 5, 4)))
    assert sam.pk not in care_leavers_in_year(CollectionYear.ending(2026))
    # Jo left care before her 18th birthday in the year: she was one.
    jo, _ = _care_leaver(authority, clock, dob=D(2007, 7, 2), care=(D(2022, 6, 6), D(2024, 11, 4)), name="Jo")
    assert jo.pk in care_leavers_in_year(CollectionYear.ending(2026))


def _care_leaver(authority, clock, *, dob, care, name="Jo"):
    from care_leavers.services import care_leaver_start
    from casework.services import allocation_to_creator
    from looked_after import services as la
    from looked_after.services import PlacementDetails
    from people.services import person_create

    worker = authority.worker
    started, ended = care
    clock.travel_to(at(started, 17))
    person = person_create(
        actor=worker,
        given_name=name,
        family_name="Leaver",
        sex="F",
        ethnicity="WBRI",
        date_of_birth=dob,
        allocate=False,
    )
    allocation_to_creator(actor=worker, child=person, start_date=started)
    la.period_start(
        actor=worker,
        child=person,
        start_date=started,
        legal_status="V2",
        category_of_need="N1",
        home_postcode="B12 9QF",
        placement=PlacementDetails(placement_type="U1", provider="PR1", postcode="B15 2TT", carer_name="Lee"),
    )
    clock.travel_to(at(ended, 17))
    la.period_end(actor=worker, child=person, end_date=ended, reason_ceased="E8")
    leaver = care_leaver_start(
        actor=worker,
        person=person,
        category="relevant",
        category_since=ended,
        eligible_from=max(started, D(dob.year + 16, dob.month, dob.day)),
    )
    return person, leaver
