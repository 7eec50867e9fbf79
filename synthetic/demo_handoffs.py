"""Issue 13's hand-offs in the demo authority, so each can be seen on `make run`:

- the front door (mash.evans) sent Kai Newton's referral to Assessment Team North three days ago:
  he waits in tm.hughes's unallocated tray (My team), with what is due;
- a baby whose date of birth nobody knows yet, with a contact waiting for screening (Front door);
- Mia Robinson on a child in need plan, seen alone on a *home* visit last week: her CIN visit is
  not overdue, and sw.okafor's My work shows when she was last seen;
- a visit to Mia first recorded as "not seen", corrected with the reason (her chronology).
"""

import datetime

from django.utils import timezone

from casework import services as casework
from children_in_need import services as cin
from core import clock
from front_door import services as front_door
from people.services import person_create
from workforce.models import Team


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def load_demo_handoffs(staff: dict) -> None:
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    evans, okafor = staff["mash.evans"], staff["sw.okafor"]
    assessment_team = Team.objects.get(name="Assessment Team North")

    # Sent to a team, not yet allocated.
    kai = person_create(
        actor=evans, given_name="Kai", family_name="Newton", date_of_birth=datetime.date(2016, 5, 1), sex="M"
    )
    with clock.travel_to(_at(ago(3), 11)):
        contact = front_door.contact_record(
            actor=evans,
            child=kai,
            received_at=_at(ago(3), 9),
            source="2A",
            concerns="School worried: Kai came in hungry and with a burn on his hand.",
        )
        front_door.contact_decide(actor=evans, contact=contact, decision="referral")
        front_door.referral_create(
            actor=evans,
            child=kai,
            received_at=_at(ago(3), 10),
            source="2A",
            primary_need="N1",
            concerns=contact.concerns,
            contact=contact,
        )
        casework.allocation_change(actor=evans, child=kai, team=assessment_team, worker=None, start_date=ago(3))

    # A contact about a baby whose date of birth is not known yet.
    baby = person_create(actor=evans, given_name="", family_name="Unknown (baby at 14 Mill Lane)", sex="U")
    received = min(_at(today, 7), clock.now() - datetime.timedelta(minutes=10))
    front_door.contact_record(
        actor=evans,
        child=baby,
        received_at=received,
        source="1B",
        concerns="Neighbour hears a baby crying for hours; no one has seen the mother for days.",
    )

    # A home visit, with the child seen alone, meets the CIN visiting standard.
    mia = person_create(
        actor=okafor, given_name="Mia", family_name="Robinson", date_of_birth=datetime.date(2014, 2, 9), sex="F"
    )
    with clock.travel_to(_at(ago(40), 12)):
        referral = front_door.referral_create(
            actor=okafor,
            child=mia,
            received_at=_at(ago(40), 9),
            source="3A",
            primary_need="N1",
            concerns="GP worried about mum's drinking.",
        )
        front_door.referral_decide(actor=okafor, referral=referral, next_step="assessment")
    cin.cin_plan_start(actor=okafor, child=mia, start_date=ago(35))
    visit = casework.visit_record(
        actor=okafor,
        child=mia,
        visited_at=_at(ago(7)),
        visit_type="home",
        child_seen=False,
        observations="Mia in her room; mum at home. Talked with Mia about school.",
    )
    casework.visit_correct(
        actor=okafor,
        child=mia,
        visit=visit,
        reason="Recorded as not seen by mistake: Mia was seen alone",
        visited_at=visit.visited_at,
        visit_type="home",
        child_seen=True,
        seen_alone=True,
        bedroom_seen=True,
        voice_of_child="I like it when mum takes me swimming.",
        observations=visit.observations,
        next_steps="",
    )
