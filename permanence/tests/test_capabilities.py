"""Who may record permanence: every write service, tried by every role against a child of the
user's own team and a child of another team, is refused with PermissionDenied exactly when
access.capabilities says the user may not (RECORD_PERMANENCE: the child's social worker and
managers). A role that only reads gets the 403 page for every form, and a POST writes nothing."""

import datetime

import pytest
from django.urls import reverse

from access.capabilities import Capability
from access.testing import Write, sign_in_reader, walk
from casework.models import ChronologyEvent
from people.services import person_create
from permanence import services
from permanence.models import PermanenceDecision
from permanence.tests.factories import make_decision, make_match, make_placement_order
from workforce.roles import Role

D = datetime.date
P = Capability.RECORD_PERMANENCE


def _planned(owner):
    """A child of `owner`'s team with a decision to place for adoption and a placement order, and
    care proceedings under way."""
    child = person_create(actor=owner, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    decision = make_decision(owner, child, decided_on=D(2025, 5, 1))
    order = make_placement_order(owner, decision, D(2025, 5, 2))
    proceedings = services.care_proceedings_start(actor=owner, child=child, kind="care", issued_on=D(2025, 5, 1))
    return {"child": child, "owner": owner, "decision": decision, "order": order, "proceedings": proceedings}


def writes(user, state) -> list[Write]:
    child, owner, decision, order = state["child"], state["owner"], state["decision"], state["order"]
    proceedings = state["proceedings"]

    def matched():
        make_match(owner, decision, D(2025, 5, 3))
        return decision

    def placed():
        return services.adoption_placement_record(actor=owner, decision=matched(), placed_on=D(2025, 5, 10))

    def concluded():
        services.care_proceedings_conclude(
            actor=owner, proceedings=proceedings, concluded_on=D(2025, 6, 1), outcome="supervision_order"
        )

    def reverse_after_revocation():
        services.permanence_order_revoke(actor=owner, order=order, revoked_on=D(2025, 6, 1))
        services.permanence_decision_reverse(
            actor=user, decision=PermanenceDecision.objects.get(pk=decision.pk), reversed_on=D(2025, 6, 2), reason="RD2"
        )

    return [
        Write(
            "permanence_meeting_record",
            P,
            lambda: services.permanence_meeting_record(
                actor=user, child=child, held_on=D(2025, 5, 20), proposed_option="long_term_fostering"
            ),
        ),
        Write(
            "permanence_decision_record",
            P,
            lambda: services.permanence_decision_record(
                actor=user,
                child=child,
                option="long_term_fostering",
                decided_on=D(2025, 5, 20),
                decision_maker="Alex Moore, head of service",
            ),
        ),
        Write("permanence_decision_reverse", P, reverse_after_revocation),
        Write(
            "permanence_step_record",
            P,
            lambda: services.permanence_step_record(
                actor=user, decision=decision, kind="family_finding", taken_on=D(2025, 5, 2)
            ),
        ),
        Write(
            "permanence_order_record",
            P,
            lambda: services.permanence_order_record(actor=user, child=child, kind="cao", made_on=D(2025, 6, 1)),
        ),
        Write(
            "permanence_order_revoke",
            P,
            lambda: services.permanence_order_revoke(actor=user, order=order, revoked_on=D(2025, 6, 1)),
        ),
        Write("adoption_match_record", P, lambda: make_match(user, decision, D(2025, 5, 4))),
        Write(
            "adoption_placement_record",
            P,
            lambda: services.adoption_placement_record(actor=user, decision=matched(), placed_on=D(2025, 5, 10)),
        ),
        Write(
            "adoption_placement_end",
            P,
            lambda: services.adoption_placement_end(
                actor=user, placement=placed(), ended_on=D(2025, 5, 30), notes="The placement broke down."
            ),
        ),
        Write(
            "adoption_review_record",
            P,
            lambda: services.adoption_review_record(actor=user, decision=decision, held_on=D(2025, 6, 1)),
        ),
        Write(
            "care_proceedings_start",
            P,
            lambda: (
                concluded(),
                services.care_proceedings_start(actor=user, child=child, kind="care", issued_on=D(2025, 6, 2)),
            ),
        ),
        Write(
            "care_proceedings_extend",
            P,
            lambda: services.care_proceedings_extend(
                actor=user,
                proceedings=proceedings,
                granted_on=D(2025, 6, 2),
                weeks=8,
                reason="Assessment not yet filed",
            ),
        ),
        Write(
            "care_proceedings_conclude",
            P,
            lambda: services.care_proceedings_conclude(
                actor=user, proceedings=proceedings, concluded_on=D(2025, 6, 2), outcome="supervision_order"
            ),
        ),
        Write(
            "previous_permanence_record",
            P,
            lambda: services.previous_permanence_record(
                actor=user,
                child=child,
                care_started_on=D(2025, 1, 1),
                option="P1",
                order_date=D(2019, 1, 1),
                order_date_known="year",
                arranged_by_la="201",
            ),
        ),
    ]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("situation", ["allocated", "another team"])
def test_every_write_is_refused_exactly_when_the_table_says_so(
    make_staff, team, worker, stranger, today, role, situation
):
    user = make_staff(role, team=team)
    state = _planned(worker if situation == "allocated" else stranger)
    assert walk(user, state["child"], writes(user, state)) == []


def test_a_social_worker_of_another_team_may_not_record_permanence(worker, stranger, today):
    """The finding: any social worker who could see a child could record their permanence plan."""
    from django.core.exceptions import PermissionDenied

    child = _planned(worker)["child"]
    with pytest.raises(PermissionDenied):
        services.permanence_meeting_record(actor=stranger, child=child, held_on=D(2025, 5, 20))


READ_ONLY = [Role.QA_OFFICER, Role.SENIOR_LEADER, Role.LADO_OFFICER, Role.SYSTEM_ADMIN]


def form_urls(state) -> dict[str, str]:
    pk = state["child"].pk
    decision, order, proceedings = state["decision"].pk, state["order"].pk, state["proceedings"].pk
    urls = {
        name: reverse(f"permanence:{name}", args=[pk])
        for name in ["meeting_new", "decision_new", "proceedings_new", "previous_new"]
    }
    for name in ["decision_reverse", "step_new", "match_new", "placement_new", "review_new"]:
        urls[name] = reverse(f"permanence:{name}", args=[pk, decision])
    urls["order_new"] = reverse("permanence:order_new", args=[pk, "cao"])
    urls["order_revoke"] = reverse("permanence:order_revoke", args=[pk, order])
    urls["proceedings_extend"] = reverse("permanence:proceedings_extend", args=[pk, proceedings])
    urls["proceedings_conclude"] = reverse("permanence:proceedings_conclude", args=[pk, proceedings])
    make_match(state["owner"], state["decision"], D(2025, 5, 3))
    placement = services.adoption_placement_record(
        actor=state["owner"], decision=state["decision"], placed_on=D(2025, 5, 10)
    )
    urls["placement_end"] = reverse("permanence:placement_end", args=[pk, placement.pk])
    return urls


@pytest.mark.parametrize("role", READ_ONLY)
def test_a_role_that_only_reads_gets_403_for_every_form_and_a_post_writes_nothing(
    client, make_staff, worker, today, role
):
    state = _planned(worker)
    urls = form_urls(state)
    sign_in_reader(client, make_staff(role), state["child"])
    events = ChronologyEvent.objects.count()
    for name, url in urls.items():
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"held_on_0": "20", "held_on_1": "5", "held_on_2": "2025"}).status_code == 403, name
    assert ChronologyEvent.objects.count() == events
    page = client.get(reverse("permanence:record", args=[state["child"].pk]))
    assert (
        page.status_code == 200
        and reverse("permanence:meeting_new", args=[state["child"].pk]) not in page.content.decode()
    )
