"""Whether a young person is a care leaver, and which kind, worked out from their care history,
with the reasoning shown (issue 13: the category was typed, and nothing checked it).

The law, in the words the page shows:
- an eligible child is 16 or 17, looked after, and has been looked after for at least 13 weeks
  in all since the age of 14, a period that ended after they turned 16 (Children Act 1989,
  Schedule 2 paragraph 19B; Care Planning, Placement and Case Review (England) Regulations 2010,
  regulation 40: an agreed series of short breaks, V3 and V4 here, does not count);
- a relevant child is 16 or 17, no longer looked after, and was an eligible child when they
  stopped being looked after (section 23A);
- a former relevant child is 18 to 24 and was a relevant child, or an eligible child when they
  stopped being looked after (section 23C);
- a qualifying care leaver was looked after at some time after turning 16 without meeting the
  13 weeks (section 24).

Every day of care counts once: the episodes' days, short breaks left out, from the 14th birthday.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from care_leavers.choices import Eligibility
from core.dates import long_date
from timescales.calendar import age_on, birthday

THIRTEEN_WEEKS = 13 * 7


@dataclass
class Finding:
    category: Eligibility | None  # None: not a care leaver (yet)
    reasons: list[str] = field(default_factory=list)
    days_since_14: int = 0
    eligible_on: datetime.date | None = None  # the day the 13 weeks (after 16) were met

    @property
    def label(self) -> str:
        return self.category.label.split(" (")[0] if self.category else "Not a care leaver"


def _weeks(days: int) -> str:
    weeks, rest = divmod(days, 7)
    return f"{weeks} week{'s' if weeks != 1 else ''}" + (f" and {rest} day{'s' if rest != 1 else ''}" if rest else "")


def _spans(person, on: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """The days the young person was looked after up to `on` (inclusive), as (first, last) days,
    short breaks left out."""
    from looked_after.models import Episode

    spans = []
    for start, end in (
        Episode.objects.filter(child=person, short_break=False, start_date__lte=on)
        .order_by("start_date")
        .values_list("start_date", "end_date")
    ):
        # An episode's end date is the next one's start: its own last day is the day before.
        last = on if end is None else min(on, end - datetime.timedelta(days=1))
        if last >= start:
            spans.append((start, last))
    return spans


def eligibility_on(person, on: datetime.date) -> Finding:
    """Which care leaver category the care history makes `person` on `on`, and why."""
    if person.date_of_birth is None:
        return Finding(
            None, ["Their date of birth is not recorded, so their age (and so eligibility) cannot be worked out."]
        )
    fourteen, sixteen, eighteen = (birthday(person.date_of_birth, n) for n in (14, 16, 18))
    age = age_on(person.date_of_birth, on)
    spans = _spans(person, on)
    reasons = []
    if not spans:
        return Finding(None, [f"{person.full_name} has never been looked after (apart from any short breaks)."])

    counted, eligible_on, after_16 = 0, None, False
    for start, last in spans:
        first = max(start, fourteen)
        if last < first:
            continue
        for_day = (last - first).days + 1
        if eligible_on is None and last >= sixteen:
            # The day the 13 weeks were met, and a day after the 16th birthday reached.
            needed = THIRTEEN_WEEKS - counted
            met = first + datetime.timedelta(days=max(needed, 1) - 1)
            met = max(met, sixteen)
            if met <= last:
                eligible_on = met
        counted += for_day
        after_16 = after_16 or last >= sixteen
    reasons.append(
        f"Looked after for {_weeks(counted)} in all since their 14th birthday ({long_date(fourteen)}), "
        "short breaks not counted; the law asks for 13 weeks."
    )
    looked_after_now = spans[-1][1] == on and _open_today(person, on)
    last_day = spans[-1][1]
    if age < 16:
        reasons.append(f"They turn 16 on {long_date(sixteen)}: no one is a care leaver before 16.")
        return Finding(None, reasons, counted)
    if not after_16:
        reasons.append(f"They have not been looked after since they turned 16 on {long_date(sixteen)}.")
        return Finding(None, reasons, counted)
    if eligible_on is None:
        reasons.append("They were looked after after turning 16, but not for 13 weeks since 14.")
        if looked_after_now:
            reasons.append("If they stay looked after, they become an eligible child once the 13 weeks are met.")
            return Finding(None, reasons, counted)
        if age < 21:
            reasons.append("Having left care after 16, they are a qualifying care leaver.")
            return Finding(Eligibility.QUALIFYING, reasons, counted)
        return Finding(None, reasons + ["Support as a qualifying care leaver ends at 21."], counted)
    reasons.append(f"The 13 weeks, with a day after the 16th birthday, were met on {long_date(eligible_on)}.")
    if looked_after_now and age < 18:
        reasons.append("They are 16 or 17 and still looked after: an eligible child.")
        return Finding(Eligibility.ELIGIBLE, reasons, counted, eligible_on)
    left = last_day + datetime.timedelta(days=1)
    if age < 18:
        reasons.append(
            f"They stopped being looked after on {long_date(left)}, having become an eligible child, "
            "and are 16 or 17: a relevant child."
        )
        return Finding(Eligibility.RELEVANT, reasons, counted, eligible_on)
    if age < 25:
        how = (
            f"stopped being looked after on {long_date(left)}"
            if left <= eighteen
            else f"were looked after until they turned 18 on {long_date(eighteen)}"
        )
        reasons.append(f"They {how}, after becoming an eligible child, and are {age}: a former relevant child.")
        return Finding(Eligibility.FORMER_RELEVANT, reasons, counted, eligible_on)
    reasons.append("They are 25 or over: support as a care leaver has ended.")
    return Finding(None, reasons, counted, eligible_on)


def _open_today(person, on: datetime.date) -> bool:
    from django.db.models import Q

    from looked_after.models import PeriodOfCare

    return (
        PeriodOfCare.objects.filter(child=person, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=on))
        .exists()
    )
