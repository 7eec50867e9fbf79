"""What may be attached to a child's record, judged by the file's content.

The browser's content type and the file name are both typed by the uploader's computer, so
neither is trusted on its own: the extension must be one we accept AND the file's first bytes
must be what a file of that kind starts with. The type stored with the document (and sent
back on download) is ours, never the browser's.

The size limit is `settings.OPENCSC_MAX_UPLOAD_MB` (default 10). A web server in front of the
app should refuse bodies well above it, so that a huge upload is stopped before Django reads it.
"""

import codecs
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

DEFAULT_MAX_UPLOAD_MB = 10
# Enough of the file to recognise it, and to judge whether "text" is really text.
SNIFF_BYTES = 8192
ALLOWED_DESCRIPTION = "a PDF, Word document (.docx), JPEG, PNG or plain text file"


def _is_pdf(head: bytes, upload) -> bool:
    return head.startswith(b"%PDF-")


def _is_jpeg(head: bytes, upload) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _is_png(head: bytes, upload) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _is_docx(head: bytes, upload) -> bool:
    """A .docx is a zip; any zip starts with PK, so look inside for Word's main part.

    Only the zip's directory is read, never the compressed contents, so a "zip bomb" costs
    nothing here.
    """
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and "word/document.xml" in names


def _is_text(head: bytes, upload) -> bool:
    """UTF-8 (or Windows-1252, which older Notepad files are) with no binary control bytes."""
    if b"\x00" in head:
        return False
    try:
        # Incremental, so a multi-byte character cut at the end of the sample is not an error.
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return not any(ord(c) < 32 and c not in "\t\n\r\f" for c in text)


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    matches: Callable[[bytes, object], bool]


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_KINDS = {
    ".pdf": FileKind("PDF", "application/pdf", _is_pdf),
    ".docx": FileKind("Word document", DOCX, _is_docx),
    ".jpg": FileKind("JPEG image", "image/jpeg", _is_jpeg),
    ".jpeg": FileKind("JPEG image", "image/jpeg", _is_jpeg),
    ".png": FileKind("PNG image", "image/png", _is_png),
    ".txt": FileKind("text file", "text/plain", _is_text),
}
ACCEPT = ",".join(_KINDS)  # for the file input's accept attribute: a hint to the browser, not a check


def max_upload_mb() -> int:
    return int(
        getattr(settings, "OPENCSC_MAX_UPLOAD_MB", None)
        or os.environ.get("OPENCSC_MAX_UPLOAD_MB")
        or DEFAULT_MAX_UPLOAD_MB
    )


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed every check, with what the Document row keeps about it."""

    file: object
    original_name: str
    content_type: str
    size: int


def check_upload(upload) -> CheckedUpload:
    """Accept the upload or raise ValidationError with a message in the GOV.UK style."""
    name = os.path.basename((getattr(upload, "name", "") or "").replace("\\", "/")).strip()
    kind = _KINDS.get(os.path.splitext(name)[1].lower())
    if kind is None:
        raise ValidationError(f"The selected file must be {ALLOWED_DESCRIPTION}", code="type")
    size = upload.size or 0
    if size == 0:
        raise ValidationError("The selected file is empty", code="empty")
    limit = max_upload_mb()
    if size > limit * 1024 * 1024:
        raise ValidationError(f"The selected file must be smaller than {limit}MB", code="size")
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not kind.matches(head, upload):
        raise ValidationError(
            f"The selected file is not a real {kind.label}. Check you chose the right file", code="content"
        )
    # The model keeps 255 characters of the name; keep the extension when shortening it.
    if len(name) > 255:
        stem, ext = os.path.splitext(name)
        name = stem[: 255 - len(ext)] + ext
    return CheckedUpload(file=upload, original_name=name, content_type=kind.content_type, size=size)
