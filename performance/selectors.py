"""Reads for the performance pages and the command: an indicator's figure at a date (for the
whole authority or some teams), its trend, and the children behind it.

Every figure counts every child, restricted records included (the DfE's figures do); the list
of children goes through access.selectors, so a child the user may not see is counted but shown
only as "a child with a restricted record". A team manager's figures are their teams' children;
QA officers' and senior leaders' are the whole authority's. A child's team is their current team.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Exists, OuterRef
from django.db.models.expressions import RawSQL

from access.selectors import people_visible_to, team_ids_for
from core import clock
from looked_after.models import SHORT_BREAK_STATUSES, Episode
from people.models import Person
from performance.indicators import INDICATORS, Indicator, Result, Unit
from performance.indicators.periods import age_on
from performance.models import IndicatorSnapshot
from timescales.calendar import add_months
from workforce.roles import PERFORMANCE_ROLES, Role

# Who sees the figures: a team manager their teams', the PERFORMANCE_ROLES the whole authority's.
READERS = (Role.TEAM_MANAGER, *sorted(PERFORMANCE_ROLES))
EXPORTERS = (Role.QA_OFFICER, Role.SENIOR_LEADER)  # who may download the children behind a figure as CSV
TREND_MONTHS = 24


def scope_for(user) -> frozenset[int] | None:
    """The teams whose children the user's figures count: None for the whole authority."""
    if user.role in PERFORMANCE_ROLES:
        return None
    return frozenset(team_ids_for(user))


@dataclass
class Evaluated:
    """An indicator's result at a date, its units' teams worked out (live children only)."""

    indicator: Indicator
    as_of: datetime.date
    result: Result
    teams: dict[int, int | None]  # child id -> current team id

    def team_of(self, unit: Unit) -> int | None:
        return unit.team_id if unit.child_id is None or unit.team_id is not None else self.teams.get(unit.child_id)

    def units(self, part: str, scope: frozenset[int] | None = None) -> dict[object, Unit]:
        """The numerator's units, the denominator's, or those "missed": in the denominator and
        not the numerator (the children not seen in time, behind a dashboard's figure)."""
        if part == "missed":
            units = {k: u for k, u in self.result.denominator.items() if k not in self.result.numerator}
        else:
            units = self.result.numerator if part == "numerator" else self.result.denominator
        return {k: u for k, u in units.items() if scope is None or self.team_of(u) in scope}

    def figures_by_team(self, team_ids) -> dict[int, Figure]:
        """Each team's figure, as figure(frozenset({team})) gives it, in one pass over the units
        (the snapshot keeps every team's: 170 teams of a large authority times a year's
        referrals is millions of steps team by team)."""
        counts = {team_id: [0, 0] for team_id in team_ids}
        for index, part in ((0, self.result.numerator), (1, self.result.denominator)):
            for unit in part.values():
                count = counts.get(self.team_of(unit))
                if count is not None:
                    count[index] += 1
        rate = self.result.figure is not None  # a rate's population is the authority's: no team figure
        return {
            team_id: Figure(self.indicator, self.as_of, n, None if rate else d) for team_id, (n, d) in counts.items()
        }

    def figure(self, scope: frozenset[int] | None = None) -> Figure:
        numerator = len(self.units("numerator", scope))
        if self.result.figure is not None:
            # A rate's population is the authority's: no rate for some teams alone.
            denominator = self.result.figure if scope is None else None
        else:
            denominator = len(self.units("denominator", scope))
        return Figure(self.indicator, self.as_of, numerator, denominator)


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    as_of: datetime.date
    numerator: int
    denominator: float | None

    @property
    def value(self) -> float | None:
        return self.indicator.value(self.numerator, self.denominator)

    @property
    def shown(self) -> str:
        return self.indicator.format(self.value)

    @property
    def missed(self) -> int | None:
        """In the denominator and not the numerator (a count of units, not a population)."""
        return None if self.denominator is None else round(self.denominator) - self.numerator


def evaluate(code: str, as_of: datetime.date) -> Evaluated:
    """Compute one indicator at a date: its own queries, and one more for the children's teams
    (which also leaves out the records merged into another)."""
    indicator = INDICATORS[code]
    result = indicator.compute(as_of)
    ids = sorted({u.child_id for part in (result.numerator, result.denominator) for u in part.values() if u.child_id})
    # The ids go as one sorted array, `id = ANY(...)`: tens of thousands of IN placeholders (a
    # year's referrals on a large authority) cost seconds to build and plan, and PostgreSQL walks
    # the primary key once for a sorted array (0.5 s of index probes to 0.15 s for 30,000 ids).
    in_ids = RawSQL('"people_person"."id" = ANY(%s::bigint[])', [ids], output_field=BooleanField())
    teams = dict(Person.objects.live().filter(in_ids).values_list("pk", "current_team_id")) if ids else {}
    keep = lambda units: {k: u for k, u in units.items() if u.child_id is None or u.child_id in teams}  # noqa: E731
    return Evaluated(indicator, as_of, Result(keep(result.numerator), keep(result.denominator), result.figure), teams)


