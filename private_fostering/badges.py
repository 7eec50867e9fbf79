"""The "Privately fostered" badge while an arrangement is under way (and a quieter one while it
is only proposed). One query."""

from people.record import Badge, register_badges
from private_fostering.models import PrivateFostering


def private_fostering_badges(person) -> list[Badge]:
    if not person.is_child:
        return []
    row = PrivateFostering.objects.open().filter(child_id=person.pk).values("started_on").first()
    if row is None:
        return []
    if row["started_on"] is None:
        return [Badge("Private fostering proposed", "grey")]
    return [Badge("Privately fostered", "pink")]


register_badges(private_fostering_badges)
