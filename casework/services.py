"""Writes for casework. Each is one transaction with its chronology event."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction

from access.capabilities import Capability, require
from casework import documents
from casework.choices import AllocationChangeReason, CaseNoteType, VisitType
from casework.chronology import chronology_record
from casework.models import Allocation, CaseNote, Document, Visit
from core.clock import now
from people.models import Person
from timescales.engine import reassign_due_items, refresh_due_items

# Shared with the forms, so the page and the service refuse with the same words.
SEEN_ALONE_BUT_NOT_SEEN = (
    "The child cannot have been seen alone if they were not seen. Select ‘No’, or change ‘Was the child seen?’ to ‘Yes’"
)
UPLOAD_NOT_STORED = "The selected file could not be uploaded – try again"


@transaction.atomic
def allocation_change(
    *, actor, child: Person, team, worker=None, start_date: datetime.date, reason: str = AllocationChangeReason.NEW_CASE
) -> Allocation:
    """End the child's open allocation (if any) and start a new one from `start_date`."""
    require(actor, Capability.ALLOCATE, child)
    return _allocate(actor=actor, child=child, team=team, worker=worker, start_date=start_date, reason=reason)


@transaction.atomic
def allocation_to_creator(*, actor, child: Person, start_date: datetime.date) -> Allocation:
    """The social worker who opens a child's record takes the case, from `start_date`.

    Opening the record (ADD_CHILD) is what authorises this, not ALLOCATE: a worker does not
    allocate children, but a child they have just opened is theirs from the first moment. Only
    a child nobody holds yet, and only to the worker themselves in their own team.
    """
    require(actor, Capability.ADD_CHILD)
    if child.current_team_id is not None or child.current_worker_id is not None or actor.team_id is None:
        raise PermissionDenied("Only a child nobody is allocated to yet can be taken by the worker who opened it.")
    return _allocate(
        actor=actor,
        child=child,
        team=actor.team,
        worker=actor,
        start_date=start_date,
        reason=AllocationChangeReason.NEW_CASE,
    )


def _allocate(*, actor, child: Person, team, worker, start_date: datetime.date, reason: str) -> Allocation:
    if worker is not None and worker.team_id != team.pk and not worker.managed_teams.filter(pk=team.pk).exists():
        raise ValidationError({"worker": f"{worker} is not in {team}. Choose a worker in that team."})
    child = Person.objects.select_for_update().get(pk=child.pk)
    current = Allocation.objects.filter(child=child, end_date__isnull=True).first()
    if current is not None:
        if start_date < current.start_date:
            raise ValidationError({"start_date": "The new allocation cannot start before the current one started"})
        current.end_date = start_date
        current.end_reason = reason
        current.save(update_fields=["end_date", "end_reason"])
    allocation = Allocation.objects.create(
        child=child, worker=worker, team=team, start_date=start_date, reason=reason, allocated_by=actor
    )
    Person.objects.filter(pk=child.pk).update(current_worker=worker, current_team=team)
    chronology_record(
        child=child,
        event_type="allocation.changed",
        occurred_at=_start_of(start_date),
        actor=actor,
        source=allocation,
        data={
            "worker": str(worker) if worker else "",
            "team": str(team),
            "reason": AllocationChangeReason(reason).label,
        },
    )
    _after_allocation(child)
    return allocation


def _after_allocation(child):
    """Due items follow the child to the new worker and team."""
    reassign_due_items(Person.objects.get(pk=child.pk))


def _start_of(day: datetime.date) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def caseload_counts(team_ids=None):
    """Open allocations per worker: {worker_id: count}."""
    from django.db.models import Count

    qs = Allocation.objects.filter(end_date__isnull=True, worker__isnull=False, child__merged_into__isnull=True)
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    return dict(qs.values_list("worker_id").annotate(n=Count("id")).values_list("worker_id", "n"))


def _refresh_due_items(child):
    """A visit or a note may meet (or start) something due: bring the child's due items up to date.

    Runs inside the caller's transaction, so the work tray never disagrees with the record.
    """
    refresh_due_items(child)


def _require_child(child: Person) -> None:
    if not child.is_child:
        raise ValidationError("Visits, case notes and documents are recorded on a child's record")


