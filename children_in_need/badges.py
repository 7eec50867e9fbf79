"""Badges on every page of a child's record: "Child in need" while an episode is open, and
"Child protection plan" with its latest category while a plan is open (shown only beside an open
episode, as a plan is always within one). Columns of the record's one badge query."""

from django.db.models import Exists, OuterRef, Subquery

from child_protection.models import ChildProtectionPlan
from children_in_need.models import CINEpisode
from codelists.cin import CategoryOfAbuse
from people.record import Badge, badges_from_columns, register_badge_columns


def _columns() -> dict:
    open_plan = ChildProtectionPlan.objects.open().filter(child_id=OuterRef("pk")).order_by("-start_date")
    return {
        "cin_open": Exists(CINEpisode.objects.open().filter(child_id=OuterRef("pk"))),
        "cin_cp_category": Subquery(open_plan.values("latest_category")[:1]),
    }


def _badges(row) -> list[Badge]:
    if not row["cin_open"]:
        return []
    badges = [Badge("Child in need", "blue")]
    if row["cin_cp_category"]:
        badges.append(Badge(f"Child protection plan: {CategoryOfAbuse(row['cin_cp_category']).label.lower()}", "red"))
    return badges


def help_and_protection_badges(person) -> list[Badge]:
    return badges_from_columns(person, _columns, _badges)


register_badge_columns(_columns, _badges)
