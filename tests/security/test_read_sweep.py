"""Every URL x every role (workforce.roles.Role), for each scenario: a RESTRICTED child, a child of
ANOTHER team, a FOREIGN object (another child's id in the URL of a child the user may see), and a
MISSING id. "Not yours" and "does not exist" are both 404 (README, "Fetch and authorise")."""

import pytest

from tests.security.routes import constant_key, swept_routes
from tests.security.sweeper import ROLES
from workforce.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _answers(world):
    return {}


@pytest.fixture
def unchanged(world, db, _answers):
    """The sweep of the tests that change nothing in the world (all but the restricted one, which
    restricts every child): they ask many of the same URLs as the same roles, and share the answers."""
    from tests.security.sweeper import Sweeper

    return Sweeper(world, answers=_answers)


def _theirs(user, child_id) -> bool:
    """Whether the child is one the user works with (not "another team's")."""
    from access.selectors import team_ids_for
    from care_leavers.models import CareLeaver
    from people.models import Person

    child = Person.objects.get(pk=child_id)
    if child.current_worker_id == user.pk or (child.current_team_id and child.current_team_id in team_ids_for(user)):
        return True
    if CareLeaver.objects.filter(person_id=child_id, personal_adviser=user).exists():
        return True
    # An auditor reads the children of their open audits (audits.access), whatever their team.
    from access.capabilities import Relationship, stands_in

    return stands_in(user, child, Relationship.AUDITING)


def _blind(sweep, role, other_url, status) -> bool:
    """A 403 (role may not use the page at all) or 405 (wrong method) is no finding when the same
    role gets the same answer for `other_url` (the same page with other ids): it says nothing
    about whether the record exists."""
    return status in {403, 405} and sweep.get(role, other_url).status_code == status


def _all_missing(route, kwargs, world):
    return route.url(**{k: (v if k == "kind" else world.missing) for k, v in kwargs.items()})


def _manages_access(role, route) -> bool:
    """The one page that may name a record its user cannot read: an administrator's page for
    restricting a record and naming who may see it (people:restricted_access) shows who the person
    is (name, LA ID, date of birth) and nothing of the case; it is logged in the read log. Its
    content is checked by people/tests/test_restricted_access.py."""
    from access.capabilities import Capability, roles_with

    return route.name == "people:restricted_access" and role in roles_with(Capability.MANAGE_ACCESS)


def _list_pages():
    return [r for r in swept_routes() if not r.is_record and not r.object_kwargs]


def test_restricted_children_are_404_everywhere_and_never_named(sweep, world):
    """Every child restricted, and still allocated to their own team and worker, with no grant:
    no record page opens for anyone and no page, list pages included, names any of them."""
    from access.models import RestrictedAccessGrant
    from people.models import Person

    RestrictedAccessGrant.objects.all().delete()
    Person.objects.filter(pk__in=world.children).update(restricted=True)
    for route in swept_routes():
        candidates = world.fills.children_for(route, world.children) if route.is_record else [None]
        kwargs = world.fills.for_child(route, candidates[0]) if route.is_record else world.fills.for_child(route, 0)
        url = route.url(**kwargs)
        for role in ROLES:
            response = sweep.get(role, url)
            sweep.check_no_server_error("restricted", role, url, response)
            if _manages_access(role, route):
                continue
            if (
                route.is_record
                and response.status_code != 404
                and not _blind(sweep, role, _all_missing(route, kwargs, world), response.status_code)
            ):
                sweep.violation("restricted", role, url, f"{response.status_code}, not 404")
            shown = sweep.names_shown(response, world.children)
            if shown:
                sweep.violation("restricted", role, url, f"{response.status_code} names {', '.join(shown)}")
    sweep.assert_none("pages open or name a restricted child")


def test_another_teams_child_is_404_to_roles_that_do_not_read_across_the_authority(unchanged, world):
    from workforce import roles

    readers = roles.AUTHORITY_WIDE_READERS  # read at run time: the set changes (administrators leave it)
    for role in [r for r in ROLES if r not in readers]:
        user = world.user(role)
        others = [c for c in world.children if not _theirs(user, c)]
        for route in swept_routes():
            if route.is_record:
                candidates = world.fills.children_for(route, others)
                if not candidates:
                    continue
                kwargs = world.fills.for_child(route, candidates[0])
                url = route.url(**kwargs)
                response = unchanged.get(role, url)
                unchanged.check_no_server_error("other team", role, url, response)
                if _manages_access(role, route):
                    continue
                if response.status_code != 404 and not _blind(
                    unchanged, role, _all_missing(route, kwargs, world), response.status_code
                ):
                    unchanged.violation("other team", role, url, f"{response.status_code}, not 404")
            elif all(constant_key(route, k) for k in route.object_kwargs):
                url = route.url(**world.fills.for_child(route, 0))
                response = unchanged.get(role, url)
                shown = unchanged.names_shown(response, others)
                if shown:
                    unchanged.violation("other team", role, url, f"{response.status_code} names {', '.join(shown)}")
    unchanged.assert_none("pages open or name another team's child")


