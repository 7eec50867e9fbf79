"""Inspection and improvement plan pages. Views parse, call one service or selector and render;
the inspection is fetched through improvement.selectors (404 to anyone who may not read it), and
who may record is the capability table, then the service (an action's owner updates only their own)."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, may, require, roles_with
from audits.choices import Grade
from core.dates import long_date
from core.permissions import require_roles
from core.recording import form_page
from improvement import evidence, forms, selectors, services
from improvement.choices import JudgementArea, Rag
from workforce.models import User
from workforce.roles import PERFORMANCE_ROLES

PLAN = Capability.RECORD_IMPROVEMENT_PLAN


def _data(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, **page):
    return form_page(request, form, caption="Inspection and improvement", **page)


def _owners(roles):
    return list(User.objects.filter(is_active=True, role__in=roles).order_by("last_name", "first_name", "pk"))


def _facts(inspection):
    return [("Inspection", str(inspection))]


def _plan_url(inspection) -> str:
    return reverse("improvement:plan", args=[inspection.pk])


@require_GET
def home(request):
    user = request.user
    tray = selectors.tray_for(user)
    return render(
        request,
        "improvement/home.html",
        {
            "inspections": selectors.inspections_for(user),
            "my_actions": tray.mine,
            "overdue_in_my_plans": tray.overdue_in_my_plans,
            "can_record": may(user, PLAN),
            "areas": JudgementArea.choices if user.role in PERFORMANCE_ROLES else [],
        },
    )


@require_http_methods(["GET", "POST"])
def inspection_new(request):
    require(request.user, PLAN)
    return _form_page(
        request,
        forms.InspectionForm(_data(request)),
        heading="Record an inspection",
        success="Inspection recorded",
        back_url=reverse("improvement:home"),
        done_url=lambda i: reverse("improvement:inspection", args=[i.pk]),
        run=lambda data: services.inspection_record(actor=request.user, **data),
        intro="Grade each area the report judged; leave the others as not judged.",
    )


@require_GET
def inspection(request, inspection_id):
    found = selectors.inspection_get_for_user(request.user, inspection_id)
    return render(
        request,
        "improvement/inspection.html",
        {
            "inspection": found,
            "judgements": [(j.get_area_display(), Grade(j.grade).label, j.area) for j in found.judgements.all()],
            "recommendations": list(found.recommendations.all()),
            "plan": getattr(found, "plan", None),
            "plan_due_on": selectors.plan_due_on(found),
            "can_record": may(request.user, PLAN),
            "may_read_figures": request.user.role in PERFORMANCE_ROLES,
        },
    )


@require_http_methods(["GET", "POST"])
def recommendation_new(request, inspection_id):
    require(request.user, PLAN)
    found = selectors.inspection_get_for_user(request.user, inspection_id)
    return _form_page(
        request,
        forms.RecommendationForm(_data(request)),
        heading="Add a recommendation",
        success="Recommendation added",
        back_url=reverse("improvement:inspection", args=[found.pk]),
        facts=_facts(found),
        run=lambda data: services.recommendation_add(actor=request.user, inspection=found, **data),
    )


@require_http_methods(["GET", "POST"])
def plan_new(request, inspection_id):
    require(request.user, PLAN)
    found = selectors.inspection_get_for_user(request.user, inspection_id)
    due = selectors.plan_due_on(found)
    return _form_page(
        request,
        forms.PlanForm(_data(request), staff=_owners(PERFORMANCE_ROLES)),
        heading="Start the improvement plan",
        success="Improvement plan started",
        back_url=reverse("improvement:inspection", args=[found.pk]),
        done_url=_plan_url(found),
        facts=_facts(found) + ([("Plan due", long_date(due))] if due else []),
        run=lambda data: services.plan_start(actor=request.user, inspection=found, **data),
    )


@require_GET
def plan(request, inspection_id):
    found = selectors.inspection_get_for_user(request.user, inspection_id)
    page = selectors.plan_page(found)
    if page.plan is None:
        raise Http404
    return render(
        request,
        "improvement/plan.html",
        {
            "page": page,
            "can_record": may(request.user, PLAN),
            "rag_counts": [(label, page.counts[value]) for value, label in Rag.choices],
        },
    )


@require_http_methods(["GET", "POST"])
def action_new(request, inspection_id, recommendation_id):
    require(request.user, PLAN)
    found = selectors.inspection_get_for_user(request.user, inspection_id)
    recommendation = selectors.recommendation_get(found, recommendation_id)
    form = forms.ActionForm(_data(request), staff=_owners(roles_with(Capability.UPDATE_IMPROVEMENT_ACTION)))
    return _form_page(
        request,
        form,
        heading="Add an action",
        success="Action added",
        back_url=_plan_url(found),
        facts=_facts(found) + [(str(recommendation), recommendation.text)],
        run=lambda data: services.action_add(actor=request.user, recommendation=recommendation, **data),
    )


@require_http_methods(["GET", "POST"])
def action_update(request, improvement_action_id):
    require(request.user, Capability.UPDATE_IMPROVEMENT_ACTION)
    action = selectors.action_get_for_user(request.user, improvement_action_id)
    if not services.may_update(request.user, action):
        raise Http404
    form = forms.ActionUpdateForm(
        _data(request), initial={"status": action.status, "done_on": action.done_on, "progress": action.progress}
    )
    return _form_page(
        request,
        form,
        heading="Update the action",
        success="Action updated",
        back_url=_plan_url(action.plan.inspection),
        facts=[
            ("Action", action.description),
            (str(action.recommendation), action.recommendation.text),
            ("Owner", action.owner.get_full_name()),
            ("Due by", long_date(action.due_on)),
        ],
        run=lambda data: services.action_update(actor=request.user, action=action, **data),
    )


@require_GET
@require_roles(*PERFORMANCE_ROLES)
def how_do_we_know(request, area):
    """The self-evaluation's page for one judgement area: what the latest inspection found, the
    figures (the indicators' latest monthly snapshot, live oversight figures) and case audit
    grades that show how we know, and the
    open actions answering its recommendations (what we are doing about it)."""
    if area not in JudgementArea.values:
        raise Http404
    judgement = selectors.latest_judgement(area)
    figures = evidence.for_area(area, request.user) + selectors.audit_evidence(area)
    return render(
        request,
        "improvement/how_do_we_know.html",
        {
            "area": JudgementArea(area),
            "judgement": judgement,
            "judgement_grade": Grade(judgement.grade).label if judgement else None,
            "figures": figures,
            "actions": selectors.actions_for_area(area),
            "areas": JudgementArea.choices,
        },
    )
