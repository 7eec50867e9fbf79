"""LADO pages. Every page asks allegations.selectors first: anyone outside the LADO service gets
the same 404 as for an allegation that does not exist, and only LADO officers record (the senior
leaders and administrators who may read get 404 from the recording pages of an allegation, as for
one that does not exist, and 403 from "Record an allegation", which names none)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.selectors import people_visible_to, person_get_for_user
from allegations import forms, selectors, services
from allegations.choices import HarmCriterion
from core.dates import long_date
from core.recording import record_step
from people.record import render_record

TAB = "allegations"


def _allegation(request, allegation_id, *, recording: bool = False):
    # A reader who may not record gets 404 from a recording page whether or not the allegation
    # exists: a 403 for one that exists would tell them which references are real.
    if recording and not services.can_record(request.user):
        raise Http404
    return selectors.allegation_get_for_user(request.user, allegation_id)


def _person_by_la_id(user, la_id: str, field: str):
    """A person the user may see, by their LA ID (typed, so case and spaces are forgiven)."""
    la_id = (la_id or "").strip().upper()
    if not la_id:
        return None
    person = people_visible_to(user).filter(la_id=la_id).first()
    if person is None:
        raise ValidationError({field: f"No record with the ID {la_id} was found"})
    return person


def _form_page(request, form, *, heading: str, run, success: str, back_url: str, facts=None, button: str = "Save"):
    return record_step(
        request,
        form,
        run=run,
        success=success,
        done_url=lambda result: reverse("allegations:detail", args=[result.pk]) if result is not None else back_url,
        render=lambda: render(
            request,
            "allegations/form.html",
            {
                "form": form,
                "heading": heading,
                "button": button,
                "facts": facts or [],
                "back_url": back_url,
            },
        ),
    )


def _facts(allegation):
    return [
        ("Reference", allegation.reference),
        ("About", f"{allegation.subject_name}, {allegation.subject_role}"),
        ("Referred", long_date(allegation.referred_on)),
    ]


@require_http_methods(["GET", "POST"])
def allegation_new(request):
    if not services.can_record(request.user):
        # Readers of the service may not record; everyone else may not know the page exists.
        if selectors.can_see_allegations(request.user):
            raise PermissionDenied
        raise Http404

    def run(data):
        data = dict(data)
        subject = _person_by_la_id(request.user, data.pop("subject_la_id"), "subject_la_id")
        return services.allegation_record(actor=request.user, subject_person=subject, **data)

    return _form_page(
        request,
        forms.AllegationForm(request.POST or None),
        heading="Record an allegation",
        run=run,
        success="Allegation recorded",
        back_url=reverse("lado_home"),
        button="Save allegation",
    )


@require_GET
def detail(request, allegation_id):
    allegation = _allegation(request, allegation_id)
    return render(
        request,
        "allegations/detail.html",
        {
            "allegation": allegation,
            "criteria_labels": [HarmCriterion(c).label for c in allegation.criteria if c in HarmCriterion.values],
            "children": selectors.children_involved(request.user, allegation),
            "meetings": list(allegation.meetings.order_by("held_on", "id")),
            "referral_due_on": selectors.referral_due_on(allegation),
            "referred_late": selectors.referred_late(allegation),
            "can_record": services.can_record(request.user) and allegation.is_open,
        },
    )


@require_http_methods(["GET", "POST"])
def child_add(request, allegation_id):
    """Find the child by name, date of birth or an identifier (the people search, limited to the
    children the officer may see), then add one of the results."""
    from people.forms import SearchForm
    from people.selectors import SearchQuery, search_results

    allegation = _allegation(request, allegation_id, recording=True)
    search = SearchForm(request.GET or None)
    results = None
    if search.is_bound and search.is_valid():
        query = SearchQuery(
            name=search.cleaned_data["name"],
            date_of_birth=search.cleaned_data["date_of_birth"],
            identifier=search.cleaned_data["identifier"],
        )
        results = [
            person for person in search_results(user=request.user, query=query)[:CHILD_SEARCH_LIMIT] if person.is_child
        ]
    form = forms.ChildForm(request.POST or None)

    def run(data):
        child = people_visible_to(request.user).filter(pk=data["person"]).first()
        if child is None:
            raise ValidationError({"person": "Search for the child, then select them"})
        services.allegation_child_add(actor=request.user, allegation=allegation, child=child)
        return allegation

    back_url = reverse("allegations:detail", args=[allegation.pk])
    return record_step(
        request,
        form,
        run=run,
        success="Child added",
        done_url=back_url,
        render=lambda: render(
            request,
            "allegations/child_add.html",
            {
                "form": form,
                "search": search,
                "results": results,
                "allegation": allegation,
                "facts": _facts(allegation),
                "back_url": back_url,
            },
        ),
    )


CHILD_SEARCH_LIMIT = 20


@require_http_methods(["GET", "POST"])
def meeting_new(request, allegation_id):
    allegation = _allegation(request, allegation_id, recording=True)

    def run(data):
        services.lado_meeting_record(actor=request.user, allegation=allegation, **data)
        return allegation

    return _form_page(
        request,
        forms.MeetingForm(request.POST or None),
        heading="Record a meeting",
        run=run,
        success="Meeting recorded",
        back_url=reverse("allegations:detail", args=[allegation.pk]),
        facts=_facts(allegation),
    )


@require_http_methods(["GET", "POST"])
def outcome(request, allegation_id):
    allegation = _allegation(request, allegation_id, recording=True)
    return _form_page(
        request,
        forms.OutcomeForm(request.POST or None),
        heading="Record the outcome",
        success="Outcome recorded",
        run=lambda data: services.allegation_outcome_record(actor=request.user, allegation=allegation, **data),
        back_url=reverse("allegations:detail", args=[allegation.pk]),
        facts=_facts(allegation),
    )


@require_http_methods(["GET", "POST"])
def close(request, allegation_id):
    allegation = _allegation(request, allegation_id, recording=True)
    return _form_page(
        request,
        forms.CloseForm(request.POST or None),
        heading="Close the allegation",
        success="Allegation closed",
        run=lambda data: services.allegation_close(actor=request.user, allegation=allegation, **data),
        back_url=reverse("allegations:detail", args=[allegation.pk]),
        facts=_facts(allegation),
        button="Close allegation",
    )


@require_GET
def for_child(request, person_id):
    """The allegations tab of a child's record: only for those who may see allegations. Anyone
    else gets 404 before the record is even fetched, so not even the read log shows a visit."""
    if not selectors.can_see_allegations(request.user):
        raise Http404
    child = person_get_for_user(request.user, person_id, request=request)
    if not child.is_child:
        raise Http404
    return render_record(
        request,
        child,
        TAB,
        "allegations/for_child.html",
        {
            "allegations": selectors.allegations_for_child(request.user, child),
        },
    )
