"""Chronology event types for contacts and referrals. Imported by FrontDoorConfig.ready()."""

from casework.chronology import register, register_category

register_category("front_door", "Contacts and referrals")

register(
    "contact.received",
    "Contact",
    "front_door",
    lambda d: (
        f"Contact from {d.get('source', '')}" + (f" ({d['source_detail']})" if d.get("source_detail") else "") + "."
    ),
)
register(
    "contact.decided",
    "Contact screened",
    "front_door",
    lambda d: f"Screening decision: {d.get('decision', '')}." + (f" {d['reason']}" if d.get("reason") else ""),
)
register(
    "referral.received",
    "Referral",
    "front_door",
    lambda d: (
        f"Referral from {d.get('source', '')}. Primary need: {d.get('primary_need', '')}."
        + (
            " Re-referral within 12 months of the referral on " + d["previous_referral_date"] + "."
            if d.get("re_referral")
            else ""
        )
    ),
    significant=True,
)
register(
    "referral.decided",
    "Referral decision",
    "front_door",
    lambda d: f"Next step decided: {d.get('next_step', '')}.",
)
