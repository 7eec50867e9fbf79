"""Pages: the child's "Documents" tab, making a letter (choose, preview, make), a letter's page and
its PDF, attaching a file to an item, and the council's templates. Each fetches the child through
access (404 for "missing" and "not yours" alike, the read logged), and each thing through the
child; writes go through the services, so through the capability table."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, may, require
from core.forms import apply_service_errors, parse_id
from core.recording import record_step, service_arguments
from documents import letter_pdf, placeholders, selectors, services, subjects
from documents.forms import AttachmentForm, LetterForm, TemplateForm
from people.record import render_record
from people.steps import child_for, child_for_recording, found

TAB = "documents"


@require_GET
def record(request, person_id):
    child = child_for(request, person_id)
    return render_record(
        request,
        child,
        TAB,
        "documents/record.html",
        {
            "documents": selectors.documents_for_child(child),
            "can_record": may(request.user, Capability.RECORD_CASEWORK, child),
            "attachable": subjects.attachable(child) if may(request.user, Capability.RECORD_CASEWORK, child) else [],
        },
    )


@require_http_methods(["GET", "POST"])
def letter_new(request, person_id):
    """Choose the template, what it is about and who it is to; "Preview" shows the letter filled
    from the record (writing nothing); "Make the letter" saves it to the record."""
    child = child_for_recording(request, person_id, Capability.RECORD_CASEWORK)
    form = LetterForm(
        request.POST or None,
        child=child,
        templates=selectors.templates_offered(),
        initial={"about": request.GET.get("about", "")},
    )
    preview = None

    def page():
        return render_record(
            request,
            child,
            TAB,
            "documents/letter_new.html",
            {
                "form": form,
                "preview": preview,
                "back_url": reverse("documents:record", args=[child.pk]),
            },
        )

    if request.method == "POST" and "make" in request.POST:
        return record_step(
            request,
            form,
            success="Letter made and saved to the record",
            render=page,
            run=lambda data: services.letter_make(actor=request.user, child=child, **data),
            done_url=lambda letter: reverse("documents:letter", args=[child.pk, letter.pk]),
        )
    if request.method == "POST" and form.is_valid():
        try:
            preview = services.letter_preview(actor=request.user, child=child, **service_arguments(form))
        except ValidationError as error:
            apply_service_errors(form, error)
    return page()


@require_GET
def letter(request, person_id, letter_id):
    child = child_for(request, person_id)
    found_letter = found(selectors.letter_for_child(child, letter_id))
    return render_record(request, child, TAB, "documents/letter.html", {"letter": found_letter})


@require_GET
@never_cache
def letter_download(request, person_id, letter_id):
    """The letter as a PDF, drawn from the saved letter (documents.letter_pdf)."""
    child = child_for(request, person_id)
    found_letter = found(selectors.letter_for_child(child, letter_id))
    response = HttpResponse(
        letter_pdf.render(found_letter, council=settings.COUNCIL_NAME), content_type="application/pdf"
    )
    # Quoted and, for a name outside ASCII (Zoë's plan), encoded as RFC 6266 says.
    response["Content-Disposition"] = content_disposition_header(True, found_letter.filename)
    return response


@require_GET
@never_cache
def attachment(request, person_id, attachment_id):
    child = child_for(request, person_id)
    found_attachment = found(selectors.attachment_for_child(child, attachment_id))
    try:
        handle = found_attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=found_attachment.original_name, content_type=found_attachment.content_type
    )


@require_http_methods(["GET", "POST"])
def attach(request, person_id, item):
    """Attach a file to one of the child's items (a visit, an assessment, a plan, a conference)."""
    child = child_for_recording(request, person_id, Capability.RECORD_CASEWORK)
    target = found(subjects.find(child, item))
    form = AttachmentForm(request.POST or None, request.FILES or None)
    return record_step(
        request,
        form,
        success="Document attached",
        run=lambda data: services.attachment_add(actor=request.user, child=child, item=target, **data),
        done_url=reverse("documents:record", args=[child.pk]),
        render=lambda: render_record(
            request,
            child,
            TAB,
            "documents/attach.html",
            {
                "form": form,
                "item": target,
                "back_url": reverse("documents:record", args=[child.pk]),
            },
        ),
    )


@require_GET
def templates(request):
    require(request.user, Capability.MANAGE_LETTER_TEMPLATES)
    return render(request, "documents/templates.html", {"templates": selectors.templates()})


@require_http_methods(["GET", "POST"])
def template_edit(request, template_id=None):
    """Add a template, or change one: its placeholders are checked when it is saved."""
    require(request.user, Capability.MANAGE_LETTER_TEMPLATES)
    template = None
    if template_id is not None:
        template = found(selectors.template_get(parse_id(template_id)))
    initial = (
        {
            "name": template.name,
            "kind": template.kind,
            "title": template.title,
            "body": template.body,
            "active": template.active,
        }
        if template
        else {"active": True}
    )
    form = TemplateForm(request.POST or None, initial=initial)
    return record_step(
        request,
        form,
        success="Template saved",
        run=lambda data: services.template_save(actor=request.user, template=template, **data),
        done_url=reverse("documents:templates"),
        render=lambda: render(
            request,
            "documents/template_edit.html",
            {
                "form": form,
                "template": template,
                "common": placeholders.COMMON,
                "plan": placeholders.PLAN,
                "conference": placeholders.CONFERENCE,
            },
        ),
    )
