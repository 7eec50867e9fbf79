"""Chronology event types for private fostering. Imported by PrivateFosteringConfig.ready()."""

from casework.chronology import register, register_category

register_category("private_fostering", "Private fostering")

register(
    "private_fostering.notified",
    "Private fostering notified",
    "private_fostering",
    lambda d: f"Notified of {d.get('kind', '').lower()} with {d.get('carer', '')} (by {d.get('by', '').lower()}).",
    significant=True,
)
register(
    "private_fostering.started",
    "Private fostering started",
    "private_fostering",
    lambda d: f"Private fostering arrangement with {d.get('carer', '')} started.",
    significant=True,
)
register(
    "private_fostering.ended",
    "Private fostering ended",
    "private_fostering",
    lambda d: f"Private fostering arrangement ended: {d.get('reason', '')}.",
    significant=True,
)
