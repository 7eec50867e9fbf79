"""The chronology's timeline (MOJ timeline markup, moj/components/timeline), written in Python.

A child's chronology page shows dozens of events, and rendering each through the template
engine (a dozen variable lookups, two date filters) was half of the page's CPU. The markup is
the same as the template's; every value is escaped by format_html, and the dates are formatted
by the same code as the `date` filter, in the same time zone.
"""

from django import template
from django.utils import dateformat, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

_ITEM = (
    '<div class="moj-timeline__item" data-testid="chronology-item">'
    '<div class="moj-timeline__header">'
    '<h3 class="moj-timeline__title">{}{}</h3>{}'
    "</div>"
    '<p class="moj-timeline__date"><time datetime="{}">{}</time></p>'
    '<div class="moj-timeline__description{}">'
    '<p class="govuk-body govuk-!-margin-bottom-1">{}</p>'
    '<p class="govuk-body-s govuk-!-margin-bottom-0">{}</p>'
    "</div></div>"
)
_SIGNIFICANT = mark_safe(' <strong class="govuk-tag govuk-tag--red">Significant</strong>')


def _item(entry) -> tuple:
    event = entry.event
    moment = timezone.localtime(event.occurred_at) if timezone.is_aware(event.occurred_at) else event.occurred_at
    byline = format_html('<p class="moj-timeline__byline">by {}</p>', event.recorded_by) if event.recorded_by else ""
    return (
        entry.label,
        _SIGNIFICANT if entry.significant else "",
        byline,
        dateformat.format(moment, "c"),
        dateformat.format(moment, "j F Y, H:i"),
        " app-significant" if entry.significant else "",
        entry.text,
        entry.category,
    )


@register.simple_tag
def chronology_timeline(entries):
    return format_html(
        '<div class="moj-timeline" data-testid="chronology-timeline">{}</div>',
        format_html_join("", _ITEM, (_item(entry) for entry in entries)),
    )
