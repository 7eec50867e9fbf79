"""Who may see which person's record. Every view that shows a person goes through here.

A child is visible to:
- the allocated worker, the allocated team, and the managers of that team;
- roles that read across the authority (MASH, IRO, QA and performance, senior leaders):
  workforce.roles.AUTHORITY_WIDE_READERS. Not administrators: only the one record their
  break-glass access names, for an hour (access.break_glass).
An adult or other linked person (not a child with their own record) is visible to whoever
may see a child they are linked to.
A restricted record is visible only to people an administrator has named, while their grant
lasts, whatever their role.

Anything else is reported exactly as if the record did not exist (404), so a search or a
guessed URL cannot even confirm that a child is known to the service.

One rule, everywhere. `people_visible_to(user)` is the rule, as a queryset of people; nothing else
in the code decides who may see a child. The record page fetches through it
(`person_get_for_user`), and so must every list, tray, queue, tracker and count that names a
child or counts children: filtering by team, worker, IRO or adviser says whose work a row is, not
whether the user may see it (a restricted child allocated to a worker without a grant must not
appear in their tray). A new list that shows rows naming a person therefore builds its queryset
as usual, then passes it through `visible_to`, naming the path from the row to the person:

    items = visible_to(user, DueItem.objects.for_worker(user), via="person")
    queue = visible_to(user, Assessment.objects.filter(status=...), via="child")
    leavers = visible_to(user, CareLeaver.objects.current(), via="person")

`visible_to` adds one correlated EXISTS on the person's row carrying the rule's conditions, so
the list stays one query (no list of ids is read first) and PostgreSQL checks the rule only for
the rows the list's own index found. A rule an app registers with `register_visibility` (the
personal adviser's, or a break-glass rule) is part of `people_visible_to`, so every list
follows it too. The statutory returns (`returns/`) are the one deliberate exception: the DfE
requires every child, and they are restricted to performance roles.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from access import visibility_sql
from access.models import RecordRead, RestrictedAccessGrant
from access.services import record_read_log
from core import kept_queries
from people.models import Person, Relationship
from workforce.roles import AUTHORITY_WIDE_READERS


def _team_ids_subquery(user):
    """The same teams as team_ids_for, as a subquery, so that people_visible_to reads nothing until
    the list that uses it runs (each tray is one query)."""
    from workforce.models import Team

    return Team.objects.filter(Q(manager=user) | Q(pk=user.team_id)).values("pk")


def team_ids_for(user) -> set[int]:
    """The teams whose children this user works with: their own and any they manage."""
    ids = set(user.managed_teams.values_list("id", flat=True))
    if user.team_id:
        ids.add(user.team_id)
    return ids


def _active_grants(user):
    # "Now" when the query runs, not when it is built (access.visibility_sql keeps the rule's SQL).
    now = visibility_sql.ClockNow()
    return RestrictedAccessGrant.objects.filter(
        user=user, starts_at__lte=now, expires_at__gt=now, revoked_at__isnull=True
    )


# Other apps may let a role see more children by a relationship of their own: care_leavers lets a
# personal adviser see the young people they advise. rule(user) -> a Q on Person, or None when the
# rule does not apply to the user. Registered from the app's AppConfig.ready().
_VISIBILITY_RULES: list = []


def register_visibility(rule) -> None:
    if rule not in _VISIBILITY_RULES:
        _VISIBILITY_RULES.append(rule)


def people_visible_to(user) -> QuerySet[Person]:
    people = Person.objects.live()
    granted = Exists(_active_grants(user).filter(person=OuterRef("pk")))
    if user.role in AUTHORITY_WIDE_READERS:
        unrestricted = Q()
    else:
        teams = _team_ids_subquery(user)
        own_children = Q(current_worker=user) | Q(current_team_id__in=teams)
        linked_child = Q(to_person__current_worker=user) | Q(to_person__current_team_id__in=teams)
        linked_child_reverse = Q(from_person__current_worker=user) | Q(from_person__current_team_id__in=teams)
        linked = Exists(
            Relationship.objects.filter(from_person=OuterRef("pk"), end_date__isnull=True).filter(linked_child)
        ) | Exists(
            Relationship.objects.filter(to_person=OuterRef("pk"), end_date__isnull=True).filter(linked_child_reverse)
        )
        unrestricted = own_children | (Q(is_child=False) & linked)
        for rule in _VISIBILITY_RULES:
            extra = rule(user)
            if extra is not None:
                unrestricted |= extra
    return people.filter((Q(restricted=False) & unrestricted) | (Q(restricted=True) & granted))


def visibility_key(user) -> tuple:
    """What the SQL of people_visible_to(user) depends on besides the moment (the user's id, role
    and team, and the registered rules), for callers that keep SQL built from it (people.search_sql)."""
    return (
        user.pk,
        getattr(user, "role", None),
        getattr(user, "team_id", None),
        getattr(user, "is_authenticated", False),
        tuple(_VISIBILITY_RULES),
    )


def visible_to(user, queryset: QuerySet, *, via: str = "person") -> QuerySet:
    """`queryset` (rows that each name one person through the foreign key path `via`, such as
    "person", "child" or "care_leaver__person") limited to the rows whose person the user may see
    by people_visible_to: the same rule as the record page. Adds a correlated EXISTS on the
    person's row, so the query count does not change. Rows of a merged record are left out, as
    the record page leaves them out.

    Inside a request the rule's SQL is compiled once per user and reused by every list
    (access.visibility_sql): the same SQL, without building it again."""
    cached = visibility_sql.compiled(user, queryset.db, people_visible_to, tuple(_VISIBILITY_RULES))
    if cached is not None:
        return queryset.filter(visibility_sql.VisibleRow(*cached, via))
    return queryset.filter(Exists(people_visible_to(user).filter(pk=OuterRef(via))))


# person_get_for_user marks the instance it returns with the user it was fetched for: that fetch
# was the visibility check, so asking again for the same instance (the view's capability check,
# then the service's) need not query again. A copy fetched any other way carries no mark.
_AUTHORISED_FOR = "_authorised_for_user_id"


def can_view_person(user, person: Person) -> bool:
    if user.pk is not None and getattr(person, _AUTHORISED_FOR, None) == user.pk:
        return True
    if _plainly_visible(user, person):
        # The instance may be stale (a service may have moved the child since it was read): the
        # plain cases are decided on the row as it is now, read alone, which costs a tenth of
        # building and compiling the whole rule (about 1.7 ms of CPU against 12) in the same one
        # query. Only when the row no longer agrees is the rule asked.
        row = Person.objects.filter(pk=person.pk).only(*_PLAIN_FIELDS).first()
        if row is None or _plainly_visible(user, row):
            return row is not None
    return _visible(user, person.pk)


def _visible(user, person_id: int) -> bool:
    """people_visible_to(user) holds the person: inside a request by the rule's SQL kept for the
    user (access.visibility_sql, the same text every list of the request uses), else by the ORM."""
    answer = visibility_sql.holds(user, Person.objects.db, people_visible_to, tuple(_VISIBILITY_RULES), person_id)
    if answer is None:
        answer = people_visible_to(user).filter(pk=person_id).exists()
    return answer


# What _plainly_visible reads of a person.
_PLAIN_FIELDS = ("restricted", "merged_into", "current_worker", "current_team")


def _plainly_visible(user, person: Person) -> bool:
    """The commonest cases of people_visible_to, decided from the row already read: an unrestricted
    record that the user reads authority-wide, holds, or whose team is the user's own. Every case
    here is one people_visible_to allows; any other person is asked of it (one more query). This
    spares each page of a record building and compiling the full rule, most of a page's work."""
    if person.restricted or person.merged_into_id is not None:
        return False
    if user.role in AUTHORITY_WIDE_READERS:
        return True
    return (person.current_worker_id is not None and person.current_worker_id == user.pk) or (
        person.current_team_id is not None and person.current_team_id == user.team_id
    )


