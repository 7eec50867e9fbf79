"""The workforce files built from the staff records and the record: the children and family
social work workforce census (one row per social worker: in post at 30 September, starters and
leavers in the year, and agency workers in post at 30 September), and the quarterly agency social
worker data return (every agency worker engaged in the quarter, with the terms the statutory
guidance sets). CSV, one header row, dates as YYYY-MM-DD."""

from __future__ import annotations

import csv
import datetime
import io

from caseloads.figures import Worker, census_date, social_workers, year_of
from caseloads.weights import held_on
from casework.models import Allocation
from workforce.roles import Role

CENSUS_COLUMNS = [
    "record_type",
    "worker_id",
    "swe_registration_number",
    "role",
    "fte",
    "start_date",
    "leaving_date",
    "leaving_reason",
    "in_post_at_30_september",
    "case_holder",
    "cases_at_30_september",
    "qualified_date",
    "early_career",
]
AGENCY_COLUMNS = [
    "worker_id",
    "swe_registration_number",
    "agency",
    "role",
    "fte",
    "start_date",
    "end_date",
    "post_qualifying_experience_years_at_start",
    "notice_period_weeks",
    "hourly_charge_rate",
    "regional_price_cap",
    "above_cap_approved_by",
]


def _d(day) -> str:
    return day.isoformat() if day else ""


def census_rows(year: int) -> list[dict]:
    day = census_date(year)
    start, _ = year_of(year)
    cases: dict[int, int] = {}
    for worker_id in Allocation.objects.filter(held_on(day), worker__isnull=False).values_list("worker_id", flat=True):
        cases[worker_id] = cases.get(worker_id, 0) + 1
    rows = []
    for w in social_workers():
        starter = bool(w.started_on and start <= w.started_on <= day)
        leaver = bool(w.left_on and start <= w.left_on <= day)
        if not (w.in_post(day) or (not w.agency and (starter or leaver))):
            continue
        profile = getattr(w.user, "staff_profile", None)
        rows.append(
            {
                "record_type": "agency" if w.agency else "employed",
                "worker_id": w.user.pk,
                "swe_registration_number": profile.swe_number if profile else "",
                "role": Role(w.user.role).label,
                "fte": w.fte,
                "start_date": _d(w.started_on),
                "leaving_date": _d(w.left_on if leaver else None),
                "leaving_reason": profile.get_leaving_reason_display() if profile and leaver else "",
                "in_post_at_30_september": "yes" if w.in_post(day) else "no",
                "case_holder": "yes" if cases.get(w.user.pk) else "no",
                "cases_at_30_september": cases.get(w.user.pk, 0),
                "qualified_date": _d(profile.qualified_on if profile else None),
                "early_career": profile.early_career if profile else "",
            }
        )
    return rows


def quarter_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar quarter holding `day`."""
    first_month = (day.month - 1) // 3 * 3 + 1
    start = datetime.date(day.year, first_month, 1)
    end = datetime.date(day.year + (first_month + 3 > 12), (first_month + 3 - 1) % 12 + 1, 1) - datetime.timedelta(
        days=1
    )
    return start, end


def _engaged(w: Worker, start, end) -> bool:
    return (w.started_on is None or w.started_on <= end) and (w.left_on is None or w.left_on >= start)


def agency_rows(quarter_end: datetime.date) -> list[dict]:
    from staff.models import AgencyPriceCap
    from staff.selectors import pqe_years

    start, end = quarter_of(quarter_end)
    caps = dict(AgencyPriceCap.objects.values_list("role", "hourly_cap"))
    rows = []
    for w in social_workers():
        if not w.agency or not _engaged(w, start, end):
            continue
        profile = getattr(w.user, "staff_profile", None)
        rows.append(
            {
                "worker_id": w.user.pk,
                "swe_registration_number": profile.swe_number if profile else "",
                "agency": profile.agency_name if profile else "",
                "role": Role(w.user.role).label,
                "fte": w.fte,
                "start_date": _d(w.started_on),
                "end_date": _d(w.left_on if w.left_on and w.left_on <= end else None),
                "post_qualifying_experience_years_at_start": (
                    pqe_years(profile, w.started_on) if profile and w.started_on else ""
                ),
                "notice_period_weeks": (
                    profile.agency_notice_weeks if profile and profile.agency_notice_weeks is not None else ""
                ),
                "hourly_charge_rate": profile.agency_hourly_rate if profile and profile.agency_hourly_rate else "",
                "regional_price_cap": caps.get(w.user.role, ""),
                "above_cap_approved_by": profile.rate_above_cap_approved_by if profile else "",
            }
        )
    return rows


def to_csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        # A value starting with = + - @ would be a formula in a spreadsheet: quoted as text.
        writer.writerow({k: (f"'{v}" if isinstance(v, str) and v[:1] in "=+-@" else v) for k, v in row.items()})
    return out.getvalue()
