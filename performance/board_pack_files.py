"""The board pack as files: a PDF (fpdf2: pure Python, maintained, no system libraries; see the
README) and an xlsx of its tables (openpyxl, as the returns use). Both are drawn from the pack's
kept sections and narratives alone, so an issued pack's files say what the pack said."""

from __future__ import annotations

import datetime
import io

from core.pdf import document
from core.pdf import plain as _plain
from performance.board_pack import DISTANCE_NOTE, SECTIONS, formatted


def _quarter_label(iso: str) -> str:
    return f"{datetime.date.fromisoformat(iso):%b %Y}"


def _heading_row(rows) -> list[str]:
    trend = [_quarter_label(day) for day, _ in rows[0]["trend"]] if rows else []
    return ["Indicator", *trend, "England", "Stat. neighbours"]


def _cells(row) -> list[str]:
    return [
        row["title"],
        *[formatted(row, v) for _, v in row["trend"]],
        formatted(row, row["england"]),
        formatted(row, row["neighbours"]),
    ]


def render_pdf(pack, *, council: str, draft: bool) -> bytes:
    pdf = document(
        title=str(pack), author=council, created=pack.issued_at or pack.built_at or datetime.datetime.now(datetime.UTC)
    )
    pdf.add_page()
    pdf.set_font("helvetica", "B", 20)
    pdf.multi_cell(0, 10, _plain(f"{council}: corporate parenting board"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 14)
    status = "DRAFT, not issued" if draft else f"Issued {pack.issued_at:%-d %B %Y} by {pack.issued_by.get_full_name()}"
    pdf.multi_cell(
        0, 8, _plain(f"Quarter ending {pack.quarter_end:%-d %B %Y}. {status}."), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(
        0,
        5,
        "Figures for the whole authority from the case record, with the DfE's definitions; the four "
        "quarters before for the trend; the latest published England and statistical neighbours' figures.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    for section in SECTIONS:
        data = pack.sections.get(section.key)
        if not data:
            continue
        pdf.ln(4)
        pdf.set_font("helvetica", "B", 14)
        pdf.multi_cell(0, 8, _plain(section.title), new_x="LMARGIN", new_y="NEXT")
        narrative = (pack.narratives or {}).get(section.key, "").strip()
        pdf.set_font("helvetica", "", 10)
        if narrative:
            pdf.multi_cell(0, 5, _plain(narrative), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        rows = data["rows"]
        with pdf.table(
            col_widths=(70, *([18] * len(rows[0]["trend"])), 20, 24),
            text_align="LEFT",
            line_height=5,
            first_row_as_headings=True,
        ) as table:
            heading = table.row()
            for text in _heading_row(rows):
                heading.cell(_plain(text))
            for row in rows:
                cells = table.row()
                for text in _cells(row):
                    cells.cell(_plain(text))
        pdf.set_font("helvetica", "I", 9)
        for row in rows:
            pdf.multi_cell(0, 4.5, _plain(f"{row['title']}: {row['direction']}"), new_x="LMARGIN", new_y="NEXT")
        if section.key == "stability":
            pdf.multi_cell(0, 4.5, _plain(DISTANCE_NOTE), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def render_xlsx(pack) -> bytes:
    # openpyxl is imported when a workbook is asked for, not by every process importing the URLs.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for section in SECTIONS:
        data = pack.sections.get(section.key)
        if not data:
            continue
        sheet = book.create_sheet(section.title[:31])
        sheet.append([section.title, f"Quarter ending {pack.quarter_end:%-d %B %Y}"])
        sheet["A1"].font = Font(bold=True)
        narrative = (pack.narratives or {}).get(section.key, "").strip()
        if narrative:
            # openpyxl writes a text beginning with "=" as a formula: the author's words stay words.
            sheet.append(["'" + narrative if narrative[:1] in ("=", "+", "-", "@") else narrative])
        sheet.append([])
        rows = data["rows"]
        sheet.append([*_heading_row(rows), "Numerator", "Denominator", "Direction"])
        for row in rows:
            sheet.append(
                [
                    row["title"],
                    *[v for _, v in row["trend"]],
                    row["england"],
                    row["neighbours"],
                    row["numerator"],
                    row["denominator"],
                    row["direction"],
                ]
            )
        sheet.column_dimensions["A"].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
