"""Ready-made records and files for casework tests, written through the services so that each
comes with its chronology event, as in real use."""

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from casework import services
from casework.choices import CaseNoteType, VisitType


def hours_ago(hours: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)


def docx_bytes() -> bytes:
    """The smallest zip that has the parts of a Word document we look for."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


FILES = {
    "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n",
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64,
    "drawing.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "letter.docx": None,  # built by docx_bytes()
    "notes.txt": "Mum said Jay was happy at school. £5 for the trip.\n".encode(),
}


def upload(
    name: str, content: bytes | None = None, content_type: str = "application/octet-stream"
) -> SimpleUploadedFile:
    if content is None:
        content = docx_bytes() if name.endswith(".docx") else FILES[name]
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_visit(*, actor, child, visited_at=None, **overrides):
    values = {
        "visited_at": visited_at or hours_ago(2),
        "visit_type": VisitType.HOME,
        "child_seen": True,
        "seen_alone": True,
        "bedroom_seen": True,
        "voice_of_child": "Said he likes his new school.",
        "observations": "Home warm and tidy.",
    }
    return services.visit_record(actor=actor, child=child, **(values | overrides))


def make_note(*, actor, child, occurred_at=None, **overrides):
    values = {
        "note_type": CaseNoteType.TELEPHONE,
        "occurred_at": occurred_at or hours_ago(1),
        "subject": "Call with school",
        "body": "Attendance is 96% this term.",
    }
    return services.case_note_record(actor=actor, child=child, **(values | overrides))
