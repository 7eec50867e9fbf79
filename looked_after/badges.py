"""Badges on every page of a child's record: "Looked after" while a period of care is open
("Looked after: short breaks" under V3 or V4), "Placed with parents" while the current placement
is P1, and "Missing now" while a missing episode is open. Columns of the record's one badge query."""

from django.db.models import Exists, OuterRef

from codelists.ssda903 import PlacementType
from looked_after.models import Episode, MissingEpisode, Placement
from people.record import Badge, badges_from_columns, register_badge_columns


def _columns() -> dict:
    current = Episode.objects.filter(child_id=OuterRef("pk"), end_date__isnull=True)
    return {
        "la_looked_after": Exists(current),
        "la_short_break": Exists(current.filter(short_break=True)),
        "la_with_parents": Exists(
            Placement.objects.filter(child_id=OuterRef("pk"), end_date__isnull=True, placement_type=PlacementType.P1)
        ),
        "la_missing": Exists(MissingEpisode.objects.filter(child_id=OuterRef("pk"), returned_at__isnull=True)),
    }


def _badges(row) -> list[Badge]:
    badges = []
    if row["la_looked_after"]:
        badges.append(Badge("Looked after: short breaks" if row["la_short_break"] else "Looked after", "purple"))
    if row["la_with_parents"]:
        badges.append(Badge("Placed with parents", "orange"))
    if row["la_missing"]:
        badges.append(Badge("Missing now", "red"))
    return badges


def looked_after_badges(person) -> list[Badge]:
    return badges_from_columns(person, _columns, _badges)


register_badge_columns(_columns, _badges)
