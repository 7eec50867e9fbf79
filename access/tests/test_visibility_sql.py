"""Inside a request the visibility rule is compiled once and reused (access.visibility_sql); the
rows each list keeps must be exactly the rows the rule built afresh keeps, for every kind of
person the rule lets in or keeps out, and whichever table the list is on."""

import datetime

import pytest
from django.db.models import Exists, OuterRef
from django.utils import timezone

from access import selectors, visibility_sql
from access.selectors import people_visible_to, visible_to
from access.services import restricted_access_grant
from children_in_need.testing import child, manager, other_team, stranger, worker  # noqa: F401  (fixtures)
from people.models import Person, Relationship
from people.services import person_create, relationship_add
from workforce.roles import Role


@pytest.fixture
def in_a_request():
    token = visibility_sql._scope.set({})
    yield
    visibility_sql._scope.reset(token)


@pytest.fixture
def record(worker, stranger, make_staff, child):
    """The worker's child and her mother; a restricted child of the worker's with a grant to the
    manager only; the stranger's own child."""
    admin = make_staff(Role.SYSTEM_ADMIN)
    mother = person_create(actor=worker, is_child=False, given_name="Ann", family_name="Smith")
    relationship_add(actor=worker, child=child, other=mother, kind="mother")
    hidden = person_create(
        actor=worker, given_name="Rae", family_name="Hidden", date_of_birth=datetime.date(2016, 1, 2)
    )
    Person.objects.filter(pk=hidden.pk).update(restricted=True)
    person_create(actor=stranger, given_name="Lee", family_name="Elsewhere", date_of_birth=datetime.date(2014, 5, 6))
    return admin, hidden


def uncached(user, queryset, via):
    return queryset.filter(Exists(people_visible_to(user).filter(pk=OuterRef(via))))


@pytest.mark.parametrize("role", ["worker", "manager", "stranger", "iro"])
def test_the_compiled_rule_keeps_the_same_rows_as_the_rule_built_afresh(
    request, record, in_a_request, make_staff, role
):
    admin, hidden = record
    user = make_staff(Role.IRO) if role == "iro" else request.getfixturevalue(role)
    if role == "manager":
        restricted_access_grant(
            actor=admin,
            person=hidden,
            user=user,
            reason="Team manager",
            expires_at=timezone.now() + datetime.timedelta(days=30),
        )
    lists = [
        (Person.objects.all(), "pk"),  # the rule's own table: the aliases must not meet
        (Relationship.objects.all(), "from_person"),
        (Relationship.objects.all(), "to_person"),
    ]
    for queryset, via in lists:
        cached = set(visible_to(user, queryset, via=via).values_list("pk", flat=True))
        assert cached == set(uncached(user, queryset, via).values_list("pk", flat=True))
    seen = set(visible_to(user, Person.objects.all(), via="pk").values_list("given_name", flat=True))
    expected = {
        "worker": {"Jay", "Ann"},
        "manager": {"Jay", "Ann", "Rae"},
        "stranger": {"Lee"},
        "iro": {"Jay", "Ann", "Lee"},
    }[role]
    assert seen == expected


@pytest.mark.parametrize("role", ["worker", "manager", "stranger", "iro"])
def test_one_persons_visibility_by_the_kept_rule_is_the_rules_answer(request, record, in_a_request, make_staff, role):
    """The record pages ask of one person (access.selectors.person_get_for_user, can_view_person):
    the kept SQL answers as the rule built afresh, for everyone in the database and a missing id."""
    admin, hidden = record
    user = make_staff(Role.IRO) if role == "iro" else request.getfixturevalue(role)
    if role == "manager":
        restricted_access_grant(
            actor=admin,
            person=hidden,
            user=user,
            reason="Team manager",
            expires_at=timezone.now() + datetime.timedelta(days=30),
        )
    everyone = list(Person.objects.values_list("pk", flat=True))
    rules = tuple(selectors._VISIBILITY_RULES)
    answers = {
        pk: visibility_sql.holds(user, "default", people_visible_to, rules, pk) for pk in [*everyone, max(everyone) + 1]
    }
    assert answers == {pk: people_visible_to(user).filter(pk=pk).exists() for pk in answers}
    assert any(answers.values()) and not all(answers.values())


def test_a_list_of_a_list_keeps_the_same_rows(record, worker, in_a_request):
    """The compiled rule inside a subquery of another query (its outer column is then an alias
    Django renamed)."""
    inner = visible_to(worker, Relationship.objects.all(), via="to_person")
    cached = set(Person.objects.filter(Exists(inner.filter(from_person=OuterRef("pk")))).values_list("pk", flat=True))
    plain = uncached(worker, Relationship.objects.all(), "to_person")
    assert cached == set(
        Person.objects.filter(Exists(plain.filter(from_person=OuterRef("pk")))).values_list("pk", flat=True)
    )
    assert cached  # the mother, through her daughter's record


def test_outside_a_request_nothing_is_cached(worker):
    assert visibility_sql.compiled(worker, "default", people_visible_to) is None
    assert visibility_sql.holds(worker, "default", people_visible_to, (), worker.pk) is None


def test_the_kept_rule_compares_with_the_moment_of_each_request(record, manager, clock):
    """The text is kept between requests; a grant that has expired since it was written no longer
    opens the record."""
    admin, hidden = record
    clock.travel_to(timezone.now())
    restricted_access_grant(
        actor=admin,
        person=hidden,
        user=manager,
        reason="Cover for a week",
        expires_at=clock.now() + datetime.timedelta(days=7),
    )

    def names_in_a_request():
        token = visibility_sql._scope.set({})
        try:
            return set(visible_to(manager, Person.objects.all(), via="pk").values_list("given_name", flat=True))
        finally:
            visibility_sql._scope.reset(token)

    assert "Rae" in names_in_a_request()
    assert any(key[1] == manager.pk for key in visibility_sql._kept)  # kept, not only for the request
    clock.advance(days=8)
    assert "Rae" not in names_in_a_request()
    assert names_in_a_request() == {"Jay", "Ann"}
