"""The corporate parenting board pack: choose a quarter, watch its figures build (htmx polling,
no inline script), write a narrative per section, issue it, download the PDF and the xlsx."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access.capabilities import Capability, roles_with
from core.forms import parse_id
from core.permissions import require_roles
from performance import services
from performance.board_pack import SECTIONS, quarter_ends
from performance.board_pack_files import render_pdf, render_xlsx
from performance.models import BoardPack, BuildStatus

AUTHORS = roles_with(Capability.PREPARE_BOARD_PACK)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class QuarterForm(forms.Form):
    quarter_end = forms.TypedChoiceField(
        label="Quarter",
        coerce=datetime.date.fromisoformat,
        error_messages={"required": "Choose a quarter", "invalid_choice": "Choose one of the quarters listed"},
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter_end"].choices = [
            (d.isoformat(), f"Quarter ending {d:%-d %B %Y}") for d in quarter_ends(today)
        ]


def _pack(pk) -> BoardPack:
    pack = BoardPack.objects.select_related("created_by", "issued_by").filter(pk=parse_id(pk)).first()
    if pack is None:
        raise Http404
    return pack


@require_http_methods(["GET", "POST"])
@require_roles(*AUTHORS)
def packs(request):
    from core import clock

    form = QuarterForm(request.POST if request.method == "POST" else None, today=clock.today())
    if request.method == "POST" and form.is_valid():
        try:
            pack = services.board_pack_request(actor=request.user, quarter_end=form.cleaned_data["quarter_end"])
        except ValidationError as error:
            form.add_error("quarter_end", error.message_dict.get("quarter_end", error.messages))
        else:
            return redirect("board_pack:detail", pack_id=pack.pk)
    return render(
        request,
        "performance/board_pack/list.html",
        {
            "form": form,
            "packs": BoardPack.objects.select_related("created_by", "issued_by").defer("pdf", "xlsx")[:50],
        },
    )


@require_GET
@require_roles(*AUTHORS)
def detail(request, pack_id):
    pack = _pack(pack_id)
    return render(request, "performance/board_pack/detail.html", {"pack": pack, "sections": _sections(pack)})


def _sections(pack):
    return [(s, (pack.sections or {}).get(s.key), (pack.narratives or {}).get(s.key, "")) for s in SECTIONS]


@require_GET
@require_roles(*AUTHORS)
def progress(request, pack_id):
    """The status panel alone, polled by htmx until the figures are built."""
    pack = _pack(pack_id)
    return render(request, "performance/board_pack/_status.html", {"pack": pack})


@require_POST
@require_roles(*AUTHORS)
def narratives(request, pack_id):
    pack = _pack(pack_id)
    texts = {s.key: request.POST.get(f"narrative-{s.key}", "") for s in SECTIONS}
    errors = {}
    try:
        if request.POST.get("issue"):
            services.board_pack_narratives_save(actor=request.user, pack=pack, narratives=texts)
            services.board_pack_issue(actor=request.user, pack=pack, council=settings.COUNCIL_NAME)
        else:
            services.board_pack_narratives_save(actor=request.user, pack=pack, narratives=texts)
    except ValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {"narratives": error.messages}
    if not errors:
        return redirect("board_pack:detail", pack_id=pack.pk)
    pack.narratives = texts  # show what the author wrote beside the errors
    return render(
        request,
        "performance/board_pack/detail.html",
        {
            "pack": pack,
            "sections": _sections(pack),
            "errors": [
                (f"narrative-{k}" if k != "narratives" else "narratives", m) for k, ms in errors.items() for m in ms
            ],
        },
        status=200,
    )


@require_GET
@require_roles(*AUTHORS)
def download(request, pack_id, fmt):
    kind = fmt
    pack = _pack(pack_id)
    if kind not in ("pdf", "xlsx") or pack.status != BuildStatus.BUILT:
        raise Http404
    if pack.issued:
        content = bytes(pack.pdf if kind == "pdf" else pack.xlsx)
        name = f"board-pack-{pack.quarter_end.isoformat()}.{kind}"
    else:
        content = render_pdf(pack, council=settings.COUNCIL_NAME, draft=True) if kind == "pdf" else render_xlsx(pack)
        name = f"board-pack-{pack.quarter_end.isoformat()}-draft.{kind}"
    response = HttpResponse(content, content_type="application/pdf" if kind == "pdf" else XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
