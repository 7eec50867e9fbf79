import datetime

import openpyxl

from returns.annex_a import build_annex_a, list_columns


def test_the_workbook_has_lists_1_to_11_with_the_specs_columns(authority, tmp_path):
    out = tmp_path / "annex-a.xlsx"
    counts = build_annex_a(datetime.date(2026, 3, 31), out)
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == [f"List {n}" for n in range(1, 12)]
    spec = list_columns()
    for name in book.sheetnames:
        header = next(book[name].iter_rows(max_row=1, values_only=True))
        assert list(header) == spec[name], name
    # The two referrals recorded, and the one opened with the period of care of a child who came
    # into care with no child-in-need episode (every looked-after child is a child in need: issue 16).
    assert counts["List 3"] == 3
    # Every child in need: the two with a CIN or CP plan, and the two looked after (case status
    # "a) Looked after child"), whose periods of care are child-in-need episodes.
    assert counts["List 6"] == 4
    assert counts["List 7"] == 1
    assert counts["List 8"] == 2  # one row per looked-after child


def test_each_list_shows_the_child_and_the_record(authority, tmp_path):
    out = tmp_path / "annex-a.xlsx"
    build_annex_a(datetime.date(2026, 3, 31), out)
    book = openpyxl.load_workbook(out, read_only=True)

    def rows(name):
        header, *data = book[name].iter_rows(values_only=True)
        return {r[0]: dict(zip(header, r)) for r in data}

    cp = rows("List 7")[authority.cp.la_id]
    assert cp["Gender"] == "a) Male"
    assert cp["Ethnicity"] == "o) BAFR"
    assert cp["Child Protection Plan Start Date"].date() == datetime.date(2025, 7, 16)
    assert cp["Initial Category of Abuse"] == "a) Neglect"  # the template's labels, never the census's codes
    assert cp["Latest Category of Abuse"] == "d) Emotional Abuse"
    assert cp["Date of latest review conference"].date() == datetime.date(2025, 10, 15)

    moved = rows("List 8")[authority.new_in_care.la_id]
    assert moved["Placement Type"] == "h) Children’s Homes"  # K2
    assert moved["Placement Provider"] == "a) Own LA"  # PR1
    assert moved["Child's Legal Status"] == "e) Accommodated under S20"  # V2
    assert moved["Child's Category of Need"] == "d) Family in acute stress"  # N4
    assert moved["Number of Placements in the Last 12 months"] == 2
    assert moved["Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months"] == 1

    referral = rows("List 3")[authority.cin.la_id]
    assert referral["Referral Source"] == "b) Schools"  # 2A
    assert referral["Referral NFA?"] == "No"
    assert referral["Number of Referrals in Last 12 Months"] == 1


def test_a_shorter_period_holds_only_its_months(authority, tmp_path):
    counts = build_annex_a(datetime.date(2025, 6, 30), tmp_path / "a.xlsx", months=2)
    assert counts["List 3"] == 1  # Ava's referral in May; Leo's was in July


