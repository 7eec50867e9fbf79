"""Writes: visits, case notes with documents, allocation. Each is all or nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils import timezone

from casework import services
from casework.choices import AllocationChangeReason, CaseNoteType, VisitType
from casework.chronology import describe
from casework.models import Allocation, CaseNote, ChronologyEvent, Document, Visit
from casework.tests.factories import FILES, make_note, make_visit, upload
from people.models import Person
from people.services import person_create
from workforce.roles import Role


def stored_files(media_root):
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


def events(child, event_type):
    return ChronologyEvent.objects.filter(child=child, event_type=event_type)


# --- Visits --------------------------------------------------------------------------------


def test_a_visit_is_recorded_with_its_chronology_event(worker, child):
    visit = make_visit(actor=worker, child=child, visit_type=VisitType.STATUTORY_CP, bedroom_seen=None)
    assert visit.recorded_by == worker and visit.bedroom_seen is None
    event = events(child, "visit.recorded").get()
    assert event.source_id == visit.pk and event.occurred_at == visit.visited_at and event.recorded_by == worker
    assert describe(event) == "Child protection visit: child seen alone."


def test_a_visit_where_the_child_was_not_seen_says_so(worker, child):
    make_visit(actor=worker, child=child, child_seen=False, seen_alone=False)
    assert describe(events(child, "visit.recorded").get()) == "Home visit: child not seen."


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"visited_at": timezone.now() + datetime.timedelta(hours=1)}, "visited_at"),
        ({"child_seen": False, "seen_alone": True}, "seen_alone"),
        ({"observations": "   "}, "observations"),
        ({"visit_type": "teleport"}, "visit_type"),
    ],
)
def test_bad_visits_are_refused_and_nothing_is_saved(worker, child, overrides, field):
    with pytest.raises(ValidationError) as error:
        make_visit(actor=worker, child=child, **overrides)
    assert field in error.value.message_dict
    assert not Visit.objects.exists()
    assert not events(child, "visit.recorded").exists()


def test_seen_alone_when_not_seen_gets_a_clear_message(worker, child):
    with pytest.raises(ValidationError) as error:
        make_visit(actor=worker, child=child, child_seen=False, seen_alone=True)
    assert "cannot have been seen alone if they were not seen" in error.value.message_dict["seen_alone"][0]


def test_visits_belong_to_children_not_to_adults(worker):
    mother = person_create(actor=worker, is_child=False, given_name="Sarah", family_name="Smith")
    with pytest.raises(ValidationError):
        make_visit(actor=worker, child=mother)
    assert not Visit.objects.exists()


def test_recording_a_visit_refreshes_the_childs_due_items(worker, child):
    """The visit and the due item it starts are written in the same transaction."""
    from django.utils import timezone

    from timescales.engine import DueSpec
    from timescales.testing import only_providers

    def next_visit(person, calendar):
        last = person.visits.order_by("-visited_at").first()
        if last is not None:
            seen_on = timezone.localdate(last.visited_at)
            yield DueSpec(
                rule_code="cin_visit",
                due_date=calendar.add_working_days(seen_on, 20),
                trigger_date=seen_on,
                trigger_description="Last visit",
            )

    with only_providers(next_visit):
        visit = make_visit(actor=worker, child=child)
    item = child.due_items.get()
    assert item.trigger_date == timezone.localdate(visit.visited_at)


# --- Case notes and documents --------------------------------------------------------------


def test_a_case_note_is_recorded_with_its_chronology_event(worker, child):
    note = make_note(actor=worker, child=child, note_type=CaseNoteType.MULTI_AGENCY, subject="Core group")
    event = events(child, "note.recorded").get()
    assert event.source_id == note.pk
    assert describe(event) == "Multi-agency meeting: Core group"
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("report.pdf", "application/pdf"),
        ("photo.jpg", "image/jpeg"),
        ("drawing.png", "image/png"),
        ("letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("notes.txt", "text/plain"),
    ],
)
def test_an_accepted_document_is_stored_with_its_original_name_type_and_size(
    worker, child, media_root, name, content_type
):
    # The browser's content type is ignored: the stored type comes from the checked content.
    file = upload(name, content_type="application/x-whatever")
    note = make_note(actor=worker, child=child, upload=file)
    document = Document.objects.get()
    assert (document.case_note, document.child, document.uploaded_by) == (note, child, worker)
    assert (document.original_name, document.content_type, document.size) == (name, content_type, file.size)
    assert name not in document.file.name  # stored under a random name
    assert len(stored_files(media_root)) == 1
    assert describe(events(child, "document.added").get()) == f"Document added: {name}."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "must be a PDF, Word document (.docx), JPEG, PNG or plain text file"),
        ("report.pdf", FILES["photo.jpg"], "is not a real PDF"),
        ("photo.jpg", FILES["report.pdf"], "is not a real JPEG image"),
        ("drawing.png", b"<svg onload=alert(1)>", "is not a real PNG image"),
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00", "is not a real text file"),
        ("letter.docx", b"PK\x03\x04not really a zip", "is not a real Word document"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_a_document_of_the_wrong_kind_is_refused_and_nothing_is_saved(
    worker, child, media_root, name, content, message
):
    with pytest.raises(ValidationError) as error:
        make_note(actor=worker, child=child, upload=upload(name, content, content_type="application/pdf"))
    assert message in error.value.message_dict["upload"][0]
    assert not CaseNote.objects.exists() and not Document.objects.exists()
    assert not ChronologyEvent.objects.filter(child=child, event_type__in=["note.recorded", "document.added"]).exists()
    assert stored_files(media_root) == []


def test_a_zip_that_is_not_a_word_document_is_refused(worker, child):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.txt", "hello")
    with pytest.raises(ValidationError, match="is not a real Word document"):
        make_note(actor=worker, child=child, upload=upload("letter.docx", buffer.getvalue()))


def test_a_document_over_the_size_limit_is_refused(worker, child, settings, media_root):
    settings.OPENCSC_MAX_UPLOAD_MB = 1
    big = FILES["report.pdf"] + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError) as error:
        make_note(actor=worker, child=child, upload=upload("report.pdf", big))
    assert error.value.message_dict["upload"] == ["The selected file must be smaller than 1MB"]
    assert not CaseNote.objects.exists() and stored_files(media_root) == []


def test_the_size_limit_defaults_to_10mb(settings):
    from casework.documents import max_upload_mb

    if hasattr(settings, "OPENCSC_MAX_UPLOAD_MB"):
        del settings.OPENCSC_MAX_UPLOAD_MB
    assert max_upload_mb() == 10


def test_if_the_file_cannot_be_stored_nothing_is_saved(worker, child, monkeypatch):
    def broken_disk(self, name, content):
        raise OSError("No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", broken_disk)
    with pytest.raises(ValidationError) as error:
        make_note(actor=worker, child=child, upload=upload("report.pdf"))
    assert error.value.message_dict["upload"] == [services.UPLOAD_NOT_STORED]
    assert not CaseNote.objects.exists() and not Document.objects.exists()
    assert not events(child, "note.recorded").exists()


def test_if_saving_fails_after_the_file_is_stored_the_file_is_removed(worker, child, media_root, monkeypatch):
    def failing_refresh(child):
        raise RuntimeError("the timescale engine failed")

    monkeypatch.setattr(services, "_refresh_due_items", failing_refresh)
    with pytest.raises(RuntimeError):
        make_note(actor=worker, child=child, upload=upload("report.pdf"))
    assert not CaseNote.objects.exists() and not Document.objects.exists()
    assert stored_files(media_root) == []


# Each case is a function, so "five minutes from now" is worked out when the test runs, not when
# pytest collects it (a long run would otherwise make that time the past).
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (lambda: {"occurred_at": timezone.now() + datetime.timedelta(minutes=5)}, "occurred_at"),
        (lambda: {"subject": ""}, "subject"),
        (lambda: {"body": "  "}, "body"),
        (lambda: {"note_type": "gossip"}, "note_type"),
    ],
    ids=["occurred_at", "subject", "body", "note_type"],
)
def test_bad_case_notes_are_refused_and_nothing_is_saved(worker, child, media_root, overrides, field):
    with pytest.raises(ValidationError) as error:
        make_note(actor=worker, child=child, upload=upload("report.pdf"), **overrides())
    assert field in error.value.message_dict
    assert not CaseNote.objects.exists() and stored_files(media_root) == []


# --- Allocation ----------------------------------------------------------------------------


def test_changing_the_allocation_ends_the_previous_one_and_moves_the_child(
    worker, child, make_staff, other_team, manager
):
    new_worker = make_staff(Role.SOCIAL_WORKER, team=other_team)
    first = Allocation.objects.get(child=child)
    start = timezone.localdate()
    services.allocation_change(
        actor=manager,
        child=child,
        team=other_team,
        worker=new_worker,
        start_date=start,
        reason=AllocationChangeReason.TRANSFER,
    )
    first.refresh_from_db()
    assert (first.end_date, first.end_reason) == (start, AllocationChangeReason.TRANSFER)
    current = Allocation.objects.get(child=child, end_date__isnull=True)
    assert (current.worker, current.team, current.allocated_by) == (new_worker, other_team, manager)
    child = Person.objects.get(pk=child.pk)
    assert (child.current_worker, child.current_team) == (new_worker, other_team)
    assert events(child, "allocation.changed").count() == 2  # the first allocation, and this one


def test_a_worker_from_another_team_is_refused(child, manager, team, stranger):
    with pytest.raises(ValidationError) as error:
        services.allocation_change(
            actor=manager, child=child, team=team, worker=stranger, start_date=timezone.localdate()
        )
    assert "worker" in error.value.message_dict
    assert Allocation.objects.filter(child=child).count() == 1
