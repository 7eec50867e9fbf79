"""Chronology event types for management oversight and the IRO's challenge. Imported by OversightConfig.ready()."""

from casework.chronology import register, register_category

register_category("oversight", "Management oversight and challenge")

register(
    "oversight.recorded",
    "Management oversight",
    "oversight",
    lambda d: (
        f"Management oversight of {d.get('what', '').lower()} on {d.get('event_date', '')} by {d.get('by', '')}. "
        f"Decision: {d.get('decision', '')}"
    ),
    significant=True,
)
register(
    "challenge.raised",
    "Challenge raised",
    "oversight",
    lambda d: (
        f"{d.get('by', '')} raised a concern ({d.get('category', '').lower()}) informally with "
        f"{d.get('to', '')}; response due by {d.get('due', '')}."
    ),
    significant=True,
)
register(
    "challenge.escalated",
    "Challenge escalated",
    "oversight",
    lambda d: (
        f"Challenge escalated to {d.get('stage', '').lower()}: addressed to {d.get('to', '')}, response due by "
        f"{d.get('due', '')}." + (" The stage before was not answered in time." if d.get("unanswered") else "")
    ),
    significant=True,
)
register(
    "challenge.responded",
    "Response to a challenge",
    "oversight",
    lambda d: f"{d.get('by', '')} responded to the challenge ({d.get('stage', '').lower()}).",
)
register(
    "challenge.closed",
    "Challenge closed",
    "oversight",
    lambda d: (
        f"Challenge closed: {d.get('outcome', '').lower()}. Child told: {d.get('told', '')}; "
        f"advocate offered: {d.get('advocate', '')}."
    ),
    significant=True,
)
register(
    "good_practice.noted",
    "Good practice",
    "oversight",
    lambda d: f"{d.get('by', '')} noted good practice" + (f" by {d['worker']}" if d.get("worker") else "") + ".",
)
