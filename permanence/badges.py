"""Badges on every page of a child's record: care proceedings under way, a placement order in
force, placed for adoption, and the permanence order the child left care with. One query."""

from django.db.models import Exists, OuterRef

from people.models import Person
from people.record import Badge, register_badges
from permanence.choices import OrderKind
from permanence.models import AdoptionPlacement, CareProceedings, PermanenceOrder


def _order(kind, **extra):
    return Exists(PermanenceOrder.objects.filter(child_id=OuterRef("pk"), kind=kind, revoked_on__isnull=True, **extra))


def permanence_badges(person) -> list[Badge]:
    if not person.is_child:
        return []
    row = (
        Person.objects.filter(pk=person.pk)
        .annotate(
            proceedings=Exists(CareProceedings.objects.open().filter(child_id=OuterRef("pk"))),
            placed=Exists(AdoptionPlacement.objects.filter(decision__child_id=OuterRef("pk"), ended_on__isnull=True)),
            placement_order=_order(OrderKind.PLACEMENT_ORDER, decision__reversed_on__isnull=True,
                                   decision__achieved_on__isnull=True),
            adopted=_order(OrderKind.ADOPTION_ORDER),
            sgo=_order(OrderKind.SPECIAL_GUARDIANSHIP_ORDER),
            cao=_order(OrderKind.CHILD_ARRANGEMENTS_ORDER),
        )
        .values("proceedings", "placed", "placement_order", "adopted", "sgo", "cao")
        .first()
    )
    if row is None:
        return []
    badges = []
    if row["proceedings"]:
        badges.append(Badge("Care proceedings", "orange"))
    if row["placed"]:
        badges.append(Badge("Placed for adoption", "purple"))
    elif row["placement_order"]:
        badges.append(Badge("Placement order", "purple"))
    if row["adopted"]:
        badges.append(Badge("Adopted", "grey"))
    if row["sgo"]:
        badges.append(Badge("Special guardianship order", "grey"))
    if row["cao"]:
        badges.append(Badge("Child arrangements order", "grey"))
    return badges


register_badges(permanence_badges)
