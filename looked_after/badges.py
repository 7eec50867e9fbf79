"""Badges on every page of a child's record: "Looked after" while a period of care is open
("Looked after: short breaks" under V3 or V4), "Placed with parents" while the current placement
is P1, and "Missing now" while a missing episode is open. One query."""

from django.db.models import Exists, OuterRef

from codelists.ssda903 import PlacementType
from looked_after.models import Episode, MissingEpisode, Placement
from people.models import Person
from people.record import Badge, register_badges


def looked_after_badges(person) -> list[Badge]:
    if not person.is_child:
        return []
    current = Episode.objects.filter(child_id=OuterRef("pk"), end_date__isnull=True)
    row = (
        Person.objects.filter(pk=person.pk)
        .annotate(
            looked_after=Exists(current),
            short_break=Exists(current.filter(short_break=True)),
            with_parents=Exists(
                Placement.objects.filter(child_id=OuterRef("pk"), end_date__isnull=True, placement_type=PlacementType.P1)
            ),
            missing=Exists(MissingEpisode.objects.filter(child_id=OuterRef("pk"), returned_at__isnull=True)),
        )
        .values("looked_after", "short_break", "with_parents", "missing")
        .first()
    )
    if row is None:
        return []
    badges = []
    if row["looked_after"]:
        badges.append(Badge("Looked after: short breaks" if row["short_break"] else "Looked after", "purple"))
    if row["with_parents"]:
        badges.append(Badge("Placed with parents", "orange"))
    if row["missing"]:
        badges.append(Badge("Missing now", "red"))
    return badges


register_badges(looked_after_badges)
