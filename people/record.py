"""The frame every page of a person's record shares: identity bar, badges, sub-navigation.

Views in any app render a record page with `render_record(request, person, tab, template, context)`.
Other apps add status badges (CIN, CP, looked after...) with `register_badges`.
"""

from dataclasses import dataclass
from typing import Callable

from django.shortcuts import render
from django.urls import reverse

from people.selectors import active_warnings


@dataclass(frozen=True)
class Badge:
    text: str
    colour: str = "blue"  # a govuk-tag colour: blue, green, red, orange, purple, grey...


_BADGE_PROVIDERS: list[Callable] = []


def register_badges(provider: Callable) -> None:
    """provider(person) -> list[Badge]; called for every record page."""
    _BADGE_PROVIDERS.append(provider)


def badges_for(person) -> list[Badge]:
    badges = []
    if person.restricted:
        badges.append(Badge("Restricted record", "red"))
    if person.unborn:
        badges.append(Badge("Unborn", "purple"))
    if person.date_of_death:
        badges.append(Badge("Deceased", "grey"))
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


def _sees_allegations(user, person) -> bool:
    """LADO allegations are shown only to the LADO service (allegations.selectors)."""
    from allegations.selectors import can_see_allegations

    return person.is_child and can_see_allegations(user)


# (tab key, label, url name, who sees it: None for everyone who may see the record; or a
# function of the user and the person)
TABS = [
    ("summary", "Summary", "people:summary", None),
    ("details", "Personal details", "people:details", None),
    ("family", "Family and network", "people:family", None),
    ("visits", "Visits", "casework:visits", "child"),
    ("notes", "Case notes", "casework:notes", "child"),
    ("help", "Help and protection", "children_in_need:journey", "child"),
    ("looked_after", "Looked after", "looked_after:record", "child"),
    ("permanence", "Permanence", "permanence:record", "child"),
    ("leaving_care", "Leaving care", "care_leavers:record", "child"),
    ("private_fostering", "Private fostering", "private_fostering:record", "child"),
    ("allegations", "Allegations (LADO)", "allegations_record:for_child", _sees_allegations),
    ("chronology", "Chronology", "casework:chronology", "child"),
    ("allocation", "Allocation", "casework:allocation", "child"),
    ("data_quality", "Data quality", "data_quality_record:record", "child"),
    ("viewed", "Who has viewed", "people:viewed", "viewed"),
]


def tabs_for(request, person, current: str) -> list[dict]:
    from access.selectors import may_see_who_has_viewed

    items = []
    for key, label, url_name, condition in TABS:
        if condition == "child" and not person.is_child:
            continue
        if condition == "viewed" and not may_see_who_has_viewed(request.user, person):
            continue
        if callable(condition) and not condition(request.user, person):
            continue
        items.append({"text": label, "href": reverse(url_name, args=[person.pk]), "active": key == current})
    return items


def render_record(request, person, tab: str, template: str, context: dict | None = None, status: int = 200):
    context = {
        "person": person,
        "warnings": list(active_warnings(person)),
        "badges": badges_for(person),
        "tabs": tabs_for(request, person, tab),
        "tab": tab,
        **(context or {}),
    }
    return render(request, template, context, status=status)
