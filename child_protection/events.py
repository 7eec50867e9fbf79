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
    lambda d: f"{d.get('kind', '')}: {d.get('outcome', '')}."
    + (f" Category: {d['category']}." if d.get("category") else ""),
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
