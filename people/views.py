"""Pages of a person's record and the search. Views only parse, authorise and render:
the work is done by people.services (writes) and people.selectors (reads)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from access import selectors as access
from access import services as access_services
from access.capabilities import Capability, capabilities_for_request, may, require
from access.models import RestrictedAccessGrant
from core import kept_queries
from core.dates import short_date
from core.forms import apply_service_errors
from core.links import url_for_ids
from people import selectors, services
from people.forms import (
    AddressForm,
    ChildCreateForm,
    FamilyMemberLinkForm,
    FamilyMemberNewForm,
    MergeForm,
    OtherNameForm,
    PersonDetailsForm,
    ProfessionalForm,
    RestrictedAccessForm,
    SearchForm,
    WarningForm,
)
from people.models import Address, Person, ProfessionalInvolvement
from people.record import render_record, summary_panels_for
from timescales.selectors import due_items_for_child
from workforce.models import User
from workforce.roles import Role

SEARCH_PAGE_SIZE = 20
# Shown read-only, not as a form, to those who may not edit them; only on a child's record.
CHILD_ONLY_FIELDS = {"disabilities", "upn", "former_upn", "upn_unknown_reason", "immigration_status", "uasc"}


def search(request):
    form = SearchForm(request.GET or None)
    page = None
    if form.is_bound and form.is_valid():
        query = selectors.SearchQuery(
            name=form.cleaned_data["name"],
            date_of_birth=form.cleaned_data["date_of_birth"],
            identifier=form.cleaned_data["identifier"],
        )
        # The page asked for is read with the count (one query, not two); a page number that is
        # not a page is left to the Paginator, which reads what it shows instead.
        number = _page_number(request.GET.get("page"))
        window = ((number - 1) * SEARCH_PAGE_SIZE, number * SEARCH_PAGE_SIZE) if number else None
        results = selectors.search_results(user=request.user, query=query, window=window)
        page = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    # "New contact" on the front door's home, "A child not yet known" on private fostering's:
    # each child found offers the page the user came to record.
    purpose = _purpose(request)
    return render(
        request,
        "people/search.html",
        {
            "form": form,
            "typed": form.typed(),
            "page": page,
            "query_string": params.urlencode(),
            "rows": _rows(page, purpose) if page is not None else [],
            "can_create": may(request.user, Capability.ADD_CHILD),
            "purpose": purpose,
        },
    )


def _rows(page, purpose: str) -> list[dict]:
    """Each person found as the results table writes them, worked out in one pass. Why: looked
    up, reversed and formatted cell by cell in the template (each attribute of a model tried as a
    key first, the date through the date filter's format parser), a page of twenty people was
    most of the page's rendering. Links are core.links' (each name reversed once), dates
    core.dates' (what date:"j M Y" writes)."""
    record = PURPOSES[purpose][0] if purpose else ""
    return [
        {
            "url": url_for_ids("people:summary", person.pk),
            "name": person.full_name,
            "is_child": person.is_child,
            "restricted": person.restricted,
            "record_url": url_for_ids(record, person.pk) if record and person.is_child else "",
            "born": short_date(person.date_of_birth),
            "expected": short_date(person.expected_date_of_birth),
            "la_id": person.la_id,
            "worker": person.current_worker,
            "team": person.current_team,
        }
        for person in page
    ]


# More pages than any authority's people could fill: a number past it is not a page (and its
# offset would not fit the database's integers), so the Paginator shows the last page instead.
_MOST_PAGES = 10_000_000


def _page_number(value) -> int | None:
    """The page number asked for (1 when none), or None for one that is not a page: not a
    number, below 1 or beyond any count of results."""
    if value in (None, ""):
        return 1
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= _MOST_PAGES else None


# Why a user is finding or adding a child -> (the page that records it, its capability). The
# front door's "New contact" and the private fostering officer's new notification start here.
PURPOSES = {
    "contact": ("front_door:contact_new", Capability.RECORD_FRONT_DOOR),
    "private_fostering": ("private_fostering:notification_new", Capability.RECORD_PRIVATE_FOSTERING),
}


def _purpose(request) -> str:
    purpose = request.GET.get("purpose", "")
    return purpose if purpose in PURPOSES and may(request.user, PURPOSES[purpose][1]) else ""


@require_http_methods(["GET", "POST"])
def child_create(request):
    require(request.user, Capability.ADD_CHILD)
    form = ChildCreateForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        duplicates = list(
            selectors.likely_duplicates(
                user=request.user,
                given_name=data["given_name"],
                family_name=data["family_name"],
                date_of_birth=data["date_of_birth"] or data["expected_date_of_birth"],
            )
        )
        if not duplicates or request.POST.get("confirm_new") == "yes":
            try:
                child = services.person_create(actor=request.user, is_child=True, **data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, f"Record created for {child.full_name} (LA child ID {child.la_id})")
                purpose = _purpose(request)
                if purpose and may(request.user, PURPOSES[purpose][1], child):
                    return redirect(PURPOSES[purpose][0], child.pk)
                return redirect("people:summary", child.pk)
    return render(
        request, "people/child_new.html", {"form": form, "duplicates": duplicates, "purpose": _purpose(request)}
    )


def _can_edit(request, person) -> bool:
    """Whether to show the links and forms that change this person's details (people.services
    checks again on saving). A child's answer is kept on the request for the page's other links."""
    if person.is_child:
        return Capability.EDIT_PERSON in capabilities_for_request(request, person)
    return services.may_edit_person(request.user, person)


def _editing(request, person_id):
    """The person (404 if missing or not yours), then 403 for a user who may not change their
    details: before any form is shown, so a role that only reads never gets one."""
    person = access.person_get_for_user(request.user, person_id, request=request)
    services.require_edit_person(request.user, person)
    return person


def summary(request, person_id):
    person = access.person_get_for_user(request.user, person_id, request=request)
    context = {
        "can_edit": _can_edit(request, person),
        "family": selectors.family_of(person, user=request.user)[:8],
        # Each of the summary's fixed-shape queries is compiled once (core.kept_queries).
        "address": next(iter(kept_queries.fetch("people.summary.address", _open_address, person=person.pk)), None),
        "professionals": kept_queries.fetch("people.summary.professionals", _professionals, person=person.pk),
    }
    context.update(_summary_extras(person))
    context["panels"] = summary_panels_for(request, person)
    context["status_panels"] = [panel for panel in context["panels"] if panel.get("section") == "status"]
    return render_record(request, person, "summary", "people/summary.html", context)


def _summary_extras(person):
    """Recent visits and notes, and what is due next, when the child has a record of their own."""
    if not person.is_child:
        return {}
    extras = {
        "recent_visits": kept_queries.fetch("people.summary.visits", _recent_visits, child=person.pk),
        "recent_notes": kept_queries.fetch("people.summary.notes", _recent_notes, child=person.pk),
    }
    extras["due_items"] = kept_queries.fetch(
        "people.summary.due", lambda child: due_items_for_child(person=Person(pk=child))[:5], child=person.pk
    )
    # When the child was last seen: from the recent visits when one of them saw the child, else
    # the one query every list uses (casework.selectors.last_seen_subquery's rule).
    seen = [visit.visited_at for visit in extras["recent_visits"] if visit.child_seen]
    extras["last_seen"] = (
        seen[0]
        if seen
        else (
            person.visits.filter(child_seen=True)
            .order_by("-visited_at", "-id")
            .values_list("visited_at", flat=True)
            .first()
            if len(extras["recent_visits"]) == 3
            else None
        )
    )
    return extras


def _open_address(person):
    return Address.objects.filter(person_id=person, end_date__isnull=True)[:1]


def _professionals(person):
    return ProfessionalInvolvement.objects.filter(person_id=person, end_date__isnull=True)[:8]


def _recent_visits(child):
    return Person(pk=child).visits.select_related("recorded_by")[:3]


def _recent_notes(child):
    return Person(pk=child).case_notes.select_related("recorded_by")[:3]


def _snapshot(person: Person, version: int) -> dict:
    """The record as it was at `version`, from the audit trail (for the conflict message)."""
    event_model = Person.pgh_event_models["update"]
    insert_model = Person.pgh_event_models["insert"]
    for model in (event_model, insert_model):
        row = model.objects.filter(pgh_obj_id=person.pk, version=version).order_by("-pgh_id").first()
        if row is not None:
            return {f: getattr(row, f) for f in services.EDITABLE_FIELDS}
    return {}


@require_http_methods(["GET", "POST"])
def details(request, person_id):
    person = access.person_get_for_user(request.user, person_id, request=request)
    can_edit = _can_edit(request, person)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    initial = {f: getattr(person, f) for f in services.EDITABLE_FIELDS} | {"version": person.version}
    form = PersonDetailsForm(request.POST or None, initial=initial, is_child=person.is_child)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        changes = {f: data[f] for f in services.EDITABLE_FIELDS if f in data}
        try:
            services.person_update(
                actor=request.user,
                person=person,
                expected_version=version,
                original=_snapshot(person, version),
                **changes,
            )
        except services.EditConflict as error:
            conflict = error
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Personal details saved")
            return redirect("people:details", person.pk)
    return render_record(
        request,
        person,
        "details",
        "people/details.html",
        {
            "form": form,
            "conflict": conflict,
            "other_names": person.other_names.all(),
            "can_edit": can_edit,
            "rows": [] if can_edit else _details_rows(person),
        },
        status=409 if conflict else 200,
    )


def _details_rows(person: Person) -> list[tuple[str, object]]:
    """The details as label and value, for those who may read them but not change them."""
    rows = []
    for name in services.EDITABLE_FIELDS:
        if name in CHILD_ONLY_FIELDS and not person.is_child:
            continue
        field = Person._meta.get_field(name)
        value = getattr(person, name)
        if name == "disabilities":
            labels = dict(field.base_field.choices)
            value = ", ".join(str(labels.get(code, code)) for code in value)
        elif field.choices:
            value = getattr(person, f"get_{name}_display")()
        elif isinstance(value, bool):
            value = "Yes" if value else "No"
        rows.append((str(field.verbose_name), value))
    return rows


def family(request, person_id):
    person = access.person_get_for_user(request.user, person_id, request=request)
    return render_record(
        request,
        person,
        "family",
        "people/family.html",
        {
            "family": selectors.family_of(person, user=request.user),
            "professionals": person.professionals.filter(end_date__isnull=True),
            "addresses": person.addresses.all(),
            "warnings_all": person.warnings.select_related("created_by"),
            "can_edit": _can_edit(request, person),
        },
    )


@require_http_methods(["GET", "POST"])
def family_member_new(request, person_id):
    child = _editing(request, person_id)
    form = FamilyMemberNewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        kind = data.pop("kind")
        pr = data.pop("parental_responsibility")
        lives_with = data.pop("lives_with")
        try:
            services.family_member_create(
                actor=request.user, child=child, kind=kind, parental_responsibility=pr, lives_with=lives_with, **data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{data['given_name']} {data['family_name']} added to the family and network")
            return redirect("people:family", child.pk)
    return render_record(request, child, "family", "people/family_member_new.html", {"form": form})


@require_http_methods(["GET", "POST"])
def family_member_link(request, person_id):
    """Find someone who already has a record and link them, rather than create a duplicate."""
    child = _editing(request, person_id)
    search_form = SearchForm(request.GET or None)
    results = []
    if search_form.is_bound and search_form.is_valid():
        results = list(
            selectors.person_search(
                user=request.user,
                query=selectors.SearchQuery(
                    name=search_form.cleaned_data["name"],
                    date_of_birth=search_form.cleaned_data["date_of_birth"],
                    identifier=search_form.cleaned_data["identifier"],
                ),
            ).exclude(pk=child.pk)[:10]
        )
    form = FamilyMemberLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        other = access.person_get_for_user(request.user, form.cleaned_data["person_id"])
        try:
            services.relationship_add(
                actor=request.user,
                child=child,
                other=other,
                kind=form.cleaned_data["kind"],
                parental_responsibility=form.cleaned_data["parental_responsibility"],
                lives_with=form.cleaned_data["lives_with"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{other.full_name} linked to {child.full_name}")
            return redirect("people:family", child.pk)
    return render_record(
        request,
        child,
        "family",
        "people/family_member_link.html",
        {"search_form": search_form, "results": results, "form": form},
    )


@require_http_methods(["GET", "POST"])
def professional_new(request, person_id):
    child = _editing(request, person_id)
    form = ProfessionalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.professional_add(actor=request.user, child=child, **form.cleaned_data)
        messages.success(request, f"{form.cleaned_data['name']} added to the professionals involved")
        return redirect("people:family", child.pk)
    return render_record(
        request,
        child,
        "family",
        "people/simple_form.html",
        {"form": form, "heading": "Add a professional", "button": "Add professional"},
    )


@require_http_methods(["GET", "POST"])
def other_name_new(request, person_id):
    person = _editing(request, person_id)
    form = OtherNameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.person_name_add(actor=request.user, person=person, **form.cleaned_data)
        messages.success(request, "Name saved. Searches for it will find this record.")
        return redirect("people:details", person.pk)
    return render_record(
        request,
        person,
        "details",
        "people/simple_form.html",
        {"form": form, "heading": "Add a previous name or alias", "button": "Save name"},
    )


@require_http_methods(["GET", "POST"])
def address_new(request, person_id):
    person = _editing(request, person_id)
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.address_add(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Address saved")
            return redirect("people:family", person.pk)
    return render_record(
        request,
        person,
        "family",
        "people/simple_form.html",
        {"form": form, "heading": "Add a new address", "button": "Save address"},
    )


@require_http_methods(["GET", "POST"])
def warning_new(request, person_id):
    person = _editing(request, person_id)
    form = WarningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.warning_add(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Warning added. It shows on every page of this record.")
            return redirect("people:summary", person.pk)
    return render_record(
        request,
        person,
        "summary",
        "people/simple_form.html",
        {"form": form, "heading": "Add a warning", "button": "Add warning"},
    )


@require_http_methods(["POST"])
def warning_end(request, person_id, warning_id):
    person = _editing(request, person_id)
    warning = person.warnings.filter(pk=warning_id, ended_at__isnull=True).first()
    if warning is None:
        raise Http404
    services.warning_end(actor=request.user, warning=warning, reason=request.POST.get("reason", "")[:300] or "Reviewed")
    messages.success(request, "Warning ended")
    return redirect("people:family", person.pk)


def viewed(request, person_id):
    person = access.person_get_for_user(request.user, person_id, request=request)
    if not access.may_see_who_has_viewed(request.user, person):
        raise PermissionDenied
    from access.break_glass import for_person as break_glass_for_person

    page = Paginator(access.who_has_viewed(person), 50).get_page(request.GET.get("page"))
    return render_record(
        request,
        person,
        "viewed",
        "people/viewed.html",
        {"page": page, "break_glass": list(break_glass_for_person(person))},
    )


@require_http_methods(["GET", "POST"])
def restricted_access(request, person_id):
    """Administrators mark a record restricted and name who may see it, for how long."""
    if request.user.role != Role.SYSTEM_ADMIN:
        raise PermissionDenied
    # Administrators manage access to a restricted record without being able to read it:
    # this page shows who it is and who may see it, nothing of the case itself.
    person = get_object_or_404(Person.objects.live(), pk=person_id)
    access_services.record_read_log(
        user=request.user, person_id=person.pk, path=request.get_full_path(), reason="Access administration"
    )
    form = RestrictedAccessForm(request.POST or None)
    if request.method == "POST" and "restricted" in request.POST:
        services.person_set_restricted(
            actor=request.user, person=person, restricted=request.POST["restricted"] == "yes"
        )
        messages.success(request, "Record restricted" if request.POST["restricted"] == "yes" else "Restriction removed")
        return redirect("people:restricted_access", person.pk)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(username=form.cleaned_data["username"], is_active=True).first()
        if user is None:
            form.add_error("username", "There is no active member of staff with that username")
        else:
            expires = timezone.make_aware(
                datetime.datetime.combine(form.cleaned_data["expires_on"], datetime.time(23, 59))
            )
            try:
                access_services.restricted_access_grant(
                    actor=request.user, person=person, user=user, reason=form.cleaned_data["reason"], expires_at=expires
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(
                    request, f"{user} can see this record until {form.cleaned_data['expires_on']:%d %B %Y}"
                )
                return redirect("people:restricted_access", person.pk)
    grants = RestrictedAccessGrant.objects.filter(person=person).select_related("user", "granted_by")
    # A plain page, not the record's shell: no warnings, NHS number, badges or tabs.
    return render(request, "people/restricted_access.html", {"person": person, "form": form, "grants": grants})


@require_http_methods(["GET", "POST"])
def merge(request):
    if request.user.role != Role.SYSTEM_ADMIN:
        raise PermissionDenied
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        people = {
            p.la_id: p
            for p in Person.objects.live().filter(
                la_id__in=[form.cleaned_data["keep"].strip().upper(), form.cleaned_data["merge"].strip().upper()]
            )
        }
        keep = people.get(form.cleaned_data["keep"].strip().upper())
        dup = people.get(form.cleaned_data["merge"].strip().upper())
        if keep is None:
            form.add_error("keep", "There is no record with that LA ID")
        if dup is None:
            form.add_error("merge", "There is no record with that LA ID")
        if keep and dup:
            try:
                kept = services.people_merge(actor=request.user, keep=keep, merge=dup)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, f"{dup.la_id} merged into {kept.la_id}")
                # Back to the merge page: the administrator does not read the merged record.
                return redirect("people:merge")
    return render(request, "people/merge.html", {"form": form})