def _check_moment(errors: dict, key: str, moment, what: str) -> None:
    if moment is None:
        errors[key] = f"Enter the date of the {what}"
    elif moment > now():
        errors[key] = f"The date and time of the {what} must be in the past"


def _check_visit(*, visited_at, visit_type: str, child_seen: bool, seen_alone: bool, observations: str) -> dict:
    """The rules of a visit, the same for recording and correcting one."""
    errors = {}
    _check_moment(errors, "visited_at", visited_at, "visit")
    if visit_type not in VisitType.values:
        errors["visit_type"] = "Select the type of visit"
    if seen_alone and not child_seen:
        errors["seen_alone"] = SEEN_ALONE_BUT_NOT_SEEN
    if not observations.strip():
        errors["observations"] = "Enter your observations"
    return errors


def _visit_event_data(visit: Visit) -> dict:
    return {
        "visit_type": VisitType(visit.visit_type).label,
        "child_seen": visit.child_seen,
        "seen_alone": visit.seen_alone,
        "bedroom_seen": visit.bedroom_seen,
    }


@transaction.atomic
def visit_record(
    *,
    actor,
    child: Person,
    visited_at: datetime.datetime,
    visit_type: str,
    child_seen: bool,
    seen_alone: bool = False,
    bedroom_seen: bool | None = None,
    voice_of_child: str = "",
    observations: str = "",
    next_steps: str = "",
) -> Visit:
    """Record a visit to the child, with its chronology event, and refresh what is due.

    `bedroom_seen` is None where it does not apply (an office or school visit).
    """
    _require_child(child)
    require(actor, Capability.RECORD_CASEWORK, child)
    errors = _check_visit(
        visited_at=visited_at,
        visit_type=visit_type,
        child_seen=child_seen,
        seen_alone=seen_alone,
        observations=observations,
    )
    if errors:
        raise ValidationError(errors)
    visit = Visit.objects.create(
        child=child,
        visited_at=visited_at,
        visit_type=visit_type,
        child_seen=child_seen,
        seen_alone=seen_alone,
        bedroom_seen=bedroom_seen,
        voice_of_child=voice_of_child.strip(),
        observations=observations.strip(),
        next_steps=next_steps.strip(),
        recorded_by=actor,
    )
    chronology_record(
        child=child,
        event_type="visit.recorded",
        occurred_at=visited_at,
        actor=actor,
        source=visit,
        data=_visit_event_data(visit),
    )
    _refresh_due_items(child)
    return visit


VISIT_NO_REASON = "Enter why the visit is being corrected"
VISIT_NOTHING_CHANGED = "Nothing has been changed: correct at least one of the details, or cancel"
# What a correction can change, with the words the chronology uses for each.
_CORRECTABLE = (
    ("visited_at", "date and time"),
    ("visit_type", "type"),
    ("child_seen", "child seen"),
    ("seen_alone", "seen alone"),
    ("bedroom_seen", "bedroom seen"),
    ("voice_of_child", "what the child said"),
    ("observations", "observations"),
    ("next_steps", "next steps"),
)


def _shown(field: str, value) -> str:
    if field == "visited_at":
        from django.utils import timezone

        return f"{timezone.localtime(value):%d/%m/%Y %H:%M}"
    if field == "visit_type":
        return VisitType(value).label
    if isinstance(value, bool) or value is None:
        return {True: "yes", False: "no", None: "does not apply"}[value]
    return "changed"


