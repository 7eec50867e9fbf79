from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from casework import selectors, services
from casework.choices import CaseNoteType
from casework.forms import CaseNoteFilterForm, CaseNoteForm
from casework.views.common import PAGE_SIZE, child_for, child_for_recording, query_string_without_page
from core.recording import record_step
from people.record import render_record


@require_GET
def notes(request, person_id):
    child = child_for(request, person_id)
    filter_form = CaseNoteFilterForm(request.GET or None)
    note_type = filter_form.cleaned_data["type"] if filter_form.is_bound and filter_form.is_valid() else ""
    page = Paginator(selectors.case_notes_for_child(child, note_type=note_type), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render_record(
        request,
        child,
        "notes",
        "casework/notes.html",
        {
            "page": page,
            "filter_form": filter_form,
            "note_type": note_type,
            "note_type_label": CaseNoteType(note_type).label if note_type else "",
            "query_string": query_string_without_page(request),
        },
    )


@require_GET
def note(request, person_id, note_id):
    child = child_for(request, person_id)
    found = selectors.case_note_for_child(child, note_id)
    if found is None:
        raise Http404
    return render_record(request, child, "notes", "casework/note.html", {"note": found})


@require_http_methods(["GET", "POST"])
def note_new(request, person_id):
    child = child_for_recording(request, person_id)
    form = CaseNoteForm(request.POST or None, request.FILES or None)
    return record_step(
        request,
        form,
        aliases=CaseNoteForm.SERVICE_ALIASES,
        success="Case note added",
        run=lambda data: services.case_note_record(actor=request.user, child=child, **data),
        done_url=reverse("casework:notes", args=[child.pk]),
        render=lambda: render_record(request, child, "notes", "casework/note_new.html", {"form": form}),
    )


@require_GET
@never_cache
def document(request, person_id, document_id):
    """Send a document of the child's, as a download with its original name.

    Authorised through the child (so the read is logged against the child); a document id
    that is not this child's is a 404 like any other.
    """
    child = child_for(request, person_id)
    found = selectors.document_for_child(child, document_id)
    if found is None:
        raise Http404
    try:
        handle = found.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=found.original_name, content_type=found.content_type)
