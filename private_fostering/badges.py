"""The "Privately fostered" badge while an arrangement is under way (and a quieter one while it
is only proposed). Columns of the record's one badge query."""

from django.db.models import Exists, OuterRef, Subquery

from people.record import Badge, badges_from_columns, register_badge_columns
from private_fostering.models import PrivateFostering


def _columns() -> dict:
    open_ones = PrivateFostering.objects.open().filter(child_id=OuterRef("pk")).order_by("pk")
    # The first open arrangement decides, as the badge always read it.
    return {"pf_open": Exists(open_ones), "pf_started_on": Subquery(open_ones.values("started_on")[:1])}


def _badges(row) -> list[Badge]:
    if not row["pf_open"]:
        return []
    if row["pf_started_on"] is None:
        return [Badge("Private fostering proposed", "grey")]
    return [Badge("Privately fostered", "pink")]


def private_fostering_badges(person) -> list[Badge]:
    return badges_from_columns(person, _columns, _badges)


register_badge_columns(_columns, _badges)
