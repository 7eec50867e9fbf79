"""Writes: the council's letter templates, a letter made for a child, a file attached to an item.

Each runs in one transaction with its chronology line; every table is audited (pghistory). Who may
do it is the capability table's: the templates are MANAGE_LETTER_TEMPLATES (not about a child), a
letter or an attachment is RECORD_CASEWORK on the child (as case notes and their documents are).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from access.capabilities import Capability, require
from casework import documents as uploads
from casework.chronology import chronology_record
from core import clock
from core.content_types import content_type_for
from core.dates import long_date
from documents import kinds, placeholders, subjects
from documents.kinds import LetterKind
from documents.models import Attachment, Letter, LetterTemplate

UPLOAD_NOT_STORED = "The selected file could not be saved. Try again"


def template_save(
    *, actor, template: LetterTemplate | None, name: str, kind: str, title: str, body: str, active: bool = True
) -> LetterTemplate:
    """Add a template (template=None) or change one. A placeholder its kind cannot fill is refused
    beside the field it is in, so no letter is ever made with one left in it."""
    require(actor, Capability.MANAGE_LETTER_TEMPLATES)
    errors: dict[str, list[str]] = {}
    name, title, body = name.strip(), title.strip(), body.strip()
    if not name:
        errors["name"] = ["Enter a name for the template"]
    elif len(name) > LetterTemplate._meta.get_field("name").max_length:
        errors["name"] = ["The name must be 120 characters or fewer"]
    if kind not in LetterKind.values:
        errors["kind"] = ["Select what kind of letter it is"]
    if not title:
        errors["title"] = ["Enter the heading of the letter"]
    elif len(title) > LetterTemplate._meta.get_field("title").max_length:
        errors["title"] = ["The heading must be 200 characters or fewer"]
    if not body:
        errors["body"] = ["Enter the text of the letter"]
    if kind in LetterKind.values:
        for field, text in (("title", title), ("body", body)):
            if found := placeholders.problems(text, kind):
                errors.setdefault(field, []).extend(found)
    if errors:
        raise ValidationError(errors)
    template = template or LetterTemplate()
    template.name, template.kind, template.title, template.body = name, kind, title, body
    template.active, template.updated_by = active, actor
    try:
        with transaction.atomic():
            template.save()
    except IntegrityError:
        raise ValidationError({"name": ["A template with this name already exists"]}) from None
    return template


def _values(*, actor, child, item: subjects.Item, addressee: str) -> dict[str, str]:
    return {
        "council.name": settings.COUNCIL_NAME,
        "letter.date": long_date(clock.today()),
        "letter.addressee": addressee.splitlines()[0].strip() if addressee.strip() else "",
        "child.first_name": child.given_name or child.full_name,
        "child.last_name": child.family_name,
        "child.full_name": child.full_name,
        "child.date_of_birth": long_date(child.date_of_birth),
        "child.la_id": child.la_id,
        "worker.name": str(actor),
        "worker.team": str(actor.team or ""),
        **subjects.values_for(item),
    }


def _check_letter(*, child, template, about: str, addressee: str) -> subjects.Item:
    errors = {}
    if template is None or not template.active:
        errors["template"] = "Select the letter to make"
    item = None
    if template is not None:
        item = subjects.find(child, about)
        if item is None or item.what != kinds.about(template.kind):
            errors["about"] = f"Select the {kinds.about(template.kind)} the letter is about"
    if not addressee.strip():
        errors["addressee"] = "Enter who the letter is to"
    elif len(addressee) > 1000:
        errors["addressee"] = "Who the letter is to must be 1000 characters or fewer"
    if errors:
        raise ValidationError(errors)
    return item


def letter_preview(*, actor, child, template: LetterTemplate | None, about: str, addressee: str) -> dict:
    """What the letter will say, filled from the record now: its heading and text. Writes nothing."""
    require(actor, Capability.RECORD_CASEWORK, child)
    item = _check_letter(child=child, template=template, about=about, addressee=addressee)
    values = _values(actor=actor, child=child, item=item, addressee=addressee)
    return {
        "title": placeholders.fill(template.title, values),
        "body": placeholders.fill(template.body, values),
        "about": item.label,
        "addressee": addressee.strip(),
    }


def letter_make(*, actor, child, template: LetterTemplate | None, about: str, addressee: str) -> Letter:
    """Make the letter and save it to the child's record, with its chronology line: the text is
    filled from the record at this moment and kept, so the letter says later what it said when sent."""
    require(actor, Capability.RECORD_CASEWORK, child)
    item = _check_letter(child=child, template=template, about=about, addressee=addressee)
    values = _values(actor=actor, child=child, item=item, addressee=addressee)
    now = clock.now()
    with transaction.atomic():
        letter = Letter.objects.create(
            child=child,
            template=template,
            kind=template.kind,
            title=placeholders.fill(template.title, values),
            addressee=addressee.strip(),
            body=placeholders.fill(template.body, values),
            about_type=content_type_for(item.obj),
            about_id=item.obj.pk,
            about_label=item.label,
            made_by=actor,
            made_at=now,
        )
        chronology_record(
            child=child,
            event_type="letter.made",
            occurred_at=now,
            actor=actor,
            source=letter,
            data={"title": letter.title, "addressee": values["letter.addressee"], "about": item.label},
        )
    return letter


def attachment_add(*, actor, child, item: subjects.Item, upload, description: str = "") -> Attachment:
    """Attach a file to one of the child's recorded items. The file is judged by its content
    (casework.documents); if anything after storing it fails, the stored file is removed again."""
    require(actor, Capability.RECORD_CASEWORK, child)
    errors = {}
    checked = None
    if upload is None:
        errors["upload"] = "Select a file"
    else:
        try:
            checked = uploads.check_upload(upload)
        except ValidationError as error:
            errors["upload"] = error.messages
    if len(description.strip()) > 200:
        errors["description"] = "The description must be 200 characters or fewer"
    if errors:
        raise ValidationError(errors)
    now = clock.now()
    stored = []
    try:
        with transaction.atomic():
            attachment = Attachment(
                child=child,
                item_type=content_type_for(item.obj),
                item_id=item.obj.pk,
                item_label=item.label,
                original_name=checked.original_name,
                content_type=checked.content_type,
                size=checked.size,
                description=description.strip(),
                uploaded_by=actor,
                uploaded_at=now,
            )
            try:
                attachment.file = checked.file
                attachment.save()  # writes the file to storage first (FileField.pre_save)
            except OSError:
                raise ValidationError({"upload": UPLOAD_NOT_STORED}) from None
            stored.append(attachment.file.name)
            chronology_record(
                child=child,
                event_type="attachment.added",
                occurred_at=now,
                actor=actor,
                source=attachment,
                data={"name": attachment.original_name, "item": item.label},
            )
    except Exception:
        for name in stored:
            default_storage.delete(name)
        raise
    return attachment
