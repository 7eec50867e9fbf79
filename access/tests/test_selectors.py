"""Who may see a child: the allocated worker, their team and its managers, authority-wide
readers; named people only for restricted records; nobody else."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from access.models import RecordRead
from access.selectors import people_visible_to, person_get_for_user
from access.services import restricted_access_grant, restricted_access_revoke
from people import services as people_services
from people.models import Person
from workforce.roles import AUTHORITY_WIDE_READERS, Role
from workforce.services import team_create


@pytest.fixture
def setting(make_staff, team):
    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    teammate = make_staff(Role.SOCIAL_WORKER, team=team)
    manager = make_staff(Role.TEAM_MANAGER)
    team.manager = manager
    team.save()
    other_team = team_create(name="Other team")
    stranger = make_staff(Role.SOCIAL_WORKER, team=other_team)
    other_manager = make_staff(Role.TEAM_MANAGER, team=other_team)
    child = people_services.person_create(
        actor=worker, given_name="Maya", family_name="Patel", date_of_birth=datetime.date(2016, 5, 1), sex="F"
    )
    mother = people_services.family_member_create(
        actor=worker, child=child, kind="mother", given_name="Rina", family_name="Patel"
    )
    return locals()


def test_allocated_worker_team_and_manager_see_the_child_and_their_family(setting):
    for who in ("worker", "teammate", "manager"):
        visible = set(people_visible_to(setting[who]))
        assert {setting["child"], setting["mother"]} <= visible, who


def test_other_teams_do_not(setting):
    for who in ("stranger", "other_manager"):
        assert not people_visible_to(setting[who]).exists(), who


@pytest.mark.parametrize("role", sorted(AUTHORITY_WIDE_READERS))
def test_authority_wide_readers_see_every_unrestricted_child(setting, make_staff, role):
    reader = make_staff(role)
    assert setting["child"] in set(people_visible_to(reader))


def test_not_yours_and_does_not_exist_are_the_same_404(setting):
    with pytest.raises(Http404):
        person_get_for_user(setting["stranger"], setting["child"].pk)
    with pytest.raises(Http404):
        person_get_for_user(setting["stranger"], 987654321)
    with pytest.raises(Http404):
        person_get_for_user(setting["worker"], "not-a-number")


def test_every_opening_is_logged(setting, rf):
    request = rf.get(f"/people/{setting['child'].pk}/")
    person_get_for_user(setting["worker"], setting["child"].pk, request=request)
    person_get_for_user(setting["manager"], setting["child"].pk, request=request)
    assert RecordRead.objects.filter(person_id=setting["child"].pk).count() == 2


def test_a_restricted_record_is_seen_only_by_named_people_while_the_grant_lasts(setting, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    child = setting["child"]
    Person.objects.filter(pk=child.pk).update(restricted=True)
    assert child not in set(people_visible_to(setting["worker"]))
    assert child not in set(people_visible_to(admin))
    grant = restricted_access_grant(
        actor=admin,
        person=child,
        user=setting["worker"],
        reason="Allocated worker",
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )
    assert child in set(people_visible_to(setting["worker"]))
    assert child not in set(people_visible_to(setting["teammate"]))
    restricted_access_revoke(actor=admin, grant=grant)
    assert child not in set(people_visible_to(setting["worker"]))


def test_an_expired_grant_gives_no_access(setting, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    child = setting["child"]
    Person.objects.filter(pk=child.pk).update(restricted=True)
    now = timezone.now()
    restricted_access_grant(
        actor=admin,
        person=child,
        user=setting["worker"],
        reason="Past",
        starts_at=now - datetime.timedelta(days=10),
        expires_at=now - datetime.timedelta(days=1),
    )
    assert child not in set(people_visible_to(setting["worker"]))


def test_only_administrators_grant_access(setting):
    with pytest.raises(PermissionError):
        restricted_access_grant(
            actor=setting["manager"],
            person=setting["child"],
            user=setting["stranger"],
            reason="x",
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )


def test_a_merged_record_disappears_from_view(setting, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    dup = people_services.person_create(
        actor=setting["worker"],
        given_name="Maya",
        family_name="Patel",
        date_of_birth=datetime.date(2016, 5, 1),
        sex="F",
    )
    people_services.people_merge(actor=admin, keep=setting["child"], merge=dup)
    with pytest.raises(Http404):
        person_get_for_user(setting["worker"], dup.pk)
