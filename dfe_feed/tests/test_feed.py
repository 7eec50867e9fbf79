"""The DfE's daily data feed against a local stand-in for the DfE's API (dfe_feed.testing.FakeDfE,
a real HTTP server that checks every document's shape against the published structure): the
first run sends every child whole, the next only what changed, `full` everything again; retries
with backoff, a new token when the old one is refused, rejects kept and shown to the people who
run the returns; a child who leaves the cohort is purged; the dry run writes every document."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from children_in_need.testing import at
from dfe_feed import services
from dfe_feed.client import Client
from dfe_feed.models import FeedChild, RowState, SubmissionStatus
from dfe_feed.payload import cohort, window_start
from dfe_feed.testing import FakeDfE, document_errors, spec_child
from returns.testing import authority, qa_officer  # noqa: F401

D = datetime.date


@pytest.fixture
def api(settings):
    with FakeDfE() as fake:
        settings.DFE_FEED = fake.config
        yield fake


def _ids(documents):
    return sorted(d["la_child_id"] for d in documents)


def test_the_window_runs_from_the_april_24_months_back():
    assert window_start(D(2026, 6, 1)) == D(2024, 4, 1)
    assert window_start(D(2026, 3, 31)) == D(2023, 4, 1)


def test_the_dry_run_writes_a_valid_document_for_every_child_in_the_cohort(authority, tmp_path, capsys):
    call_command("dfe_feed", "--dry-run", "--out", str(tmp_path / "out"))
    files = sorted((tmp_path / "out").glob("*.json"))
    expected = {authority.in_care.la_id, authority.cin.la_id, authority.cp.la_id, authority.new_in_care.la_id}
    assert {f.stem for f in files} == expected and len(cohort(D(2026, 4, 15))) == 4
    template = spec_child()
    for path in files:
        document = json.loads(path.read_text())
        assert not document_errors(document, template), (path.name, document_errors(document, template))
    leo = json.loads((tmp_path / "out" / f"{authority.cp.la_id}.json").read_text())
    episode = leo["social_care_episodes"][0]
    assert episode["child_protection_plans"][0]["start_date"] == "2025-07-16"
    assert episode["section_47_assessments"][0]["icpc_date"] == "2025-07-16"
    assert not FeedChild.objects.exists()  # nothing staged, nothing sent
    assert "4 documents written" in capsys.readouterr().out


def test_changed_children_only_then_a_full_send_on_demand(authority, api, clock):
    first = services.send_daily_feed()
    assert (first.cohort, first.sent, first.accepted, first.error) == (4, 4, 4, "")
    assert len(api.batches) == 2  # batches of two
    assert all("child_details" in d for d in api.received)
    assert not api.shape_failures
    assert set(FeedChild.objects.values_list("status", flat=True)) == {SubmissionStatus.SENT}

    again = services.send_daily_feed()
    assert (again.sent, len(api.batches)) == (0, 2)  # nothing changed, nothing sent

    from looked_after import services as la

    clock.travel_to(at(D(2026, 4, 16), 12))
    la.sdq_record(actor=authority.worker, child=authority.in_care, completed_on=D(2026, 4, 16), score=12)
    changed = services.send_daily_feed()
    assert changed.sent == 1
    sent = api.batches[-1]
    assert sent == [
        {
            "la_child_id": authority.in_care.la_id,
            "mis_child_id": str(authority.in_care.pk),
            "purge": False,
            "health_and_wellbeing": {
                "sdq_assessments": [{"date": "2026-04-16", "score": 12}, {"date": "2025-06-02", "score": 14}]
            },
        }
    ]

    full = services.send_daily_feed(full=True)
    assert full.sent == 4 and all("child_details" in d for d in api.received[-4:])


def test_retries_with_backoff_and_a_new_token_when_the_old_is_refused(authority, api):
    api.answers = [429, 503, 401]
    pauses = []
    client = Client(api.config, sleep=pauses.append)
    run = services.send_daily_feed(client=client)
    assert (run.accepted, run.failed) == (4, 0)
    assert pauses == [0.0, 0, 0]  # 429's Retry-After of 0, then the backoff (0 in the test settings)
    assert api.tokens_issued == 2


def test_the_backoff_doubles_and_a_batch_that_never_gets_through_is_kept_for_the_next_run(authority, api):
    api.config["BACKOFF_SECONDS"] = 1
    api.answers = [503, 503, 503, 503]
    pauses = []
    run = services.send_daily_feed(client=Client(api.config, sleep=pauses.append))
    assert pauses == [1, 2, 4]
    assert (run.failed, run.accepted) == (2, 2)
    failed = FeedChild.objects.filter(status=SubmissionStatus.FAILED)
    assert failed.count() == 2 and "503" in failed.first().api_response
    retry = services.send_daily_feed(client=Client(api.config, sleep=pauses.append))
    assert (retry.sent, retry.accepted) == (2, 2)


def test_a_rejected_child_is_reported_and_the_rest_of_its_batch_still_goes(authority, api, client, qa_officer):
    api.answers = [("reject", [1])]
    run = services.send_daily_feed()
    assert (run.accepted, run.rejected) == (3, 1)
    rejected = FeedChild.objects.get(status=SubmissionStatus.REJECTED)
    assert "unknown referral source" in rejected.api_response
    client.force_login(qa_officer)
    page = client.get(reverse("dfe_feed:feed")).content.decode()
    assert rejected.person.full_name in page and "unknown referral source" in page
    # Sent again at the next run.
    again = services.send_daily_feed()
    assert (again.sent, again.accepted) == (1, 1)
    page = client.get(reverse("dfe_feed:feed")).content.decode()
    assert "Nothing refused" in page


def test_the_feed_page_is_for_those_who_run_the_returns(authority, client):
    client.force_login(authority.worker)
    assert client.get(reverse("dfe_feed:feed")).status_code == 403


def test_a_child_who_leaves_the_cohort_is_purged_once(authority, api, clock):
    from children_in_need.models import CINEpisode
    from children_in_need.services import episode_close

    services.send_daily_feed()
    clock.travel_to(at(D(2026, 4, 20), 12))
    episode_close(
        actor=authority.worker,
        episode=CINEpisode.objects.get(child=authority.cin),
        reason="RC7",
        closure_date=D(2026, 4, 20),
    )
    services.send_daily_feed()
    # Ava's case closed in April 2026: from April 2029 the window starts after it.
    clock.travel_to(at(D(2029, 4, 2), 12))
    before = len(api.batches)
    services.send_daily_feed()
    sent = [d for batch in api.batches[before:] for d in batch]
    purged = [d for d in sent if d["purge"]]
    assert purged == [{"la_child_id": authority.cin.la_id, "mis_child_id": str(authority.cin.pk), "purge": True}]
    assert FeedChild.objects.get(row_state=RowState.DELETED).person == authority.cin
    before = len(api.batches)
    services.send_daily_feed()
    assert not any(d["purge"] for batch in api.batches[before:] for d in batch)


def test_without_settings_a_run_stages_and_says_what_is_missing(authority, settings):
    settings.DFE_FEED = {}
    run = services.send_daily_feed()
    assert run.cohort == 4 and "not configured" in run.error and FeedChild.objects.count() == 4
