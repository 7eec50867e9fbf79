"""Letters made from the council's templates, and files attached to any recorded item.

A letter keeps the text it was made with (the template filled from the record on the day), not
the PDF: the PDF is drawn from that text when it is downloaded (documents.letter_pdf), so it says
the same every time, costs no file storage, and a letter cannot be half-saved (a row without its
file or a file without its row). An attachment is an upload checked by its content
(casework.documents) and points at the item it belongs to by content type and id, as a plan's
content points at its plan, so that any area's item can have one without this app knowing it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from core.audit import audited
from documents.kinds import LetterKind


@audited()
class LetterTemplate(models.Model):
    """A letter the council writes again and again, with placeholders filled from the record."""

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    title = models.CharField("Heading of the letter", max_length=200)
    body = models.TextField()
    active = models.BooleanField("Offered to workers", default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


@audited()
class Letter(models.Model):
    """A letter made for one child from a template: what it said, to whom, about what, by whom, when."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="letters")
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(max_length=30, choices=LetterKind.choices)
    title = models.CharField(max_length=200)
    addressee = models.TextField("Who it is to")
    body = models.TextField()
    # The plan or conference it is about (documents.subjects), by content type and id.
    about_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    about_id = models.BigIntegerField()
    about_label = models.CharField(max_length=200)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField()

    class Meta:
        ordering = ["-made_at", "-id"]
        indexes = [models.Index(fields=["child", "-made_at"], name="letter_child_recent")]

    def __str__(self) -> str:
        return f"{self.title} ({self.made_at:%d/%m/%Y})"

    @property
    def filename(self) -> str:
        return f"{self.title} {self.made_at:%Y-%m-%d}.pdf".replace("/", "-")


def attachment_path(instance, filename):
    # Stored under the child's id with a random name, as case note documents are; the original
    # name is kept in the row.
    import uuid

    return f"attachments/{instance.child_id}/{uuid.uuid4().hex}"


@audited()
class Attachment(models.Model):
    """A file attached to a recorded item of a child's (a visit, an assessment, a plan, a conference)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="attachments")
    item_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    item_id = models.BigIntegerField()
    item_label = models.CharField(max_length=200)
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [
            models.Index(fields=["child", "-uploaded_at"], name="attachment_child_recent"),
            models.Index(fields=["item_type", "item_id"], name="attachment_item"),
        ]

    def __str__(self) -> str:
        return self.original_name
