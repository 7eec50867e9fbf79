"""Writes for the access area."""

from access.models import RecordRead


def record_read_log(*, user, person_id: int, path: str, reason: str = "") -> RecordRead:
    """Write one line of the read log. Called by every view that opens a child's record."""
    return RecordRead.objects.create(user=user, person_id=person_id, path=path[:500], reason=reason[:200])
