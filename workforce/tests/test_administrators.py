"""The Django admin is for configuration only, and administrators are not superusers: they
change teams, staff accounts, local standards and bank holidays, and see nothing of a child."""

import datetime

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from casework.services import case_note_record
from people import services as people_services
from workforce.models import User
from workforce.roles import Role

CONFIGURATION = {
    "workforce.user",
    "workforce.team",
    "timescales.bankholiday",
    "timescales.localstandard",
    "oversight.oversightstart",
    "performance.populationestimate",
    "staff.inductionitem",
    "staff.course",
    "staff.agencypricecap",
    "caseloads.caseweight",
    "caseloads.caseloadlimit",
}


@pytest.fixture
def case(make_staff, team):
    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    child = people_services.person_create(
        actor=worker, given_name="Zebedee", family_name="Quartermaine", date_of_birth=datetime.date(2016, 5, 1), sex="M"
    )
    people_services.warning_add(
        actor=worker,
        person=child,
        kind="risk_to_staff",
        details="Uncle Rupert is aggressive",
        review_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    case_note_record(
        actor=worker,
        child=child,
        note_type="telephone",
        subject="Home visit",
        occurred_at=datetime.datetime.now(datetime.UTC),
        body="Marmalade stains on the ceiling",
    )
    return child


def _registered():
    return {f"{model._meta.app_label}.{model._meta.model_name}": model for model in admin.site._registry}


def test_only_configuration_is_registered_in_the_admin():
    assert set(_registered()) == CONFIGURATION


def test_the_admin_index_and_every_list_show_nothing_of_a_child(client, make_staff, case):
    administrator = make_staff(Role.SYSTEM_ADMIN)
    client.force_login(administrator)
    index = client.get("/django-admin/")
    assert index.status_code == 200
    pages = [index.content.decode()]
    for label in _registered():
        app_label, model_name = label.split(".")
        response = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
        assert response.status_code == 200, label
        pages.append(response.content.decode())
    for body in pages:
        for secret in ("Zebedee", "Quartermaine", "Uncle Rupert", "Marmalade", "Due item", "Record read", "Events"):
            assert secret not in body


def test_audit_events_due_items_and_sign_in_attempts_are_not_in_the_admin(client, make_staff, case):
    client.force_login(make_staff(Role.SYSTEM_ADMIN))
    for url in (
        "/django-admin/pghistory/events/",
        "/django-admin/timescales/dueitem/",
        "/django-admin/access/recordread/",
        "/django-admin/axes/accessattempt/",
        "/django-admin/auth/group/",
    ):
        assert client.get(url).status_code == 404, url


def test_an_administrator_is_not_a_superuser_and_has_only_configuration_permissions(make_staff):
    administrator = make_staff(Role.SYSTEM_ADMIN)
    assert administrator.is_staff and not administrator.is_superuser
    assert administrator.has_perm("workforce.change_team")
    assert administrator.has_perm("timescales.change_localstandard")
    assert administrator.has_perm("timescales.add_bankholiday")
    for outside in (
        "people.view_person",
        "casework.view_casenote",
        "timescales.view_dueitem",
        "access.view_recordread",
        "auth.change_group",
        "auth.change_permission",
        "workforce.delete_user",
    ):
        assert not administrator.has_perm(outside), outside


def test_an_administrator_cannot_make_anyone_a_superuser_through_the_staff_form(client, make_staff):
    administrator = make_staff(Role.SYSTEM_ADMIN)
    client.force_login(administrator)
    body = client.get(reverse("admin:workforce_user_change", args=[administrator.pk])).content.decode()
    assert 'name="is_superuser"' not in body and 'name="user_permissions"' not in body and 'name="groups"' not in body


def test_changing_someones_role_in_the_admin_gives_or_takes_the_admin(client, make_staff, team):
    administrator = make_staff(Role.SYSTEM_ADMIN)
    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    client.force_login(administrator)
    url = reverse("admin:workforce_user_change", args=[worker.pk])
    form = {
        "username": worker.username,
        "first_name": worker.first_name,
        "last_name": worker.last_name,
        "email": "",
        "is_active": "on",
        "role": Role.SYSTEM_ADMIN,
        "team": "",
        "job_title": "Administrator",
        "date_joined_0": "2025-01-01",
        "date_joined_1": "09:00:00",
    }
    assert client.post(url, form).status_code == 302
    worker = User.objects.get(pk=worker.pk)
    assert worker.is_staff and not worker.is_superuser and worker.has_perm("workforce.change_team")
    assert client.post(url, {**form, "role": Role.SOCIAL_WORKER}).status_code == 302
    worker = User.objects.get(pk=worker.pk)
    assert not worker.is_staff and not worker.has_perm("workforce.change_team")


def test_view_on_site_is_never_a_server_error(client, make_staff, case):
    client.force_login(make_staff(Role.SYSTEM_ADMIN))
    for url in ("/django-admin/r/1/1/", f"/django-admin/r/1/{case.pk}/", "/django-admin/r/999/x/"):
        assert client.get(url).status_code == 404, url


def test_the_first_administrator_is_created_by_a_command(db, monkeypatch):
    answers = iter(["a-long-enough-passphrase-42", "a-long-enough-passphrase-42"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command(
        "create_administrator", "--username", "first.admin", "--first-name", "Hanna", "--last-name", "Kowalska"
    )
    user = User.objects.get(username="first.admin")
    assert user.role == Role.SYSTEM_ADMIN and user.is_staff and not user.is_superuser
    assert user.check_password("a-long-enough-passphrase-42")
    assert user.has_perm("workforce.add_user")


def test_migrate_gives_an_existing_group_the_configuration_added_since(db):
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import post_migrate

    from workforce.administrators import GROUP_NAME

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)  # as an older version left it
    group.permissions.set(Permission.objects.filter(content_type__app_label="workforce", codename="view_team"))
    post_migrate.send(
        sender=apps.get_app_config("workforce"),
        app_config=apps.get_app_config("workforce"),
        verbosity=0,
        interactive=False,
        using="default",
        plan=[],
        apps=apps,
    )
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_populationestimate", "change_oversightstart", "add_team"} <= codenames
    assert "view_person" not in codenames


def test_the_migration_demotes_administrators_who_were_superusers(db):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("workforce.migrations.0003_system_administrators_group")
    old = User.objects.create(username="old.admin", role=Role.SYSTEM_ADMIN, is_staff=True, is_superuser=True)
    migration.demote_administrators(apps, None)
    old = User.objects.get(pk=old.pk)
    assert old.is_staff and not old.is_superuser
    assert old.has_perm("workforce.change_team") and not old.has_perm("people.view_person")


def test_an_administrator_unlocks_a_locked_account(client, make_staff, team, settings):
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="amara")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "amara", "password": "wrong password"})
    administrator = make_staff(Role.SYSTEM_ADMIN)
    client.force_login(administrator)
    assert "amara" in client.get(reverse("workforce:lockouts")).content.decode()
    response = client.post(reverse("workforce:lockouts"), {"username": "amara"}, follow=True)
    assert "amara can sign in again" in response.content.decode()
    client.logout()
    from conftest import TEST_PASSWORD

    response = client.post(reverse("login"), {"username": worker.username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    client.force_login(make_staff(Role.SOCIAL_WORKER, team=team))
    assert client.get(reverse("workforce:lockouts")).status_code == 403


def test_an_administrator_cannot_put_themselves_in_a_team_or_make_themselves_its_manager(client, make_staff, team):
    """Membership or management of a team opens its children's records: an administrator cannot give
    it to themselves (another administrator can, and the change is audited)."""
    administrator = make_staff(Role.SYSTEM_ADMIN)
    client.force_login(administrator)
    own = client.get(reverse("admin:workforce_user_change", args=[administrator.pk])).content.decode()
    assert 'name="role"' not in own and 'name="team"' not in own and 'name="is_active"' not in own
    team_page = client.get(reverse("admin:workforce_team_change", args=[team.pk])).content.decode()
    assert f'<option value="{administrator.pk}"' not in team_page
    colleague = make_staff(Role.SYSTEM_ADMIN)
    client.force_login(colleague)
    other = client.get(reverse("admin:workforce_user_change", args=[administrator.pk])).content.decode()
    assert 'name="role"' in other and 'name="team"' in other
