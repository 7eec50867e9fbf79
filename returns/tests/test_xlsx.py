"""returns.xlsx, Annex A's writer: what a spreadsheet program reads back (openpyxl here) is what
was written, cell for cell, whatever a worker typed."""

import datetime

import openpyxl

from returns.xlsx import Workbook


def test_a_workbook_reads_back_as_written(tmp_path):
    out = tmp_path / "book.xlsx"
    rows = [
        ["Child Unique ID", "Date", "Age", "Note", "Score", "Seen at"],
        ["C0001", datetime.date(2025, 2, 28), 7, "Tom & Jerry <ok>", 1.5, datetime.datetime(2025, 3, 1, 18, 30)],
        ["C0002", None, 0, "", None, None],  # blanks in the middle and at the end
        ["C0003", "", 12, "=SUM(A1:A2)", 3, None],  # text that looks like a formula stays text
        [" leading space", datetime.date(2025, 2, 28), 7, "bell\x07 and tab\t", 1.5, None],
    ]
    with open(out, "wb") as handle, Workbook(handle) as book:
        for name in ("List 1", "List 2 & more"):
            sheet = book.add_sheet(name)
            for row in rows:
                sheet.write_row(row)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["List 1", "List 2 & more"]
    sheet = book["List 1"]
    read = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert read[0] == rows[0]
    assert read[1] == [
        "C0001",
        datetime.datetime(2025, 2, 28),
        7,
        "Tom & Jerry <ok>",
        1.5,
        datetime.datetime(2025, 3, 1, 18, 30),
    ]
    assert read[2] == ["C0002", None, 0, None, None, None]
    assert read[3] == ["C0003", None, 12, "=SUM(A1:A2)", 3, None]
    assert sheet["D4"].data_type == "s"
    assert read[4] == [" leading space", datetime.datetime(2025, 2, 28), 7, "bell and tab\t", 1.5, None]
    assert sheet["B2"].number_format == "dd/mm/yyyy"
    assert [list(r) for r in book["List 2 & more"].iter_rows(values_only=True)] == read


def test_true_and_one_keep_their_own_cells_in_any_order(tmp_path):
    """A cell's XML is remembered by value, and True == 1 == 1.0 in Python: each must still be
    read back as itself, whichever comes first."""
    out = tmp_path / "book.xlsx"
    rows = [[1, True, 1.0, 0, False, 0.0], [True, 1, False, 0, 1.0, 0.0], [1.0, 0.0, 1, 0, True, False]]
    with open(out, "wb") as handle, Workbook(handle) as book:
        sheet = book.add_sheet("Mixed")
        for row in rows:
            sheet.write_row(row)
    read = [list(r) for r in openpyxl.load_workbook(out, read_only=True)["Mixed"].iter_rows(values_only=True)]
    assert read == rows
    assert [[type(v) for v in r] for r in read] == [[type(v) for v in r] for r in rows]
