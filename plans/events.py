"""Chronology event types for a plan's content. Imported by PlansConfig.ready()."""

from casework.chronology import register, register_category

register_category("plans", "Plans")

register(
    "plan.outcome_added",
    "Plan outcome added",
    "plans",
    lambda d: f"{d.get('plan', 'Plan')}: outcome added, “{d.get('outcome', '')}”, by {d.get('by_when', '')}.",
)
register(
    "plan.action_added",
    "Plan action added",
    "plans",
    lambda d: (
        f"{d.get('plan', 'Plan')}: action added, “{d.get('action', '')}”, owned by {d.get('owner', '')}, "
        f"due by {d.get('due_on', '')}."
    ),
)
register(
    "plan.contingency_set",
    "Plan contingency",
    "plans",
    lambda d: f"{d.get('plan', 'Plan')}: contingency set, “{d.get('contingency', '')}”.",
)
register(
    "plan.progress_recorded",
    "Progress against the plan",
    "plans",
    lambda d: f"{d.get('plan', 'Plan')}: progress recorded against its actions ({d.get('summary', '')}).",
)
register(
    "plan.section_set",
    "Plan section written",
    "plans",
    lambda d: f"{d.get('plan', 'Plan')}: {d.get('section', 'section').lower()} written.",
)
