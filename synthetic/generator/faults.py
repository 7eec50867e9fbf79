"""Known data problems, injected on purpose for the data-quality checks to find.

`generate_la --faults N` gives N children one fault each, the kinds taken in turn from FAULTS
(so N = 9 gives one of each). The manifest names each child (LA child ID) and its fault's id.
The list is stable: ids are never renamed or reused, only added at the end.

Each fault is something the database allows but a statutory return or good recording does not:
the models' constraints still hold (a fault never breaks an exclusion or check constraint).
Rows a fault removes take their chronology events with them, as if never recorded.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import Callable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from casework.models import ChronologyEvent
from core import clock


@dataclass(frozen=True)
class Fault:
    id: str
    description: str
    candidates: Callable  # () -> queryset of Person ids, in a stable order
    inject: Callable  # (person_id) -> None


def _generated():
    from people.models import Person

    return Person.objects.filter(la_id__startswith="G", is_child=True)


def _long_looked_after():
    """Children looked after continuously for at least 12 months and still looked after today."""
    from looked_after.models import PeriodOfCare

    cutoff = clock.today() - datetime.timedelta(days=400)
    return PeriodOfCare.objects.filter(end_date__isnull=True, start_date__lte=cutoff).values("child_id")


def _forget(rows):
    """Delete rows and their chronology events."""
    rows = list(rows)
    for row in rows:
        ChronologyEvent.objects.filter(source_type=ContentType.objects.get_for_model(row), source_id=row.pk).delete()
        row.delete()


# --- the faults ----------------------------------------------------------------------------------


def _assessment_no_factors_candidates():
    return _generated().filter(assessments__status="authorised").distinct()


def _assessment_no_factors(pid):
    from assessments.models import Assessment

    a = Assessment.objects.filter(child_id=pid, status="authorised").order_by("-authorised_on", "-id").first()
    Assessment.objects.filter(pk=a.pk).update(factors=[])


def _upn_missing_candidates():
    """Children a missing UPN is a problem for (CIN rule 8770Q): of school age (6 to 15) today and
    in this year's CIN census or SSDA903, a child in need or looked after since 1 April. Any child
    who ever had a CIN episode was too wide: one out of both returns, or now 16, is rightly not
    flagged, so the fault was not found."""
    from django.db.models import Q

    from data_quality.sql import Period
    from timescales.calendar import add_months

    today = clock.today()
    year_start = Period.containing(today).start
    in_year = (
        Q(cin_episodes__start_date__lte=today)
        & (Q(cin_episodes__end_date__isnull=True) | Q(cin_episodes__end_date__gte=year_start))
    ) | (
        Q(periods_of_care__start_date__lte=today)
        & (Q(periods_of_care__end_date__isnull=True) | Q(periods_of_care__end_date__gte=year_start))
    )
    school_age = Q(date_of_birth__lte=add_months(today, -6 * 12), date_of_birth__gt=add_months(today, -16 * 12))
    return _generated().exclude(upn="").filter(school_age).filter(in_year).distinct()


def _upn_missing(pid):
    from people.models import Person

    Person.objects.filter(pk=pid).update(upn="", upn_unknown_reason="")


def _aged_4_to_16_looked_after():
    today = clock.today()
    return _generated().filter(
        pk__in=_long_looked_after(),
        date_of_birth__lte=today.replace(year=today.year - 5),
        date_of_birth__gt=today.replace(year=today.year - 16),
    )


def _sdq_missing(pid):
    from looked_after.models import SDQScore

    _forget(SDQScore.objects.filter(child_id=pid))


def _health_check_missing_candidates():
    return _generated().filter(pk__in=_long_looked_after())


def _health_check_missing(pid):
    from looked_after.models import HealthCheck

    _forget(HealthCheck.objects.filter(child_id=pid, kind__in=["iha", "rha"]))


def _review_gap_candidates():
    return _generated().annotate(n=Count("la_reviews")).filter(n__gte=3)


def _review_gap(pid):
    from looked_after.models import LAReview

    reviews = list(LAReview.objects.filter(child_id=pid).order_by("held_on"))
    _forget([reviews[-2]])


def _nhs_invalid_candidates():
    return _generated().exclude(nhs_number="")


def _nhs_invalid(pid):
    from people.models import Person

    person = Person.objects.get(pk=pid)
    wrong = person.nhs_number[:9] + str((int(person.nhs_number[9]) + 1) % 10)
    Person.objects.filter(pk=pid).update(nhs_number=wrong)


def _ethnicity_missing_candidates():
    return _generated().filter(cin_episodes__isnull=False).exclude(ethnicity="").distinct()


def _ethnicity_missing(pid):
    from people.models import Person

    Person.objects.filter(pk=pid).update(ethnicity="")


def _postcode_missing_candidates():
    return _generated().filter(placements__isnull=False).distinct()


def _postcode_missing(pid):
    from looked_after.models import Placement

    latest = Placement.objects.filter(child_id=pid).order_by("-start_date", "-id").first()
    Placement.objects.filter(pk=latest.pk).update(postcode="")


def _no_rhi_candidates():
    return _generated().filter(missing_episodes__return_interview__isnull=False).distinct()


def _no_rhi(pid):
    from looked_after.models import ReturnInterview

    latest = ReturnInterview.objects.filter(missing_episode__child_id=pid).order_by("-offered_at", "-id")[:1]
    _forget(latest)


FAULTS = [
    Fault(
        "assessment_no_factors",
        "An authorised assessment with no factors identified (CIN rule 8897Q).",
        _assessment_no_factors_candidates,
        _assessment_no_factors,
    ),
    Fault(
        "upn_missing",
        "A school-age child in need with no UPN and no reason for it (CIN rule 8770Q).",
        _upn_missing_candidates,
        _upn_missing,
    ),
    Fault(
        "sdq_missing",
        "A child aged 4 to 16 looked after for a year or more with no SDQ (SSDA903 OC2).",
        _aged_4_to_16_looked_after,
        _sdq_missing,
    ),
    Fault(
        "health_check_missing",
        "A child looked after for a year or more with no health assessment (SSDA903 OC2).",
        _health_check_missing_candidates,
        _health_check_missing,
    ),
    Fault(
        "review_gap",
        "Looked-after reviews more than 6 months apart: a review is missing.",
        _review_gap_candidates,
        _review_gap,
    ),
    Fault("nhs_number_invalid", "An NHS number whose check digit is wrong.", _nhs_invalid_candidates, _nhs_invalid),
    Fault(
        "ethnicity_missing",
        "A child in need with no ethnicity recorded (CIN rule 4220).",
        _ethnicity_missing_candidates,
        _ethnicity_missing,
    ),
    Fault(
        "placement_postcode_missing",
        "A placement with no postcode (SSDA903 PL_POST).",
        _postcode_missing_candidates,
        _postcode_missing,
    ),
    Fault(
        "missing_no_return_interview",
        "A missing episode with no return home interview offered.",
        _no_rhi_candidates,
        _no_rhi,
    ),
]
BY_ID = {fault.id: fault for fault in FAULTS}


def inject(*, seed: int, count: int) -> list[tuple[str, str]]:
    """Give `count` children one fault each; return [(fault id, LA child ID)] in injection order."""
    from people.models import Person

    if count <= 0:
        return []
    rng = random.Random(seed * 31 + 7)
    used: set[int] = set()
    manifest: list[tuple[str, str]] = []
    exhausted: set[str] = set()
    i = 0
    while len(manifest) < count and len(exhausted) < len(FAULTS):
        fault = FAULTS[i % len(FAULTS)]
        i += 1
        if fault.id in exhausted:
            continue
        ids = [pid for pid in fault.candidates().order_by("pk").values_list("pk", flat=True) if pid not in used]
        if not ids:
            exhausted.add(fault.id)
            continue
        pid = ids[rng.randrange(len(ids))]
        fault.inject(pid)
        used.add(pid)
        manifest.append((fault.id, Person.objects.get(pk=pid).la_id))
    return manifest
