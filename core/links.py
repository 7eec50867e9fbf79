"""A page's URL by name and ids, reversed once per name instead of once per link.

Why: Django's reverse() resolves the name, walks the URL patterns and checks every argument
against its converter on every call. A tray of 200 due items or a record's twenty tabs is 200 or
twenty calls with the same name and only the ids changing: on My team that was a tenth of the
page's rendering. Here a name is reversed once with sentinel ids, kept as the text around them,
and each link is that text with its ids put in. Anything but plain non-negative integers (or a
name whose URL does not show each sentinel exactly once) goes through reverse() as before, so
the URL is always the one reverse() gives.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse

# Ids no record has and no URL pattern spells: one per position, so each is found apart.
_SENTINELS = tuple(str(918_273_640 + i) for i in range(4))
# (script prefix, URLconf, name, how many ids) -> the text between the ids, or None when the
# name's URL cannot be kept (reverse() each time). Bounded by the URL names: a few hundred. The
# URLconf is the settings' (a test may override it): no view here sets its own request.urlconf.
_kept: dict[tuple, tuple[str, ...] | None] = {}


def url_for_ids(name: str, *ids) -> str:
    """reverse(name, args=ids), for ids that are plain non-negative integers, without reversing."""
    if not 0 < len(ids) <= len(_SENTINELS) or not all(type(i) is int and i >= 0 for i in ids):
        return reverse(name, args=ids)
    key = (get_script_prefix(), settings.ROOT_URLCONF, name, len(ids))
    try:
        parts = _kept[key]
    except KeyError:
        try:
            parts = _split(reverse(name, args=_SENTINELS[: len(ids)]), len(ids))
        except NoReverseMatch:  # a converter that takes no digits: reverse() says what is wrong
            parts = None
        _kept[key] = parts
    if parts is None:
        return reverse(name, args=ids)
    pieces = [parts[0]]
    for i, part in zip(ids, parts[1:], strict=True):
        pieces.append(str(i))
        pieces.append(part)
    return "".join(pieces)


def _split(url: str, count: int) -> tuple[str, ...] | None:
    parts = [url]
    for sentinel in _SENTINELS[:count]:
        head, found, tail = parts[-1].partition(sentinel)
        if not found or sentinel in tail or any(sentinel in p for p in parts[:-1]):
            return None
        parts[-1:] = [head, tail]
    return tuple(parts)
