"""Every list that names a child follows the record page's rule (access.selectors): a restricted
child is listed only for someone with an active grant, whatever their role or allocation, and
the counts beside the lists do not count them either. Each test builds the list as it is used,
then restricts the child: without a grant their name and LA ID are nowhere on the page; with one,
they are back."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.services import restricted_access_grant, restricted_access_revoke
from children_in_need.testing import (  # noqa: F401  (fixtures)
    at,
    child,
    decide_referral,
    make_assessment,
    make_contact,
    make_cp_plan,
    make_referral,
    manager,
    submit_assessment,
    today,
    worker,
)
from people.models import Person
from workforce.roles import Role

D = datetime.date


@pytest.fixture
def admin(make_staff):
    return make_staff(Role.SYSTEM_ADMIN, first_name="Ada", last_name="Admin")


@pytest.fixture
def restrict(admin):
    """restrict(child): mark the record restricted, as an administrator would; returns grant(user),
    which names `user` on the record for 30 days and returns the grant."""

    def restrict_(person):
        Person.objects.filter(pk=person.pk).update(restricted=True)

        def grant(user):
            return restricted_access_grant(
                actor=admin,
                person=person,
                user=user,
                reason="Allocated worker",
                expires_at=timezone.now() + datetime.timedelta(days=30),
            )

        return grant

    return restrict_


def page(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_hidden_then_shown_with_a_grant(client, user, url, child, grant):
    body = page(client, user, url)
    assert child.full_name not in body and child.la_id not in body
    given = grant(user)
    body = page(client, user, url)
    assert child.full_name in body
    return given


# --- My work -----------------------------------------------------------------------------------


def test_my_work_hides_a_restricted_child_allocated_to_the_worker(client, worker, child, restrict, clock, today):
    make_cp_plan(worker, child, referral_on=today)  # a core group and a visit due, one overdue later
    clock.travel_to(at(D(2025, 6, 12), 17))
    body = page(client, worker, reverse("my_work"))
    assert child.full_name in body and child.la_id in body  # my children (with LA ID), and the trays
    grant = restrict(child)
    given = assert_hidden_then_shown_with_a_grant(client, worker, reverse("my_work"), child, grant)
    assert child.la_id in page(client, worker, reverse("my_work"))
    restricted_access_revoke(actor=given.granted_by, grant=given)
    assert child.full_name not in page(client, worker, reverse("my_work"))


def test_my_work_hides_a_returned_assessment_and_one_to_authorise(client, worker, manager, child, restrict, today):
    from assessments.services import assessment_return

    decide_referral(worker, make_referral(worker, child))
    returned = submit_assessment(worker, make_assessment(worker, child))
    assessment_return(actor=manager, assessment=returned, comments="Add the father's view.")
    other = child_with_submitted_assessment(worker)
    body = page(client, worker, reverse("my_work"))
    assert "assessment returned by" in body
    assert "assessment waiting for your authorisation" in page(client, manager, reverse("my_work"))
    grant_child = restrict(child)
    grant_other = restrict(other)
    worker_page = page(client, worker, reverse("my_work"))
    assert "assessment returned by" not in worker_page and child.full_name not in worker_page
    manager_page = page(client, manager, reverse("my_work"))
    assert "waiting for your authorisation" not in manager_page and other.full_name not in manager_page
    grant_child(worker)
    grant_other(manager)
    assert "assessment returned by" in page(client, worker, reverse("my_work"))
    assert f"{other.full_name}: assessment waiting for your authorisation" in page(client, manager, reverse("my_work"))


def child_with_submitted_assessment(worker):
    from people.services import person_create

    other = person_create(actor=worker, given_name="Kit", family_name="Marlowe", date_of_birth=D(2014, 4, 4))
    decide_referral(worker, make_referral(worker, other))
    submit_assessment(worker, make_assessment(worker, other))
    return other


# --- My team and the authorisation queue ---------------------------------------------------------


def test_my_team_hides_the_childs_items_and_does_not_count_them(client, worker, manager, child, restrict, clock, today):
    make_cp_plan(worker, child, referral_on=today)
    child_with_submitted_assessment(worker)  # keeps "waiting" from being empty for the wrong reason
    clock.travel_to(at(D(2025, 6, 30), 17))  # the visit and the core group are overdue
    assert child.full_name in page(client, manager, reverse("my_team"))  # the trays name the child, not their LA ID
    grant = restrict(child)
    response = client.get(reverse("my_team"))
    body = response.content.decode()
    assert child.full_name not in body and child.la_id not in body
    (sam,) = [w for w in response.context["workers"] if w.pk == worker.pk]
    assert (sam.open_cases, sam.overdue, sam.visits_overdue) == (1, 0, 0)  # Kit Marlowe, who has nothing overdue
    assert response.context["overdue"] == [] and response.context["not_seen"] == []
    grant(manager)
    response = client.get(reverse("my_team"))
    (sam,) = [w for w in response.context["workers"] if w.pk == worker.pk]
    assert sam.open_cases == 2 and sam.overdue > 0 and sam.visits_overdue == 1
    assert child.full_name in response.content.decode()


def test_the_authorisation_queue_hides_a_restricted_childs_assessment(client, worker, manager, child, restrict, today):
    decide_referral(worker, make_referral(worker, child))
    submit_assessment(worker, make_assessment(worker, child))
    url = reverse("assessments_queue:queue")
    assert child.full_name in page(client, manager, url)
    assert_hidden_then_shown_with_a_grant(client, manager, url, child, restrict(child))
    body = page(client, manager, reverse("my_team"))
    assert child.full_name in body


# --- Looked after: the IRO's reviews and the placed-with-parents tracker ---------------------------


def test_an_iros_reviews_hide_a_restricted_child_they_chair(client, worker, child, make_staff, restrict, today):
    from looked_after import services
    from looked_after.selectors import children_chaired_by
    from looked_after.tests.factories import start_care

    iro = make_staff(Role.IRO, first_name="Irene", last_name="Reviewer")
    start_care(worker, child, D(2025, 5, 1))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 2))
    assert child.full_name in page(client, iro, reverse("reviews_home"))
    grant = restrict(child)
    assert list(children_chaired_by(user=iro)) == []
    assert_hidden_then_shown_with_a_grant(client, iro, reverse("reviews_home"), child, grant)
    assert [a.child for a in children_chaired_by(user=iro)] == [child]


def test_the_placed_with_parents_tracker_hides_a_restricted_child(client, worker, manager, child, restrict, today):
    from looked_after.tests.factories import WITH_PARENTS, move, start_care

    start_care(worker, child, D(2024, 10, 1), legal_status="C2")
    move(worker, child, D(2024, 11, 1), WITH_PARENTS)
    url = reverse("looked_after_trackers:placed_with_parents")
    assert child.full_name in page(client, manager, url)
    assert_hidden_then_shown_with_a_grant(client, manager, url, child, restrict(child))


# --- Personal advisers, private fostering, permanence, the front door, data quality ---------------


def test_a_personal_adviser_does_not_see_a_restricted_young_person_they_advise(
    client, worker, make_staff, restrict, today
):
    from care_leavers.tests.factories import make_care_leaver
    from people.services import person_create

    adviser = make_staff(Role.PERSONAL_ADVISER, first_name="Pat", last_name="Adviser")
    young_person = person_create(actor=worker, given_name="Tyler", family_name="Brown", date_of_birth=D(2008, 9, 10))
    make_care_leaver(worker, young_person, personal_adviser=adviser)  # the plan is overdue: it names them again
    url = reverse("personal_adviser_home")
    assert young_person.full_name in page(client, adviser, url)
    assert_hidden_then_shown_with_a_grant(client, adviser, url, young_person, restrict(young_person))


def test_the_private_fostering_list_hides_a_restricted_child(client, worker, child, make_staff, restrict, today):
    from private_fostering.tests.factories import notify

    officer = make_staff(Role.PRIVATE_FOSTERING_OFFICER, first_name="Fran", last_name="Officer")
    notify(officer, child, D(2025, 6, 2))
    url = reverse("private_fostering_home")
    assert child.full_name in page(client, officer, url)
    assert_hidden_then_shown_with_a_grant(client, officer, url, child, restrict(child))


def test_the_permanence_tracker_hides_a_restricted_child(client, worker, manager, child, restrict, today):
    from permanence.tests.factories import make_decision

    make_decision(worker, child, decided_on=D(2025, 1, 2))
    url = reverse("permanence_tracker:decisions")
    assert child.full_name in page(client, manager, url)
    assert_hidden_then_shown_with_a_grant(client, manager, url, child, restrict(child))


def test_the_front_door_queue_hides_a_restricted_child(client, worker, child, make_staff, restrict, today):
    mash = make_staff(Role.MASH_WORKER)
    make_contact(worker, child)
    make_referral(worker, child)
    url = reverse("front_door_queue:queue")
    assert child.full_name in page(client, mash, url)
    assert_hidden_then_shown_with_a_grant(client, mash, url, child, restrict(child))


def test_data_quality_neither_lists_nor_counts_a_restricted_child(client, worker, manager, child, restrict, today):
    from looked_after.tests.factories import start_care

    start_care(worker, child, D(2024, 5, 1))
    client.force_login(manager)
    problems = client.get(reverse("data_quality:dashboard")).context["total"]
    assert problems > 0
    grant = restrict(child)
    assert client.get(reverse("data_quality:dashboard")).context["total"] == 0
    assert_hidden_then_shown_with_a_grant(client, manager, reverse("data_quality:children"), child, grant)
    assert client.get(reverse("data_quality:dashboard")).context["total"] == problems


# --- The one rule, as a queryset filter ------------------------------------------------------------


def test_visible_to_follows_people_visible_to_and_adds_no_query(
    worker, manager, child, restrict, today, django_assert_num_queries
):
    from access.selectors import people_visible_to, visible_to
    from timescales.models import DueItem

    make_cp_plan(worker, child, referral_on=today)
    items = DueItem.objects.open()
    everything = items.count()
    with django_assert_num_queries(1):
        assert len(list(visible_to(manager, items))) == everything > 0
    grant = restrict(child)
    with django_assert_num_queries(1):
        assert list(visible_to(worker, items)) == []
    grant(worker)
    assert {i.person_id for i in visible_to(worker, items)} == set(
        people_visible_to(worker).values_list("pk", flat=True)
    )
    assert list(visible_to(manager, items)) == []


def test_a_restricted_relative_is_not_named_on_a_childs_family_tab_or_summary(
    client, worker, child, restrict, make_staff
):
    """An adopted sibling's or a relative's restricted record shows on a visible child's family tab
    as "a person with a restricted record" only, until the reader is named on it."""
    from people.choices import RelationshipKind
    from people.services import family_member_create

    sibling = family_member_create(
        actor=worker,
        child=child,
        kind=RelationshipKind.SIBLING,
        is_child=True,
        given_name="Quilla",
        family_name="Ramsbottom",
        date_of_birth=D(2015, 3, 4),
    )
    grant = restrict(sibling)
    for url in (reverse("people:family", args=[child.pk]), reverse("people:summary", args=[child.pk])):
        body = page(client, worker, url)
        assert "Ramsbottom" not in body and sibling.la_id not in body
        assert "A person with a restricted record" in body
    grant(worker)
    assert "Quilla Ramsbottom" in page(client, worker, reverse("people:family", args=[child.pk]))
