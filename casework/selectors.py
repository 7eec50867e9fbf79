"""Reads for casework. Views call these on a child already fetched (and authorised) through
access.selectors.person_get_for_user; nothing here decides who may see a child."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from access.selectors import visible_to
from casework import chronology
from casework.models import Allocation, CaseNote, ChronologyEvent, Document, Visit
from casework.times import start_of_day
from people.models import Person
from workforce.models import Team, User

# --- Visits and case notes -----------------------------------------------------------------


def last_seen_subquery(via: str = "person"):
    """When the child named by `via` (a path from the list's row to the child) was last seen:
    the latest visit in which they were seen, whatever its type. Every list that shows "last
    seen" annotates it with this, so My work, My team and the trays cannot disagree. A
    correlated subquery on the index visit_child_recent: the list stays one query."""
    seen = Visit.objects.filter(child_id=OuterRef(via), child_seen=True).order_by("-visited_at", "-id")
    return Subquery(seen.values("visited_at")[:1])


def visits_for_child(child: Person) -> QuerySet[Visit]:
    return Visit.objects.filter(child=child).select_related("recorded_by").order_by("-visited_at", "-id")


def visit_for_child(child: Person, visit_id) -> Visit | None:
    return visits_for_child(child).filter(pk=visit_id).first()


def case_notes_for_child(child: Person, *, note_type: str = "") -> QuerySet[CaseNote]:
    notes = CaseNote.objects.filter(child=child)
    if note_type:
        notes = notes.filter(note_type=note_type)
    # Documents come in one extra query for the whole page, not one per note.
    return notes.select_related("recorded_by").prefetch_related("documents").order_by("-occurred_at", "-id")


def case_note_for_child(child: Person, note_id) -> CaseNote | None:
    return case_notes_for_child(child).filter(pk=note_id).first()


def document_for_child(child: Person, document_id) -> Document | None:
    """A document of this child's, or None: a document id alone never opens a file."""
    return Document.objects.filter(child=child, pk=document_id).first()


# --- Chronology ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChronologyFilters:
    categories: tuple[str, ...] = ()  # keys of chronology.CATEGORIES; empty means all
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None  # inclusive
    significant_only: bool = False

    @property
    def active(self) -> bool:
        return bool(self.categories or self.date_from or self.date_to or self.significant_only)


def _category_filter(categories) -> Q:
    registry = chronology.event_types()
    wanted = [code for code, spec in registry.items() if spec.category in categories]
    condition = Q(event_type__in=wanted)
    if "record" in categories:
        # An event whose type is no longer registered is described as a "record" event
        # (chronology.spec_for), so it is found under that category too.
        condition |= ~Q(event_type__in=list(registry))
    return condition


def chronology_for_child(child: Person, filters: ChronologyFilters = ChronologyFilters()) -> QuerySet[ChronologyEvent]:
    """The child's events, newest first, filtered. One query, whatever the number of events."""
    events = ChronologyEvent.objects.filter(child=child)
    if filters.categories:
        events = events.filter(_category_filter(filters.categories))
    # Dates are days in England: compare with the start of the day, which uses the index.
    if filters.date_from:
        events = events.filter(occurred_at__gte=start_of_day(filters.date_from))
    if filters.date_to:
        events = events.filter(occurred_at__lt=start_of_day(filters.date_to + datetime.timedelta(days=1)))
    if filters.significant_only:
        events = events.filter(significant=True)
    return events.select_related("recorded_by").order_by("-occurred_at", "-id")


@dataclass(frozen=True)
class ChronologyEntry:
    """One event as the reader sees it: the text comes from the registry, never from a column."""

    event: ChronologyEvent
    label: str
    category: str
    text: str

    @property
    def significant(self) -> bool:
        return self.event.significant


def chronology_entries(events) -> list[ChronologyEntry]:
    entries = []
    for event in events:
        spec = chronology.spec_for(event.event_type)
        entries.append(
            ChronologyEntry(
                event=event,
                label=spec.label,
                category=chronology.CATEGORIES.get(spec.category, spec.category),
                text=chronology.describe(event),
            )
        )
    return entries


# --- Allocation ----------------------------------------------------------------------------


def allocations_for_child(child: Person) -> QuerySet[Allocation]:
    return (
        Allocation.objects.filter(child=child)
        .select_related("worker", "team", "allocated_by")
        .order_by("-start_date", "-id")
    )


def teams_for_allocation() -> QuerySet[Team]:
    return Team.objects.filter(is_active=True).order_by("name")


def workers_in_team(team: Team) -> QuerySet[User]:
    """Who a case in `team` can be allocated to: its active members and its manager.

    The same rule as casework.services.allocation_change, which checks it again.
    """
    in_team = Q(team=team)
    if team.manager_id:
        in_team |= Q(pk=team.manager_id)
    return User.objects.filter(in_team, is_active=True).order_by("last_name", "first_name", "pk")


def caseloads_for_teams(team_ids, *, user) -> QuerySet[User]:
    """Workers in these teams (members and managers), each with `open_cases`: how many
    children are allocated to them now that `user` may see (a restricted child is counted only
    by someone with a grant: access.selectors.visible_to). One query.

    Someone who has left (inactive) stays on the list while they still hold cases, because
    those children need a new worker.
    """
    team_ids = list(team_ids)
    allocations = Allocation.objects.filter(
        worker=OuterRef("pk"), end_date__isnull=True, child__merged_into__isnull=True
    )
    open_cases = (
        visible_to(user, allocations, via="child").order_by().values("worker").annotate(n=Count("id")).values("n")
    )
    managers = Team.objects.filter(pk__in=team_ids).values("manager_id")
    return (
        User.objects.filter(Q(team_id__in=team_ids) | Q(pk__in=managers))
        .annotate(open_cases=Coalesce(Subquery(open_cases, output_field=IntegerField()), Value(0)))
        .filter(Q(is_active=True) | Q(open_cases__gt=0))
        .select_related("team")
        .order_by("team__name", "last_name", "first_name", "pk")
    )
