"""Chronology event types for letters and attachments. Imported by DocumentsConfig.ready()."""

from casework.chronology import register

register("letter.made", "Letter made", "note", lambda d: f"{d.get('title')} made for {d.get('addressee')}.")
register(
    "attachment.added", "Document attached", "note", lambda d: f"Document attached to {d.get('item')}: {d.get('name')}."
)
