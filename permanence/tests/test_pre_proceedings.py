"""Pre-proceedings: each step recorded through its service, in the order the CIN census's 2026
to 2027 rules check (9006 to 9013); a refusal saves nothing; the record page shows the work."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from casework.chronology import describe
from casework.models import ChronologyEvent
from codelists.cin import PreProceedingsOutcome
from permanence import pre_proceedings as pp
from permanence.models import PreProceedings, PreProceedingsMeeting

D = datetime.date
STEP_UP, STEP_DOWN = PreProceedingsOutcome.STEP_UP, PreProceedingsOutcome.STEP_DOWN


def date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def refused(call, field=None):
    before = (PreProceedings.objects.count(), PreProceedingsMeeting.objects.count(), ChronologyEvent.objects.count())
    with pytest.raises(ValidationError) as error:
        call()
    if field is not None:
        assert field in error.value.message_dict, error.value
    assert (
        PreProceedings.objects.count(),
        PreProceedingsMeeting.objects.count(),
        ChronologyEvent.objects.count(),
    ) == before
    return error.value


def _lines(child):
    return [
        describe(e)
        for e in ChronologyEvent.objects.filter(child=child, event_type__startswith="pre_proceedings").order_by(
            "occurred_at", "pk"
        )
    ]


def test_pre_proceedings_from_the_start_to_a_court_application(worker, child):
    pre = pp.pre_proceedings_start(actor=worker, child=child, started_on=D(2025, 3, 3))
    refused(lambda: pp.pre_proceedings_start(actor=worker, child=child, started_on=D(2025, 3, 4)))  # one at a time
    refused(lambda: pp.pre_proceedings_fgdm(actor=worker, pre_proceedings=pre, fgdm_held=True))  # nothing offered yet
    refused(
        lambda: pp.pre_proceedings_letter(
            actor=worker, pre_proceedings=pre, letter_sent_on=D(2025, 3, 2), fgdm_offered=True
        ),
        "letter_sent_on",
    )
    refused(
        lambda: pp.pre_proceedings_letter(
            actor=worker, pre_proceedings=pre, letter_sent_on=D(2025, 3, 10), fgdm_offered=None
        ),
        "fgdm_offered",
    )
    pp.pre_proceedings_letter(actor=worker, pre_proceedings=pre, letter_sent_on=D(2025, 3, 10), fgdm_offered=True)
    pp.pre_proceedings_fgdm(actor=worker, pre_proceedings=pre, fgdm_held=False)
    pp.pre_proceedings_meeting(actor=worker, pre_proceedings=pre, held_on=D(2025, 3, 24))
    pp.pre_proceedings_meeting(actor=worker, pre_proceedings=pre, held_on=D(2025, 5, 5))
    refused(
        lambda: pp.pre_proceedings_decide(actor=worker, pre_proceedings=pre, decided_on=D(2025, 5, 1), outcome=STEP_UP),
        "decided_on",
    )  # before the last meeting
    refused(
        lambda: pp.pre_proceedings_decide(
            actor=worker,
            pre_proceedings=pre,
            decided_on=D(2025, 5, 12),
            outcome=STEP_DOWN,
            court_application_on=D(2025, 5, 13),
        ),
        "court_application_on",
    )
    refused(
        lambda: pp.pre_proceedings_decide(
            actor=worker,
            pre_proceedings=pre,
            decided_on=D(2025, 5, 12),
            outcome=STEP_UP,
            court_application_on=D(2025, 5, 13),
            letter_issue_on=D(2025, 5, 12),
        ),
        "letter_issue_on",
    )
    refused(
        lambda: pp.pre_proceedings_decide(actor=worker, pre_proceedings=pre, decided_on=D(2025, 5, 12), outcome="D"),
        "outcome",
    )
    pp.pre_proceedings_decide(
        actor=worker,
        pre_proceedings=pre,
        decided_on=D(2025, 5, 12),
        outcome=STEP_UP,
        court_application_on=D(2025, 5, 13),
        letter_issue_on=D(2025, 5, 14),
    )
    pre.refresh_from_db()
    assert (pre.fgdm_offered, pre.fgdm_held, pre.outcome, pre.letter_issue_on) == (True, False, "B", D(2025, 5, 14))
    assert _lines(child) == [
        "Decision to start pre-proceedings (Public Law Outline).",
        "Letter before proceedings sent; it offered a family group decision-making meeting.",
        "Family group decision-making meeting not held.",
        "First pre-proceedings meeting.",
        "Pre-proceedings review meeting.",
        "Pre-proceedings ended: Stepped up: the local authority decided to issue care proceedings.",
    ]
    refused(lambda: pp.pre_proceedings_meeting(actor=worker, pre_proceedings=pre, held_on=D(2025, 5, 20)))  # ended
    # A new round may start once the last has ended.
    pp.pre_proceedings_start(actor=worker, child=child, started_on=D(2025, 5, 20))


def test_only_the_childs_worker_and_managers_record_pre_proceedings(worker, child, stranger):
    with pytest.raises(PermissionDenied):
        pp.pre_proceedings_start(actor=stranger, child=child, started_on=D(2025, 3, 3))
    assert not PreProceedings.objects.exists()


def test_the_permanence_tab_shows_pre_proceedings_and_the_pages_record_them(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("permanence:pre_proceedings_new", args=[child.pk]), date("started_on", D(2025, 3, 3))
    )
    assert response.status_code == 302
    pre = PreProceedings.objects.get(child=child)
    response = client.post(
        reverse("permanence:pre_proceedings_letter", args=[child.pk, pre.pk]),
        {**date("letter_sent_on", D(2025, 3, 1)), "fgdm_offered": "yes"},
    )
    assert response.status_code == 200 and "cannot be before pre-proceedings started" in response.content.decode()
    client.post(
        reverse("permanence:pre_proceedings_letter", args=[child.pk, pre.pk]),
        {**date("letter_sent_on", D(2025, 3, 10)), "fgdm_offered": "yes"},
    )
    page = client.get(reverse("permanence:record", args=[child.pk])).content.decode()
    assert "Pre-proceedings started 3 March 2025" in page and "Sent 10 March 2025" in page
    assert "Offered; not yet known whether held" in page
