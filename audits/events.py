"""Chronology event types for case audits. Imported by AuditsConfig.ready()."""

from casework.chronology import register, register_category

register_category("audit", "Case audit")


def _audited(d: dict) -> str:
    # No grade here: the chronology is read by the audit's moderator, who grades blind.
    text = f"Case audited ({d.get('theme', '')}) by {d.get('auditor', '')}."
    actions = d.get("actions", 0)
    if actions:
        text += f" {actions} action{'s' if actions != 1 else ''} set."
    return text


register("audit.completed", "Case audit", "audit", _audited, significant=True)
register(
    "audit.moderated",
    "Case audit moderated",
    "audit",
    lambda d: (
        f"Case audit moderated by {d.get('moderator', '')}: the overall grade that stands is {d.get('grade', '')}."
    ),
)
register(
    "audit.action_set",
    "Case audit action",
    "audit",
    lambda d: f"Audit action for {d.get('owner', '')}, due {d.get('due', '')}: {d.get('action', '')}",
)
register(
    "audit.action_done", "Case audit action done", "audit", lambda d: f"Case audit action done: {d.get('action', '')}"
)
