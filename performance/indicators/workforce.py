"""The social work workforce (DfE children's social work workforce census)."""

from __future__ import annotations

from casework.models import Allocation
from performance.indicators.periods import open_at
from performance.indicators.registry import AVERAGE, BY_CHILD, DFE_WORKFORCE, Result, Unit, indicator


@indicator(
    code="caseload_average",
    title="Average caseload",
    numerator="Cases: children allocated to a named social worker at the date (agency workers included)",
    denominator="Social workers holding at least one case at the date",
    period="At the date",
    counting=BY_CHILD,
    kind=AVERAGE,
    source=DFE_WORKFORCE + " (caseload = cases held ÷ case-holding social workers)",
    version=1,
    unit_name="cases",
    denominator_unit_name="social workers",
    notes="The record holds no full-time equivalent: each social worker counts as one.",
)
def caseload_average(as_of):
    numerator, denominator = {}, {}
    rows = Allocation.objects.filter(open_at(as_of), worker__isnull=False).values_list(
        "pk", "child_id", "worker_id", "worker__team_id", "worker__first_name", "worker__last_name"
    )
    for pk, child_id, worker_id, team_id, first, last in rows:
        numerator[pk] = Unit(child_id, team_id=team_id)
        denominator[("worker", worker_id)] = Unit(None, team_id=team_id, label=f"{first} {last}".strip())
    return Result(numerator, denominator)
