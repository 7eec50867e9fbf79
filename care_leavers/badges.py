"""The "Care leaver" badge on every page of a young person's record while they are supported."""

from care_leavers.models import CareLeaver
from people.record import Badge, register_badges


def care_leaver_badges(person) -> list[Badge]:
    if not person.is_child:
        return []
    if CareLeaver.objects.current().filter(person_id=person.pk).exists():
        return [Badge("Care leaver", "turquoise")]
    return []


register_badges(care_leaver_badges)
