"""The "Care leaver" badge on every page of a young person's record while they are supported.
A column of the record's one badge query."""

from django.db.models import Exists, OuterRef

from care_leavers.models import CareLeaver
from people.record import Badge, badges_from_columns, register_badge_columns


def _columns() -> dict:
    return {"cl_current": Exists(CareLeaver.objects.current().filter(person_id=OuterRef("pk")))}


def _badges(row) -> list[Badge]:
    return [Badge("Care leaver", "turquoise")] if row["cl_current"] else []


def care_leaver_badges(person) -> list[Badge]:
    return badges_from_columns(person, _columns, _badges)


register_badge_columns(_columns, _badges)
