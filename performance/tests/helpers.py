"""Records made through the services, on the days they happened, for the indicators' tests."""

from __future__ import annotations

import datetime

from children_in_need.testing import at, decide_referral, make_referral

D = datetime.date


def new_child(clock, worker, day, **fields):
    from people.services import person_create

    clock.travel_to(at(day, 8))
    values = {"given_name": "Jo", "family_name": "Test", "date_of_birth": D(2015, 3, 27)} | fields
    return person_create(actor=worker, **values)


def referral_closed(clock, worker, manager, child, day):
    """A referral on `day`, decided as no further action the same day (its episode closes)."""
    clock.travel_to(at(day, 9))
    referral = make_referral(worker, child, received_at=at(day, 9))
    clock.travel_to(at(day, 16))
    decide_referral(manager, referral, next_step="nfa", closure_reason="RC8")
    return referral


def referral_on(clock, worker, child, day, next_step=None, manager=None):
    clock.travel_to(at(day, 9))
    referral = make_referral(worker, child, received_at=at(day, 9))
    if next_step:
        decide_referral(manager, referral, next_step=next_step)
    return referral


def assessment_authorised(clock, worker, manager, child, start, authorised):
    from assessments.services import assessment_authorise, assessment_start
    from assessments.testing import fill_and_submit

    referral_on(clock, worker, child, start, next_step="assessment", manager=manager)
    assessment = assessment_start(actor=worker, child=child, start_date=start)
    clock.travel_to(at(authorised, 10))
    fill_and_submit(
        worker,
        assessment,
        child_seen_on=start,
        said_on=start,
        factors=["3A"],
        analysis="Analysis.",
        outcome="cin_plan",
        late_reason="Waiting for the school's report.",
    )
    assessment_authorise(actor=manager, assessment=assessment, authorised_on=authorised, rationale="Needs are clear.")
    return assessment


def conference_after(clock, worker, manager, child, strategy_on, icpc_on):
    """Referral and strategy discussion on `strategy_on`, the s47 from it, the ICPC on `icpc_on`."""
    from child_protection.services import initial_conference_record, section47_start
    from children_in_need.testing import make_strategy_discussion

    referral_on(clock, worker, child, strategy_on, next_step="strategy_discussion", manager=manager)
    discussion = make_strategy_discussion(worker, child, held_on=strategy_on)
    enquiry = section47_start(actor=worker, discussion=discussion, start_date=strategy_on)
    clock.travel_to(at(icpc_on, 15))
    conference = initial_conference_record(
        actor=worker, enquiry=enquiry, held_on=icpc_on, outcome="plan", category="NEG"
    )
    return conference
