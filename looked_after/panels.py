"""The child's summary: the legal status and care plan of a looked-after child, in its "Legal
status and current plan" section (people.record's summary panels, section "status")."""

from django.db.models import OuterRef, Subquery

from codelists.ssda903 import LegalStatus, PlacementType
from core import kept_queries
from looked_after.models import CarePlan, Episode
from people.record import register_summary_panel


def legal_status_panel(request, person):
    if not person.is_child:
        return None
    # One query, compiled once (core.kept_queries): the open episode with its placement, and the
    # latest care plan of its period.
    episode = next(iter(kept_queries.fetch("looked_after.legal_status_panel", _open_episode, child=person.pk)), None)
    if episode is None:
        return None
    return {
        "template": "looked_after/_summary_status.html",
        "section": "status",
        "legal_status": f"{episode.legal_status}: {LegalStatus(episode.legal_status).label}",
        "since": episode.start_date,
        "placement": PlacementType(episode.placement.placement_type).label if episode.placement_id else "",
        "care_plan_agreed": episode.plan_agreed,
    }


def _open_episode(child):
    plans = CarePlan.objects.filter(period_id=OuterRef("period_id")).order_by("-agreed_on", "-id")
    return (
        Episode.objects.filter(child_id=child, end_date__isnull=True)
        .select_related("placement")
        .annotate(plan_agreed=Subquery(plans.values("agreed_on")[:1]))[:1]
    )


register_summary_panel(legal_status_panel)