def person_get_for_user(user, person_id, *, request=None, reason: str = "") -> Person:
    """Fetch a person the user may see, or raise 404. Logs the read when a request is given."""
    try:
        person_id = int(person_id)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < person_id < 2**63:  # no such row: and never sent, as a number the column cannot hold
        raise Http404
    # Compiled once (core.kept_queries): every page of every record starts here.
    person = next(iter(kept_queries.fetch("access.person_get_for_user", _person_by_id, pk=person_id)), None)
    if person is None or not (_plainly_visible(user, person) or _visible(user, person.pk)):
        raise Http404
    setattr(person, _AUTHORISED_FOR, user.pk)
    if request is not None:
        record_read_log(user=user, person_id=person.pk, path=request.get_full_path(), reason=reason)
    return person


def _person_by_id(pk):
    return Person.objects.live().filter(pk=pk).select_related("current_worker", "current_team")[:1]


def who_has_viewed(person: Person) -> QuerySet[RecordRead]:
    return RecordRead.objects.filter(person_id=person.pk).select_related("user", "user__team")


def may_see_who_has_viewed(user, person: Person) -> bool:
    """Managers of the child's team, senior leaders and QA officers."""
    from workforce.roles import Role

    if user.role in {Role.SENIOR_LEADER, Role.QA_OFFICER}:
        return True
    return user.role == Role.TEAM_MANAGER and person.current_team_id in team_ids_for(user)
