"""Authority-wide trackers: every child placed with parents under a care order."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.permissions import require_roles
from looked_after import selectors
from workforce.roles import Role

TRACKER_ROLES = (Role.TEAM_MANAGER, Role.IRO, Role.SENIOR_LEADER, Role.QA_OFFICER)


@require_GET
@require_roles(*TRACKER_ROLES)
def placed_with_parents(request):
    rows = selectors.placed_with_parents_tracker(user=request.user)
    return render(
        request,
        "looked_after/pwp_tracker.html",
        {
            "rows": rows,
            "warn_months": selectors.PWP_WARN_MONTHS,
            "alert_months": selectors.PWP_ALERT_MONTHS,
            "long_count": sum(1 for r in rows if r.long_duration),
        },
    )
