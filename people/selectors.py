"""Reads for people: search, likely duplicates, and a person's family and network."""

import datetime
import re
from dataclasses import dataclass

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Greatest

from access.selectors import people_visible_to, visibility_key, visible_to
from core import kept_queries
from people import search_sql
from people.choices import REVERSE_LABELS, RelationshipKind
from people.models import Person, PersonName, Relationship

IDENTIFIER = re.compile(r"^[A-Za-z]?\d[\d\s-]{4,}[A-Za-z]?$|^[A-Za-z]\d{11}[A-Za-z0-9]$")


@dataclass
class SearchQuery:
    name: str = ""
    date_of_birth: datetime.date | None = None
    identifier: str = ""

    @property
    def empty(self) -> bool:
        return not (self.name.strip() or self.date_of_birth or self.identifier.strip())


def _normalise_identifier(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def person_search(*, user, query: SearchQuery) -> QuerySet[Person]:
    """People the user may see who match, best first.

    Names match on current and previous names, through their keys (migration 0005): a surname
    (or any part of a double-barrelled one) one letter wrong, missing, doubled or swapped away
    ("Begun" ~ "Begum"), or sounding alike ("Smyth" ~ "Smith", "Filips" ~ "Phillips"), Mac read
    as Mc; with a first name, one sounding the same ("Jonathon" ~ "Jonathan"). An identifier
    matches the LA ID, NHS number, UPN or former UPN exactly. A date of birth narrows the
    results to a few, among whom a name two letters out still matches. Exact names rank first.
    """
    return _search(user, query)[0].select_related("current_worker", "current_team")


def search_results(*, user, query: SearchQuery, window: tuple[int, int] | None = None) -> "SearchResults":
    """The same search, for a page of results at a time (the search page's Paginator). `window`
    is the slice the page will most likely ask for (bottom, top): it is then read with the count,
    and for a search by name alone from SQL kept between requests (people.search_sql)."""
    name = " ".join(query.name.lower().split())
    typed = _typed(name) if name else None
    kept = None
    if window is not None and typed is not None and not (query.identifier.strip() or query.date_of_birth):

        def kept():
            placeholders = _placeholders(typed)
            return search_sql.rows(
                (*visibility_key(user), bool(typed.given), window),
                Person.objects.all().db,
                lambda: _with_count(_search(user, query, placeholders)[0])[window[0] : window[1]],
                _slot_values(typed),
            )

    return SearchResults(lambda: _search(user, query, typed), window, kept)


def _with_count(ranked: QuerySet[Person]) -> QuerySet:
    """(id, how many were found in all) of each ranked person: the ranking reads every match anyway."""
    return ranked.annotate(found=Window(Count("pk"))).values_list("pk", "found")


class SearchResults:
    """A search read the way Paginator reads it, so a common surname costs little more than a rare one.

    A name like "Hughes" matches thousands of people in a large authority. Counting them in a
    query of its own read every one of them twice (once to count, once to rank), and ranking them
    with their worker and team joined on looked every one of them up twice more. Here the page
    expected (`window`) is read with the count (COUNT(*) OVER ()), as ids only; then only those
    people with their worker and team. A page outside the window, or a window past the last
    match, is counted and read apart: the count from the name's index lookups alone, unranked
    (the visibility rules apply to the rows they read). The querysets are built only if needed.
    """

    def __init__(self, build, window: tuple[int, int] | None = None, kept=None):
        self._build = build
        self._built: tuple[QuerySet[Person], QuerySet | None] | None = None
        self._window = window
        self._kept = kept
        self._window_ids: list[int] | None = None
        self._count: int | None = None

    def _queries(self) -> tuple[QuerySet[Person], QuerySet | None]:
        if self._built is None:
            self._built = self._build()
        return self._built

    def count(self) -> int:
        if self._count is None and self._window is not None:
            self._read_window()
        if self._count is None:
            ranked, candidates = self._queries()
            self._count = (candidates if candidates is not None else ranked.order_by()).count()
        return self._count

    def _read_window(self) -> None:
        bottom, top = self._window
        rows = self._kept() if self._kept is not None else None
        if rows is None:
            rows = list(_with_count(self._queries()[0])[bottom:top])
        self._window_ids = [pk for pk, _ in rows]
        if rows:
            self._count = rows[0][1]
        elif bottom == 0:
            self._count = 0

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        # The last page is cut to the count (Paginator asks for [bottom:count]): still the window's.
        if self._window_ids is not None and stop is not None and self._window[0] <= start <= stop <= self._window[1]:
            ids = self._window_ids[start - self._window[0] : stop - self._window[0]]
        else:
            ids = list(self._queries()[0].values_list("pk", flat=True)[index])
        return _shown(ids)


def _with_allocation(**slots: int) -> QuerySet[Person]:
    """The people of a page of results with their worker and team: the SQL in_bulk(ids) sends."""
    return Person.objects.select_related("current_worker", "current_team").filter(
        pk__in=[slots[s] for s in sorted(slots)]
    )


def _shown(ids: list[int]) -> list[Person]:
    """The people with these ids, in this order. Why kept (core.kept_queries): building and
    compiling this query with its two joins was a quarter of a search's Python (in_bulk), and its
    shape only changes with how many are on the page (one kept query for each count, at most 20)."""
    if not ids:
        return []
    found = {
        person.pk: person
        for person in kept_queries.fetch(
            "people.search.shown", _with_allocation, **{f"id{i:03d}": pk for i, pk in enumerate(ids)}
        )
    }
    return [found[pk] for pk in ids]


def _search(user, query: SearchQuery, typed: "_Typed | None" = None) -> tuple[QuerySet[Person], QuerySet | None]:
    """(the matching people ranked, and for a search by name alone the same people unranked, to
    count; both limited to the people the user may see). `typed`: the name's keys, when already read."""
    people = people_visible_to(user)
    narrowed = False
    if query.identifier.strip():
        ident = _normalise_identifier(query.identifier)
        people = people.filter(Q(la_id__iexact=ident) | Q(nhs_number=ident) | Q(upn=ident) | Q(former_upn=ident))
        narrowed = True
    if query.date_of_birth:
        people = people.filter(Q(date_of_birth=query.date_of_birth) | Q(expected_date_of_birth=query.date_of_birth))
        narrowed = True
    name = " ".join(query.name.lower().split())
    candidates = None
    if name and typed is None:
        typed = _typed(name)
    if name and narrowed:
        people = _match_name_among(people, typed)
    elif name:
        people, candidates = _match_name(people, typed)
    else:
        people = people.annotate(score=Value(1.0, output_field=FloatField()))
    # Among equally good matches, children (whose records these are) before the adults around them.
    return people.order_by("-score", "-is_child", "family_name", "given_name", "pk"), candidates


def _split(name: str) -> tuple[str, str]:
    """(first name, surname) of what was typed: one word is a surname; otherwise the first word
    is the first name and the rest the surname ("Amy Smith Jones": either part finds Smith-Jones)."""
    words = name.split()
    if len(words) == 1:
        return "", words[0]
    return words[0], " ".join(words[1:])


KINDS = ("given", "family", "exact", "spelling", "sound", "first")
# Output fields made once: each Value would otherwise build its own field for every search.
TEXT, FLOAT, KEYS = TextField(), FloatField(), ArrayField(TextField())


@dataclass
class _Typed:
    """What was typed, split, with its keys of each kind (migration 0005) as constants."""

    name: str
    given: str
    family: str
    keys: dict

    def __getitem__(self, kind: str) -> Value:
        return Value(self.keys[kind], output_field=KEYS)

    def text(self, value: str) -> Value:
        return Value(value, output_field=TEXT)


def _typed(name: str) -> _Typed:
    """One query for all of the name's keys: written into the search as constants, they cost the
    planner nothing (as calls of opencsc_name_keys, it ran each one wherever it was used)."""
    given, family = _split(name)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join("opencsc_name_keys(%s, %s, %s)" for _ in KINDS),
            [v for kind in KINDS for v in (given, family, kind)],
        )
        row = cursor.fetchone()
    return _Typed(name, given, family, {kind: list(keys or []) for kind, keys in zip(KINDS, row)})


