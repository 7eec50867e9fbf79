"""Chronology event types for CIN episodes and plans. Imported by ChildrenInNeedConfig.ready()."""

from casework.chronology import register, register_category

register_category("child_in_need", "Child in need")

register(
    "cin_episode.closed",
    "Case closed",
    "child_in_need",
    lambda d: f"Child in need episode closed: {d.get('reason', '')}.",
    significant=True,
)
register(
    "cin_plan.started",
    "Child in need plan started",
    "child_in_need",
    lambda d: "Child in need plan started.",
    significant=True,
)
register("cin_plan.reviewed", "Child in need plan review", "child_in_need", lambda d: "Child in need plan reviewed.")
register(
    "cin_plan.ended",
    "Child in need plan ended",
    "child_in_need",
    lambda d: "Child in need plan ended." + (f" {d['reason']}" if d.get("reason") else ""),
    significant=True,
)
