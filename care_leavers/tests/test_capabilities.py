"""Who may record leaving care support: every write service, tried by every role against a young
person of the user's own team, one of another team and (for a personal adviser) one they advise,
is refused with PermissionDenied exactly when access.capabilities says the user may not
(RECORD_CARE_LEAVING: the young person's social worker and managers, and their own personal
adviser; issue 12, finding 2: any personal adviser could record any care leaver's pathway plan).
A role that only reads gets the 403 page for every form, and a POST writes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from access.capabilities import Capability
from access.testing import Write, sign_in_reader, walk
from care_leavers import services
from care_leavers.tests.factories import in_touch, make_care_leaver, make_plan
from casework.models import ChronologyEvent
from people.services import person_create
from workforce.roles import Role

D = datetime.date
CL = Capability.RECORD_CARE_LEAVING
BORN = D(2008, 9, 10)


def _leaving_care(owner, adviser=None):
    """A young person of `owner`'s team, a relevant child since 1 March 2025 with a needs
    assessment and a pathway plan of 1 April 2025; and a sibling not yet a care leaver."""
    person = person_create(actor=owner, given_name="Tyler", family_name="Brown", date_of_birth=BORN)
    sibling = person_create(actor=owner, given_name="Casey", family_name="Brown", date_of_birth=BORN)
    extra = {"personal_adviser": adviser, "adviser_since": D(2025, 3, 1)} if adviser else {}
    care_leaver = make_care_leaver(owner, person, **extra)
    plan = make_plan(owner, care_leaver, D(2025, 4, 1))
    return {"child": person, "sibling": sibling, "care_leaver": care_leaver, "plan": plan, "owner": owner}


def writes(user, state, other_adviser) -> list[Write]:
    care_leaver, plan = state["care_leaver"], state["plan"]
    return [
        Write("care_leaver_start", CL, lambda: make_care_leaver(user, state["sibling"]), child=state["sibling"]),
        Write(
            "care_leaver_category_change",
            CL,
            lambda: services.care_leaver_category_change(
                actor=user, care_leaver=care_leaver, category="eligible", since=D(2025, 5, 1)
            ),
        ),
        Write(
            "personal_adviser_allocate",
            CL,
            lambda: services.personal_adviser_allocate(
                actor=user, care_leaver=care_leaver, adviser=other_adviser, since=D(2025, 5, 1)
            ),
        ),
        Write(
            "needs_assessment_record",
            CL,
            lambda: services.needs_assessment_record(actor=user, care_leaver=care_leaver, completed_on=D(2025, 5, 1)),
        ),
        Write(
            "pathway_plan_record",
            CL,
            lambda: services.pathway_plan_record(actor=user, care_leaver=care_leaver, started_on=D(2025, 5, 2)),
        ),
        Write(
            "pathway_plan_review_record",
            CL,
            lambda: services.pathway_plan_review_record(
                actor=user, plan=plan, reviewed_on=D(2025, 5, 15), requested_by="young_person"
            ),
        ),
        Write("keeping_in_touch_record", CL, lambda: in_touch(user, care_leaver, D(2025, 5, 20))),
        Write(
            "care_leaver_end",
            CL,
            lambda: services.care_leaver_end(
                actor=user, care_leaver=care_leaver, ended_on=D(2025, 6, 2), reason="declined"
            ),
        ),
    ]


SITUATIONS = ["allocated", "another team", "advised"]
CASES = [(role, s) for role in Role for s in SITUATIONS if s != "advised" or role == Role.PERSONAL_ADVISER]


@pytest.mark.parametrize("role, situation", CASES)
def test_every_write_is_refused_exactly_when_the_table_says_so(
    make_staff, team, worker, stranger, other_adviser, today, role, situation
):
    user = make_staff(role, team=team)
    owner = worker if situation == "allocated" else stranger
    state = _leaving_care(owner, adviser=user if situation == "advised" else None)
    assert walk(user, state["child"], writes(user, state, other_adviser)) == []


def test_an_adviser_records_the_plan_only_for_the_young_people_they_advise(adviser, other_adviser, stranger, today):
    mine = _leaving_care(stranger, adviser=adviser)
    theirs = _leaving_care(stranger, adviser=other_adviser)
    services.needs_assessment_record(actor=adviser, care_leaver=mine["care_leaver"], completed_on=D(2025, 5, 1))
    with pytest.raises(PermissionDenied):
        services.needs_assessment_record(actor=adviser, care_leaver=theirs["care_leaver"], completed_on=D(2025, 5, 1))


READ_ONLY = [Role.QA_OFFICER, Role.SENIOR_LEADER, Role.LADO_OFFICER, Role.SYSTEM_ADMIN]
FORMS = ["category", "adviser", "needs_assessment_new", "pathway_plan_new", "contact_new", "end"]


@pytest.mark.parametrize("role", READ_ONLY)
def test_a_role_that_only_reads_gets_403_for_every_form_and_a_post_writes_nothing(
    client, make_staff, worker, today, role
):
    state = _leaving_care(worker)
    pk = state["child"].pk
    urls = [reverse(f"care_leavers:{name}", args=[pk]) for name in FORMS]
    urls += [
        reverse("care_leavers:start", args=[state["sibling"].pk]),
        reverse("care_leavers:pathway_plan_review_new", args=[pk, state["plan"].pk]),
    ]
    sign_in_reader(client, make_staff(role), state["child"], state["sibling"])
    events = ChronologyEvent.objects.count()
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert (
            client.post(
                url, {"ended_on_0": "2", "ended_on_1": "6", "ended_on_2": "2025", "reason": "declined"}
            ).status_code
            == 403
        ), url
    assert ChronologyEvent.objects.count() == events
    page = client.get(reverse("care_leavers:record", args=[pk]))
    assert page.status_code == 200 and reverse("care_leavers:pathway_plan_new", args=[pk]) not in page.content.decode()
