"""What the front door makes due: a screening decision on each contact (local standard, default
1 working day) and a decision on each referral (1 working day, Working Together 2023 para 153).
Decided ones are reported as completed, so their timeliness stays on record."""

from front_door.models import Contact, Referral
from timescales import engine
from timescales.engine import describe_trigger, due_spec
from timescales.reads import CHILD, column


def _columns(model, name: str) -> dict:
    """The child's rows of `model` as three columns (id, received, decided), in id order."""
    rows = model.objects.filter(child_id=CHILD).order_by("pk")
    return {f"{name}_{field}": column(rows, field) for field in ("id", "received_at", "decided_at")}


def _rows(found: dict, name: str):
    return zip(found[f"{name}_id"], found[f"{name}_received_at"], found[f"{name}_decided_at"], strict=True)


def _reads() -> dict:
    return {**_columns(Contact, "contacts"), **_columns(Referral, "referrals")}


# Contacts and referrals: nearly every child has them, so nearly every refresh runs this.
@engine.register(only_if_any=[(Contact, "child_id"), (Referral, "child_id")], reads=_reads)
def front_door_due(person, calendar, found):
    for pk, received_at, decided_at in _rows(found, "contacts"):
        yield due_spec(
            "contact_decision",
            trigger=received_at,
            calendar=calendar,
            key=f"contact-{pk}",
            trigger_description=describe_trigger("Contact received", received_at),
            source=(Contact, pk),
            completed_at=decided_at,
        )
    for pk, received_at, decided_at in _rows(found, "referrals"):
        yield due_spec(
            "referral_decision_1wd",
            trigger=received_at,
            calendar=calendar,
            key=f"referral-{pk}",
            trigger_description=describe_trigger("Referral received", received_at),
            source=(Referral, pk),
            completed_at=decided_at,
        )
