"""Reads for timescales: work trays. Each is one query on a partial index, limited to the children
the user may see (access.selectors.visible_to): a restricted child's items stay out of the tray of
anyone without a grant, even their allocated worker."""

from access.selectors import visible_to
from timescales.models import DueItem


def due_items_for_worker(*, user):
    """A worker's open items, soonest first (index dueitem_worker_open)."""
    return visible_to(user, DueItem.objects.for_worker(user)).select_related("person")


def due_items_for_team(*, user, team):
    """A team's open items that `user` may see, soonest first (index dueitem_team_open)."""
    return visible_to(user, DueItem.objects.for_team(team)).select_related("person", "worker")


def due_items_for_child(*, person, include_completed: bool = False):
    items = DueItem.objects.filter(person=person)
    return items if include_completed else items.open()
