import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casework.models import Allocation, ChronologyEvent
from people import services
from people.models import Person, Relationship
from workforce.roles import Role


@pytest.fixture
def worker(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team)


def _child(worker, **extra):
    fields = {"given_name": "Jonathan", "family_name": "Smith", "date_of_birth": datetime.date(2015, 3, 27), "sex": "M"}
    return services.person_create(actor=worker, **(fields | extra))


def test_a_child_gets_a_unique_la_id_and_is_allocated_to_the_social_worker_who_creates_it(worker, team):
    child = _child(worker)
    other = _child(worker, given_name="Amy")
    assert child.la_id.startswith("C") and child.la_id != other.la_id
    child.refresh_from_db()
    assert child.current_worker == worker and child.current_team == team
    assert Allocation.objects.get(child=child, end_date__isnull=True).worker == worker
    types = set(ChronologyEvent.objects.filter(child=child).values_list("event_type", flat=True))
    assert {"person.created", "allocation.changed"} <= types


@pytest.mark.parametrize(
    "dates, field",
    [
        ({"date_of_birth": datetime.date(2999, 1, 1)}, "date_of_birth"),
        ({"date_of_birth": datetime.date(2015, 1, 1), "date_of_death": datetime.date(2014, 1, 1)}, "date_of_death"),
    ],
)
def test_impossible_dates_are_refused_and_nothing_is_saved(worker, dates, field):
    with pytest.raises(ValidationError) as error:
        _child(worker, **dates)
    assert field in error.value.error_dict
    assert not Person.objects.exists()
    assert not ChronologyEvent.objects.exists()


def test_an_edit_from_an_old_version_is_refused_and_says_what_changed(worker, make_staff, team):
    child = _child(worker)
    colleague = make_staff(Role.SOCIAL_WORKER, team=team)
    opened_at = child.version
    original = {"family_name": "Smith", "preferred_name": ""}
    services.person_update(
        actor=colleague, person=child, expected_version=opened_at, original=original, preferred_name="Jon"
    )
    with pytest.raises(services.EditConflict) as conflict:
        services.person_update(
            actor=worker, person=child, expected_version=opened_at, original=original, family_name="Smyth"
        )
    assert [(c.field, c.yours, c.theirs) for c in conflict.value.changes] == [("preferred_name", "", "Jon")]
    child.refresh_from_db()
    assert child.family_name == "Smith" and child.preferred_name == "Jon"


def test_a_save_from_the_current_version_goes_through_and_moves_the_version_on(worker):
    child = _child(worker)
    updated = services.person_update(
        actor=worker, person=child, expected_version=child.version, original={}, religion="None"
    )
    assert updated.version == child.version + 1
    event = ChronologyEvent.objects.filter(child=child, event_type="person.updated").get()
    assert event.data["fields"] == ["religion"]


def test_family_links_read_from_both_sides(worker):
    from people.selectors import family_of

    child = _child(worker)
    mother = services.family_member_create(
        actor=worker,
        child=child,
        kind="mother",
        parental_responsibility=True,
        lives_with=True,
        given_name="Sarah",
        family_name="Smith",
    )
    assert [(l.person, l.label) for l in family_of(child)] == [(mother, "Mother")]
    assert [(l.person, l.label) for l in family_of(mother)] == [(child, "Child")]
    assert not mother.is_child
    with pytest.raises(ValidationError):
        services.relationship_add(actor=worker, child=child, other=mother, kind="mother")


def test_merge_moves_every_linked_record_and_keeps_the_duplicate_marked(worker, make_staff):
    from casework.models import Visit

    admin = make_staff(Role.SYSTEM_ADMIN)
    keep = _child(worker)
    dup = _child(worker, given_name="Jon", nhs_number="9434765919")
    mother = services.family_member_create(
        actor=worker, child=dup, kind="mother", given_name="Sarah", family_name="Smith"
    )
    services.warning_add(
        actor=worker, person=dup, kind="risk_to_staff", details="Dog", review_date=datetime.date(2099, 1, 1)
    )
    kept = services.people_merge(actor=admin, keep=keep, merge=dup)
    dup.refresh_from_db()
    assert dup.merged_into == kept
    assert kept.nhs_number == "9434765919"  # filled from the duplicate, where the kept record had none
    assert Relationship.objects.get(from_person=mother).to_person == kept
    assert kept.warnings.count() == 1
    assert Allocation.objects.filter(child=kept, end_date__isnull=True).count() == 1
    assert ChronologyEvent.objects.filter(child=kept, event_type="person.merged").exists()
    assert not Person.objects.live().filter(pk=dup.pk).exists()


def test_only_an_administrator_can_merge(worker):
    a, b = _child(worker), _child(worker, given_name="Jon")
    with pytest.raises(PermissionError):
        services.people_merge(actor=worker, keep=a, merge=b)


def test_records_whose_histories_clash_are_not_merged_until_someone_decides(worker, make_staff):
    from children_in_need.testing import decide_referral, make_referral

    admin = make_staff(Role.SYSTEM_ADMIN)
    keep = _child(worker)
    dup = _child(worker, given_name="Jon")
    for child in (keep, dup):
        decide_referral(worker, make_referral(worker, child, received_at=timezone.now() - datetime.timedelta(days=3)))
    with pytest.raises(ValidationError, match="cannot be merged yet"):
        services.people_merge(actor=admin, keep=keep, merge=dup)
    dup.refresh_from_db()
    assert dup.merged_into is None
