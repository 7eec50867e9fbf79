"""Chronology event types for assessments. Imported by AssessmentsConfig.ready()."""

from casework.chronology import register, register_category

register_category("assessment", "Assessments")

register(
    "assessment.started",
    "Assessment started",
    "assessment",
    lambda d: f"Assessment started on {d.get('start_date', '')}.",
)
register(
    "assessment.submitted",
    "Assessment submitted",
    "assessment",
    lambda d: f"Assessment submitted for authorisation. Outcome proposed: {d.get('outcome', '')}.",
)
register(
    "assessment.returned",
    "Assessment returned",
    "assessment",
    lambda d: f"Assessment returned to the social worker: {d.get('comments', '')}",
)
register(
    "assessment.authorised",
    "Assessment authorised",
    "assessment",
    lambda d: (
        f"Assessment authorised on {d.get('authorised_on', '')}"
        + f" after {d.get('working_days', '?')} working days from the referral. Outcome: {d.get('outcome', '')}."
        + (f" Late because: {d['late_reason']}" if d.get("late_reason") else "")
        + (f" Rationale: {d['rationale']}" if d.get("rationale") else "")
    ),
    significant=True,
)
