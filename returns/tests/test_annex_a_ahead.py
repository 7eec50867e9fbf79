"""Annex A built the way the export job builds it, outside any transaction: its lists are read
one ahead of the writing on a second connection that shares the build's snapshot (returns.ahead).
The workbook must be the one the same record gives when built in turn on one connection, and a
list that fails must fail the build, leaving no file."""

import datetime

import openpyxl
import pytest
from django.db import transaction

from returns import annex_a
from returns.annex_a import build_annex_a

pytestmark = pytest.mark.django_db(transaction=True)

AS_OF = datetime.date(2026, 3, 31)


def _cells(path):
    book = openpyxl.load_workbook(path, read_only=True)
    return {name: [tuple(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}


def test_read_ahead_on_a_second_connection_gives_the_workbook_built_in_turn(authority, tmp_path):
    ahead = build_annex_a(AS_OF, tmp_path / "ahead.xlsx")
    with transaction.atomic():  # inside a transaction another connection cannot share: read in turn
        in_turn = build_annex_a(AS_OF, tmp_path / "in-turn.xlsx")
    assert ahead == in_turn
    assert ahead["List 6"] == 4 and ahead["List 8"] == 2  # the authority's children are there
    assert _cells(tmp_path / "ahead.xlsx") == _cells(tmp_path / "in-turn.xlsx")


def test_a_list_that_fails_while_read_ahead_fails_the_build_and_leaves_no_file(authority, tmp_path, monkeypatch):
    def broken(period):
        raise RuntimeError("list 5 could not be read")
        yield  # a generator, as the lists are

    monkeypatch.setitem(annex_a.LISTS, "List 5", broken)
    out = tmp_path / "annex-a.xlsx"
    with pytest.raises(RuntimeError, match="list 5 could not be read"):
        build_annex_a(AS_OF, out)
    assert list(tmp_path.iterdir()) == []
