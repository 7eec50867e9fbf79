"""The programme report as a workbook for the practice improvement board: the figures the report
page shows, one sheet each, and the audits behind them (only the children the user may see, as
on the page). The PDF for the board is audits.report_pdf."""

from __future__ import annotations

import io

from audits.choices import Grade
from audits.snapshot import COMPLIANCE

GRADES = list(Grade.choices)


def _grade_table(sheet, title: str, table: dict) -> None:
    sheet.append([title, *[label for _, label in GRADES], "Total"])
    for label, counts in table.values():
        sheet.append([label, *[counts[value] for value, _ in GRADES], sum(counts.values())])


def workbook(figures, rows) -> bytes:
    # openpyxl is imported when a workbook is asked for: every process importing the URLs would
    # otherwise pay its import time.
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    summary = book.create_sheet("Grades")
    summary.append(["Completed audits", figures.total])
    summary.append(["Moderated", figures.moderated])
    summary.append([])
    summary.append(["Overall grade", "Audits"])
    for value, label in GRADES:
        summary.append([label, figures.by_grade[value]])
    for name, table in (
        ("By programme", figures.by_programme),
        ("By team", figures.by_team),
        ("By service", figures.by_service),
        ("By month", figures.by_month),
    ):
        _grade_table(book.create_sheet(name), name[3:].capitalize(), table)
    completion = book.create_sheet("Completion")
    completion.append(["Programme", "Sampled", "Completed"])
    for programme, sampled, done in figures.completion:
        completion.append([programme.theme, sampled, done])
    agreement = book.create_sheet("Moderation")
    agreement.append(["Domain", "Audits moderated", "Agreement (%)", "Cohen's kappa", "Weighted kappa"])
    for name, a in figures.agreement:
        agreement.append([name, a.pairs, a.percent, a.kappa, a.weighted_kappa])
    timeliness = book.create_sheet("Grades and timeliness")
    timeliness.append(
        ["Overall grade", "Audits", *[f"{label} (in time / applicable)" for label, _ in COMPLIANCE.values()]]
    )
    for _, label, n, checks in figures.timeliness:
        timeliness.append([label, n, *[f"{checks[f][0]} / {checks[f][1]}" for f in COMPLIANCE]])
    actions = book.create_sheet("Actions")
    actions.append(["Done", figures.actions["done"]])
    actions.append(["Open, in time", figures.actions["open"]])
    actions.append(["Overdue", figures.actions["overdue"]])
    audits = book.create_sheet("Audits")
    audits.append(["Child", "LA ID", "Programme", "Team", "Auditor", "Completed", "Overall grade", "Moderated"])
    for audit in rows:
        audits.append(
            [
                audit.child.full_name,
                audit.child.la_id or "",
                audit.programme.theme,
                str(audit.team) if audit.team_id else "",
                str(audit.auditor),
                audit.completed_at.date() if audit.completed_at else None,
                Grade(audit.grade).label if audit.grade else "",
                "Yes" if audit.moderated_at else "No",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