def _placeholders(typed: _Typed) -> _Typed:
    """`typed` with a placeholder (people.search_sql) for each value: the search built from it
    compiles to SQL that serves every name of the same shape (with a first name or without)."""
    return _Typed(
        search_sql.slot("name"),
        search_sql.slot("given") if typed.given else "",
        search_sql.slot("family"),
        {kind: [search_sql.slot(f"keys:{kind}")] for kind in typed.keys},
    )


def _slot_values(typed: _Typed) -> dict:
    return {
        "name": typed.name,
        "given": typed.given,
        "family": typed.family,
        **{f"keys:{kind}": keys for kind, keys in typed.keys.items()},
    }


def _score(typed: _Typed) -> Func:
    """How well a row's name (a person's, or one of their previous names: both carry
    search_keys and search_name) matches: the same surname part first, then one letter away,
    then sounding alike; the same first name, then one sounding alike; the trigram similarity of
    the whole name breaks ties (opencsc_name_score, migration 0007)."""
    return Func(
        F("search_keys"),
        F("search_name"),
        typed.text(typed.given),
        typed.text(typed.name),
        typed["exact"],
        typed["spelling"],
        typed["sound"],
        typed["first"],
        function="opencsc_name_score",
        output_field=FLOAT,
    )


def _ranked(people: QuerySet[Person], typed: _Typed, found_by: Q) -> QuerySet[Person]:
    """`people` with their score: their current name's when it is what found them (`found_by`),
    otherwise their best previous name's, counting a little less, so that a child found by the
    name they have now comes first. The previous names are read only for the people found by
    one: a CASE works out its ELSE only when it is needed, and most people have none."""
    previous = (
        PersonName.objects.filter(person=OuterRef("pk"))
        .annotate(score=_score(typed))
        .order_by("-score")
        .values("score")[:1]
    )
    return people.annotate(
        score=Case(
            When(found_by, then=_score(typed)),
            default=Greatest(
                _score(typed),
                Coalesce(
                    Subquery(previous, output_field=FLOAT) * Value(0.95, output_field=FLOAT),
                    Value(0.0, output_field=FLOAT),
                ),
            ),
            output_field=FLOAT,
        )
    )


