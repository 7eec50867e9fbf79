"""The DfE feed page for the people who run the returns: its last runs and its rejects."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from access.capabilities import Capability, roles_with
from core.permissions import require_roles
from dfe_feed import selectors

RUNNERS = roles_with(Capability.RUN_RETURNS)


@require_GET
@require_roles(*RUNNERS)
def feed(request):
    return render(
        request,
        "dfe_feed/feed.html",
        {
            "runs": list(selectors.recent_runs()),
            "rejects": list(selectors.rejects_visible_to(request.user)),
        },
    )
