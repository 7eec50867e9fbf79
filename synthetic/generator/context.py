"""What every planner shares: the seeded random sources, the working-day calendar, today, the
names and places of the authority, and the staff who do the work."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from timescales.units import LONDON
from faker import Faker

from timescales import clock
from timescales.calendar import get_calendar

from synthetic.generator.sizes import YEARS_OF_HISTORY, Size
from synthetic.generator.staff import StaffPools

# A fictional metropolitan borough that uses Birmingham's postcode area and LA code (330), so
# postcodes have a real shape and UPNs a recognised LA code (CIN rule 1530). No real address
# is generated: streets come from Faker and inward codes are random.
LA_CODE = "330"
OUTWARD_CODES = [f"B{n}" for n in range(1, 49)]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


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

    @classmethod
    def create(cls, size: Size, seed: int, staff: StaffPools) -> "Context":
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        today = clock.today()
        start = today.replace(year=today.year - YEARS_OF_HISTORY) if not (today.month == 2 and today.day == 29) else (
            today - datetime.timedelta(days=365 * YEARS_OF_HISTORY))
        return cls(size=size, seed=seed, rng=random.Random(seed), fake=fake, today=today, start=start,
                   calendar=get_calendar(), staff=staff, now=clock.now(),
                   side=random.Random(seed * 104_729 + 3))

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
    def postcode(self) -> str:
        outward = self.rng.choice(OUTWARD_CODES)
        return f"{outward} {self.rng.randint(1, 9)}{self.rng.choice(INWARD_LETTERS)}{self.rng.choice(INWARD_LETTERS)}"
