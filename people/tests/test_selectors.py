import datetime

import pytest

from access.services import restricted_access_grant
from people import services
from people.selectors import SearchQuery, likely_duplicates, person_search, search_results
from workforce.roles import Role
from workforce.services import team_create


@pytest.fixture
def worker(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team)


def _child(actor, given, family, dob=datetime.date(2015, 3, 27), **extra):
    return services.person_create(
        actor=actor, given_name=given, family_name=family, date_of_birth=dob, sex="M", **extra
    )


def test_a_misspelt_name_finds_the_child(worker):
    jonathan = _child(worker, "Jonathan", "Smith")
    _child(worker, "Priya", "Kaur")
    results = list(person_search(user=worker, query=SearchQuery(name="Jonathon Smyth")))
    assert results[0] == jonathan
    assert len(results) == 1


def test_sounds_alike_names_are_found(worker):
    catherine = _child(worker, "Catherine", "Thompson")
    results = list(person_search(user=worker, query=SearchQuery(name="Katherine Thompson")))
    assert catherine in results


def test_search_by_identifier_and_date_of_birth(worker):
    child = _child(worker, "Amy", "Jones", nhs_number="9434765919")
    assert list(person_search(user=worker, query=SearchQuery(identifier="943 476 5919"))) == [child]
    assert list(person_search(user=worker, query=SearchQuery(identifier=child.la_id.lower()))) == [child]
    assert list(person_search(user=worker, query=SearchQuery(date_of_birth=datetime.date(2015, 3, 27)))) == [child]
    assert (
        list(person_search(user=worker, query=SearchQuery(name="Amy Jones", date_of_birth=datetime.date(2015, 3, 28))))
        == []
    )


def test_search_only_finds_what_the_user_may_see(worker, make_staff):
    _child(worker, "Jonathan", "Smith")
    other_team = team_create(name="Another team")
    stranger = make_staff(Role.SOCIAL_WORKER, team=other_team)
    assert list(person_search(user=stranger, query=SearchQuery(name="Jonathan Smith"))) == []
    mash = make_staff(Role.MASH_WORKER)
    assert len(person_search(user=mash, query=SearchQuery(name="Jonathan Smith"))) == 1


def test_restricted_records_are_found_only_by_named_people(worker, make_staff):
    from people.models import Person

    admin = make_staff(Role.SYSTEM_ADMIN)
    child = _child(worker, "Jonathan", "Smith")
    Person.objects.filter(pk=child.pk).update(restricted=True)
    senior = make_staff(Role.SENIOR_LEADER)
    assert list(person_search(user=senior, query=SearchQuery(name="Jonathan Smith"))) == []
    assert list(person_search(user=worker, query=SearchQuery(name="Jonathan Smith"))) == []
    from django.utils import timezone

    restricted_access_grant(
        actor=admin, person=child, user=senior, reason="Audit", expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert list(person_search(user=senior, query=SearchQuery(name="Jonathan Smith"))) == [child]


def test_likely_duplicates_match_a_near_name_with_the_same_birthday(worker):
    jonathan = _child(worker, "Jonathan", "Smith")
    _child(worker, "Jonathan", "Smith", dob=datetime.date(2012, 1, 1))
    found = list(
        likely_duplicates(
            user=worker, given_name="Jonathon", family_name="Smyth", date_of_birth=datetime.date(2015, 3, 27)
        )
    )
    assert found == [jonathan]


def test_search_query_count_does_not_grow_with_results(worker, django_assert_max_num_queries):
    for i in range(30):
        _child(worker, "Jonathan", "Smith", dob=datetime.date(2010, 1, 1) + datetime.timedelta(days=i))
    with django_assert_max_num_queries(3):
        results = list(person_search(user=worker, query=SearchQuery(name="Jonathan Smith")))
        [str(r.current_worker) + str(r.current_team) for r in results]
    assert len(results) == 30


def test_the_search_page_counts_and_pages_what_the_full_search_finds(worker, make_staff, django_assert_max_num_queries):
    """search_results (the search page) counts from the index lookups and fetches a page by ids:
    the same people, in the same order, limited the same way to what each user may see."""
    for i in range(12):
        _child(worker, "Jonathan", "Smith", dob=datetime.date(2010, 1, 1) + datetime.timedelta(days=i))
    _child(worker, "Jonathon", "Smyth")
    _child(worker, "Priya", "Kaur")
    stranger = make_staff(Role.SOCIAL_WORKER, team=team_create(name="Another team"))
    for user in (worker, make_staff(Role.MASH_WORKER), stranger):
        for query in (
            SearchQuery(name="Jonathan Smith"),
            SearchQuery(name="Smith", date_of_birth=datetime.date(2010, 1, 3)),
            SearchQuery(date_of_birth=datetime.date(2010, 1, 5)),
        ):
            everyone = list(person_search(user=user, query=query))
            results = search_results(user=user, query=query)
            assert results.count() == len(everyone)
            with django_assert_max_num_queries(2):  # the ids of the page, then those people with worker and team
                page = results[5:10]
                [str(r.current_worker) + str(r.current_team) for r in page]
            assert page == everyone[5:10]
    assert search_results(user=stranger, query=SearchQuery(name="Jonathan Smith")).count() == 0


def test_the_page_expected_is_read_with_its_count(worker, make_staff, django_assert_max_num_queries):
    """With the page it will show (`window`), the search page reads that page's ids and the count
    in one query (the ranking reads every match anyway), then those people: the same people, in
    the same order, as the full search; a cut last page, another page or a page past the end
    still count and read what the full search finds."""
    for i in range(25):
        _child(worker, "Jonathan", "Smith", dob=datetime.date(2010, 1, 1) + datetime.timedelta(days=i))
    for user in (worker, make_staff(Role.MASH_WORKER)):
        for query in (
            SearchQuery(name="Jonathan Smith"),
            SearchQuery(name="Smiht"),
            SearchQuery(name="Smith", date_of_birth=datetime.date(2010, 1, 3)),
        ):
            everyone = list(person_search(user=user, query=query))
            for window, asked in (((0, 20), (0, 20)), ((20, 40), (20, len(everyone))), ((40, 60), (0, 20))):
                results = search_results(user=user, query=query, window=window)
                with django_assert_max_num_queries(2 if asked[0] == window[0] else 4):
                    assert results.count() == len(everyone)
                    page = results[asked[0] : asked[1]]
                    [str(r.current_worker) + str(r.current_team) for r in page]
                assert page == everyone[asked[0] : asked[1]]
