"""The team manager's one place for everything waiting for their decision (issue 14, part 3):
the requests of `decisions` (plans, closures, step-downs, transfers, placements) with their age,
and the assessments waiting for authorisation, which keep their own page for deciding them
(assessments). Here, among the readers across areas, because one area may not read another's."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from assessments.selectors import assessments_awaiting_authorisation
from assessments.services import due_date_for
from core import clock
from core.permissions import require_roles
from decisions.selectors import waiting_for
from timescales.calendar import london_date
from workforce.roles import Role

LIMIT = 200


@require_GET
@require_roles(Role.TEAM_MANAGER)
def queue(request):
    today = clock.today()
    waiting = list(waiting_for(user=request.user)[:LIMIT])
    for decision in waiting:
        decision.age = (today - london_date(decision.submitted_at)).days
        decision.decide_url = reverse("decisions:decide", args=[decision.child_id, decision.pk])
    assessments = list(assessments_awaiting_authorisation(user=request.user)[:LIMIT])
    for assessment in assessments:
        assessment.due_by = due_date_for(assessment.episode)
        assessment.age = (today - london_date(assessment.submitted_at)).days
    return render(request, "decisions/queue.html", {"waiting": waiting, "assessments": assessments})
