"""A programme's cohort, as a filter on the record: the children who had the service at any time
in the programme's period (an open CIN episode, a child protection plan, a period of care, a
placement with parents, leaving care support), of the teams, legal status and ages it names; and
the conflicts of interest that keep an auditor from a child (PRACTICE.md section 3: an auditor is
never the child's worker or their manager)."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from audits.choices import Service
from audits.sampling import Candidate
from people.models import Person


def _overlapping(
    model,
    start: datetime.date,
    end: datetime.date,
    child: str = "child",
    ended: str = "end_date",
    began: str = "start_date",
    **filters,
):
    return Exists(
        model.objects.filter(**{child: OuterRef("pk"), f"{began}__lte": end}, **filters).filter(
            Q(**{f"{ended}__isnull": True}) | Q(**{f"{ended}__gte": start})
        )
    )


def _service_q(service: str, start, end):
    from care_leavers.models import CareLeaver
    from child_protection.models import ChildProtectionPlan
    from children_in_need.models import CINEpisode
    from codelists.ssda903 import PlacementType
    from looked_after.models import PeriodOfCare, Placement

    cin = _overlapping(CINEpisode, start, end)
    care = _overlapping(PeriodOfCare, start, end)
    leaver = Exists(
        CareLeaver.objects.filter(person=OuterRef("pk")).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    )
    return {
        Service.ANY: cin | care | leaver,
        Service.CHILD_IN_NEED: cin,
        Service.CHILD_PROTECTION: _overlapping(ChildProtectionPlan, start, end),
        Service.LOOKED_AFTER: care,
        Service.PLACED_WITH_PARENTS: _overlapping(Placement, start, end, placement_type=PlacementType.P1),
        Service.CARE_LEAVER: leaver,
    }[Service(service)]


def cohort(programme) -> QuerySet[Person]:
    """The children the programme's filter names (not yet narrowed by conflicts of interest)."""
    start, end = programme.open_from, programme.open_to
    people = (
        Person.objects.live().filter(is_child=True, restricted=False).filter(_service_q(programme.service, start, end))
    )
    team_ids = [t.pk for t in programme.teams.all()]
    if team_ids:
        people = people.filter(current_team_id__in=team_ids)
    if programme.legal_status:
        from looked_after.models import Episode

        people = people.filter(_overlapping(Episode, start, end, legal_status=programme.legal_status))
    if programme.age_from is not None:  # at least this old at the end of the period
        people = people.filter(date_of_birth__lte=_years_before(end, programme.age_from))
    if programme.age_to is not None:  # not yet age_to + 1 at the end of the period
        people = people.filter(date_of_birth__gt=_years_before(end, programme.age_to + 1))
    return people


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def candidates(programme) -> list[Candidate]:
    return [
        Candidate(pk, team_id) for pk, team_id in cohort(programme).order_by("pk").values_list("pk", "current_team_id")
    ]


class Conflicts:
    """Who may not audit whom. Worked out once for a set of auditors: their own and managed teams,
    and the people they line-manage (supervision.selectors.line_reports_of)."""

    def __init__(self, auditors):
        from access.selectors import team_ids_for
        from supervision.selectors import line_reports_of

        self.teams = {a.pk: team_ids_for(a) for a in auditors}
        self.reports = {a.pk: line_reports_of(a) for a in auditors}
        self.workers: dict[int, int | None] = {}

    def load_workers(self, child_ids) -> None:
        self.workers.update(Person.objects.filter(pk__in=child_ids).values_list("pk", "current_worker_id"))

    def __call__(self, auditor_id: int, child: Candidate) -> bool:
        return bool(self.reason(auditor_id, child.child_id, child.team_id, self.workers.get(child.child_id)))

    def reason(self, auditor_id: int, child_id: int, team_id, worker_id) -> str:
        if worker_id is not None and worker_id == auditor_id:
            return "they are the child’s social worker"
        if team_id is not None and team_id in self.teams.get(auditor_id, ()):
            return "they work in or manage the child’s team"
        if worker_id is not None and worker_id in self.reports.get(auditor_id, ()):
            return "they line-manage the child’s social worker"
        return ""


def service_of(child_id: int) -> str:
    """The part of the service the child is in now, for the report's "by service" figures."""
    from care_leavers.models import CareLeaver
    from child_protection.models import ChildProtectionPlan
    from looked_after.models import PeriodOfCare

    if PeriodOfCare.objects.filter(child_id=child_id, end_date__isnull=True).exists():
        return Service.LOOKED_AFTER
    if ChildProtectionPlan.objects.filter(child_id=child_id, end_date__isnull=True).exists():
        return Service.CHILD_PROTECTION
    if CareLeaver.objects.filter(person_id=child_id, ended_on__isnull=True).exists():
        return Service.CARE_LEAVER
    return Service.CHILD_IN_NEED