def test_another_childs_object_in_a_visible_childs_url_is_404(unchanged, world):
    from access.selectors import people_visible_to

    routes = [r for r in swept_routes() if r.is_record and [k for k in r.object_kwargs if k != "kind"]]
    for role in ROLES:
        visible = list(
            people_visible_to(world.user(role)).filter(is_child=True).order_by("pk").values_list("pk", flat=True)
        )
        for route in routes:
            owner = world.fills.children_for(route, world.children)[0]
            host = next((c for c in visible if c != owner), None)
            if host is None:
                continue
            kwargs = world.fills.for_child(route, owner) | {"person_id": host}
            url = route.url(**kwargs)
            response = unchanged.get(role, url)
            unchanged.check_no_server_error("foreign", role, url, response)
            # Compared with the same visible child and ids that do not exist: the same 403 says nothing.
            own_missing = route.url(
                **{k: (v if k in ("kind", "person_id") else world.missing) for k, v in kwargs.items()}
            )
            if response.status_code != 404 and not _blind(unchanged, role, own_missing, response.status_code):
                unchanged.violation("foreign", role, url, f"{response.status_code}, not 404")
    unchanged.assert_none("pages open another child's record through a visible child's URL")


def test_missing_ids_are_404(unchanged, world):
    from access.selectors import people_visible_to

    for role in ROLES:
        visible = set(people_visible_to(world.user(role)).values_list("pk", flat=True))
        for route in swept_routes():
            if not route.object_kwargs and not route.is_record:
                continue
            if route.is_record:
                owner = world.fills.children_for(route, world.children)[0]
                kwargs = world.fills.for_child(route, owner)
                existing = route.url(**kwargs)
                urls = [route.url(**(kwargs | {"person_id": world.missing}))]
                ids = [k for k in route.object_kwargs if k != "kind"]
                if ids and owner in visible:
                    urls.append(route.url(**(kwargs | {k: world.missing for k in ids})))
            else:
                existing = route.url(**world.fills.for_child(route, 0))
                urls = [route.url(**{k: world.missing for k in route.object_kwargs})]
            for url in urls:
                response = unchanged.get(role, url)
                unchanged.check_no_server_error("missing", role, url, response)
                # Allegations are swept by their own test, which wants 404 from every role but the LADO.
                if response.status_code != 404 and (
                    "allegation_id" in route.kwargs or not _blind(unchanged, role, existing, response.status_code)
                ):
                    unchanged.violation("missing", role, url, f"{response.status_code}, not 404")
    unchanged.assert_none("pages answer something other than 404 for an id that does not exist")


def test_allegation_pages_are_404_to_everyone_but_the_lado(unchanged, world):
    """The LADO's allegations are 404 to everyone else, existing or not; senior leaders, who oversee
    the LADO service (allegations.selectors.READERS), may read an allegation's page and nothing more."""
    from allegations.selectors import READERS

    routes = [r for r in swept_routes() if "allegation_id" in r.kwargs]
    existing = world.fills.whole["allegation_id"][0]
    for role in ROLES:
        for route in routes:
            for scenario, allegation in (("allegation", existing), ("missing", world.missing)):
                url = route.url(allegation_id=allegation)
                response = unchanged.get(role, url)
                unchanged.check_no_server_error(scenario, role, url, response)
                lado_sees_it = role == Role.LADO_OFFICER and scenario == "allegation"
                reader_reads_it = (
                    role in READERS
                    and scenario == "allegation"
                    and route.name == "allegations:detail"
                    and response.status_code == 200
                )
                if not (lado_sees_it or reader_reads_it) and response.status_code != 404:
                    unchanged.violation(scenario, role, url, f"{response.status_code}, not 404")
    unchanged.assert_none("allegation pages answer something other than 404")


def test_pages_with_case_data_are_never_stored_by_the_browser(unchanged, world):
    """Every page that opens for a role that reads across the authority (and each role's own list
    pages) says Cache-Control: no-store."""
    for role in ROLES:
        for route in swept_routes():
            if route.is_record and role != Role.QA_OFFICER:
                continue  # one reader opens every record page; the 404s above carry no case data
            candidates = world.fills.children_for(route, world.children) if route.is_record else [0]
            url = route.url(**world.fills.for_child(route, candidates[0]))
            response = unchanged.get(role, url)
            unchanged.check_no_server_error("cache", role, url, response)
            if response.status_code == 200 and "no-store" not in response.get("Cache-Control", ""):
                unchanged.violation("cache", role, url, f"Cache-Control: {response.get('Cache-Control')!r}")
    unchanged.assert_none("pages with case data may be stored by the browser")
