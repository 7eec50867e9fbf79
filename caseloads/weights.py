"""A worker's weighted caseload on any day, worked out from the record.

Each child allocated to the worker on the day counts the weight of what their case is that day
(a child protection plan, looked after in the first year or after, a care leaver, otherwise a
child in need), plus the weight of care proceedings open that day, plus the sibling weight when a
brother or sister is held by the same worker. The weights and the limits are data
(caseloads.models). A fixed number of queries, however many workers and children."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from caseloads.models import CaseloadLimit, CaseType, CaseWeight
from casework.models import Allocation
from core.arrays import in_ids
from timescales.calendar import add_months


def held_on(day: datetime.date) -> Q:
    """Allocations open on `day`: started by then and not ended before it (the day an allocation
    ends, the next worker holds the case)."""
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gt=day))


def _open_on(day, start, end) -> Q:
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day}))


@dataclass
class Case:
    child_id: int
    case_type: str
    points: int
    added: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return ", ".join(
            [CaseType(self.case_type).label] + [CaseType(a).label.removesuffix(" (added)") for a in self.added]
        )


@dataclass
class Load:
    worker_id: int
    cases: list[Case]
    limit: int | None  # points; None when the role has no limit

    @property
    def children(self) -> int:
        return len(self.cases)

    @property
    def points(self) -> int:
        return sum(c.points for c in self.cases)

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.points > self.limit

    @property
    def room(self) -> int | None:
        return None if self.limit is None else self.limit - self.points


def case_types_on(child_ids, day: datetime.date) -> dict[int, tuple[str, list[str]]]:
    """What each child's case is on `day`: {child_id: (primary type, [added types])}. One query."""
    from django.db.models import Exists, OuterRef, Subquery

    from care_leavers.models import CareLeaver
    from child_protection.models import ChildProtectionPlan
    from looked_after.models import PeriodOfCare
    from people.models import Person
    from permanence.models import CareProceedings

    ids = list(child_ids)
    if not ids:
        return {}
    child = OuterRef("pk")
    rows = (
        Person.objects.filter(in_ids("pk", ids))
        .annotate(
            cp=Exists(ChildProtectionPlan.objects.filter(_open_on(day, "start_date", "end_date"), child_id=child)),
            care_start=Subquery(
                PeriodOfCare.objects.filter(_open_on(day, "start_date", "end_date"), child_id=child)
                .order_by("-start_date")
                .values("start_date")[:1]
            ),
            leaver=Exists(CareLeaver.objects.filter(_open_on(day, "category_since", "ended_on"), person_id=child)),
            court=Exists(CareProceedings.objects.filter(_open_on(day, "issued_on", "concluded_on"), child_id=child)),
        )
        .values_list("pk", "cp", "care_start", "leaver", "court")
    )
    found = {}
    for child_id, cp, care_start, leaver, court in rows:
        if cp:
            primary = CaseType.CHILD_PROTECTION
        elif care_start is not None:
            settled = add_months(care_start, 12) <= day
            primary = CaseType.LOOKED_AFTER_SETTLED if settled else CaseType.LOOKED_AFTER_NEW
        elif leaver:
            primary = CaseType.CARE_LEAVER
        else:
            primary = CaseType.CHILD_IN_NEED
        found[child_id] = (primary, [CaseType.COURT] if court else [])
    return found


def _siblings(child_ids, day) -> set[frozenset[int]]:
    from people.choices import RelationshipKind
    from people.models import Relationship

    pairs = (
        Relationship.objects.filter(
            in_ids("from_person_id", child_ids), in_ids("to_person_id", child_ids), kind=RelationshipKind.SIBLING
        )
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=day))
        .values_list("from_person_id", "to_person_id")
    )
    return {frozenset(p) for p in pairs}


def weights() -> dict[str, int]:
    return dict(CaseWeight.objects.values_list("case_type", "points"))


def limits() -> dict[str, CaseloadLimit]:
    return {limit.role: limit for limit in CaseloadLimit.objects.all()}


def limit_for(worker, fte, limits_by_role, day: datetime.date) -> int | None:
    from supervision.selectors import newly_qualified_on

    rule = limits_by_role.get(worker.role)
    if rule is None:
        return None
    per_fte = rule.early_career_points_per_fte if newly_qualified_on(worker, day) else rule.points_per_fte
    return int(Decimal(per_fte) * Decimal(fte))


def loads_on(workers, day: datetime.date, *, extra: dict[int, list[int]] | None = None) -> dict[int, Load]:
    """Each worker's weighted caseload on `day` ({worker_id: Load}). `extra` adds children to a
    worker's caseload as if allocated (what an allocation would make it)."""
    from staff.models import StaffProfile

    workers = list(workers)
    by_worker: dict[int, list[int]] = defaultdict(list)
    for worker_id, child_id in (
        Allocation.objects.filter(held_on(day), worker_id__in=[w.pk for w in workers], child__merged_into__isnull=True)
        .order_by("worker_id", "child_id")
        .values_list("worker_id", "child_id")
    ):
        by_worker[worker_id].append(child_id)
    for worker_id, children in (extra or {}).items():
        by_worker[worker_id] += [c for c in children if c not in by_worker[worker_id]]
    every_child = {c for children in by_worker.values() for c in children}
    types = case_types_on(every_child, day)
    siblings = _siblings(every_child, day) if every_child else set()
    points = weights()
    rules = limits()
    fte = dict(StaffProfile.objects.filter(user__in=[w.pk for w in workers]).values_list("user_id", "fte"))
    result = {}
    for worker in workers:
        held = set(by_worker.get(worker.pk, []))
        cases = []
        for child_id in by_worker.get(worker.pk, []):
            primary, added = types[child_id]
            if any(pair <= held and child_id in pair for pair in siblings):
                added = [*added, CaseType.SIBLING]
            cases.append(
                Case(
                    child_id=child_id,
                    case_type=primary,
                    added=list(added),
                    points=points.get(primary, 0) + sum(points.get(a, 0) for a in added),
                )
            )
        result[worker.pk] = Load(
            worker_id=worker.pk, cases=cases, limit=limit_for(worker, fte.get(worker.pk, 1), rules, day)
        )
    return result
