"""Management oversight and the IRO's challenge in the demo, recorded through the services with
the clock moved to the day each thing happened:

- Ellie Johnson: Kwame Osei's oversight of her becoming looked after, given on time; her missing
  episode two days ago waits for his oversight. Harvey Evans became looked after ten days ago and
  nobody has recorded oversight: overdue in Kwame Osei's tray.
- Ruby Taylor: Joanne Wright's oversight of her strategy discussion, given on time; her initial
  conference's outcome still waits for it, overdue, like Tyler Williams's two key events.
- Kofi Mensah: Dev Patel (IRO) raised drift in discharging his care order with Piotr Nowak a month
  ago; nobody answered, so it has escalated to Kwame Osei's tray.
- Ellie Johnson: a challenge about her care plan at stage 2, with the service manager; an earlier
  one about her participation, resolved (she was told, and offered an advocate); and a
  good-practice alert for Piotr Nowak.

Idempotent: it does nothing when a challenge is already recorded.
"""

import datetime

from django.utils import timezone

from casework.models import ChronologyEvent
from core import clock
from oversight import services
from oversight.models import Challenge
from people.models import Person


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _child(given: str, family: str) -> Person | None:
    return Person.objects.filter(given_name=given, family_name=family, is_child=True).first()


def _start_oversight(day: datetime.date) -> None:
    """The demo authority has asked for oversight of key events for over a year: the scripted
    children's items are worked out again from that day."""
    from oversight.models import OversightStart
    from oversight.providers import KEY_EVENTS
    from timescales.engine import refresh_due_items

    start = OversightStart.objects.values_list("starts_on", flat=True).first()
    if start is not None and start <= day:
        return
    services.oversight_start_set(starts_on=day, reason="Demo authority: oversight asked for since last year.")
    for child in Person.objects.filter(pk__in=KEY_EVENTS.values("child_id")).exclude(la_id__startswith="G"):
        refresh_due_items(child)


def load_demo_oversight(staff: dict) -> bool:
    if Challenge.objects.exists():
        return False
    ellie, kofi = _child("Ellie", "Johnson"), _child("Kofi", "Mensah")
    if ellie is None or kofi is None:
        return False
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    osei, nowak, patel = staff["tm.osei"], staff["sw.nowak"], staff["iro.patel"]
    service_manager, head = staff["sm.campbell"], staff["hos.ahmed"]
    _start_oversight(ago(450))

    became = ChronologyEvent.objects.filter(child=ellie, event_type="looked_after.started").first()
    if became is not None:
        held = became.occurred_at.date() + datetime.timedelta(days=3)
        with clock.travel_to(_at(held, 16)):
            services.oversight_record(
                actor=osei,
                event=became,
                held_on=held,
                decision="Accommodation agreed under section 20.",
                rationale="Mother asked for help; no safe family placement is available yet.",
                direction="Family network meeting within 10 working days; IRO to be appointed.",
            )

    ruby = _child("Ruby", "Taylor")
    strategy = (
        ChronologyEvent.objects.filter(child=ruby, event_type="strategy_discussion.held").first() if ruby else None
    )
    if strategy is not None:
        held = strategy.occurred_at.date() + datetime.timedelta(days=2)
        with clock.travel_to(_at(held, 15)):
            services.oversight_record(
                actor=staff["tm.wright"],
                event=strategy,
                held_on=held,
                decision="Section 47 enquiry to continue; initial conference to be convened.",
                rationale="Bruising explained inconsistently by both carers; the school's concerns go back a term.",
                direction="Sophie Clarke to see Ruby alone at school this week; police checks on the new partner.",
            )

    with clock.travel_to(_at(ago(30))):
        services.challenge_raise(
            actor=patel,
            child=kofi,
            capacity="iro",
            category="drift_and_delay",
            raised_on=ago(30),
            concern="The plan to apply to discharge the care order has not moved since the last review.",
            addressed_to=nowak,
            escalate_to=osei,
        )

    with clock.travel_to(_at(ago(150))):
        earlier = services.challenge_raise(
            actor=patel,
            child=ellie,
            capacity="iro",
            category="participation",
            raised_on=ago(150),
            concern="Ellie was not consulted before her review.",
            addressed_to=nowak,
            escalate_to=osei,
        )
    with clock.travel_to(_at(ago(145))):
        services.challenge_respond(
            actor=nowak,
            challenge=earlier,
            responded_on=ago(145),
            response="I met Ellie and she will chair part of her next review.",
        )
        services.challenge_close(
            actor=patel,
            challenge=earlier,
            outcome="resolved",
            closed_on=ago(145),
            child_told=True,
            advocate_offered=True,
        )

    with clock.travel_to(_at(ago(40))):
        plan = services.challenge_raise(
            actor=patel,
            child=ellie,
            capacity="iro",
            category="care_planning",
            raised_on=ago(40),
            concern="The care plan has no contingency if the placement ends.",
            addressed_to=osei,
            escalate_to=osei,
        )
    with clock.travel_to(_at(ago(35))):
        services.challenge_respond(
            actor=osei,
            challenge=plan,
            responded_on=ago(35),
            response="The contingency is a family and friends assessment of her aunt.",
        )
    with clock.travel_to(_at(ago(20))):
        services.challenge_escalate(
            actor=patel, challenge=plan, raised_on=ago(20), addressed_to=osei, escalate_to=service_manager
        )
    with clock.travel_to(_at(ago(6))):
        services.challenge_escalate(
            actor=patel, challenge=plan, raised_on=ago(6), addressed_to=service_manager, escalate_to=head
        )
        services.good_practice_record(
            actor=patel,
            child=ellie,
            noted_on=ago(6),
            worker=nowak,
            note="Ellie's views were written in her own words throughout the review.",
        )
    return True
