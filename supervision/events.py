"""Chronology event types for case supervision. Imported by SupervisionConfig.ready()."""

from casework.chronology import register, register_category

register_category("supervision", "Case supervision")


def _discussed(d: dict) -> str:
    text = (
        f"Case discussed in supervision of {d.get('supervisee', '')} by {d.get('supervisor', '')}. "
        f"Direction: {d.get('direction', '')}"
    )
    actions, carried = d.get("actions", 0), d.get("carried", 0)
    if actions:
        text += f" {actions} action{'s' if actions != 1 else ''} agreed."
    if carried:
        text += f" {carried} open action{'s' if carried != 1 else ''} carried forward."
    return text


register("supervision.case_discussed", "Case supervision", "supervision", _discussed, significant=True)
register(
    "supervision.action_done",
    "Case supervision action done",
    "supervision",
    lambda d: f"Case supervision action done: {d.get('action', '')}",
)
