"""Every URL the project answers, found by walking the resolver, so a new page is swept without
anyone remembering to add it; and how to fill each URL's ids for each scenario.

FILL maps a URL keyword (or "namespace:keyword", or "namespace:name" for a URL whose ids depend
on each other) to a query giving, per child, the ids that belong to that child. A URL with a
keyword FILL cannot fill is reported by test_routes, so no URL escapes the sweeps.
"""

from __future__ import annotations

import dataclasses
import re

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Pages that hold no case data and are about signing in and out, or the load balancer's probe.
# (The two-factor and single sign-on pages have their own tests in workforce/tests.)
PUBLIC = {"healthz", "login", "logout", "two_factor_verify", "two_factor_setup", "sso_start", "sso_callback"}
ADMIN_NAMESPACE = "admin"


@dataclasses.dataclass(frozen=True)
class Route:
    name: str  # namespaced: "casework:visit"
    pattern: str  # "people/<int:person_id>/visits/<int:visit_id>/"
    kwargs: tuple[str, ...]

    @property
    def namespace(self) -> str:
        return self.name.split(":")[0] if ":" in self.name else ""

    @property
    def is_record(self) -> bool:
        """A page of one child's record."""
        return "person_id" in self.kwargs

    @property
    def is_admin(self) -> bool:
        return self.namespace == ADMIN_NAMESPACE

    @property
    def object_kwargs(self) -> tuple[str, ...]:
        return tuple(k for k in self.kwargs if k != "person_id")

    def url(self, **kwargs) -> str:
        return reverse(self.name, kwargs=kwargs)

    def __str__(self):
        return self.name


