"""Filling the BankHoliday table from the PyPI `holidays` package.

Shared by the seeding migration (which passes its historical model) and the
`sync_bank_holidays` command. The package's "GB"/"ENG" calendar matches the gov.uk
england-and-wales list: substitute days ("Boxing Day (observed)") and one-off days (the
Platinum Jubilee, the State Funeral, the Coronation) included. Wales has the same bank
holidays as England.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

ENGLAND_AND_WALES = "england-and-wales"


def holidays_from_package(from_year: int, to_year: int) -> dict[datetime.date, str]:
    import holidays

    if from_year > to_year:
        raise ValueError("from_year must not be after to_year.")
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=range(from_year, to_year + 1)).items())


@dataclass
class SyncReport:
    added: list[datetime.date] = field(default_factory=list)
    renamed: list[datetime.date] = field(default_factory=list)
    # Rows in the range the package does not know: kept (an administrator may have added a
    # newly announced day before the package has it) unless prune=True.
    extra: list[datetime.date] = field(default_factory=list)
    removed: list[datetime.date] = field(default_factory=list)


def sync(model, from_year: int, to_year: int, *, prune: bool = False) -> SyncReport:
    """Make `model` (BankHoliday, or its historical version in a migration) hold the package's
    holidays for the years given. Bulk operations, so the caller refreshes any cache."""
    wanted = holidays_from_package(from_year, to_year)
    start, end = datetime.date(from_year, 1, 1), datetime.date(to_year, 12, 31)
    report = SyncReport()
    existing = {row.date: row for row in model.objects.filter(date__range=(start, end))}

    new_rows, renamed_rows = [], []
    for day, name in sorted(wanted.items()):
        row = existing.get(day)
        if row is None:
            new_rows.append(model(date=day, name=name, division=ENGLAND_AND_WALES))
            report.added.append(day)
        elif row.name != name or row.division != ENGLAND_AND_WALES:
            row.name, row.division = name, ENGLAND_AND_WALES
            renamed_rows.append(row)
            report.renamed.append(day)
    report.extra = sorted(day for day in existing if day not in wanted)

    model.objects.bulk_create(new_rows)
    if renamed_rows:
        model.objects.bulk_update(renamed_rows, ["name", "division"])
    if prune and report.extra:
        model.objects.filter(date__in=report.extra).delete()
        report.removed, report.extra = report.extra, []
    return report