def _match_name(people: QuerySet[Person], typed: _Typed) -> tuple[QuerySet[Person], QuerySet]:
    """Every person whose current or previous name is near what was typed, found through the
    name keys' GIN indexes (people_person.search_keys, people_personname.search_keys): with a
    first name, only the people whose first name sounds the same (or begins with the same
    letter, with the same surname), so a common surname costs no more than a rare one."""
    keys = typed["given" if typed.given else "family"]
    # One scan of people: their own keys' index, OR'd with the primary key lookups of the people
    # whose previous names match (`id = ANY(ARRAY(...))`, which PostgreSQL answers with a
    # BitmapOr of the two indexes; `IN (subquery)` inside an OR, or an EXISTS, it can only
    # answer by reading every person). The visibility rules then apply to the rows found.
    previous_names = PersonName.objects.filter(search_keys__overlap=keys).order_by().values("person_id")
    found_by = Q(search_keys__overlap=keys)
    found = people.filter(found_by | Q(_IdAmong(F("pk"), Subquery(previous_names))))
    # The count needs no ranking: the same rows, counted.
    return _ranked(found, typed, found_by), found.order_by()


class _IdAmong(Func):
    """`id = ANY(ARRAY(subquery))`: a condition PostgreSQL can answer with the primary key's
    index, inside a BitmapOr."""

    template = "%(expressions)s))"
    arg_joiner = " = ANY(ARRAY("
    output_field = BooleanField()