def _walk(resolver, prefix: str, namespace: str | None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            pattern = prefix + str(entry.pattern)
            yield Route(name=name, pattern=pattern, kwargs=tuple(re.findall(r"<(?:\w+:)?(\w+)>", pattern)))


def all_routes() -> list[Route]:
    seen, routes = set(), []
    for route in _walk(get_resolver(), "", None):
        if route.name not in seen:  # reverse() finds the first; a later duplicate name is unreachable by name
            seen.add(route.name)
            routes.append(route)
    return routes


def swept_routes() -> list[Route]:
    """Every route but the public ones and the Django admin's generic model pages (swept apart)."""
    return [r for r in all_routes() if r.name not in PUBLIC and not r.is_admin]


# ---------------------------------------------------------------------------------------------
# Filling ids. Each filler returns {child_id: [ {kwarg: id, ...}, ... ]}.


def _by_child(model_path: str, child_field: str, kwarg: str, **filters):
    def fill():
        from django.apps import apps

        model = apps.get_model(model_path)
        rows = model.objects.filter(**filters).order_by("pk").values_list(child_field, "pk")
        out: dict[int, list[dict]] = {}
        for child_id, pk in rows:
            out.setdefault(child_id, []).append({kwarg: pk})
        return out

    return fill


def _review_actions():
    from looked_after.models import ReviewAction

    out: dict[int, list[dict]] = {}
    for child_id, review_id, pk in ReviewAction.objects.order_by("pk").values_list(
        "review__child_id", "review_id", "pk"
    ):
        out.setdefault(child_id, []).append({"review_id": review_id, "action_id": pk})
    return out


def _key_events():
    """The chronology lines that are key events needing oversight (oversight.key_events)."""
    from casework.models import ChronologyEvent
    from oversight.key_events import key_events_q

    out: dict[int, list[dict]] = {}
    for child_id, pk in ChronologyEvent.objects.filter(key_events_q()).order_by("pk").values_list("child_id", "pk"):
        out.setdefault(child_id, []).append({"event_id": pk})
    return out


def _plans(slugs=("cp", "cin"), section=False):
    """Plans that hold content (plans.kinds), by their kind's slug and id, for the plan's pages.
    Those of help and protection by default: the write sweep knows one capability for a URL
    (tests/security/writes.py), and the looked-after plans' sections have their own URL."""
    from plans import kinds

    out: dict[int, list[dict]] = {}
    for kind in kinds.all_kinds():
        if kind.slug not in slugs:
            continue
        for child_id, pk in kind.model.objects.order_by("pk").values_list(kind.child_field, "pk"):
            ids = {"kind": kind.slug, "plan_id": pk}
            out.setdefault(child_id, []).append({**ids, "section": kind.sections[0].key} if section else ids)
    return out


def _plan_outcomes(slugs=("cp", "cin")):
    """Every outcome of a plan of help and protection, with its plan's kind and id (plans:action_new):
    the write sweep knows one capability for a URL, as for _plans (the demo's care plans have outcomes
    too, whose actions the looked-after capability records)."""
    from plans import kinds
    from plans.models import Outcome

    by_model = {kind.model._meta.label_lower: kind.slug for kind in kinds.all_kinds()}
    out: dict[int, list[dict]] = {}
    rows = Outcome.objects.order_by("pk").values_list(
        "content__child_id", "content__plan_type__app_label", "content__plan_type__model", "content__plan_id", "pk"
    )
    for child_id, app, model, plan_id, pk in rows:
        slug = by_model[f"{app}.{model}"]
        if slug in slugs:
            out.setdefault(child_id, []).append({"kind": slug, "plan_id": plan_id, "outcome_id": pk})
    return out


def _attachable():
    """Each child's visits, by the key the attach page names an item with (documents.subjects)."""
    fill = _by_child("casework.Visit", "child_id", "visit_id")
    return {child: [{"item": f"visit-{ids['visit_id']}"} for ids in rows] for child, rows in fill().items()}


def _kind():
    from people.models import Person

    return {pk: [{"kind": "placement"}] for pk in Person.objects.filter(is_child=True).values_list("pk", flat=True)}


def _inducted_staff():
    """A member of staff with an induction under way (the demo's new starter), and a task of theirs:
    staff pages are not a child's, so they fill "child 0" (the list pages' slot)."""
    from staff.models import InductionTask

    task = InductionTask.objects.order_by("pk").select_related("induction").first()
    return {0: [{"staff_id": task.induction.worker_id, "task_id": task.pk}]} if task else {}


def _inducted_staff_only():
    return {0: [{"staff_id": row["staff_id"]} for row in _inducted_staff().get(0, [])]}


FILL = {
    "warning_id": _by_child("people.PersonWarning", "person_id", "warning_id"),
    "visit_id": _by_child("casework.Visit", "child_id", "visit_id"),
    "note_id": _by_child("casework.CaseNote", "child_id", "note_id"),
    "document_id": _by_child("casework.Document", "child_id", "document_id"),
    "contact_id": _by_child("front_door.Contact", "child_id", "contact_id"),
    "referral_id": _by_child("front_door.Referral", "child_id", "referral_id"),
    "assessment_id": _by_child("assessments.Assessment", "child_id", "assessment_id"),
    "discussion_id": _by_child("child_protection.StrategyDiscussion", "child_id", "discussion_id"),
    "enquiry_id": _by_child("child_protection.Section47Enquiry", "child_id", "enquiry_id"),
    "child_protection:plan_id": _by_child("child_protection.ChildProtectionPlan", "child_id", "plan_id"),
    "child_protection:booking_id": _by_child("child_protection.ConferenceBooking", "child_id", "booking_id"),
    "children_in_need:plan_id": _by_child("children_in_need.CINPlan", "child_id", "plan_id"),
    "care_leavers:plan_id": _by_child("care_leavers.PathwayPlan", "care_leaver__person_id", "plan_id"),
    "children_in_need:episode_id": _by_child("children_in_need.CINEpisode", "child_id", "episode_id"),
    "looked_after:episode_id": _by_child("looked_after.Episode", "child_id", "episode_id"),
    "looked_after:missing_return": _by_child("looked_after.MissingEpisode", "child_id", "episode_id"),
    "looked_after:return_interview_new": _by_child("looked_after.MissingEpisode", "child_id", "episode_id"),
    "looked_after:placement_id": _by_child("looked_after.Placement", "child_id", "placement_id"),
    "permanence:placement_id": _by_child("permanence.AdoptionPlacement", "decision__child_id", "placement_id"),
    "decision_id": _by_child("permanence.PermanenceDecision", "child_id", "decision_id"),
    "order_id": _by_child("permanence.PermanenceOrder", "child_id", "order_id"),
    "proceedings_id": _by_child("permanence.CareProceedings", "child_id", "proceedings_id"),
    "pre_proceedings_id": _by_child("permanence.PreProceedings", "child_id", "pre_proceedings_id"),
    "dolo_id": _by_child("looked_after.DeprivationOfLiberty", "child_id", "dolo_id"),
    "arrangement_id": _by_child("private_fostering.PrivateFostering", "child_id", "arrangement_id"),
    "review_id": _by_child("looked_after.LAReview", "child_id", "review_id"),
    "looked_after:review_action_done": _review_actions,
    "period_id": _by_child("looked_after.PeriodOfCare", "child_id", "period_id"),
    "oversight:challenge_id": _by_child("oversight.Challenge", "child_id", "challenge_id"),
    "oversight:event_id": _key_events,
    "kind": _kind,
    "plans:detail": lambda: _plans(("cp", "cin", "care", "pwp")),
    "plans:section": lambda: _plans(("care", "pwp"), section=True),
    "plans:outcome_new": _plans,
    "plans:contingency": _plans,
    "plans:action_new": _plan_outcomes,
    "case_action_id": _by_child("supervision.CaseAction", "child_id", "case_action_id"),
    "decisions:decision_id": _by_child("decisions.ManagerDecision", "child_id", "decision_id"),
    "audit_id": _by_child("audits.Audit", "child_id", "audit_id"),
    "audit_action_id": _by_child("audits.AuditAction", "child_id", "audit_action_id"),
    "letter_id": _by_child("documents.Letter", "child_id", "letter_id"),
    "attachment_id": _by_child("documents.Attachment", "child_id", "attachment_id"),
    "documents:attach": _attachable,
    "staff_id": _inducted_staff_only,
    "staff:induction_done": _inducted_staff,
}

# Ids that are not a child's: filled from the whole table.
NOT_A_CHILDS = {
    "allegation_id": "allegations.Allegation",
    "pk": "returns.ReturnExport",  # returns:detail and friends
    "supervision_id": "supervision.SupervisionSession",  # a worker's supervision is not a child's
    "supervision_action_id": "supervision.SupervisionAction",
    "pack_id": "performance.BoardPack",  # the corporate parenting board's pack is the authority's
    "programme_id": "audits.Programme",  # an audit programme is the authority's, not a child's
    # An inspection, its recommendations and its plan's actions are the authority's (improvement).
    "inspection_id": "improvement.Inspection",
    "recommendation_id": "improvement.Recommendation",
    "improvement_action_id": "improvement.Action",
    "template_id": "documents.LetterTemplate",  # the council's letter templates are the authority's
}


# Keywords that name no row but one of a fixed set (an indicator's code): filled with a value that
# lists children, so the sweeps read those lists. A missing one is world.missing, which is no code.
CONSTANTS = {
    "performance:code": "cin_per_10k",  # its numerator: every child in need
    "performance_oversight:name": "case-supervision",  # every child with an open case
    "board_pack:fmt": "pdf",
    "caseloads:code": "stability",
    "assessments:section": "childs-voice",  # a section of the assessment (assessments.framework.SECTIONS)
    "improvement:area": "help_and_protection",  # its "how do we know" page: figures, no child named  # children with three or more workers in the year: lists children
}


def constant_key(route: Route, kwarg: str) -> str | None:
    key = f"{route.namespace}:{kwarg}"
    return key if key in CONSTANTS else None


def filler_keys(route: Route) -> list[str] | None:
    """The FILL keys that together fill the route's object ids, or None if one cannot be filled."""
    if route.name in FILL:
        return [route.name]
    keys = []
    for kwarg in route.object_kwargs:
        if kwarg in NOT_A_CHILDS or constant_key(route, kwarg):
            continue
        key = f"{route.namespace}:{kwarg}"
        if key in FILL:
            keys.append(key)
        elif kwarg in FILL:
            keys.append(kwarg)
        else:
            return None
    return keys


def unfillable(route: Route) -> list[str]:
    if filler_keys(route) is not None:
        return []
    return [
        k
        for k in route.object_kwargs
        if k not in NOT_A_CHILDS
        and k not in FILL
        and f"{route.namespace}:{k}" not in FILL
        and not constant_key(route, k)
    ]


class Fills:
    """The ids for every route, worked out once per world: which children have everything a
    route needs, and the ids of theirs that fill it."""

    def __init__(self):
        self._tables = {key: fn() for key, fn in FILL.items()}
        from django.apps import apps

        self.whole = {
            k: list(apps.get_model(m).objects.order_by("pk").values_list("pk", flat=True))
            for k, m in NOT_A_CHILDS.items()
        }

    def for_child(self, route: Route, child_id: int) -> dict | None:
        """The route's kwargs for this child (person_id included), or None if the child lacks one."""
        kwargs = {"person_id": child_id} if route.is_record else {}
        for key in filler_keys(route) or []:
            options = self._tables[key].get(child_id)
            if not options:
                return None
            kwargs.update(options[0])
        for kwarg in route.object_kwargs:
            if constant_key(route, kwarg):
                kwargs[kwarg] = CONSTANTS[constant_key(route, kwarg)]
            elif kwarg in NOT_A_CHILDS:
                if not self.whole[kwarg]:
                    return None
                kwargs[kwarg] = self.whole[kwarg][0]
        return kwargs

    def children_for(self, route: Route, candidates) -> list[int]:
        """Of `candidates` (child ids, in order), those that have every id the route needs."""
        return [c for c in candidates if self.for_child(route, c) is not None]


def missing_kwargs(route: Route, kwargs: dict, big: int) -> dict:
    """The same URL with every object id (not the child's) replaced by one that does not exist."""
    return {k: (big if k in route.object_kwargs and k != "kind" else v) for k, v in kwargs.items()}