def test_each_list_is_one_query(authority, tmp_path, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        build_annex_a(datetime.date(2026, 3, 31), tmp_path / "a.xlsx")


def _rows(out, name):
    book = openpyxl.load_workbook(out, read_only=True)
    header, *data = book[name].iter_rows(values_only=True)
    return {r[0]: dict(zip(header, r)) for r in data}


def test_list_6_case_status_for_a_closed_episode_and_an_open_assessment(authority, clock, tmp_path):
    """Issue 16 finding 4: list 6's case status was blank for both."""
    from assessments.services import assessment_start
    from children_in_need.models import CINEpisode
    from children_in_need.services import episode_close
    from children_in_need.testing import at, decide_referral, make_referral
    from people.services import person_create

    a = authority
    clock.travel_to(at(datetime.date(2026, 2, 2), 12))
    episode_close(
        actor=a.worker,
        episode=CINEpisode.objects.get(child=a.cin),
        closure_date=datetime.date(2026, 2, 2),
        reason="RC7",
    )
    assessing = person_create(
        actor=a.worker,
        given_name="Noor",
        family_name="Ali",
        sex="F",
        ethnicity="APKN",
        date_of_birth=datetime.date(2018, 5, 5),
    )
    decide_referral(a.manager, make_referral(a.worker, assessing, received_at=at(datetime.date(2026, 2, 2), 9)))
    clock.travel_to(at(datetime.date(2026, 2, 3), 12))
    assessment_start(actor=a.worker, child=assessing, start_date=datetime.date(2026, 2, 3))
    clock.travel_to(at(datetime.date(2026, 4, 15), 12))
    out = tmp_path / "a.xlsx"
    build_annex_a(datetime.date(2026, 3, 31), out)
    rows = _rows(out, "List 6")
    assert rows[a.cin.la_id]["Case Status"] == "e) Closed episode"
    assert rows[assessing.la_id]["Case Status"] == "d) Open assessment"
    assert rows[a.cp.la_id]["Case Status"] == "b) Child Protection plan"


def test_list_9_shows_nothing_dated_after_the_as_at_date(authority, clock, tmp_path):
    """Issue 16 finding 4: list 9 showed contacts made after the period's last day."""
    from care_leavers.tests.factories import in_touch, make_care_leaver
    from people.services import person_create

    a = authority
    young = person_create(
        actor=a.worker,
        given_name="Jade",
        family_name="Cole",
        sex="F",
        ethnicity="WBRI",
        date_of_birth=datetime.date(2008, 9, 10),
    )
    leaver = make_care_leaver(a.worker, young)
    in_touch(a.worker, leaver, datetime.date(2026, 3, 20))
    in_touch(a.worker, leaver, datetime.date(2026, 4, 10), accommodation="B1")
    out = tmp_path / "a.xlsx"
    build_annex_a(datetime.date(2026, 3, 31), out)
    row = _rows(out, "List 9")[young.la_id]
    assert row["Latest Date of Contact"].date() == datetime.date(2026, 3, 20)
    assert row["Type of Accommodation"] == "c) Semi-independent transitional accommodation"  # D
    assert row["LA in Touch"] == "a) In touch"  # YES


def test_list_10_leaves_out_adoptions_completed_before_the_period(authority, clock, tmp_path):
    """Issue 16 finding 4: list 10 kept children adopted before its 12 months."""
    from children_in_need.testing import at
    from people.services import person_create
    from permanence import services as permanence
    from permanence.tests.factories import make_placed

    a = authority
    clock.travel_to(at(datetime.date(2024, 12, 2), 12))
    adopted = person_create(
        actor=a.worker,
        given_name="Ben",
        family_name="Ash",
        sex="M",
        ethnicity="WBRI",
        date_of_birth=datetime.date(2021, 1, 4),
    )
    decision, _ = make_placed(
        a.worker, adopted, placed_on=datetime.date(2024, 4, 1), decided_on=datetime.date(2024, 3, 1)
    )
    permanence.permanence_order_record(
        actor=a.worker,
        child=adopted,
        kind="adoption",
        decision=decision,
        made_on=datetime.date(2024, 12, 2),
        consent_dispensed=False,
    )
    clock.travel_to(at(datetime.date(2026, 4, 15), 12))
    out = tmp_path / "a.xlsx"
    build_annex_a(datetime.date(2026, 3, 31), out)
    assert adopted.la_id not in _rows(out, "List 10")


def test_list_8_names_the_placements_local_authority_and_whether_it_is_inside_ours(
    authority, clock, settings, tmp_path
):
    """Issue 16 finding 4: list 8's placement location and LA of placement were blank."""
    from children_in_need.testing import at
    from looked_after.models import Placement
    from looked_after.services import placement_correct

    a = authority
    settings.OPENCSC_LA_CODE = "330"  # Birmingham
    clock.travel_to(at(datetime.date(2026, 4, 15), 12))
    away = Placement.objects.get(child=a.new_in_care, end_date__isnull=True)
    placement_correct(
        actor=a.worker,
        child=a.new_in_care,
        placement=away,
        placement_type="K2",
        provider="PR4",
        postcode="B91 1XJ",
        ofsted_urn="SC123456",
        carer_name="Oak House",
        local_authority="334",
        reason="The home is in Solihull",
    )
    home = Placement.objects.get(child=a.in_care, end_date__isnull=True)
    placement_correct(
        actor=a.worker,
        child=a.in_care,
        placement=home,
        placement_type=home.placement_type,
        provider=home.provider,
        postcode=home.postcode,
        ofsted_urn=home.ofsted_urn,
        carer_name=home.carer_name,
        local_authority="330",
        reason="Recording the authority",
    )
    out = tmp_path / "a.xlsx"
    build_annex_a(datetime.date(2026, 3, 31), out)
    rows = _rows(out, "List 8")
    assert (rows[a.new_in_care.la_id]["Placement Location"], rows[a.new_in_care.la_id]["LA of Placement"]) == (
        "b) Out",
        "Solihull",
    )
    assert (rows[a.in_care.la_id]["Placement Location"], rows[a.in_care.la_id]["LA of Placement"]) == (
        "a) In",
        "Birmingham",
    )


def test_list_8_leaves_the_location_blank_when_the_authority_is_not_known(authority, clock, tmp_path):
    from children_in_need.testing import at
    from looked_after.models import Placement
    from looked_after.services import placement_correct

    a = authority
    clock.travel_to(at(datetime.date(2026, 4, 15), 12))
    home = Placement.objects.get(child=a.in_care, end_date__isnull=True)
    placement_correct(
        actor=a.worker,
        child=a.in_care,
        placement=home,
        placement_type=home.placement_type,
        provider=home.provider,
        postcode=home.postcode,
        ofsted_urn=home.ofsted_urn,
        carer_name=home.carer_name,
        local_authority="NK",
        reason="Not known yet",
    )
    out = tmp_path / "a.xlsx"
    build_annex_a(datetime.date(2026, 3, 31), out)
    row = _rows(out, "List 8")[a.in_care.la_id]
    assert (row["Placement Location"], row["LA of Placement"]) == (None, None)


def test_codes_newer_than_the_template_take_the_label_of_the_code_they_replaced():
    from returns.annex_a_labels import labeller

    placement_type = labeller("list_8", "Placement Type")
    assert placement_type("K3") == placement_type("P2") == "d) Independent living"
    assert placement_type("Z12") == placement_type("Z1") == "n) Other placements"
    # A code the template files as an error is written as it is, never as another's label.
    assert labeller("list_8", "Reason Ceased to be Looked After")("X1") == "X1"
    assert labeller("list_9", "Activity Status")("G4") == (
        "G4: Not in education, employment or training - illness or disability"
    )


def test_list_1_dates_a_contact_by_its_day_in_england(authority, tmp_path):
    """A contact received at half past midnight in summer (the evening before in UTC) is dated the
    day it was received in England, as the period that selects it is."""
    from front_door.models import Contact
    from people.services import person_create

    child = person_create(
        actor=authority.worker,
        given_name="Nell",
        family_name="Ward",
        sex="F",
        ethnicity="WBRI",
        date_of_birth=datetime.date(2019, 2, 3),
    )
    received = datetime.datetime(2025, 7, 1, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    Contact.objects.create(
        child=child, received_at=received, source="2A", concerns="Bruising seen at school", recorded_by=authority.worker
    )
    out = tmp_path / "a.xlsx"
    build_annex_a(datetime.date(2026, 3, 31), out)
    assert _rows(out, "List 1")[child.la_id]["Date of Contact"].date() == datetime.date(2025, 7, 1)
