"""Badges on every page of a child's record: care proceedings under way, a placement order in
force, placed for adoption, and the permanence order the child left care with. Columns of the record's one badge query."""

from django.db.models import Exists, OuterRef

from people.record import Badge, badges_from_columns, register_badge_columns
from permanence.choices import OrderKind
from permanence.models import AdoptionPlacement, CareProceedings, PermanenceOrder


def _order(kind, **extra):
    return Exists(PermanenceOrder.objects.filter(child_id=OuterRef("pk"), kind=kind, revoked_on__isnull=True, **extra))


def _columns() -> dict:
    return {
        "pm_proceedings": Exists(CareProceedings.objects.open().filter(child_id=OuterRef("pk"))),
        "pm_placed": Exists(AdoptionPlacement.objects.filter(decision__child_id=OuterRef("pk"), ended_on__isnull=True)),
        "pm_placement_order": _order(
            OrderKind.PLACEMENT_ORDER, decision__reversed_on__isnull=True, decision__achieved_on__isnull=True
        ),
        "pm_adopted": _order(OrderKind.ADOPTION_ORDER),
        "pm_sgo": _order(OrderKind.SPECIAL_GUARDIANSHIP_ORDER),
        "pm_cao": _order(OrderKind.CHILD_ARRANGEMENTS_ORDER),
    }


def _badges(row) -> list[Badge]:
    badges = []
    if row["pm_proceedings"]:
        badges.append(Badge("Care proceedings", "orange"))
    if row["pm_placed"]:
        badges.append(Badge("Placed for adoption", "purple"))
    elif row["pm_placement_order"]:
        badges.append(Badge("Placement order", "purple"))
    if row["pm_adopted"]:
        badges.append(Badge("Adopted", "grey"))
    if row["pm_sgo"]:
        badges.append(Badge("Special guardianship order", "grey"))
    if row["pm_cao"]:
        badges.append(Badge("Child arrangements order", "grey"))
    return badges


def permanence_badges(person) -> list[Badge]:
    return badges_from_columns(person, _columns, _badges)


register_badge_columns(_columns, _badges)
