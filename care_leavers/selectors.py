"""Reads for care leavers: a young person's leaving-care record, a personal adviser's caseload
with what is due, and the rows Annex A list 9 and SSDA903 OC3 are built from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Max, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Greatest

from access.selectors import visible_to
from care_leavers.choices import ANNEX_A_ELIGIBILITY
from care_leavers.models import CareLeaver, KeepingInTouch, PathwayPlan, PathwayPlanReview
from codelists.ssda903 import InTouch
from timescales.models import DueItem
from workforce.models import User
from workforce.roles import Role

RECENT_CONTACTS = 10


@dataclass
class LeavingCareRecord:
    care_leaver: CareLeaver | None
    assessments: list
    plans: list
    contacts: list

    @property
    def latest_plan(self):
        return self.plans[0] if self.plans else None


def leaving_care_for_person(person) -> LeavingCareRecord:
    care_leaver = CareLeaver.objects.filter(person=person).select_related("personal_adviser").first()
    if care_leaver is None:
        return LeavingCareRecord(None, [], [], [])
    return LeavingCareRecord(
        care_leaver=care_leaver,
        assessments=list(care_leaver.needs_assessments.order_by("-completed_on", "-id")),
        plans=list(
            care_leaver.pathway_plans.prefetch_related(
                Prefetch("reviews", queryset=PathwayPlanReview.objects.order_by("-reviewed_on", "-id"))
            ).order_by("-started_on", "-id")
        ),
        contacts=list(
            care_leaver.contacts.select_related("recorded_by").order_by("-contact_on", "-id")[:RECENT_CONTACTS]
        ),
    )


def care_leaver_for_person(person) -> CareLeaver | None:
    return CareLeaver.objects.filter(person=person).select_related("person").first()


def plan_for_care_leaver(care_leaver, plan_id) -> PathwayPlan | None:
    return PathwayPlan.objects.filter(care_leaver=care_leaver, pk=plan_id).select_related("care_leaver__person").first()


def personal_advisers() -> QuerySet[User]:
    return User.objects.filter(role=Role.PERSONAL_ADVISER, is_active=True).order_by("last_name", "first_name")


def with_current_picture(care_leavers: QuerySet[CareLeaver], as_of=None) -> QuerySet[CareLeaver]:
    """Annotate each care leaver with the latest keeping-in-touch answers, the latest contact and
    the latest pathway plan date (its start or latest review), as subqueries: one query for a list.
    With `as_of`, the picture as it stood that day (Annex A's period end): nothing dated later."""
    contacts = KeepingInTouch.objects.filter(care_leaver_id=OuterRef("pk")).order_by("-contact_on", "-id")
    latest_review = (
        PathwayPlanReview.objects.filter(plan__care_leaver_id=OuterRef("pk")).order_by().values("plan__care_leaver_id")
    )
    plans = PathwayPlan.objects.filter(care_leaver_id=OuterRef("pk"))
    if as_of is not None:
        contacts = contacts.filter(contact_on__lte=as_of)
        latest_review = latest_review.filter(reviewed_on__lte=as_of)
        plans = plans.filter(started_on__lte=as_of)
    return care_leavers.annotate(
        latest_in_touch=Subquery(contacts.values("in_touch")[:1]),
        latest_accommodation=Subquery(contacts.values("accommodation")[:1]),
        latest_activity=Subquery(contacts.values("activity")[:1]),
        latest_contact_on=Subquery(contacts.filter(in_touch=InTouch.YES).values("contact_on")[:1]),
        latest_plan_on=Greatest(
            Subquery(plans.order_by("-started_on").values("started_on")[:1]),
            Subquery(latest_review.annotate(latest=Max("reviewed_on")).values("latest")[:1]),
        ),
    )


@dataclass(frozen=True)
class AdviserCaseload:
    young_people: list
    due: list


def caseload_for_adviser(*, user) -> AdviserCaseload:
    """The young people `user` advises and may see (a restricted record only with a grant), with
    where they are, and everything open and due for them, soonest first. Two queries."""
    advised = visible_to(user, CareLeaver.objects.current().filter(personal_adviser=user))
    care_leavers = list(
        with_current_picture(advised).select_related("person").order_by("person__family_name", "person__given_name")
    )
    due = list(
        DueItem.objects.open()
        .filter(person_id__in=[c.person_id for c in care_leavers])
        .select_related("person")
        .order_by("due_date", "due_at", "id")
    )
    return AdviserCaseload(care_leavers, due)


def _suitability(accommodation: str | None) -> str:
    if accommodation and accommodation[-1] == "1":
        return "Suitable"
    if accommodation and accommodation[-1] == "2":
        return "Unsuitable"
    return ""


def annex_a_list_9_rows(care_leavers: QuerySet[CareLeaver], as_of=None) -> list[dict]:
    """The care-leaver columns of Annex A list 9 (the child columns are shared with the other
    lists and come from the person), as they stood on `as_of` when given."""
    rows = with_current_picture(care_leavers, as_of).select_related("person", "personal_adviser").order_by("person_id")
    return [
        {
            "Child Unique ID": c.person.la_id,
            "Allocated Personal Advisor": str(c.personal_adviser or ""),
            "Eligibility Category": ANNEX_A_ELIGIBILITY[c.category],
            "Latest Pathway Plan Review Date": c.latest_plan_on,
            "LA in Touch": c.latest_in_touch or "",
            "Latest Date of Contact": c.latest_contact_on if c.latest_in_touch == InTouch.YES else None,
            "Type of Accommodation": (c.latest_accommodation or "")[:1],
            "Suitability of Accommodation": _suitability(c.latest_accommodation),
            "Activity Status": c.latest_activity or "",
        }
        for c in rows
    ]


def oc3_row(
    care_leaver: CareLeaver, around: datetime.date, *, before_days: int = 91, after_days: int = 31
) -> dict | None:
    """SSDA903 OC3 for one young person: the keeping-in-touch answers nearest their birthday
    `around`. The window (3 months before, 1 month after) is the DfE's published convention for
    "around the birthday" but is not confirmed (TIMESCALES.md B), so it is a parameter."""
    window = KeepingInTouch.objects.filter(
        care_leaver=care_leaver,
        contact_on__gte=around - datetime.timedelta(days=before_days),
        contact_on__lte=around + datetime.timedelta(days=after_days),
    )
    nearest = min(window, key=lambda c: (abs((c.contact_on - around).days), -c.pk), default=None)
    if nearest is None:
        return None
    return {
        "CHILD": care_leaver.person.la_id,
        "DOB": care_leaver.person.date_of_birth,
        "IN_TOUCH": nearest.in_touch,
        "ACTIV": nearest.activity or None,
        "ACCOM": nearest.accommodation or None,
    }
