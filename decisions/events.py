"""Chronology event types for decisions that need a manager. Imported by DecisionsConfig.ready()."""

from casework.chronology import register, register_category

register_category("decisions", "Decisions")

register(
    "decision.submitted",
    "Decision submitted to a manager",
    "decisions",
    lambda d: f"{d.get('kind', '')} submitted to a manager by {d.get('by', '')}: {d.get('proposal', '')}",
)
register(
    "decision.resubmitted",
    "Decision resubmitted",
    "decisions",
    lambda d: f"{d.get('kind', '')} resubmitted by {d.get('by', '')}: {d.get('proposal', '')}",
)
register(
    "decision.authorised",
    "Decision authorised",
    "decisions",
    lambda d: f"{d.get('kind', '')} authorised by {d.get('by', '')}. Rationale: {d.get('rationale', '')}",
    significant=True,
)
register(
    "decision.returned",
    "Decision returned",
    "decisions",
    lambda d: f"{d.get('kind', '')} returned by {d.get('by', '')}. Reason: {d.get('rationale', '')}",
)
