"""The returns page: QA and performance officers and senior leaders choose a return and its
period, start it, watch its progress (htmx polling, no inline script) and download it."""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, roles_with
from core.permissions import require_roles
from returns import selectors, services
from returns.forms import ReturnForm

# The whole page is for those who run the returns; the service checks again before it builds.
RUNNERS = roles_with(Capability.RUN_RETURNS)

PAGE_SIZE = 25


@require_http_methods(["GET", "POST"])
@require_roles(*RUNNERS)
def home(request):
    form = ReturnForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            export = services.export_request(
                actor=request.user,
                kind=data["kind"],
                year=data["year"],
                as_of=data["as_of"],
                months=data["months"] or 12,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            return redirect("returns:detail", pk=export.pk)
    exports = list(selectors.exports_visible_to(request.user)[:PAGE_SIZE])
    return render(request, "returns/home.html", {"form": form, "exports": exports})


@require_GET
@require_roles(*RUNNERS)
def detail(request, pk):
    export = selectors.export_get_for_user(request.user, pk)
    return render(request, "returns/detail.html", {"export": export})


@require_GET
@require_roles(*RUNNERS)
def progress(request, pk):
    """The status panel alone, polled by htmx until the export has finished."""
    export = selectors.export_get_for_user(request.user, pk)
    return render(request, "returns/_status.html", {"export": export})


@require_GET
@require_roles(*RUNNERS)
def download(request, pk):
    export = selectors.export_get_for_user(request.user, pk)
    path = services.export_file(export)
    if path is None:
        raise Http404
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=path.name, content_type=services.CONTENT_TYPES[export.kind]
    )
