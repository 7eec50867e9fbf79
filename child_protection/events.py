"""Chronology event types for child protection. Imported by ChildProtectionConfig.ready()."""

from casework.chronology import register, register_category

register_category("child_protection", "Child protection")

register(
    "strategy_discussion.held",
    "Strategy discussion",
    "child_protection",
    lambda d: f"Strategy discussion with {d.get('agencies', '')}. Decision: {d.get('decision', '')}.",
    significant=True,
)
register(
    "section47.started",
    "Section 47 enquiry started",
    "child_protection",
    lambda d: f"Section 47 enquiry started. Initial conference due by {d.get('icpc_target_date', '')}.",
    significant=True,
)
register(
    "section47.concluded",
    "Section 47 enquiry concluded",
    "child_protection",
    lambda d: f"Section 47 enquiry concluded: {d.get('outcome', '')}.",
)
register(
    "conference.held",
    "Child protection conference",
    "child_protection",
    lambda d: (
        f"{d.get('kind', '')}: {d.get('outcome', '')}." + (f" Category: {d['category']}." if d.get("category") else "")
    ),
    significant=True,
)
register(
    "cp_plan.ended",
    "Child protection plan ended",
    "child_protection",
    lambda d: f"Child protection plan ended: {d.get('reason', '')}.",
    significant=True,
)
register("core_group.held", "Core group meeting", "child_protection", lambda d: "Core group meeting held.")
register(
    "conference.booked",
    "Child protection conference booked",
    "child_protection",
    lambda d: (
        f"{d.get('kind', '')} booked for {d.get('on', '')} at {d.get('at', '')}"
        + (f", {d['where']}" if d.get("where") else "")
        + f". Chair: {d.get('chair', '')}."
        + (f" Booked late: {d['late']}." if d.get("late") else "")
    ),
)
register(
    "conference.cancelled",
    "Child protection conference cancelled",
    "child_protection",
    lambda d: f"{d.get('kind', '')} booked for {d.get('on', '')} cancelled: {d.get('reason', '')}",
)
register(
    "conference.attendance",
    "Conference attendance and quoracy",
    "child_protection",
    lambda d: (
        f"{d.get('quoracy', '')}."
        + (f" Attended: {d['attended']}." if d.get("attended") else "")
        + (f" Went ahead because: {d['proceed']}" if d.get("proceed") else "")
    ),
)
register(
    "conference.minutes_issued",
    "Conference minutes issued",
    "child_protection",
    lambda d: f"Minutes of the {d.get('kind', '').lower()} held on {d.get('held_on', '')} issued.",
)
