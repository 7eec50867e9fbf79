"""Children of the demo authority at every stage of the help-and-protection journey, some of
them overdue, recorded through the same services as the pages use (so the due items, the
chronology and the trays are what they would be in real use).

Relative to today, so the demo always shows a live picture: a contact waiting for a decision,
an assessment waiting for authorisation, an assessment past 45 working days, a CIN plan whose
visit is overdue, a child protection plan with an overdue visit and review conference, and one
that is up to date.
"""

import datetime

from django.utils import timezone

from assessments import services as assessments
from casework import services as casework
from child_protection import services as cp
from children_in_need import services as cin
from core import clock
from front_door import services as front_door
from people.models import Person
from permanence import pre_proceedings
from synthetic import demo_assessments


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _child(given: str, family: str) -> Person:
    return Person.objects.get(given_name=given, family_name=family, is_child=True, merged_into__isnull=True)


def load_demo_journeys(staff: dict) -> None:
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    okafor, ali, clarke = staff["sw.okafor"], staff["sw.ali"], staff["sw.clarke"]
    hughes, wright, evans = staff["tm.hughes"], staff["tm.wright"], staff["mash.evans"]

    # A contact at the front door, waiting for a screening decision: at 08:00 today, or just now
    # when the demo is loaded before 08:00 (a contact cannot be received in the future).
    received = min(_at(today, 8), clock.now() - datetime.timedelta(minutes=5))
    front_door.contact_record(
        actor=evans,
        child=_child("Lily", "Smith"),
        received_at=received,
        source="3A",
        concerns="School nurse worried about weight loss.",
    )

    # Referral, then an assessment submitted and waiting for the manager's authorisation.
    jonathan = _child("Jonathan", "Smith")
    _referral(okafor, jonathan, ago(40), "Teacher noticed bruising on both arms.")
    assessment = assessments.assessment_start(actor=okafor, child=jonathan, start_date=ago(38))
    with clock.travel_to(_at(ago(20), 15)):
        assessment = demo_assessments.write(okafor, assessment, demo_assessments.bruising(ago(37)))
        assessments.assessment_submit(actor=okafor, assessment=assessment)

    # An assessment in progress past its 45 working days: it shows as overdue, three sections
    # completed, one in progress and three not started.
    zofia = _child("Zofia", "Kowalczyk")
    _referral(okafor, zofia, ago(80), "Health visitor concerned about home conditions.")
    in_progress = assessments.assessment_start(actor=okafor, child=zofia, start_date=ago(78))
    demo_assessments.write(
        okafor,
        in_progress,
        {
            "developmental-needs": demo_assessments.cold_home_child(),
            "other-agencies": [
                {
                    "agency": "Health visitor",
                    "said_on": ago(75),
                    "said": "Home cold and cluttered at two visits; Zofia's weight has dropped a centile.",
                }
            ],
            "parents-views": {"parents_views": "Mum (Agnieszka) says the boiler has been broken since October."},
            "childs-voice": {"child_seen_on": ago(70), "how_gathered": "At home, with Mum interpreting."},
        },
        complete={"developmental-needs", "other-agencies", "parents-views"},
    )

    # Assessed and authorised, on a CIN plan, last seen long ago: the CIN visit is overdue.
    ayaan = _child("Ayaan", "Begum")
    _referral(okafor, ayaan, ago(120), "Young carer for his mother; missing school.")
    done = assessments.assessment_start(actor=okafor, child=ayaan, start_date=ago(118))
    with clock.travel_to(_at(ago(95), 15)):
        done = demo_assessments.write(okafor, done, demo_assessments.young_carer(ago(117)))
        assessments.assessment_submit(actor=okafor, assessment=done)
    with clock.travel_to(_at(ago(90), 15)):
        assessments.assessment_authorise(
            actor=hughes,
            assessment=done,
            authorised_on=ago(90),
            rationale="The analysis is clear that Ayaan's caring role, not his mother's care of him, is the risk; "
            "his voice is strong in the assessment. A CIN plan with adult social care is proportionate.",
        )
    cin.cin_plan_start(actor=okafor, child=ayaan, start_date=ago(88))
    casework.visit_record(
        actor=okafor,
        child=ayaan,
        visited_at=_at(ago(60)),
        visit_type="cin",
        child_seen=True,
        seen_alone=True,
        observations="Seen at home after school.",
    )

    # A child protection plan whose visit and first review conference are overdue.
    _cp_plan(ali, wright, _child("Tyler", "Williams"), icpc_days_ago=105, category="NEG", ago=ago)
    casework.visit_record(
        actor=ali,
        child=_child("Tyler", "Williams"),
        visited_at=_at(ago(30)),
        visit_type="cp",
        child_seen=True,
        seen_alone=True,
        observations="Home cold; food limited.",
    )
    # No progress on the plan: the legal planning meeting started pre-proceedings; the letter
    # offered a family group decision-making meeting, not yet known to have been held.
    tyler = _child("Tyler", "Williams")
    with clock.travel_to(_at(ago(40), 15)):
        pre = pre_proceedings.pre_proceedings_start(actor=ali, child=tyler, started_on=ago(40))
    with clock.travel_to(_at(ago(33), 15)):
        pre_proceedings.pre_proceedings_letter(
            actor=ali, pre_proceedings=pre, letter_sent_on=ago(33), fgdm_offered=True
        )
    with clock.travel_to(_at(ago(25), 15)):
        pre_proceedings.pre_proceedings_meeting(actor=ali, pre_proceedings=pre, held_on=ago(25))

    # A child protection plan that is up to date.
    ruby = _child("Ruby", "Taylor")
    plan = _cp_plan(clarke, wright, ruby, icpc_days_ago=12, category="EMO", ago=ago)
    cp.core_group_record(actor=clarke, plan=plan, held_on=ago(5))
    casework.visit_record(
        actor=clarke,
        child=ruby,
        visited_at=_at(ago(2)),
        visit_type="cp",
        child_seen=True,
        seen_alone=True,
        observations="Ruby talked about her new friends at school.",
    )


def _referral(actor, child, day, concerns, next_step="assessment"):
    referral = front_door.referral_create(
        actor=actor, child=child, received_at=_at(day, 9), source="2A", primary_need="N1", concerns=concerns
    )
    with clock.travel_to(_at(day, 12)):
        front_door.referral_decide(actor=actor, referral=referral, next_step=next_step)
    return referral


def _cp_plan(worker, manager, child, *, icpc_days_ago, category, ago):
    _referral(
        worker,
        child,
        ago(icpc_days_ago + 14),
        "Police called to domestic abuse at the home.",
        next_step="strategy_discussion",
    )
    discussion = cp.strategy_discussion_record(
        actor=worker, child=child, held_on=ago(icpc_days_ago + 13), agencies=["police", "health"], decision="s47"
    )
    enquiry = cp.section47_start(actor=worker, discussion=discussion, start_date=ago(icpc_days_ago + 13))
    conference = cp.initial_conference_record(
        actor=worker, enquiry=enquiry, held_on=ago(icpc_days_ago), outcome="plan", category=category
    )
    return conference.plan_started
