"""The help-and-protection tab's recording pages (front door, assessments, child protection,
children in need): the area declared once (people.steps.RecordArea), and the names their views
use. Each page fetches the child (404 for missing or not yours), refuses a user who may not record
that step for this child (403, access.capabilities), and records through the one step helper."""

from __future__ import annotations

from access.capabilities import Capability
from people.steps import RecordArea, found  # noqa: F401  (found: the views' "or 404")

AREA = RecordArea(
    tab="help",
    caption="Help and protection",
    record_url="children_in_need:journey",
    capability=Capability.RECORD_HELP_AND_PROTECTION,
)
TAB = AREA.tab
child_for = AREA.child
child_for_recording = AREA.child_for_recording
step = AREA.step
journey_url = AREA.back
