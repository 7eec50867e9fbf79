"""Chronology event types for care leavers. Imported by CareLeaversConfig.ready()."""

from casework.chronology import register, register_category

register_category("care_leaver", "Leaving care")

register(
    "care_leaver.started",
    "Care leaver",
    "care_leaver",
    lambda d: f"Supported as a care leaver: {d.get('category', '')}.",
    significant=True,
)
register(
    "care_leaver.category",
    "Care leaver category changed",
    "care_leaver",
    lambda d: f"Now {'an' if d.get('category', '')[:1].lower() in 'aeio' else 'a'} {d.get('category', '').lower()}.",
    significant=True,
)
register(
    "care_leaver.adviser", "Personal adviser", "care_leaver", lambda d: f"Personal adviser: {d.get('adviser', '')}."
)
register("care_leaver.needs_assessment", "Needs assessment", "care_leaver", lambda d: "Needs assessment completed.")
register(
    "care_leaver.pathway_plan", "Pathway plan", "care_leaver", lambda d: "Pathway plan prepared.", significant=True
)
register(
    "care_leaver.pathway_plan_review",
    "Pathway plan review",
    "care_leaver",
    lambda d: f"Pathway plan reviewed ({d.get('requested_by', '').lower()}).",
)
register(
    "care_leaver.contact",
    "Keeping in touch",
    "care_leaver",
    lambda d: (
        f"{d.get('in_touch', '')}."
        + (f" Accommodation: {d['accommodation']}." if d.get("accommodation") else "")
        + (f" Activity: {d['activity']}." if d.get("activity") else "")
    ),
)
register(
    "care_leaver.ended",
    "Care leaver support ended",
    "care_leaver",
    lambda d: f"Support as a care leaver ended: {d.get('reason', '')}.",
    significant=True,
)
