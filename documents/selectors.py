"""Reads: a child's documents (letters, attachments, and the documents attached to case notes),
one of them under the child, and the council's templates. The child is already fetched and
authorised (access.selectors.person_get_for_user), so the read is logged."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from casework.models import Document
from documents.models import Attachment, Letter, LetterTemplate


@dataclass(frozen=True)
class RecordDocuments:
    letters: list[Letter]
    attachments: list[Attachment]
    note_documents: list[Document]


def documents_for_child(child) -> RecordDocuments:
    """Everything on the child's "Documents" tab, newest first: three queries."""
    letters = list(Letter.objects.filter(child=child).select_related("made_by", "template"))
    attachments = list(Attachment.objects.filter(child=child).select_related("uploaded_by"))
    notes = list(Document.objects.filter(child=child).select_related("uploaded_by", "case_note"))
    return RecordDocuments(letters, attachments, notes)


def letter_for_child(child, letter_id) -> Letter | None:
    """A letter of this child's, or None: another child's letter id is a 404 like a missing one."""
    return Letter.objects.filter(child=child, pk=letter_id).select_related("made_by", "template", "child").first()


def attachment_for_child(child, attachment_id) -> Attachment | None:
    return Attachment.objects.filter(child=child, pk=attachment_id).first()


def templates() -> QuerySet[LetterTemplate]:
    return LetterTemplate.objects.select_related("updated_by").order_by("kind", "name")


def template_get(template_id) -> LetterTemplate | None:
    return LetterTemplate.objects.filter(pk=template_id).first()


def templates_offered() -> list[LetterTemplate]:
    """The templates a worker may make a letter from."""
    return list(LetterTemplate.objects.filter(active=True).order_by("kind", "name"))
