"""The writer's cost alone for Annex A-shaped rows: openpyxl's write-only mode (what
returns/annex_a.py used first), XlsxWriter's constant_memory mode (what it used next: 1.56 times
faster) and returns.xlsx (what it uses now), the same rows (strings, dates, whole numbers,
blanks) over the same 11 sheets, no database:

    .venv/bin/python bench/annex_a_writers.py 110000

Never part of `make bench` or `make test`."""
import datetime
import random
import sys
import tempfile
import time
from pathlib import Path

ROWS, COLS, SHEETS = int(sys.argv[1]), 25, 11
rng = random.Random(1)


def row(i):
    out = []
    for c in range(COLS):
        k = c % 5
        if c == 0:
            out.append(f"C{i:07d}")
        elif k == 1:
            out.append("b) Female")
        elif k == 2:
            out.append(datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 2000)))
        else:
            out.append(rng.randint(0, 20) if k == 3 else "")
    return out


data = [row(i) for i in range(ROWS // SHEETS)]


def with_openpyxl(path):
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    for s in range(SHEETS):
        sheet = book.create_sheet(f"List {s + 1}")
        for r in data:
            sheet.append(r)
    book.save(path)



def with_xlsxwriter(path):
    import xlsxwriter
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for s in range(SHEETS):
        sheet = book.add_worksheet(f"List {s + 1}")
        for n, r in enumerate(data):
            for c, v in enumerate(r):
                if isinstance(v, datetime.date):
                    sheet.write_datetime(n, c, datetime.datetime.combine(v, datetime.time()), dates)
                elif v != "":
                    sheet.write(n, c, v)
    book.close()



def with_returns_xlsx(path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from returns.xlsx import Workbook
    with open(path, "wb") as handle, Workbook(handle) as book:
        for s in range(SHEETS):
            sheet = book.add_sheet(f"List {s + 1}")
            for r in data:
                sheet.write_row(r)


for name, fn in (("openpyxl write-only", with_openpyxl), ("xlsxwriter constant_memory", with_xlsxwriter),
                 ("returns.xlsx", with_returns_xlsx)):
    with tempfile.TemporaryDirectory() as d:
        started = time.perf_counter()
        fn(str(Path(d) / "a.xlsx"))
        took = time.perf_counter() - started
        print(f"{name}: {took:.1f} s for {ROWS} rows x {COLS} columns ({(Path(d) / 'a.xlsx').stat().st_size // 1024} KB)")