@transaction.atomic
def visit_correct(
    *,
    actor,
    child: Person,
    visit: Visit,
    reason: str,
    visited_at: datetime.datetime,
    visit_type: str,
    child_seen: bool,
    seen_alone: bool = False,
    bedroom_seen: bool | None = None,
    voice_of_child: str = "",
    observations: str = "",
    next_steps: str = "",
) -> Visit:
    """Correct a visit that was recorded wrongly (its date, type, whether the child was seen...),
    with the reason, as episodes are corrected (looked_after.services.corrections): the same checks
    as recording, the audit triggers keep the row before and after, the visit's chronology line
    moves to the corrected date, a line says what was corrected and why, and the child's due
    items are worked out again (a visit that now counts, or no longer does)."""
    _require_child(child)
    require(actor, Capability.RECORD_CASEWORK, child)
    visit = Visit.objects.select_for_update().get(pk=visit.pk, child=child)
    errors = _check_visit(
        visited_at=visited_at,
        visit_type=visit_type,
        child_seen=child_seen,
        seen_alone=seen_alone,
        observations=observations,
    )
    if not reason.strip():
        errors["reason"] = VISIT_NO_REASON
    if errors:
        raise ValidationError(errors)
    new = {
        "visited_at": visited_at,
        "visit_type": visit_type,
        "child_seen": child_seen,
        "seen_alone": seen_alone,
        "bedroom_seen": bedroom_seen,
        "voice_of_child": voice_of_child.strip(),
        "observations": observations.strip(),
        "next_steps": next_steps.strip(),
    }
    changes = [
        f"{label} {_shown(field, getattr(visit, field))} to {_shown(field, new[field])}"
        if _shown(field, new[field]) != "changed"
        else f"{label} changed"
        for field, label in _CORRECTABLE
        if getattr(visit, field) != new[field]
    ]
    if not changes:
        raise ValidationError(VISIT_NOTHING_CHANGED)
    described = f"the visit on {_shown('visited_at', visit.visited_at)}"
    for field, value in new.items():
        setattr(visit, field, value)
    visit.save(update_fields=list(new))
    # The visit's own line moves to the corrected date and says what the visit now records.
    from django.contrib.contenttypes.models import ContentType

    from casework.models import ChronologyEvent

    ChronologyEvent.objects.filter(
        source_type=ContentType.objects.get_for_model(Visit),
        source_id=visit.pk,
        event_type="visit.recorded",
    ).update(occurred_at=visited_at, data=_visit_event_data(visit))
    chronology_record(
        child=child,
        event_type="visit.corrected",
        occurred_at=now(),
        actor=actor,
        source=visit,
        data={"what": described, "changes": changes, "reason": reason.strip()},
    )
    _refresh_due_items(child)
    return visit


def case_note_record(
    *,
    actor,
    child: Person,
    note_type: str,
    occurred_at: datetime.datetime,
    subject: str,
    body: str,
    upload=None,
) -> CaseNote:
    """Record a case note, and the document attached to it if there is one, in one transaction.

    The upload is checked by its content (casework.documents). If it cannot be stored, nothing
    is saved; if anything after storing it fails, the stored file is removed again, so no file
    is left on disk without a row that points at it.
    """
    _require_child(child)
    require(actor, Capability.RECORD_CASEWORK, child)
    errors = {}
    _check_moment(errors, "occurred_at", occurred_at, "case note")
    if note_type not in CaseNoteType.values:
        errors["note_type"] = "Select the type of case note"
    if not subject.strip():
        errors["subject"] = "Enter a subject"
    elif len(subject.strip()) > CaseNote._meta.get_field("subject").max_length:
        errors["subject"] = "Subject must be 200 characters or fewer"
    if not body.strip():
        errors["body"] = "Enter the note"
    checked = None
    if upload is not None:
        try:
            checked = documents.check_upload(upload)
        except ValidationError as error:
            errors["upload"] = error.messages
    if errors:
        raise ValidationError(errors)

    stored = []
    try:
        with transaction.atomic():
            note = CaseNote.objects.create(
                child=child,
                note_type=note_type,
                occurred_at=occurred_at,
                subject=subject.strip(),
                body=body.strip(),
                recorded_by=actor,
            )
            chronology_record(
                child=child,
                event_type="note.recorded",
                occurred_at=occurred_at,
                actor=actor,
                source=note,
                data={"note_type": CaseNoteType(note_type).label, "subject": note.subject},
            )
            if checked is not None:
                document = _document_store(actor=actor, child=child, note=note, checked=checked)
                stored.append(document.file.name)
                chronology_record(
                    child=child,
                    event_type="document.added",
                    occurred_at=occurred_at,
                    actor=actor,
                    source=document,
                    data={"name": document.original_name},
                )
            _refresh_due_items(child)
    except Exception:
        for name in stored:
            default_storage.delete(name)
        raise
    return note


def _document_store(*, actor, child, note, checked: documents.CheckedUpload) -> Document:
    document = Document(
        child=child,
        case_note=note,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    try:
        # Saving the row writes the file to storage first (FileField.pre_save).
        document.file = checked.file
        document.save()
    except OSError:
        raise ValidationError({"upload": UPLOAD_NOT_STORED}) from None
    return document
