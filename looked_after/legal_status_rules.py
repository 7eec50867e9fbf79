"""What the law allows a child's legal status to be on a date, by their age: checked when a period
of care starts, when the legal status changes and when an episode is corrected, so the record
cannot hold an order the court could not have made.

Each rule names its source. A child whose date of birth is not known yet (people.Person's
estimated or unknown date of birth) is not refused: the rule is checked again by the data-quality
checks once the date is known (issue 13, hand-off 5).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from codelists.ssda903 import LegalStatus
from core.dates import long_date
from timescales.calendar import age_on, birthday

# The day the Adoption and Children Act 2002 replaced freeing orders with placement orders
# (SI 2005/2213, art. 2: commencement 30 December 2005): no freeing order was made after it.
FREEING_ORDERS_ABOLISHED = datetime.date(2005, 12, 30)


@dataclass(frozen=True)
class AgeLimit:
    statuses: frozenset[str]
    below: int | None  # the child must be under this age on the date
    at_least: int | None  # the child must have reached this age on the date
    message: str  # {name}, {age} and {birthday} are filled in
    source: str


RULES = (
    AgeLimit(
        frozenset({LegalStatus.C1, LegalStatus.C2}),
        below=17,
        at_least=None,
        message=(
            "A care order cannot be made for a young person aged 17 or over: {name} was 17 on {birthday}. "
            "Check the date and the legal status (for example, accommodated under section 20)"
        ),
        # An interim care order (s38) is made in proceedings for a care order, which s31(3) bars at 17.
        source="Children Act 1989, section 31(3) (and section 38 for an interim care order)",
    ),
    AgeLimit(
        frozenset({LegalStatus.J1, LegalStatus.J2, LegalStatus.J3}),
        below=None,
        at_least=10,
        message="{name} was under 10 on that date, below the age of criminal responsibility: they cannot be remanded, "
        "detained under PACE or sentenced",
        source="Children and Young Persons Act 1963, section 16 (age of criminal responsibility)",
    ),
    AgeLimit(
        frozenset(LegalStatus.values),
        below=18,
        at_least=None,
        message="{name} was 18 on {birthday}: a young person of 18 or over is not looked after. "
        "Record them as a care leaver instead",
        source="Children Act 1989, section 105(1) (a child is a person under 18); SSDA903 validation rule 352",
    ),
)


def refusal(legal_status: str, *, date_of_birth: datetime.date | None, on: datetime.date, name: str) -> str | None:
    """Why `legal_status` cannot apply to the child on `on`, or None when it can."""
    if legal_status == LegalStatus.D1 and on >= FREEING_ORDERS_ABOLISHED:
        return (
            f"Freeing orders were abolished on {long_date(FREEING_ORDERS_ABOLISHED)}: "
            "record a placement order (E1) instead"
        )
    if date_of_birth is None or on < date_of_birth:
        return None
    age = age_on(date_of_birth, on)
    for rule in RULES:
        if legal_status not in rule.statuses:
            continue
        limit = rule.below if rule.below is not None and age >= rule.below else None
        if limit is not None:
            return rule.message.format(name=name, age=age, birthday=long_date(birthday(date_of_birth, limit)))
        if rule.at_least is not None and age < rule.at_least:
            return rule.message.format(name=name, age=age, birthday=long_date(birthday(date_of_birth, rule.at_least)))
    return None
