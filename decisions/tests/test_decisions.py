"""Decisions that need a manager: the worker submits, the team manager authorises or returns
with a reason, the worker resubmits; each step on the child's chronology, the waiting decision in
the manager's tray with its age; nobody decides their own request; bad input saves nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from casework.models import ChronologyEvent
from children_in_need.testing import at, child, manager, other_team, stranger, today, worker  # noqa: F401
from decisions import services
from decisions.models import ManagerDecision
from timescales.models import DueItem

pytestmark = pytest.mark.django_db
D = datetime.date


def submit(worker, child, **overrides):
    values = {"kind": "step_down", "proposal": "Step down to a CIN plan.", "reason": "Risks have reduced."}
    return services.decision_submit(actor=worker, child=child, **(values | overrides))


def events(child):
    return list(
        ChronologyEvent.objects.filter(child=child, event_type__startswith="decision.")
        .order_by("id")
        .values_list("event_type", flat=True)
    )


def test_submit_return_resubmit_authorise(today, worker, manager, child):
    decision = submit(worker, child)
    item = DueItem.objects.get(person=child, rule_code="manager_decision")
    assert item.worker_id == manager.pk and item.completed_at is None  # in the manager's tray
    services.decision_return(actor=manager, decision=decision, rationale="Ask the school first.")
    assert not DueItem.objects.open().filter(person=child, rule_code="manager_decision").exists()
    decision.refresh_from_db()
    services.decision_resubmit(
        actor=worker, decision=decision, proposal="Step down with a school plan.", reason="The school agrees."
    )
    assert DueItem.objects.open().filter(person=child, rule_code="manager_decision").count() == 1
    decision.refresh_from_db()
    services.decision_authorise(actor=manager, decision=decision, rationale="A safe plan the family agree with.")
    decision.refresh_from_db()
    assert (decision.status, decision.round, decision.rationale) == (
        "authorised",
        2,
        "A safe plan the family agree with.",
    )
    assert events(child) == ["decision.submitted", "decision.returned", "decision.resubmitted", "decision.authorised"]
    assert not DueItem.objects.open().filter(person=child, rule_code="manager_decision").exists()


def test_nobody_decides_their_own_request(manager, child):
    decision = submit(manager, child)
    with pytest.raises(ValidationError) as error:
        services.decision_authorise(actor=manager, decision=decision, rationale="Fine.")
    assert "cannot decide your own request" in str(error.value)
    decision.refresh_from_db()
    assert decision.status == "submitted"


def test_only_the_childs_team_manager_decides(worker, stranger, child):
    decision = submit(worker, child)
    for actor in (worker, stranger):
        with pytest.raises(PermissionDenied):
            services.decision_authorise(actor=actor, decision=decision, rationale="Fine.")


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"kind": "adoption"}, "kind"),
        ({"proposal": "  "}, "proposal"),
        ({"reason": ""}, "reason"),
        ({"proposal": "x" * 4001}, "proposal"),
    ],
)
def test_bad_input_saves_nothing(worker, child, fields, error):
    with pytest.raises(ValidationError) as raised:
        submit(worker, child, **fields)
    assert error in raised.value.message_dict
    assert not ManagerDecision.objects.exists() and events(child) == []


def test_the_queue_shows_the_age_and_the_tab_the_rationale(client, clock, today, worker, manager, child):
    decision = submit(worker, child)
    clock.travel_to(at(D(2025, 6, 12), 10))
    client.force_login(manager)
    queue = client.get("/decisions/").content.decode()
    assert "Jay Smith" in queue and 'data-testid="age">10<' in queue
    response = client.post(
        f"/people/{child.pk}/decisions/{decision.pk}/decide/", {"decision": "authorised", "rationale": ""}
    )
    assert "Give the rationale for the decision" in response.content.decode()
    response = client.post(
        f"/people/{child.pk}/decisions/{decision.pk}/decide/",
        {"decision": "authorised", "rationale": "Agreed at the review."},
    )
    assert response.status_code == 302
    client.force_login(worker)
    tab = client.get(f"/people/{child.pk}/decisions/").content.decode()
    assert "Authorised" in tab and "Agreed at the review." in tab
    assert "Nothing is waiting" in (client.force_login(manager) or client.get("/decisions/").content.decode())
