"""Chronology event types for permanence. Imported by PermanenceConfig.ready()."""

from casework.chronology import register, register_category

register_category("permanence", "Permanence and court")


def _with(text: str, extra: str) -> str:
    return f"{text} {extra}".strip() if extra else text


register(
    "permanence.meeting",
    "Permanence planning meeting",
    "permanence",
    lambda d: _with("Permanence planning meeting.", f"Plan recommended: {d['option']}." if d.get("option") else ""),
)
register(
    "permanence.decision",
    "Permanence decision",
    "permanence",
    lambda d: f"{d.get('decision_maker', 'The decision maker')} decided: {d.get('option', '')}.",
    significant=True,
)
register(
    "permanence.decision_reversed",
    "Permanence decision reversed",
    "permanence",
    lambda d: f"Decision reversed ({d.get('option', '')}): {d.get('reason', '')}.",
    significant=True,
)
register("permanence.step", "Permanence step", "permanence", lambda d: f"{d.get('step', '')} ({d.get('option', '')}).")
register(
    "permanence.order",
    "Order made",
    "permanence",
    lambda d: _with(f"{d.get('order', 'Order')} made.", f"Court: {d['court']}." if d.get("court") else ""),
    significant=True,
)
register(
    "permanence.order_revoked",
    "Order revoked",
    "permanence",
    lambda d: f"{d.get('order', 'Order')} revoked.",
    significant=True,
)
register(
    "adoption.matched",
    "Matched with prospective adopters",
    "permanence",
    lambda d: f"Matched with prospective adopters ({d.get('adopters', '')}).",
    significant=True,
)
register(
    "adoption.placed",
    "Placed for adoption",
    "permanence",
    lambda d: "Placed for adoption with the matched prospective adopters.",
    significant=True,
)
register(
    "adoption.placement_ended",
    "Adoption placement ended",
    "permanence",
    lambda d: f"Adoption placement ended: {d.get('reason', '')}.",
    significant=True,
)
register(
    "adoption.review",
    "Adoption review",
    "permanence",
    lambda d: "Adoption review held" + (f"; visits every {d['weeks']} weeks." if d.get("weeks") else "."),
)
register(
    "proceedings.issued",
    "Care proceedings issued",
    "permanence",
    lambda d: f"{d.get('kind', 'Application')} issued; to conclude by {d.get('due', '')}.",
    significant=True,
)
register(
    "proceedings.extended",
    "Care proceedings extended",
    "permanence",
    lambda d: f"Court extended the timetable by {d.get('weeks')} weeks: {d.get('reason', '')}",
)
register(
    "proceedings.concluded",
    "Care proceedings concluded",
    "permanence",
    lambda d: f"Care proceedings concluded: {d.get('outcome', '')}.",
    significant=True,
)
register(
    "permanence.previous",
    "Previous permanence recorded",
    "permanence",
    lambda d: f"Previous permanence before the care starting {d.get('care_started_on', '')}: {d.get('option', '')}.",
)
register(
    "pre_proceedings.started",
    "Pre-proceedings started",
    "permanence",
    lambda d: "Decision to start pre-proceedings (Public Law Outline).",
    significant=True,
)
register(
    "pre_proceedings.letter",
    "Letter before proceedings",
    "permanence",
    lambda d: (
        "Letter before proceedings sent"
        + (
            "; it offered a family group decision-making meeting."
            if d.get("fgdm_offered")
            else "; no family group meeting offered."
        )
    ),
)
register(
    "pre_proceedings.fgdm",
    "Family group decision-making meeting",
    "permanence",
    lambda d: "Family group decision-making meeting " + ("held." if d.get("held") else "not held."),
)
register(
    "pre_proceedings.meeting",
    "Pre-proceedings meeting",
    "permanence",
    lambda d: "First pre-proceedings meeting." if d.get("first") else "Pre-proceedings review meeting.",
)
register(
    "pre_proceedings.decided",
    "Pre-proceedings ended",
    "permanence",
    lambda d: f"Pre-proceedings ended: {d.get('outcome', '')}.",
    significant=True,
)
