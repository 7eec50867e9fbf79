"""Work trays: what is overdue, due soon and waiting, for a worker and for a manager's teams.

Each tray is one query on a partial index of timescales.DueItem (dueitem_worker_open,
dueitem_team_open): the engine keeps the items current on every write, so nothing is computed
here. Overdue is decided by the engine's clock at the time of the query. Every tray and count
leaves out the children the user may not see (access.selectors.visible_to), in the same query.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q, QuerySet

from access.selectors import visible_to
from core import clock
from timescales.models import DueItem
from timescales.rules import RULES
from timescales.selectors import due_items_for_worker

SOON_DAYS = 7

# The visiting standards: a child "not seen within their visiting standard" has one of these
# overdue. Only codes the rules table defines are kept, so a renamed rule fails loudly in tests.
VISIT_RULES = frozenset(
    code
    for code in (
        "cp_visit",
        "cin_visit",
        "reg28_visit",
        "reg28_visit_longterm_3m",
        "reg28_pwp",
        "reg28_pwp_6w",
        "reg28_connected_ico",
        "reg28_connected_ico_4w",
        "reg28_care_order_home",
        "pf_first_visit_7wd",
        "pf_visit_6w",
        "pf_visit_12w",
        "adoption_visit",
    )
    if code in RULES
)


def _with_last_seen(items: QuerySet[DueItem]) -> QuerySet[DueItem]:
    """Each row with `last_seen`, worked out the one way every list does (casework.selectors)."""
    from casework.selectors import last_seen_subquery

    return items.annotate(last_seen=last_seen_subquery("person_id"))


def overdue_for_worker(*, user) -> QuerySet[DueItem]:
    return _with_last_seen(due_items_for_worker(user=user).overdue())


def due_soon_for_worker(*, user, days: int = SOON_DAYS) -> QuerySet[DueItem]:
    """Not overdue yet, and due within the next `days` days (today included)."""
    until = clock.today() + datetime.timedelta(days=days)
    return _with_last_seen(due_items_for_worker(user=user).not_overdue().filter(due_date__lte=until))


def managed_team_ids(user):
    """The teams a manager manages, as a subquery, so a tray stays one query."""
    from workforce.models import Team

    return Team.objects.filter(manager=user).values("pk")


def _team_overdue(user) -> QuerySet[DueItem]:
    return visible_to(user, DueItem.objects.overdue().filter(team_id__in=managed_team_ids(user)))


def team_overdue(*, user, worker_id: int | None = None, rule_code: str = "") -> QuerySet[DueItem]:
    """Overdue items in the teams `user` manages, by worker (then soonest first)."""
    items = _team_overdue(user)
    if worker_id:
        items = items.filter(worker_id=worker_id)
    if rule_code:
        items = items.filter(rule_code=rule_code)
    return (
        _with_last_seen(items)
        .select_related("person", "worker")
        .order_by("worker__last_name", "worker__first_name", "due_date", "id")
    )


def team_overdue_counts(*, user) -> list[dict]:
    """How many items are overdue for each worker in the manager's teams: [{worker_id, n}]."""
    return list(
        _team_overdue(user)
        .order_by()
        .values("worker_id")
        .annotate(n=Count("id"), visits=Count("id", filter=Q(rule_code__in=VISIT_RULES)))
    )


def children_not_seen(*, user) -> QuerySet[DueItem]:
    """Children in the manager's teams with a visit overdue under their visiting standard."""
    return (
        _with_last_seen(_team_overdue(user))
        .filter(rule_code__in=VISIT_RULES)
        .select_related("person", "worker")
        .order_by("due_date", "id")
    )


def unallocated_for_manager(*, user) -> QuerySet:
    """The children sent to a team the user manages with no worker yet (the front door's hand-off,
    casework.services.allocation_change with no worker), longest waiting first, each with
    `waiting_since` (the day the open allocation to the team began), the soonest open due item
    (`next_due_title`, `next_due_date`) and `last_seen`. One query, through visible_to."""
    from django.db.models import OuterRef, Subquery

    from casework.models import Allocation
    from casework.selectors import last_seen_subquery
    from people.models import Person

    allocation = Allocation.objects.filter(child=OuterRef("pk"), end_date__isnull=True).values("start_date")[:1]
    due = DueItem.objects.open().filter(person=OuterRef("pk")).order_by("due_date", "id")
    children = (
        Person.objects.live().children().filter(current_team_id__in=managed_team_ids(user), current_worker__isnull=True)
    )
    return (
        visible_to(user, children, via="pk")
        .annotate(
            waiting_since=Subquery(allocation),
            next_due_title=Subquery(due.values("title")[:1]),
            next_due_date=Subquery(due.values("due_date")[:1]),
            last_seen=last_seen_subquery("pk"),
        )
        .select_related("current_team")
        .order_by("waiting_since", "id")
    )
