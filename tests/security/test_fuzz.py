"""Bad input never gives a 500: every URL, GET with random query strings (the keys views read,
plus random ones) and POST with the form's own field names holding hostile values, as a user who
may use the page. Derandomized, so CI sees the same examples every run."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.forms import field_names
from tests.security.routes import swept_routes
from tests.security.sweeper import ROLES
from workforce.roles import Role

pytestmark = pytest.mark.django_db

QUERY_KEYS = [
    "page",
    "q",
    "worker",
    "what",
    "contact",
    "team",
    "kind",
    "status",
    "sort",
    "day",
    "month",
    "year",
    "date-day",
    "date-month",
    "date-year",
    "from",
    "to",
    "next",
    "tab",
    "filter",
]
HOSTILE = [
    "99999999999999999999",
    "-1",
    "0",
    "'",
    '"',
    "<script>",
    "\u0000",
    "é☃𝄞",
    "",
    " ",
    "1e309",
    "NaN",
    "2025-02-30",
    "%",
    "../../etc/passwd",
    "x" * 5000,
    "[]",
    "{}",
]
hostile = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30), st.integers().map(str))
FUZZ = settings(max_examples=4, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def _answers(world):
    return {}


@pytest.fixture
def sweep(world, db, _answers):
    """Every request here is undone, so the tests share the plain GETs that find who may use each
    page and which fields its form has (the same URL as the same role gets the same answer)."""
    from tests.security.sweeper import Sweeper

    return Sweeper(world, answers=_answers)


class _Rollback(Exception):
    pass


def _undone(fn):
    """Run a request and undo whatever it wrote, so examples do not change the world."""
    try:
        with transaction.atomic():
            fn()
            raise _Rollback
    except _Rollback:
        pass


def _user_for(world, route, child_id):
    """A role that may use the page: the child's worker, or the role whose home page it is."""
    from people.models import Person

    if child_id:
        worker = Person.objects.get(pk=child_id).current_worker_id
        for role in ROLES:
            if world.user(role).pk == worker:
                return role
    return None


def _targets(world):
    for route in swept_routes():
        candidates = world.fills.children_for(route, world.children) if route.is_record else [0]
        if not candidates:
            continue
        kwargs = world.fills.for_child(route, candidates[0])
        yield route, route.url(**kwargs), _user_for(world, route, candidates[0] if route.is_record else None)


def _roles_to_try(sweep, url, preferred):
    """The preferred role, else the first role the page opens for."""
    order = ([preferred] if preferred else []) + [r for r in ROLES if r != preferred]
    for role in order:
        if sweep.get(role, url).status_code == 200:
            return role
    return None


def test_random_query_strings_never_give_a_500(sweep, world):
    for route, url, preferred in _targets(world):
        role = _roles_to_try(sweep, url, preferred)
        if role is None:
            continue

        @FUZZ
        @given(
            st.dictionaries(
                st.one_of(st.sampled_from(QUERY_KEYS), st.text(min_size=1, max_size=8)), hostile, max_size=5
            )
        )
        def fuzz(params):
            def request():
                response = sweep.client(role).get(url, params)
                if response.status_code >= 500:
                    sweep.violation("fuzz GET", role, f"{url}?{params!r}"[:200], f"{response.status_code}")

            _undone(request)

        fuzz()
    sweep.assert_none("GETs gave a server error")


def test_hostile_form_data_never_gives_a_500(sweep, world):
    for route, url, preferred in _targets(world):
        role = _roles_to_try(sweep, url, preferred)
        if role is None:
            continue
        names = field_names(sweep.get(role, url).content.decode(errors="replace"))
        if not names:
            continue

        @FUZZ
        @given(
            st.one_of(
                st.sampled_from(HOSTILE).map(lambda v: {n: v for n in names}),
                st.fixed_dictionaries({n: hostile for n in names}),
            )
        )
        def fuzz(data):
            def request():
                response = sweep.post(role, url, data)
                if response.status_code >= 500:
                    sample = {k: v[:25] for k, v in list(data.items())[:4]}
                    sweep.violation("fuzz POST", role, f"{url} {sample!r}"[:200], f"{response.status_code}")

            _undone(request)

        fuzz()
    sweep.assert_none("POSTs gave a server error")


def test_known_bad_inputs_never_give_a_500(sweep, world):
    """The cases found by hand before the fuzz existed, kept as fixed examples."""
    route = next(r for r in swept_routes() if r.name == "front_door:referral_new")
    child = world.fills.children_for(route, world.children)[0]
    role = _roles_to_try(sweep, route.url(person_id=child), _user_for(world, route, child)) or Role.MASH_WORKER
    for url in [route.url(person_id=child) + "?contact='", "/django-admin/r/1/1/"]:
        response = sweep.get(Role.SYSTEM_ADMIN if url.startswith("/django-admin") else role, url)
        if response.status_code >= 500:
            sweep.violation("known", role, url, f"{response.status_code}")
    sweep.assert_none("known bad inputs gave a server error")
