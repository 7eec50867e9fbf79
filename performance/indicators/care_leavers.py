"""Care leavers around their 17th to 21st birthdays (SSDA903 OC3; DfE care leaver tables)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from care_leavers.models import CareLeaver, KeepingInTouch
from looked_after.models import Episode
from performance.indicators.periods import year_to
from performance.indicators.registry import BY_CHILD, DFE_CLA, DFE_DASHBOARD, Result, Unit, indicator
from timescales.calendar import birthday

# "Around the birthday": the check nearest it, from 3 months before to 1 month after, the same
# window as the OC3 return (TIMESCALES.md B marks it unconfirmed).
DAYS_BEFORE, DAYS_AFTER = 91, 31
EET = frozenset({"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"})
LEFT_OUT = frozenset({"DIED", "RHOM"})  # died, or back home with parents 6 months or more
# Suitability is not asked of those gone abroad (G), deported (H) or whose residence is unknown (R).
NOT_ASSESSED_ACCOMMODATION = ("G", "H", "R")


def _cohort(as_of: datetime.date, ages: tuple[int, ...]) -> dict[int, tuple[datetime.date, dict | None]]:
    """{child_id: (birthday, nearest keeping-in-touch check or None)} for the care leavers whose
    birthday at one of `ages` fell in the year to the date, not looked after on it."""
    first, last = year_to(as_of)
    born_from = datetime.date(first.year - max(ages) - 1, 1, 1)
    born_to = datetime.date(last.year - min(ages), 12, 31)
    leavers = (
        CareLeaver.objects.exclude(category="qualifying")
        .filter(person__date_of_birth__range=(born_from, born_to))
        .values_list("person_id", "person__date_of_birth")
    )
    birthdays = {}
    for child_id, dob in leavers:
        day = next((b for b in (birthday(dob, age) for age in ages) if first <= b <= last), None)
        if day is not None:
            birthdays[child_id] = day
    in_care = defaultdict(list)
    for child_id, start, end in Episode.objects.filter(child_id__in=birthdays).values_list(
        "child_id", "start_date", "end_date"
    ):
        in_care[child_id].append((start, end))
    birthdays = {c: b for c, b in birthdays.items() if not any(s <= b and (e is None or e >= b) for s, e in in_care[c])}
    checks = defaultdict(list)
    for row in KeepingInTouch.objects.filter(care_leaver__person_id__in=birthdays, contact_on__lte=as_of).values(
        "care_leaver__person_id", "contact_on", "in_touch", "activity", "accommodation"
    ):
        day = birthdays[row["care_leaver__person_id"]]
        if -DAYS_BEFORE <= (row["contact_on"] - day).days <= DAYS_AFTER:
            checks[row["care_leaver__person_id"]].append(row)
    return {
        c: (b, min(checks[c], key=lambda r: (abs((r["contact_on"] - b).days), r["contact_on"]), default=None))
        for c, b in birthdays.items()
    }


def _eet(as_of, ages) -> Result:
    denominator, numerator = {}, {}
    for child_id, (day, check) in _cohort(as_of, ages).items():
        if check is not None and check["in_touch"] in LEFT_OUT:
            continue
        denominator[child_id] = Unit(child_id, day)
        if check is not None and check["activity"] in EET:
            numerator[child_id] = denominator[child_id]
    return Result(numerator, denominator)


def _suitable(as_of, ages) -> Result:
    denominator, numerator = {}, {}
    for child_id, (day, check) in _cohort(as_of, ages).items():
        if check is not None and (
            check["in_touch"] in LEFT_OUT or check["accommodation"].startswith(NOT_ASSESSED_ACCOMMODATION)
        ):
            continue
        denominator[child_id] = Unit(child_id, day)
        if check is not None and check["accommodation"].endswith("1"):
            numerator[child_id] = denominator[child_id]
    return Result(numerator, denominator)


def _definition(what: str, ages: str, code: str) -> dict:
    numerator = "in education, employment or training" if what == "eet" else "in accommodation considered suitable"
    return dict(
        code=code,
        title=f"Care leavers aged {ages} {numerator}",
        numerator=f"Of those, care leavers {numerator} at the keeping-in-touch check nearest the birthday (3 months "
        "before to 1 month after)",
        denominator=f"Care leavers whose {ages.replace(' to ', 'th to ')}st birthday fell in the year, not looked "
        "after on it, including those not in touch or with no information; not those who died or went "
        "home to their parents for 6 months or more"
        + ("" if what == "eet" else ", nor those abroad, deported or whose residence is unknown"),
        period="Year to the date",
        counting=BY_CHILD,
        source=f"{DFE_DASHBOARD}; {DFE_CLA}, OC3",
        version=1,
        higher_is_better=True,
    )


@indicator(**_definition("eet", "17 to 18", "care_leavers_eet_17_18"))
def care_leavers_eet_17_18(as_of):
    return _eet(as_of, (17, 18))


@indicator(**_definition("eet", "19 to 21", "care_leavers_eet_19_21"))
def care_leavers_eet_19_21(as_of):
    return _eet(as_of, (19, 20, 21))


@indicator(**_definition("accommodation", "17 to 18", "care_leavers_suitable_accommodation_17_18"))
def care_leavers_suitable_accommodation_17_18(as_of):
    return _suitable(as_of, (17, 18))


@indicator(**_definition("accommodation", "19 to 21", "care_leavers_suitable_accommodation_19_21"))
def care_leavers_suitable_accommodation_19_21(as_of):
    return _suitable(as_of, (19, 20, 21))
