"""No URL escapes the sweeps: every id in every URL can be filled for each scenario."""

import pytest

from tests.security.routes import all_routes, swept_routes, unfillable

pytestmark = pytest.mark.django_db


def test_the_resolver_walk_finds_every_area():
    names = {r.name for r in all_routes()}
    # One page from each area, namespaced or not, and the admin's own pages.
    assert {
        "home",
        "people:summary",
        "casework:visit",
        "looked_after:review_action_done",
        "allegations:detail",
        "returns:detail",
        "admin:index",
    } <= names


def test_every_url_keyword_can_be_filled():
    problems = [
        f"{r.name} ({r.pattern}): no fill for {', '.join(unfillable(r))}" for r in swept_routes() if unfillable(r)
    ]
    assert not problems, "URLs the sweeps cannot fill (add them to tests/security/routes.FILL):\n" + "\n".join(problems)


def test_every_record_url_has_a_child_with_everything_it_names(world):
    """The world holds, for every record URL, at least one child with every object the URL names,
    so no URL is skipped for want of data."""
    missing = [
        r.name
        for r in swept_routes()
        if (r.is_record or r.object_kwargs) and not world.fills.children_for(r, world.children) and r.is_record
    ]
    missing += [
        r.name for r in swept_routes() if not r.is_record and r.object_kwargs and world.fills.for_child(r, 0) is None
    ]
    assert not missing, "No child in the world has everything these URLs name:\n" + "\n".join(missing)
