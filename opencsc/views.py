"""The project's own pages: the health check and the design-system error pages. Each person's
home is trays.views."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"; the detail goes to the log
        logger.exception("health check: database unavailable")
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def page_not_found_view(request, rest=""):
    """A URL that exists only to say "not found" (the admin's "view on site" shortcut)."""
    return page_not_found(request)


def server_error(request):
    # Rendered without context processors: whatever broke may be the database they need.
    template = loader.get_template("errors/500.html")
    return HttpResponseServerError(template.render({"council_name": settings.COUNCIL_NAME}))
