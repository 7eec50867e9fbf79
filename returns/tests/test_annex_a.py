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
    assert counts["List 3"] == 2  # the two referrals
    assert counts["List 6"] == 2  # two children in need
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
    assert cp["Latest Category of Abuse"] == "EMO"
    assert cp["Date of latest review conference"].date() == datetime.date(2025, 10, 15)

    moved = rows("List 8")[authority.new_in_care.la_id]
    assert moved["Placement Type"] == "K2"
    assert moved["Number of Placements in the Last 12 months"] == 2
    assert moved["Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months"] == 1

    referral = rows("List 3")[authority.cin.la_id]
    assert referral["Referral Source"] == "2A"
    assert referral["Referral NFA?"] == "No"
    assert referral["Number of Referrals in Last 12 Months"] == 1


def test_a_shorter_period_holds_only_its_months(authority, tmp_path):
    counts = build_annex_a(datetime.date(2025, 6, 30), tmp_path / "a.xlsx", months=2)
    assert counts["List 3"] == 1  # Ava's referral in May; Leo's was in July


def test_each_list_is_one_query(authority, tmp_path, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        build_annex_a(datetime.date(2026, 3, 31), tmp_path / "a.xlsx")
