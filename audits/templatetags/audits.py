"""Small lookups the audit report's tables need: a count or label by key."""

from django import template

register = template.Library()


@register.filter
def counter(mapping, key):
    """mapping[key], or 0 when it has none (a Counter, or a dict of labels or pairs)."""
    try:
        return mapping.get(key, 0) if hasattr(mapping, "get") else 0
    except TypeError:
        return 0


@register.filter
def amp(query: str) -> str:
    """A query string ready for another parameter: "a=1&" (or "" when there is none)."""
    return f"{query}&" if query else ""
