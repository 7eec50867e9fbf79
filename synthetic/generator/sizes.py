"""How big each synthetic authority is.

`children` is the number of children the front door ever heard about in the five years of
history; everything else (contacts, referrals, plans, periods of care, visits) follows from
their journeys at the national rates (journeys.py). `batch` is how many children are planned
and written at once: memory is bounded by one batch, whatever the size.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    name: str
    children: int
    batch: int
    # Whether the audit triggers (pghistory) fire while generating. Synthetic generation is not
    # user activity, so the large build skips them to stay within its time budget; the small and
    # medium ones keep them, so their audit tables look like a live system's.
    audit: bool = True


SIZES = {
    "small": Size("small", children=160, batch=80),
    "medium": Size("medium", children=6_000, batch=500),
    "large": Size("large", children=135_000, batch=1_000, audit=False),
}

YEARS_OF_HISTORY = 5
