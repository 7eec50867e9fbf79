"""Chronology event types for the child's record and casework. Imported by CaseworkConfig.ready()."""

from casework.chronology import register

register("person.created", "Record created", "record", lambda d: f"Record created for {d.get('name', '')}.")
register("person.name_added", "Other name recorded", "record", lambda d: f"{d.get('kind')}: {d.get('name')}.")
register("person.updated", "Details changed", "record", lambda d: "Changed: " + ", ".join(d.get("fields", [])) + ".")
register(
    "person.merged",
    "Records merged",
    "record",
    lambda d: f"Record {d.get('merged_la_id')} ({d.get('merged_name')}) merged into this record.",
    significant=True,
)
register(
    "family.linked",
    "Family member or significant person added",
    "family",
    lambda d: (
        f"{d.get('other_name')} added as {d.get('relationship', '').lower()}"
        + (" (lives with the child)" if d.get("lives_with") else "")
        + "."
    ),
)
register(
    "professional.added",
    "Professional involved",
    "family",
    lambda d: f"{d.get('role')}: {d.get('name')}" + (f", {d['organisation']}" if d.get("organisation") else "") + ".",
)
register(
    "address.added", "Address recorded", "record", lambda d: f"Address from {d.get('start_date')}: {d.get('postcode')}."
)
register(
    "allocation.changed",
    "Allocated",
    "allocation",
    lambda d: f"Allocated to {d.get('worker') or 'no named worker'}, {d.get('team')} ({d.get('reason', '').lower()}).",
)
register(
    "warning.added",
    "Warning added",
    "warning",
    lambda d: f"Warning added: {d.get('kind')}. Review by {d.get('review_date')}.",
    significant=True,
)
register(
    "warning.ended", "Warning ended", "warning", lambda d: f"Warning ended: {d.get('kind')}. {d.get('reason', '')}"
)
register(
    "visit.recorded",
    "Visit",
    "visit",
    lambda d: (
        f"{d.get('visit_type')}: child "
        + ("seen alone" if d.get("seen_alone") else "seen" if d.get("child_seen") else "not seen")
        + "."
    ),
)
register(
    "visit.corrected",
    "Visit corrected",
    "visit",
    lambda d: (
        f"Correction to {d.get('what', 'a visit')}: {'; '.join(d.get('changes', []))}. Reason: {d.get('reason', '')}"
    ),
)
register("note.recorded", "Case note", "note", lambda d: f"{d.get('note_type')}: {d.get('subject')}")
register("document.added", "Document added", "note", lambda d: f"Document added: {d.get('name')}.")
