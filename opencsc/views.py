"""The project's own pages: the health check, the metrics and the design-system error pages.
Each person's home is trays.views."""

import hmac
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring.

    503 when the database does not answer: this server can do nothing useful. When it answers
    but no job worker has written a heartbeat lately, 200 with "status": "degraded" and
    "worker": "not running": pages still work (exports wait in the queue), so a load balancer
    must keep sending traffic, while monitoring should alert on anything but "ok"."""
    from jobs.health import live_workers

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        workers = live_workers()
    except Exception:  # any database failure means "not healthy"; the detail goes to the log
        logger.exception("health check: database unavailable")
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    worker = "ok" if workers else "not running"
    return JsonResponse({"status": "ok" if workers else "degraded", "database": "ok", "worker": worker})


@login_not_required
@never_cache
@require_GET
def metrics(request):
    """Prometheus's text format, for a scraper that presents OPENCSC_METRICS_TOKEN as a bearer
    token; anyone else (and everyone, when no token is set) gets the ordinary 404."""
    expected = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if not expected or not hmac.compare_digest(given.encode(), f"Bearer {expected}".encode()):
        raise Http404
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest

    from jobs.metrics import QueueCollector

    queue = CollectorRegistry()
    queue.register(QueueCollector())
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Under gunicorn each worker process counts its own requests; the files they share add them up.
        from prometheus_client import multiprocess

        requests = CollectorRegistry()
        multiprocess.MultiProcessCollector(requests)
    else:
        requests = REGISTRY
    return HttpResponse(generate_latest(requests) + generate_latest(queue), content_type=CONTENT_TYPE_LATEST)


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
