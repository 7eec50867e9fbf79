"""The programme report as a PDF for the practice improvement board: the figures the report page
shows (selectors.report: counted over the children the user may see), drawn as tables.

Board papers are printed and sent on beyond the case record, where its access rules and read log
no longer reach, so the PDF names no child: the board reads grades, agreement and themes, and the
page and the xlsx (the QA team's working copy) open the audits behind each number."""

from __future__ import annotations

import datetime

from audits.choices import Grade
from audits.snapshot import COMPLIANCE
from core.pdf import document, plain
from timescales.calendar import london_date

GRADES = list(Grade.choices)


def _dash(value, suffix: str = "") -> str:
    return "-" if value is None else f"{value}{suffix}"


def _heading(pdf, text: str) -> None:
    pdf.ln(4)
    pdf.set_font("helvetica", "B", 14)
    pdf.multi_cell(0, 8, plain(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)


def _table(pdf, rows: list[list], widths: tuple) -> None:
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=5, first_row_as_headings=True) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(plain(value))


def _grade_rows(heading: str, table: dict) -> list[list]:
    rows = [[heading, *[label for _, label in GRADES], "Total"]]
    for label, counts in table.values():
        rows.append([label, *[counts[value] for value, _ in GRADES], sum(counts.values())])
    return rows


def render(figures, *, council: str, scope: str, now: datetime.datetime) -> bytes:
    """`scope`: what the figures cover, in words ("Every programme", or the programme's theme)."""
    pdf = document(title=f"Case audits: {scope}", author=council, created=now)
    # Left uncompressed (a report of tables is small either way) so that what the PDF says can be
    # read from its bytes: the security sweeps check that no page names a child the user may not see.
    pdf.set_compression(False)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 20)
    pdf.multi_cell(
        0, 10, plain(f"{council}: case audits for the practice improvement board"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("helvetica", "", 14)
    pdf.multi_cell(
        0,
        8,
        plain(f"{scope}. Drawn from the case record on {london_date(now):%-d %B %Y}."),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(
        0,
        5,
        "Completed audits and the grades that stand (the moderator's, where moderated), of the "
        "children the person who downloaded it may see. No child is named: the report page opens the "
        "audits behind each number.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    _heading(pdf, "Summary")
    _table(
        pdf,
        [
            ["Measure", "Number"],
            ["Audits completed", figures.total],
            ["Moderated", figures.moderated],
            ["Actions done", figures.actions["done"]],
            ["Actions open, in time", figures.actions["open"]],
            ["Actions overdue", figures.actions["overdue"]],
        ],
        (3, 1),
    )
    _heading(pdf, "Overall grades that stand")
    _table(pdf, [["Grade", "Audits"], *[[label, figures.by_grade[value]] for value, label in GRADES]], (3, 1))
    _heading(pdf, "Grades beside the same children's timeliness (when audited)")
    _table(
        pdf,
        [
            ["Overall grade", "Audits", *[label for label, _ in COMPLIANCE.values()]],
            *[
                [label, n, *[f"{checks[f][0]} of {checks[f][1]}" if checks[f][1] else "-" for f in COMPLIANCE]]
                for _, label, n, checks in figures.timeliness
            ],
        ],
        (3, 1, 2, 2, 2),
    )
    for title, heading, table in (
        ("By programme", "Programme", figures.by_programme),
        ("By team (when sampled)", "Team", figures.by_team),
        ("By service", "Service", figures.by_service),
        ("Over time (month audited)", "Month", figures.by_month),
    ):
        _heading(pdf, title)
        _table(pdf, _grade_rows(heading, table), (4, 1, 1, 1, 1, 1))
    _heading(pdf, "Completion")
    _table(
        pdf,
        [
            ["Programme", "Sampled", "Audited"],
            *[[programme.theme, sampled, done] for programme, sampled, done in figures.completion],
        ],
        (4, 1, 1),
    )
    _heading(pdf, "Agreement between auditors and moderators")
    _table(
        pdf,
        [
            ["Domain", "Audits moderated", "Same grade", "Cohen's kappa", "Weighted kappa"],
            *[
                [name, a.pairs, _dash(a.percent, "%"), _dash(a.kappa), _dash(a.weighted_kappa)]
                for name, a in figures.agreement
            ],
        ],
        (4, 1, 1, 1, 1),
    )
    pdf.set_font("helvetica", "I", 9)
    pdf.multi_cell(
        0,
        4.5,
        "Kappa is agreement beyond chance (1 is perfect, 0 no better than chance); weighted kappa "
        "counts a near miss as part agreement. A dash: too few, or every grade the same.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    _heading(pdf, "Learning themes")
    _table(pdf, [["Theme", "Audits"], *[[label, n] for _, label, n in figures.theme_rows]], (3, 1))
    return bytes(pdf.output())
