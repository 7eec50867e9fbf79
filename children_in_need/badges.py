"""Badges on every page of a child's record: "Child in need" while an episode is open, and
"Child protection plan" with its latest category while a plan is open. One query."""

from django.db.models import OuterRef, Subquery

from child_protection.models import ChildProtectionPlan
from children_in_need.models import CINEpisode
from codelists.cin import CategoryOfAbuse
from people.record import Badge, register_badges


def help_and_protection_badges(person) -> list[Badge]:
    if not person.is_child:
        return []
    open_plan = ChildProtectionPlan.objects.open().filter(child_id=OuterRef("child_id")).order_by("-start_date")
    row = (
        CINEpisode.objects.open()
        .filter(child_id=person.pk)
        .annotate(cp_category=Subquery(open_plan.values("latest_category")[:1]))
        .values("cp_category")
        .first()
    )
    if row is None:
        return []
    badges = [Badge("Child in need", "blue")]
    if row["cp_category"]:
        badges.append(Badge(f"Child protection plan: {CategoryOfAbuse(row['cp_category']).label.lower()}", "red"))
    return badges


register_badges(help_and_protection_badges)
