"""Every check as one SQL statement: for one child at a save, or for the whole authority.

The checks' SELECTs (data_quality.checks) are joined with UNION ALL under shared views of the
record, scoped either to some children (`ids`) or to all of them. Storing is one more writable
CTE in the same statement: problems no longer found are deleted, new ones inserted, changed ones
updated, and a problem still found keeps its first-seen time. So a save costs one query, and the
year-end run is the same statement over every child.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db import connection
from django.urls import reverse

from core.prepared import SLOT, PreparedQuery
from data_quality.checks import CHECKS, Check

TABLES = {
    "person": "people.Person",
    "cin_episode": "children_in_need.CINEpisode",
    "assessment": "assessments.Assessment",
    "s47": "child_protection.Section47Enquiry",
    "cp_plan": "child_protection.ChildProtectionPlan",
    "period": "looked_after.PeriodOfCare",
    "placement": "looked_after.Placement",
    "episode": "looked_after.Episode",
    "review": "looked_after.LAReview",
    "sdq": "looked_after.SDQScore",
    "health": "looked_after.HealthCheck",
    "imms": "looked_after.ImmunisationStatus",
    "missing": "looked_after.MissingEpisode",
    "rhi": "looked_after.ReturnInterview",
    "care_leaver": "care_leavers.CareLeaver",
    "kit": "care_leavers.KeepingInTouch",
    "problem": "data_quality.Problem",
    "due_item": "timescales.DueItem",
    "allocation": "casework.Allocation",
    "case_discussion": "supervision.CaseDiscussion",
    "supervision_session": "supervision.SupervisionSession",
}

# The shared views every check may use (see data_quality.checks). SCOPE is replaced by the
# children the statement is about.
VIEWS = """
kids AS (
    SELECT p.id, p.date_of_birth, p.date_of_birth_estimated, p.expected_date_of_birth, p.date_of_death, p.sex, p.ethnicity, p.disabilities,
           p.upn, p.upn_unknown_reason, p.nhs_number
    FROM {person} p WHERE p.is_child AND p.merged_into_id IS NULL AND SCOPE(p.id)
),
cin AS (
    SELECT DISTINCT e.child_id FROM {cin_episode} e JOIN kids k ON k.id = e.child_id
    WHERE e.start_date <= %(as_of)s AND (e.end_date IS NULL OR e.end_date >= %(start)s)
),
lac AS (
    SELECT DISTINCT c.child_id FROM {period} c JOIN kids k ON k.id = c.child_id
    WHERE c.start_date <= %(as_of)s AND (c.end_date IS NULL OR c.end_date >= %(start)s)
),
lac12 AS (
    -- OC2's cohort: looked after continuously for the 12 months to the reference date, and not
    -- then on an agreed series of short breaks (V3, V4), whose children OC2 leaves out.
    SELECT DISTINCT c.child_id FROM {period} c JOIN kids k ON k.id = c.child_id
    WHERE c.start_date <= %(year_ago)s AND (c.end_date IS NULL OR c.end_date > %(as_of)s)
    AND NOT EXISTS (SELECT 1 FROM {episode} e WHERE e.period_id = c.id AND e.short_break
                    AND e.start_date <= %(as_of)s AND (e.end_date IS NULL OR e.end_date > %(as_of)s))
),
returned AS (
    SELECT k.*, k.id IN (SELECT child_id FROM cin) AS in_cin, k.id IN (SELECT child_id FROM lac) AS in_lac,
           date_part('year', age(%(as_of)s::date, k.date_of_birth))::int AS age
    FROM kids k
)"""


# The earliest date a record can have: the live check reads the whole record from here.
WHOLE_RECORD_FROM = datetime.date(1900, 1, 1)


@dataclass(frozen=True)
class Period:
    """What is checked: the collection year from `start` (1 April) to `as_of`.

    `whole_record` is the live check, the one the pages show: every record on file as it stands
    today (a placement left without a postcode three years ago is still wrong, and fails the
    next return that includes the child), with the year's own items (OC2 now, this year's OC3
    birthday) as at today. Without it, only what the year's returns would include, as at its end.
    """

    start: datetime.date
    as_of: datetime.date
    whole_record: bool = False

    @classmethod
    def containing(cls, day: datetime.date) -> Period:
        """The live check on `day`."""
        return cls(datetime.date(day.year if day.month >= 4 else day.year - 1, 4, 1), day, whole_record=True)

    @classmethod
    def year_ending(cls, year: int, today: datetime.date) -> Period:
        """The collection year ending on 31 March `year`, as far as today."""
        return cls(datetime.date(year - 1, 4, 1), min(datetime.date(year, 3, 31), today))

    @property
    def year_ago(self) -> datetime.date:
        try:
            return self.as_of.replace(year=self.as_of.year - 1)
        except ValueError:  # 29 February
            return self.as_of.replace(year=self.as_of.year - 1, day=28)


def _tables() -> dict[str, str]:
    return {key: apps.get_model(label)._meta.db_table for key, label in TABLES.items()}


_SENTINELS = ("987654321", "987654322")


def _fix_url_sql(check: Check) -> str:
    """SQL building the check's fix URL from the child's and the record's ids, from the URL
    Django reverses (so a route that moves moves here too)."""
    columns = {"child": "f.child_id", "record": "f.record_id"}
    url = reverse(check.fix, args=list(_SENTINELS[: len(check.fix_args)]))
    parts = [url]
    for sentinel, arg in zip(_SENTINELS, check.fix_args):
        head, tail = parts[-1].split(sentinel, 1)
        parts[-1:] = [head, columns[arg], tail]
    return "concat(" + ", ".join(p if p.startswith("f.") else _literal(p) for p in parts) + ")"


def _literal(text: str) -> str:
    if "'" in text or "%" in text or "{" in text:
        raise ValueError(f"Unexpected character in {text!r}")
    return f"'{text}'"


def _one(index: int, check: Check, tables: dict) -> str:
    return (
        f"SELECT %(check_{index})s::varchar AS check_id, f.child_id, %(type_{index})s::varchar AS record_type, "
        f"f.record_id::bigint AS record_id, "
        f"left(replace(%(message_{index})s, '{{detail}}', coalesce(f.detail::text, '')), 400) AS message, "
        f"{_fix_url_sql(check)} AS fix_url "
        f"FROM ({check.sql.format_map(tables)}) AS f (child_id, record_id, detail)"
    )


@cache
def _statements() -> tuple[str, str, dict]:
    """(the findings SELECT, the storing statement, the checks' constant parameters)."""
    checks = list(CHECKS.values())
    tables = _tables()
    constants = {}
    for i, check in enumerate(checks):
        constants |= {f"check_{i}": check.id, f"type_{i}": check.record_type, f"message_{i}": check.message}
    found = "\nUNION ALL\n".join(_one(i, c, tables) for i, c in enumerate(checks))
    with_found = (
        "WITH "
        + VIEWS.format_map(tables)
        + ",\nfound AS (SELECT DISTINCT ON (check_id, child_id, record_type, record_id) * FROM (\n"
        + found
        + "\n) AS everything)\n"
    )
    select = with_found + "SELECT check_id, child_id, record_type, record_id, message, fix_url FROM found"
    store = with_found + STORE.format_map(tables)
    return select, store, constants


STORE = """,
removed AS (
    DELETE FROM {problem} p WHERE SCOPE(p.person_id) AND NOT EXISTS (
        SELECT 1 FROM found f WHERE f.child_id = p.person_id AND f.check_id = p.check_id
        AND f.record_type = p.record_type AND f.record_id = p.record_id)
    RETURNING 1
)
INSERT INTO {problem} AS p (person_id, check_id, record_type, record_id, message, fix_url, first_seen)
SELECT child_id, check_id, record_type, record_id, message, fix_url, %(now)s FROM found
ON CONFLICT (person_id, check_id, record_type, record_id) DO UPDATE
SET message = EXCLUDED.message, fix_url = EXCLUDED.fix_url
WHERE (p.message, p.fix_url) IS DISTINCT FROM (EXCLUDED.message, EXCLUDED.fix_url)"""


def _scoped(sql: str, ids) -> str:
    import re

    replacement = r"\1 = ANY(%(ids)s)" if ids is not None else "TRUE"
    return re.sub(r"SCOPE\(([a-z_.]+)\)", replacement, sql)


def _windows(as_of: datetime.date) -> dict:
    """`since_<rule>` for each local standard a check counts back (Check.windows): read at each
    run, so an authority's change of standard applies at once."""
    from timescales.calendar import get_calendar
    from timescales.rules import effective_rule

    codes = {code for check in CHECKS.values() for code in check.windows}
    calendar = get_calendar()
    out = {}
    for code in codes:
        rule = effective_rule(code)
        out[f"since_{code}"] = calendar.add(as_of, -rule.amount, rule.unit)
    return out


def _values(period: Period, now: datetime.datetime, ids) -> dict:
    """The parameters of one run (the checks' constants are the others: _statements)."""
    values = {
        "start": WHOLE_RECORD_FROM if period.whole_record else period.start,
        "year_start": period.start,
        "as_of": period.as_of,
        "year_ago": period.year_ago,
        "now": now,
        **_windows(period.as_of),
    }
    if ids is not None:
        values["ids"] = list(ids)
    return values


@dataclass(frozen=True)
class Finding:
    check_id: str
    child_id: int
    record_type: str
    record_id: int
    message: str
    fix_url: str


def find(period: Period, now: datetime.datetime, ids=None) -> list[Finding]:
    """What the checks find, without storing it (ids=None: every child)."""
    select, _, constants = _statements()
    with connection.cursor() as cursor:
        cursor.execute(_scoped(select, ids), _values(period, now, ids) | constants)
        return [Finding(*row) for row in cursor.fetchall()]


def store(period: Period, now: datetime.datetime, ids=None) -> None:
    """Make the stored problems exactly what the checks find, in one statement."""
    _, statement, constants = _statements()
    values = _values(period, now, ids)
    if ids is None:
        with connection.cursor() as cursor:
            cursor.execute(_scoped(statement, ids), values | constants)
        return
    # Some children, on every write to a child's record: prepared, so planned once a connection.
    with _store_some(frozenset(values)).execute(values):
        pass


@cache
def _store_some(slots: frozenset) -> PreparedQuery:
    """The storing statement scoped to some children, its checks' constants written in and the
    run's values (`slots`, by name) left as parameters."""
    _, statement, constants = _statements()
    return PreparedQuery(_scoped(statement, [0]), constants | dict.fromkeys(slots, SLOT))
