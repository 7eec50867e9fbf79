"""Writes: contacts, screening, referrals opening the CIN episode, re-referrals, the decision.
Each is all or nothing, with its chronology event and the child's due items."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from casework.chronology import describe
from casework.models import ChronologyEvent
from children_in_need.models import CINEpisode
from children_in_need.testing import TODAY, at, decide_referral, make_contact, make_referral
from front_door import services
from front_door.models import Contact, Referral
from timescales.models import DueItem
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")


def events(child, event_type):
    return ChronologyEvent.objects.filter(child=child, event_type=event_type)


def open_items(child, rule_code):
    return DueItem.objects.filter(person=child, rule_code=rule_code, completed_at__isnull=True)


# --- Contacts --------------------------------------------------------------------------------


def test_a_contact_is_recorded_with_its_event_and_a_screening_decision_due(worker, child):
    contact = make_contact(worker, child, source_detail="Mrs Patel, Year 4 teacher")
    assert contact.recorded_by == worker and not contact.decided
    assert describe(events(child, "contact.received").get()) == "Contact from Schools (Mrs Patel, Year 4 teacher)."
    item = open_items(child, "contact_decision").get()
    assert item.due_date == datetime.date(2025, 6, 3) and item.worker == worker


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"received_at": at(TODAY, 18)}, "received_at"),  # later today: the clock says 17:00
        ({"source": "ZZ"}, "source"),
        ({"concerns": "  "}, "concerns"),
    ],
)
def test_bad_contacts_are_refused_and_nothing_is_saved(worker, child, overrides, field):
    with pytest.raises(ValidationError) as error:
        make_contact(worker, child, **overrides)
    assert field in error.value.message_dict
    assert not Contact.objects.exists() and not events(child, "contact.received").exists()
    assert not DueItem.objects.filter(person=child).exists()


def test_screening_meets_the_due_item_and_is_not_done_twice(worker, child):
    contact = make_contact(worker, child)
    services.contact_decide(actor=worker, contact=contact, decision="advice", reason="Signposted to the school nurse.")
    item = DueItem.objects.get(person=child, rule_code="contact_decision")
    assert item.completed_at is not None and item.completed_late is False
    assert "Advice or signposting" in describe(events(child, "contact.decided").get())
    with pytest.raises(ValidationError, match="already screened"):
        services.contact_decide(actor=worker, contact=contact, decision="nfa", reason="Changed my mind")
    assert Contact.objects.get().decision == "advice"


def test_a_decision_other_than_referral_needs_a_reason(worker, child):
    contact = make_contact(worker, child)
    with pytest.raises(ValidationError) as error:
        services.contact_decide(actor=worker, contact=contact, decision="nfa", reason="")
    assert "reason" in error.value.message_dict
    assert not Contact.objects.get().decided


def test_roles_that_only_read_cannot_record(make_staff, child):
    qa = make_staff(Role.QA_OFFICER)
    with pytest.raises(PermissionDenied):
        make_contact(qa, child)
    assert not Contact.objects.exists()


# --- Referrals -------------------------------------------------------------------------------


def test_a_referral_opens_the_episode_and_starts_the_clocks(worker, child):
    referral = make_referral(worker, child)
    episode = CINEpisode.objects.get(child=child)
    assert (
        episode.referral == referral
        and episode.start_date == TODAY
        and episode.primary_need == "N1"
        and episode.is_open
    )
    assert referral.referral_date == TODAY and not referral.is_re_referral and referral.nfa is False
    assert (
        describe(events(child, "referral.received").get())
        == "Referral from Police. Primary need: Abuse, neglect and exploitation."
    )
    assert open_items(child, "referral_decision_1wd").get().due_date == datetime.date(2025, 6, 3)
    assert open_items(child, "assessment_45wd").get().due_date == datetime.date(2025, 8, 4)  # TIMESCALES.md C2 example


def test_a_second_referral_while_the_episode_is_open_is_refused_and_nothing_saved(worker, child):
    make_referral(worker, child)
    with pytest.raises(ValidationError, match="already has an open child in need episode"):
        make_referral(worker, child, received_at=at(TODAY, 11))
    assert Referral.objects.count() == 1 and CINEpisode.objects.count() == 1
    assert events(child, "referral.received").count() == 1


def test_the_database_allows_one_open_episode_per_child(worker, child):
    referral = make_referral(worker, child)
    with pytest.raises(IntegrityError), transaction.atomic():
        CINEpisode.objects.create(
            child=child,
            referral=Referral.objects.create(
                child=child,
                received_at=referral.received_at,
                referral_date=TODAY,
                source="6",
                concerns="x",
                recorded_by=worker,
            ),
            start_date=TODAY,
            primary_need="N1",
        )


def _closed_referral(worker, child, day):
    referral = make_referral(worker, child, received_at=at(day, 9))
    decide_referral(worker, referral, next_step="nfa", closure_reason="RC8")
    return referral


def test_a_referral_within_12_months_of_the_last_is_marked_a_re_referral(worker, child, clock):
    clock.travel_to(at(datetime.date(2024, 6, 2), 17))
    first = _closed_referral(worker, child, datetime.date(2024, 6, 2))
    clock.travel_to(at(TODAY, 17))
    second = make_referral(worker, child)  # 2 June 2025: exactly 12 months later still counts
    assert second.is_re_referral and second.previous_referral == first
    assert "Re-referral within 12 months of the referral on 2 June 2024." in describe(
        events(child, "referral.received").order_by("-occurred_at").first()
    )


def test_a_referral_a_day_more_than_12_months_after_the_last_is_not_a_re_referral(worker, child, clock):
    clock.travel_to(at(datetime.date(2024, 6, 1), 17))
    _closed_referral(worker, child, datetime.date(2024, 6, 1))
    clock.travel_to(at(TODAY, 17))
    assert make_referral(worker, child).is_re_referral is False


def test_a_referral_dated_before_the_previous_episode_closed_is_refused(worker, child, clock):
    clock.travel_to(at(datetime.date(2025, 5, 20), 17))
    _closed_referral(worker, child, datetime.date(2025, 5, 19))  # closed 20 May (the decision day)
    clock.travel_to(at(TODAY, 17))
    with pytest.raises(ValidationError) as error:
        make_referral(worker, child, received_at=at(datetime.date(2025, 5, 19), 12))
    assert "on or after 20 May 2025" in error.value.message_dict["received_at"][0]
    assert Referral.objects.count() == 1


def test_a_referral_from_a_contact_must_follow_a_referral_decision_and_not_precede_it(worker, child):
    contact = make_contact(worker, child, received_at=at(TODAY, 9))
    with pytest.raises(ValidationError, match="screened as a referral"):
        make_referral(worker, child, contact=contact)
    services.contact_decide(actor=worker, contact=contact, decision="referral")
    with pytest.raises(ValidationError) as error:
        make_referral(worker, child, contact=contact, received_at=at(TODAY, 8))
    assert "before the contact" in error.value.message_dict["received_at"][0]
    referral = make_referral(worker, child, contact=contact, received_at=at(TODAY, 10))
    assert referral.contact == contact
    with pytest.raises(ValidationError, match="already been recorded"):
        services.referral_create(
            actor=worker,
            child=child,
            received_at=at(TODAY, 10),
            source="6",
            primary_need="N1",
            concerns="x",
            contact=contact,
        )


def test_deciding_no_further_action_closes_the_episode_and_sets_the_nfa_flag(worker, child):
    referral = make_referral(worker, child)
    decide_referral(worker, referral, next_step="nfa", closure_reason="RC8")
    referral.refresh_from_db()
    episode = CINEpisode.objects.get()
    assert referral.nfa is True and episode.end_date == TODAY and episode.closure_reason == "RC8"
    assert not open_items(child, "assessment_45wd").exists()
    assert DueItem.objects.get(rule_code="referral_decision_1wd").completed_at is not None
    assert events(child, "cin_episode.closed").exists()


def test_no_further_action_needs_a_reason_for_closure_and_saves_nothing_without_one(worker, child):
    referral = make_referral(worker, child)
    with pytest.raises(ValidationError) as error:
        decide_referral(worker, referral, next_step="nfa")
    assert "closure_reason" in error.value.message_dict
    referral.refresh_from_db()
    assert referral.next_step == "" and CINEpisode.objects.get().is_open


def test_the_next_step_is_decided_once(worker, child):
    referral = make_referral(worker, child)
    decide_referral(worker, referral)
    with pytest.raises(ValidationError, match="already decided"):
        decide_referral(worker, referral, next_step="strategy_discussion")


def test_a_date_before_the_bank_holiday_calendar_is_refused_not_a_crash(worker, child):
    with pytest.raises(ValidationError) as error:
        make_contact(worker, child, received_at=at(datetime.date(1999, 12, 31), 9))
    assert "must be in 2000 or later" in error.value.message_dict["received_at"][0]
