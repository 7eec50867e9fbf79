"""What the front door makes due: a screening decision on each contact (local standard, default
1 working day) and a decision on each referral (1 working day, Working Together 2023 para 153).
Decided ones are reported as completed, so their timeliness stays on record."""

from front_door.models import Contact, Referral
from timescales import engine
from timescales.engine import describe_trigger, due_spec


@engine.register(only_if_any=[(Contact, "child_id"), (Referral, "child_id")])
def front_door_due(person, calendar):
    for contact in Contact.objects.filter(child_id=person.pk).only("id", "received_at", "decided_at"):
        yield due_spec(
            "contact_decision", trigger=contact.received_at, calendar=calendar, key=f"contact-{contact.pk}",
            trigger_description=describe_trigger("Contact received", contact.received_at), source=contact,
            completed_at=contact.decided_at,
        )
    for referral in Referral.objects.filter(child_id=person.pk).only("id", "received_at", "decided_at"):
        yield due_spec(
            "referral_decision_1wd", trigger=referral.received_at, calendar=calendar, key=f"referral-{referral.pk}",
            trigger_description=describe_trigger("Referral received", referral.received_at), source=referral,
            completed_at=referral.decided_at,
        )
