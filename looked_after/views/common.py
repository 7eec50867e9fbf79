"""The looked-after tab's recording pages, declared once (people.steps.RecordArea): the child's
social worker and managers record (RECORD_LOOKED_AFTER); reviews and the IRO's contact are
CHAIR_REVIEW, named by those pages."""

from __future__ import annotations

from access.capabilities import Capability
from people.steps import RecordArea, found  # noqa: F401  (found: the views' "or 404")

AREA = RecordArea(
    tab="looked_after",
    caption="Looked after",
    record_url="looked_after:record",
    capability=Capability.RECORD_LOOKED_AFTER,
)
TAB = AREA.tab
child_for = AREA.child
child_for_recording = AREA.child_for_recording
step = AREA.step
record_url = AREA.back
