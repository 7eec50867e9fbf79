"""core.links: a link reversed once per name is the link reverse() gives, for every page that
takes ids, under any script prefix; anything else goes through reverse() unchanged."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse, set_script_prefix

from core.links import url_for_ids


def _named_patterns(resolver=None, namespace=""):
    """(name, how many int ids) of every named URL whose arguments are all ints."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            converters = entry.pattern.converters
            if converters and all(type(c).__name__ == "IntConverter" for c in converters.values()):
                yield f"{namespace}{entry.name}", len(converters)


def test_every_page_that_takes_ids_gets_the_link_reverse_gives():
    names = sorted(set(_named_patterns()))
    assert len(names) > 100  # the whole record, not a handful
    for name, count in names:
        ids = [7, 123456, 0, 42][:count]
        try:
            expected = reverse(name, args=ids)
        except NoReverseMatch:  # a name shared by two patterns of different shapes
            continue
        assert url_for_ids(name, *ids) == expected, name
        assert url_for_ids(name, *ids) == expected, name  # and again, from what was kept


def test_under_a_script_prefix_the_links_carry_it():
    set_script_prefix("/opencsc/")
    try:
        assert url_for_ids("people:summary", 5) == "/opencsc/people/5/" == reverse("people:summary", args=[5])
    finally:
        set_script_prefix("/")
    assert url_for_ids("people:summary", 5) == "/people/5/"


def test_anything_but_plain_ids_goes_through_reverse():
    assert url_for_ids("people:summary", "12") == reverse("people:summary", args=["12"])
    with pytest.raises(NoReverseMatch):
        url_for_ids("people:summary", -1)
    with pytest.raises(NoReverseMatch):
        url_for_ids("people:summary", "not-an-id")
    with pytest.raises(NoReverseMatch):
        url_for_ids("no-such-page", 1)


def test_the_template_tag_writes_the_same_link_as_url():
    context = Context({"child_id": 31, "pk": 9})
    kept = Template("{% id_url 'oversight:challenge' child_id pk %}").render(context)
    assert (
        kept
        == Template("{% url 'oversight:challenge' child_id pk %}").render(context)
        == "/people/31/oversight/challenges/9/"
    )
