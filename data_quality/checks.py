"""The registry of data-quality checks: what each finds, which return it affects, what to say,
and where the record is put right.

A check is a SELECT over one child's records or the whole authority's, the same text for both
(data_quality.sql wraps it): the page and the year-end run can never disagree. It returns one row
per problem, `child_id, record_id, detail`, and may use the shared views of the record that
data_quality.sql defines:

- `kids`      the children in scope (live, not merged) with their details;
- `returned`  the same with `in_cin` / `in_lac` (in this year's CIN census / SSDA903) and `age`
              (completed years at the reference date);
- `lac12`     children looked after continuously for the 12 months to the reference date (OC2);
- parameters `%(start)s` (the earliest date of a record to check: the collection year's 1 April,
              or for the live check of the whole record, any date), `%(year_start)s` (always the
              collection year's 1 April), `%(as_of)s` (the reference date: today, or 31 March of a
              past year), `%(year_ago)s` and `%(now)s`;
              and `%(since_<rule>)s` for each local standard the check names in `windows`.

Tables are named by key in braces ({person}, {episode}...; data_quality.sql.TABLES). The message
may include `{detail}`. Ids are the DfE validator's rule number where one corresponds
(specs/validator_rules/*_2025_26.tsv); ours otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

CIN = "CIN census"
SSDA903 = "SSDA903"
ANNEX_A = "Annex A"
TIMESCALE = "Statutory timescale"
HEALTH = "Matching with health records"


@dataclass(frozen=True)
class Check:
    id: str
    title: str  # a short name for the dashboard: "Sex not recorded"
    returns: tuple[str, ...]
    message: str  # what is wrong, in plain English, for the child's page
    fix: str  # URL name of the page where it is put right
    record_type: str  # "app_label.model" of the record the problem is about
    sql: str
    # What the fix URL takes: "child" (the child's id) and "record" (the record's id).
    fix_args: tuple[str, ...] = ("child",)
    # Local standards the SQL counts back from the reference date: each rule code gives the
    # parameter `%(since_<code>)s`, the reference date less the authority's standard.
    windows: tuple[str, ...] = ()


CHECKS: dict[str, Check] = {}


def register(check: Check) -> Check:
    if check.id in CHECKS and CHECKS[check.id] != check:
        raise ValueError(f"Two data-quality checks share the id {check.id!r}.")
    CHECKS[check.id] = check
    return check


def day(expr: str) -> str:
    """SQL for a date as '3 May 2026', the way the pages write dates."""
    return f"to_char({expr}, 'FMDD FMMonth YYYY')"


# The modules that register checks, by area of the record.
from data_quality import checks_903, checks_cin, checks_oversight, checks_person  # noqa: E402,F401
