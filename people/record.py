"""The frame every page of a person's record shares: identity bar, badges, sub-navigation.

Views in any app render a record page with `render_record(request, person, tab, template, context)`.
Other apps add their tabs with `register_tab` and status badges (CIN, CP, looked after...) with
`register_badge_columns`.
"""

from dataclasses import dataclass
from typing import Callable

from django.shortcuts import render

from core.links import url_for_ids
from people.selectors import active_warnings_list


@dataclass(frozen=True)
class Badge:
    text: str
    colour: str = "blue"  # a govuk-tag colour: blue, green, red, orange, purple, grey...


_BADGE_PROVIDERS: list[Callable] = []
# (columns, to_badges) pairs: columns() -> {name: expression over the person's row (OuterRef("pk"))},
# to_badges(row) -> list[Badge]. Every area's columns go into one query per page, instead of a
# query per area on every page of the record.
_BADGE_COLUMNS: list[tuple[Callable, Callable]] = []


def register_badges(provider: Callable) -> None:
    """provider(person) -> list[Badge]; called for every record page. Prefer
    register_badge_columns, which costs no query of its own."""
    _BADGE_PROVIDERS.append(provider)


def register_badge_columns(columns: Callable, to_badges: Callable) -> None:
    """Badges of a child computed from columns added to one shared query on the child's row.
    Name the columns after the app, since all areas share the row."""
    if (columns, to_badges) not in _BADGE_COLUMNS:
        _BADGE_COLUMNS.append((columns, to_badges))


# The badge query has the same shape on every page of every record: only the child's pk changes.
# Building and compiling it through the ORM (a dozen Exists/Subquery columns) cost more CPU than
# anything else on a record page, so it is compiled once per set of columns and reused with the
# pk swapped in. The pk goes in as a sentinel that no other parameter of these queries can equal
# (they are choice codes, booleans and no negative numbers).
_PK_SENTINEL = -918_273_645
_BADGE_SQL: dict[tuple, tuple[str, tuple, int, list[str]]] = {}


def _badge_sql(column_sets) -> tuple[str, tuple, int, list[str]]:
    from people.models import Person

    key = tuple(column_sets)
    compiled = _BADGE_SQL.get(key)
    if compiled is None:
        annotations = {}
        for columns in column_sets:
            annotations.update(columns())
        query = Person.objects.filter(pk=_PK_SENTINEL).annotate(**annotations).values(*annotations)[:1].query
        sql, params = query.sql_with_params()
        at = [i for i, param in enumerate(params) if type(param) is int and param == _PK_SENTINEL]
        if len(at) != 1:  # never silently run a query for the wrong child
            raise RuntimeError("The badge query's pk parameter could not be found")
        compiled = _BADGE_SQL[key] = (sql, tuple(params), at[0], list(annotations))
    return compiled


def _badge_row(person, column_sets) -> dict | None:
    from django.db import connection

    sql, params, at, names = _badge_sql(column_sets)
    params = list(params)
    params[at] = person.pk
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return dict(zip(names, row, strict=True)) if row is not None else None


def badges_from_columns(person, columns: Callable, to_badges: Callable) -> list[Badge]:
    """One area's badges alone (one query), as badges_for would show them."""
    if not person.is_child:
        return []
    row = _badge_row(person, [columns])
    return to_badges(row) if row is not None else []


def badges_for(person) -> list[Badge]:
    badges = []
    if person.restricted:
        badges.append(Badge("Restricted record", "red"))
    if person.unborn:
        badges.append(Badge("Unborn", "purple"))
    if person.date_of_death:
        badges.append(Badge("Deceased", "grey"))
    if person.is_child and _BADGE_COLUMNS:
        row = _badge_row(person, [columns for columns, _ in _BADGE_COLUMNS])
        if row is not None:
            for _, to_badges in _BADGE_COLUMNS:
                badges.extend(to_badges(row))
    for provider in _BADGE_PROVIDERS:
        badges.extend(provider(person))
    return badges


# Panels other apps add to the top of the summary page (data quality). provider(request, person)
# returns {"template": ..., **context} or None when it has nothing to show.
_SUMMARY_PANELS: list[Callable] = []


def register_summary_panel(provider: Callable) -> None:
    if provider not in _SUMMARY_PANELS:
        _SUMMARY_PANELS.append(provider)


def summary_panels_for(request, person) -> list[dict]:
    return [panel for provider in _SUMMARY_PANELS if (panel := provider(request, person))]


@dataclass(frozen=True)
class RecordTab:
    """One tab of a person's record. Each area registers its own (`register_tab`, from its
    AppConfig.ready), so a new area adds a tab without this module knowing it exists."""

    key: str  # what `render_record(..., tab=key)` names as the current tab
    label: str
    url_name: str  # reversed with the person's pk
    order: int  # where it sits along the tabs: people's first, chronology and allocation near the end
    children_only: bool = True  # an adult's record (a parent's) has no visits, plans or journey
    # Who sees it, beyond "may see the record": None for everyone who may.
    shows: Callable | None = None  # shows(user, person) -> bool


_TABS: dict[str, RecordTab] = {}


def register_tab(tab: RecordTab) -> None:
    _TABS[tab.key] = tab


def registered_tabs() -> list[RecordTab]:
    return sorted(_TABS.values(), key=lambda tab: (tab.order, tab.key))


def tabs_for(request, person, current: str) -> list[dict]:
    items = []
    for tab in registered_tabs():
        if tab.children_only and not person.is_child:
            continue
        if tab.shows is not None and not tab.shows(request.user, person):
            continue
        items.append({"text": tab.label, "href": url_for_ids(tab.url_name, person.pk), "active": tab.key == current})
    return items


def render_record(request, person, tab: str, template: str, context: dict | None = None, status: int = 200):
    context = {
        "person": person,
        "warnings": active_warnings_list(person),
        "badges": badges_for(person),
        "tabs": tabs_for(request, person, tab),
        "tab": tab,
        **(context or {}),
    }
    return render(request, template, context, status=status)
