"""Every write to an audited model is recorded by the database, with who and where."""

import pghistory.models
from django.db import connection

from workforce.models import Team
from workforce.roles import Role


def test_an_edit_through_the_web_records_the_user_and_the_url(client, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    team = Team.objects.create(name="Old name")
    client.force_login(admin)
    url = f"/django-admin/workforce/team/{team.pk}/change/"
    response = client.post(url, {"name": "New name", "kind": "assessment", "is_active": "on"})
    assert response.status_code == 302
    events = pghistory.models.Events.objects.tracks(team)
    assert sorted(e.pgh_label for e in events) == ["insert", "update"]
    update = events.get(pgh_label="update")
    assert update.pgh_data["name"] == "New name"
    assert update.pgh_context["user"] == admin.pk
    assert update.pgh_context["url"] == url


def test_a_raw_sql_update_is_audited_too(db):
    team = Team.objects.create(name="Before")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE workforce_team SET name = 'After' WHERE id = %s", [team.pk])
    events = pghistory.models.Events.objects.tracks(team)
    assert events.get(pgh_label="insert").pgh_data["name"] == "Before"
    assert events.get(pgh_label="update").pgh_data["name"] == "After"


def test_a_delete_is_audited(db):
    team = Team.objects.create(name="Short-lived")
    pk = team.pk
    team.delete()
    assert Team.pgh_event_models["delete"].objects.filter(pgh_obj_id=pk).exists()
