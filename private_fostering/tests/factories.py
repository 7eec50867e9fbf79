import datetime

from private_fostering import services


def notify(actor, child, notified_on, kind="started", **overrides):
    values = {
        "notified_on": notified_on,
        "notification_kind": kind,
        "notified_by": "school",
        "carer_name": "Grace Okafor",
        "carer_address": "12 Elm Road, Northtown NT1 2AB",
        "carer_relationship": "Family friend",
        "started_on": notified_on - datetime.timedelta(days=30) if kind == "started" else None,
    }
    return services.private_fostering_notify(actor=actor, child=child, **(values | overrides))


def pf_visit(actor, child, visited_at, child_seen=True):
    from casework.services import visit_record

    return visit_record(
        actor=actor,
        child=child,
        visited_at=visited_at,
        visit_type="private_fostering",
        child_seen=child_seen,
        seen_alone=child_seen,
        observations="Spoke to the child alone in their room.",
    )
