"""Issue 13, hand-off 3: a visit recorded wrongly is corrected with the reason, as episodes are:
the same checks as recording, the audit keeps the row before and after, the chronology says what
changed and why, and what is due follows (a visit that now counts toward the visiting standard)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework.chronology import describe
from casework.models import ChronologyEvent, Visit
from casework.services import visit_correct
from children_in_need import services as cin
from children_in_need.testing import at, decide_referral, make_referral, make_visit
from timescales.models import DueItem

D = datetime.date


@pytest.fixture
def plan(worker, child, clock):
    clock.travel_to(at(D(2025, 5, 30), 17))
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 30), 9))
    decide_referral(worker, referral)
    return cin.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 30))


def _fields(visit, **changes):
    values = {
        "visited_at": visit.visited_at,
        "visit_type": visit.visit_type,
        "child_seen": visit.child_seen,
        "seen_alone": visit.seen_alone,
        "bedroom_seen": visit.bedroom_seen,
        "voice_of_child": visit.voice_of_child,
        "observations": visit.observations,
        "next_steps": visit.next_steps,
    }
    return values | changes


def test_a_visit_wrongly_recorded_as_not_seen_is_corrected_and_then_counts(worker, child, plan, clock):
    clock.travel_to(at(D(2025, 6, 13), 17))
    visit = make_visit(worker, child, at(D(2025, 6, 13), 10), visit_type="home", child_seen=False)
    assert DueItem.objects.get(person=child, rule_code="cin_visit", completed_at__isnull=True).due_date == D(
        2025, 6, 27
    )
    visit_correct(
        actor=worker,
        child=child,
        visit=visit,
        reason="Ticked ‘not seen’ by mistake",
        **_fields(visit, child_seen=True, seen_alone=True),
    )
    assert DueItem.objects.get(person=child, rule_code="cin_visit", completed_at__isnull=True).due_date == D(
        2025, 7, 11
    )
    line = ChronologyEvent.objects.get(child=child, event_type="visit.corrected")
    assert "child seen no to yes" in describe(line) and "Ticked ‘not seen’ by mistake" in describe(line)
    recorded = ChronologyEvent.objects.get(child=child, event_type="visit.recorded")
    assert recorded.data["child_seen"] is True
    # The audit trail keeps the row as recorded and as corrected.
    history = Visit.pgh_event_models["update"].objects.filter(pgh_obj_id=visit.pk).order_by("pgh_id")
    assert [row.child_seen for row in history] == [False, True]


def test_a_correction_needs_a_reason_and_a_change(worker, child, plan, clock):
    clock.travel_to(at(D(2025, 6, 13), 17))
    visit = make_visit(worker, child, at(D(2025, 6, 13), 10))
    with pytest.raises(ValidationError) as refused:
        visit_correct(actor=worker, child=child, visit=visit, reason=" ", **_fields(visit, visit_type="home"))
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError, match="Nothing has been changed"):
        visit_correct(actor=worker, child=child, visit=visit, reason="Checking", **_fields(visit))
    assert not ChronologyEvent.objects.filter(event_type="visit.corrected").exists()


def test_the_correction_page_moves_the_visit_to_the_right_day(client, worker, child, plan, clock):
    clock.travel_to(at(D(2025, 6, 13), 17))
    visit = make_visit(worker, child, at(D(2025, 6, 13), 10), visit_type="home")
    client.force_login(worker)
    page = client.get(reverse("casework:visit", args=[child.pk, visit.pk])).content.decode()
    assert reverse("casework:visit_correct", args=[child.pk, visit.pk]) in page
    form = client.get(reverse("casework:visit_correct", args=[child.pk, visit.pk])).content.decode()
    assert 'value="13"' in form and "Seen at home." in form
    response = client.post(
        reverse("casework:visit_correct", args=[child.pk, visit.pk]),
        {
            "visit_date_0": "12",
            "visit_date_1": "6",
            "visit_date_2": "2025",
            "visit_time": "10:00",
            "visit_type": "home",
            "child_seen": "yes",
            "seen_alone": "yes",
            "bedroom_seen": "n/a",
            "observations": "Seen at home.",
            "reason": "The visit was the day before",
        },
    )
    assert response.status_code == 302
    assert Visit.objects.get(pk=visit.pk).visited_at == at(D(2025, 6, 12), 10)
    assert ChronologyEvent.objects.get(event_type="visit.recorded", source_id=visit.pk).occurred_at == at(
        D(2025, 6, 12), 10
    )