def figures(as_of: datetime.date, scope: frozenset[int] | None = None) -> list[Figure]:
    """Every indicator's figure at the date: from the snapshots when the job kept that day, else
    computed now."""
    kept = _snapshots([as_of], scope)
    out = []
    for code, indicator in INDICATORS.items():
        row = kept.get((code, as_of))
        if row is not None and row[2] == indicator.version:
            out.append(Figure(indicator, as_of, row[0], row[1]))
        else:
            out.append(evaluate(code, as_of).figure(scope))
    return out


def figures_kept(as_of: datetime.date, scope: frozenset[int] | None = None) -> dict[str, Figure]:
    """The figures the job kept at the date (none computed): {code: Figure}. One query."""
    return {
        code: Figure(INDICATORS[code], day, row[0], row[1])
        for (code, day), row in _snapshots([as_of], scope).items()
        if row[2] == INDICATORS[code].version
    }


def _snapshots(days: list[datetime.date], scope: frozenset[int] | None, code: str | None = None) -> dict:
    """{(code, day): (numerator, denominator, version)} from the snapshots, summing a scope's
    teams (a rate per 10,000 has no team figure). One query."""
    rows = IndicatorSnapshot.objects.filter(as_of__in=days)
    if code is not None:
        rows = rows.filter(code=code)
    if scope is None:
        rows = rows.filter(team__isnull=True)
    else:
        rows = rows.filter(team_id__in=scope)
    out: dict = {}
    for c, day, numerator, denominator, version in rows.values_list(
        "code", "as_of", "numerator", "denominator", "version"
    ):
        if c not in INDICATORS:
            continue
        if scope is not None and INDICATORS[c].kind == "per_10k":
            denominator = None
        n, d, _ = out.get((c, day), (0, 0, version))
        out[(c, day)] = (n + numerator, None if denominator is None or d is None else d + denominator, version)
    return out


def month_ends(as_of: datetime.date, months: int = TREND_MONTHS) -> list[datetime.date]:
    """The last day of each of the `months` months up to the date, oldest first; the last is the
    date itself when it is not a month's end."""
    first_of_month = as_of.replace(day=1)
    # The i-th month end before the date is the day before the first of the month i - 1 months
    # back: the first of this month less a day is the end of the month before.
    ends = [add_months(first_of_month, 1 - i) - datetime.timedelta(days=1) for i in range(months - 1, 0, -1)]
    return ends + [as_of]


@dataclass(frozen=True)
class Point:
    as_of: datetime.date
    numerator: int | None  # None: a month end the snapshot did not keep, left blank
    denominator: float | None
    value: float | None
    kept: bool  # from a snapshot, rather than computed for the page


def trend(
    code: str,
    as_of: datetime.date,
    scope: frozenset[int] | None = None,
    months: int = TREND_MONTHS,
    latest: Figure | None = None,
) -> list[Point]:
    """The month ends' figures from the snapshots (one query). Only the date itself is worked out
    live, and only when the caller has its figure (`latest`, the indicator's page): a month end
    the job did not keep is left blank rather than computed, so a page costs one indicator's
    computation, not 24 (each up to 2 s on the large authority)."""
    indicator = INDICATORS[code]
    days = month_ends(as_of, months)
    kept = _snapshots(days, scope, code)
    points = []
    for day in days:
        row = kept.get((code, day))
        if row is not None and row[2] == indicator.version:
            points.append(Point(day, row[0], row[1], indicator.value(row[0], row[1]), True))
        elif day == as_of and latest is not None:
            points.append(Point(day, latest.numerator, latest.denominator, latest.value, False))
        else:
            points.append(Point(day, None, None, None, False))
    return points