def _match_name_among(people: QuerySet[Person], typed: _Typed) -> QuerySet[Person]:
    """A name among people already narrowed to a few (by date of birth or identifier, through
    their own indexes): looser than the lookup by name alone, since there are only a handful to
    compare (opencsc_name_near, migration 0007), on the current name or a previous one."""

    def near():
        return Q(
            Func(
                F("search_keys"),
                F("search_name"),
                typed.text(typed.given),
                typed.text(typed.family),
                typed["family"],
                typed["given"],
                function="opencsc_name_near",
                output_field=BooleanField(),
            )
        )

    previous = PersonName.objects.filter(person=OuterRef("pk")).filter(near())
    return _ranked(people.filter(near() | Q(Exists(previous))), typed, near())


def likely_duplicates(*, user, given_name: str, family_name: str, date_of_birth=None, limit: int = 10):
    """People who may be the one about to be created: same-sounding or similar name, and the
    same date of birth when one is given. Searches every record the user may see."""
    name = f"{given_name} {family_name}".strip()
    if not family_name.strip():
        return Person.objects.none()
    matches = person_search(user=user, query=SearchQuery(name=name))
    if date_of_birth:
        matches = matches.filter(Q(date_of_birth=date_of_birth) | Q(date_of_birth__isnull=True))
    return matches[:limit]


@dataclass
class FamilyLink:
    relationship: Relationship
    person: Person
    label: str  # how `person` is related to the subject: "Mother", "Sibling", "Child"
    # A relative whose record is restricted and not open to the reader: shown only as "a person
    # with a restricted record", never by name (an adopted sibling, a relative in a refuge).
    hidden: bool = False


def family_of(person: Person, *, user=None) -> list[FamilyLink]:
    """Everyone linked to `person`, read from either side of the relationship, current first.
    With `user`, a restricted relative the user may not see is marked hidden: the same rule as
    the record (access.selectors.people_visible_to), costing a query only when one is restricted."""
    # Each compiled once (core.kept_queries): the summary of every record shows the family.
    outgoing = kept_queries.fetch("people.family_of.outgoing", _outgoing, person=person.pk)
    incoming = kept_queries.fetch("people.family_of.incoming", _incoming, person=person.pk)
    links = [FamilyLink(r, r.from_person, RelationshipKind(r.kind).label) for r in incoming]
    links += [FamilyLink(r, r.to_person, REVERSE_LABELS[RelationshipKind(r.kind)]) for r in outgoing]
    restricted = {link.person.pk for link in links if link.person.restricted}
    if user is not None and restricted:
        seen = set(people_visible_to(user).filter(pk__in=restricted).values_list("pk", flat=True))
        for link in links:
            link.hidden = link.person.pk in restricted and link.person.pk not in seen
    return sorted(links, key=lambda link: (link.label, link.person.family_name, link.person.given_name))


def _outgoing(person):
    return Relationship.objects.filter(from_person_id=person, end_date__isnull=True).select_related("to_person")


def _incoming(person):
    return Relationship.objects.filter(to_person_id=person, end_date__isnull=True).select_related("from_person")


def active_warnings(person: Person):
    return person.warnings.filter(ended_at__isnull=True)


def active_warnings_list(person: Person) -> list:
    """active_warnings as a list, its query compiled once (core.kept_queries): every record page."""
    return kept_queries.fetch("people.active_warnings", lambda pk: active_warnings(Person(pk=pk)), pk=person.pk)


def children_allocated_to(user) -> QuerySet[Person]:
    """The children this worker holds and may see (a restricted child only with a grant), with the
    date they were last seen (one query)."""
    from django.db.models import Max

    # The rule through visible_to (on the person's own id): its SQL compiled once a request and
    # kept, where building people_visible_to here cost a fifth of My work's Python.
    return (
        visible_to(user, Person.objects.live().children().filter(current_worker=user), via="pk")
        .annotate(
            last_visit=Max("visits__visited_at"), last_seen=Max("visits__visited_at", filter=Q(visits__child_seen=True))
        )
        .order_by("family_name", "given_name")
    )
