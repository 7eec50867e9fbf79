"""A plan's page (its outcomes, actions and their progress, and its contingency) and the pages
that add to it. The plan is found through the child, under its registered kind (plans.kinds), so
another child's plan, or a kind that does not exist, is a 404."""

from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from access.capabilities import may
from core.clock import today
from core.dates import long_date
from people.record import render_record
from people.steps import found
from plans import kinds, selectors, services
from plans.forms import ActionForm, ContingencyForm, OutcomeForm, SectionForm


def _kind(slug: str) -> kinds.PlanKind:
    kind = kinds.get(slug)
    if kind is None:
        raise Http404
    return kind


def plan_url(kind: kinds.PlanKind, plan) -> str:
    return reverse("plans:detail", args=[kind.child_of(plan).pk, kind.slug, plan.pk])


@require_safe
def detail(request, person_id, kind, plan_id):
    kind = _kind(kind)
    child = kind.area.child(request, person_id)
    plan = found(selectors.plan_for_child(kind, child, plan_id))
    page = selectors.plan_page(plan)
    context = {
        "kind": kind,
        "plan": plan,
        "page": page,
        "overdue": page.overdue(today()),
        "sections": page.sections(kind),
        "missing": page.missing(kind),
        "facts": kind.facts(plan),
        "can_record": selectors.is_current(kind, plan) and may(request.user, kind.capability, child),
        "back_url": kind.area.back(child),
    }
    return render_record(request, child, kind.area.tab, "plans/plan.html", context)


def _recording(request, person_id, slug, plan_id):
    kind = _kind(slug)
    child = kind.area.child_for_recording(request, person_id, kind.capability)
    return kind, child, found(selectors.plan_for_child(kind, child, plan_id))


@require_http_methods(["GET", "POST"])
def outcome_new(request, person_id, kind, plan_id):
    kind, child, plan = _recording(request, person_id, kind, plan_id)
    return kind.area.step(
        request,
        child,
        OutcomeForm(request.POST or None),
        heading="Add an outcome",
        button="Add outcome",
        success="Outcome added",
        caption=kind.label,
        facts=kind.facts(plan),
        next_url=plan_url(kind, plan),
        run=lambda data: services.outcome_add(actor=request.user, plan=plan, **data),
    )


@require_http_methods(["GET", "POST"])
def action_new(request, person_id, kind, plan_id, outcome_id):
    kind, child, plan = _recording(request, person_id, kind, plan_id)
    outcome = found(selectors.outcome_for_plan(plan, outcome_id))
    facts = [*kind.facts(plan), ("Outcome", outcome.what_must_change), ("By when", long_date(outcome.by_when))]
    return kind.area.step(
        request,
        child,
        ActionForm(request.POST or None),
        heading="Add an action",
        button="Add action",
        success="Action added",
        caption=kind.label,
        facts=facts,
        next_url=plan_url(kind, plan),
        run=lambda data: services.action_add(actor=request.user, outcome=outcome, **data),
    )


@require_http_methods(["GET", "POST"])
def contingency(request, person_id, kind, plan_id):
    kind, child, plan = _recording(request, person_id, kind, plan_id)
    current = selectors.plan_page(plan).contingency
    return kind.area.step(
        request,
        child,
        ContingencyForm(request.POST or None, initial={"contingency": current}),
        heading="The plan's contingency",
        button="Save contingency",
        success="Contingency saved",
        caption=kind.label,
        facts=kind.facts(plan),
        next_url=plan_url(kind, plan),
        run=lambda data: services.contingency_set(actor=request.user, plan=plan, **data),
    )


@require_http_methods(["GET", "POST"])
def section(request, person_id, kind, plan_id, section):
    kind, child, plan = _recording(request, person_id, kind, plan_id)
    part = found(kind.section(section))
    current = dict(selectors.plan_page(plan).sections(kind))[part]
    return kind.area.step(
        request,
        child,
        SectionForm(request.POST or None, section=part, initial={"text": current}),
        heading=part.label,
        button="Save",
        success=f"{part.label} saved",
        caption=kind.label,
        facts=kind.facts(plan),
        next_url=plan_url(kind, plan),
        run=lambda data: services.section_set(actor=request.user, plan=plan, section=part.key, text=data["text"]),
    )