def direction(indicator: Indicator, points: list[Point]) -> str:
    """A plain-English line: better or worse than 12 months before (or the earliest figure)."""
    latest = points[-1] if points else None
    if latest is None or latest.value is None:
        return "There is no figure at this date to compare."
    earlier = [p for p in points[:-1] if p.value is not None and p.as_of <= add_months(latest.as_of, -12)]
    before = earlier[-1] if earlier else next((p for p in points[:-1] if p.value is not None), None)
    if before is None:
        return "There is no earlier figure to compare with."
    now, then = indicator.format(latest.value), indicator.format(before.value)
    when = f"{before.as_of:%-d %B %Y}"
    if latest.value == before.value:
        return f"No change: {now}, the same as at {when}."
    if indicator.higher_is_better is None:
        change = "up" if latest.value > before.value else "down"
        return f"{now}, {change} from {then} at {when} (neither higher nor lower is better in itself)."
    better = (latest.value > before.value) == indicator.higher_is_better
    word = "Getting better" if better else "Getting worse"
    rule = "higher is better" if indicator.higher_is_better else "lower is better"
    return f"{word}: {now}, from {then} at {when} ({rule})."


# --- The children behind a figure -------------------------------------------------------------

AGE_BANDS = {
    "under_5": ("Under 5", 0, 4),
    "5_to_9": ("5 to 9", 5, 9),
    "10_to_15": ("10 to 15", 10, 15),
    "16_to_17": ("16 to 17", 16, 17),
    "18_plus": ("18 and over", 18, 200),
}
NOT_LOOKED_AFTER = "none"


@dataclass
class Row:
    key: object
    child_id: int | None
    on: datetime.date | None
    shown: bool  # the user may see the child: named and linked
    name: str = ""
    la_id: str = ""
    date_of_birth: datetime.date | None = None
    age: int | None = None
    team: str = ""
    worker: str = ""
    legal_status: str = ""
    label: str = ""  # a unit that is not a child (a social worker)


def children_behind(
    user,
    evaluated: Evaluated,
    part: str,
    *,
    team_id: int | None = None,
    age_band: str | None = None,
    legal_status: str | None = None,
) -> list[Row]:
    """The units of the numerator or denominator the user's scope counts, as rows: three queries
    (people with whether the user may see each, their legal status at the date) whatever the size."""
    scope = scope_for(user)
    units = evaluated.units(part, scope)
    if team_id is not None:
        units = {k: u for k, u in units.items() if evaluated.team_of(u) == team_id}
    ids = {u.child_id for u in units.values() if u.child_id}
    people = {
        p["pk"]: p
        for p in Person.objects.filter(pk__in=ids)
        .annotate(visible=Exists(people_visible_to(user).filter(pk=OuterRef("pk"))))
        .values(
            "pk",
            "given_name",
            "family_name",
            "la_id",
            "date_of_birth",
            "visible",
            "current_team__name",
            "current_worker__first_name",
            "current_worker__last_name",
        )
    }
    as_of = evaluated.as_of
    statuses = dict(
        Episode.objects.filter(child_id__in=ids, start_date__lte=as_of)
        .exclude(end_date__lte=as_of)
        .exclude(legal_status__in=SHORT_BREAK_STATUSES)
        .values_list("child_id", "legal_status")
    )
    rows = []
    for key, unit in units.items():
        if unit.child_id is None:
            rows.append(Row(key, None, unit.on, True, label=unit.label))
            continue
        person = people.get(unit.child_id)
        if person is None:
            continue
        age = age_on(person["date_of_birth"], as_of)
        if age_band:
            _, low, high = AGE_BANDS[age_band]
            if age is None or not low <= age <= high:
                continue
        status = statuses.get(unit.child_id, "")
        if legal_status and (status or NOT_LOOKED_AFTER) != legal_status:
            continue
        if not person["visible"]:
            rows.append(Row(key, unit.child_id, unit.on, False))
            continue
        worker = " ".join(filter(None, [person["current_worker__first_name"], person["current_worker__last_name"]]))
        rows.append(
            Row(
                key,
                unit.child_id,
                unit.on,
                True,
                name=f"{person['given_name']} {person['family_name']}".strip(),
                la_id=person["la_id"],
                date_of_birth=person["date_of_birth"],
                age=age,
                team=person["current_team__name"] or "",
                worker=worker,
                legal_status=status,
            )
        )
    rows.sort(key=lambda r: (not r.shown, r.name.split(" ")[-1].lower() if r.name else r.label, r.name, r.on or as_of))
    return rows


@dataclass(frozen=True)
class Kept:
    """The latest day the scheduled job kept the authority's figures, and when it took them."""

    as_of: datetime.date
    taken_at: datetime.datetime


def latest_kept() -> Kept | None:
    """The latest day kept, or None before the job has ever run: one query (the partial index
    on the authority's rows)."""
    row = (
        IndicatorSnapshot.objects.filter(team__isnull=True)
        .order_by("-as_of", "-computed_at")
        .values_list("as_of", "computed_at")
        .first()
    )
    return Kept(*row) if row else None


def default_as_of() -> datetime.date:
    """The latest day the scheduled job kept, else today."""
    kept = latest_kept()
    return kept.as_of if kept else clock.today()
