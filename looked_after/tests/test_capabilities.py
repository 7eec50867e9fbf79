"""Who may record on a looked-after child: every write service, tried by every role against a child
of the user's own team, a child of another team and a child the IRO chairs, is refused with
PermissionDenied exactly when access.capabilities says the user may not (issue 12, finding 2: an
IRO, or any social worker, used to record a placement on any child they could see). And the pages:
a role that only reads gets the 403 page for every form, and a POST writes nothing."""

import datetime

import pytest
from django.urls import reverse

from access.capabilities import Capability, may
from access.testing import Write, sign_in_reader, walk
from casework.models import ChronologyEvent
from looked_after import services
from looked_after.models import Episode, PeriodOfCare
from looked_after.tests.factories import NEW_FOSTER, WITH_PARENTS, at, move, start_care
from people.services import person_create
from workforce.roles import Role

D = datetime.date
LA, CHAIR = Capability.RECORD_LOOKED_AFTER, Capability.CHAIR_REVIEW
END = {"end_date": D(2025, 6, 1), "reason_ceased": "E13"}


def _in_care(owner):
    """A child of `owner`'s team in care since 1 May 2025, with a review, an action from it and a
    missing episode he came back from."""
    child = person_create(actor=owner, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    start_care(owner, child, D(2025, 5, 1))
    review = services.review_record(actor=owner, child=child, held_on=D(2025, 5, 28), participation="PN1")
    action = services.review_action_add(
        actor=owner, review=review, action="Dental check", owner="Social worker", due_date=D(2025, 6, 30)
    )
    missing = services.missing_start(
        actor=owner, child=child, kind="M", started_at=at(D(2025, 5, 30), 22), returned_at=at(D(2025, 5, 31), 9)
    )
    return {"child": child, "owner": owner, "review": review, "action": action, "missing": missing}


def writes(user, state, iro) -> list[Write]:
    """Every looked-after write service, as `user`, with data that is valid for the record, so a
    user the table allows has it saved. Steps that need something first (an ended period, an open
    missing episode, a placement with parents) have the child's own worker do that first."""
    child, owner = state["child"], state["owner"]
    episode = Episode.objects.get(child=child)
    period = episode.period

    def ended():
        services.period_end(actor=owner, child=child, **END)
        return PeriodOfCare.objects.get(pk=period.pk)

    def away():
        return services.missing_start(actor=owner, child=child, kind="M", started_at=at(D(2025, 6, 1), 22))

    def with_parents():
        move(owner, child, D(2025, 6, 1), WITH_PARENTS)
        services.pwp_agreement_record(actor=user, child=child, parent_name="Ms Smith")

    return [
        Write(
            "period_start",
            LA,
            lambda: (
                ended(),
                services.period_start(
                    actor=user,
                    child=child,
                    start_date=D(2025, 6, 2),
                    legal_status="V2",
                    category_of_need="N1",
                    home_postcode="NE6 1AA",
                    placement=NEW_FOSTER,
                ),
            ),
        ),
        Write("episode_change", LA, lambda: move(user, child, D(2025, 6, 1))),
        Write("period_end", LA, lambda: services.period_end(actor=user, child=child, **END)),
        Write("uasc_record", LA, lambda: services.uasc_record(actor=user, child=child, uasc_from=D(2025, 5, 1))),
        Write(
            "episode_correct",
            LA,
            lambda: services.episode_correct(
                actor=user,
                child=child,
                episode=episode,
                start_date=D(2025, 5, 2),
                legal_status="V2",
                category_of_need="N1",
                home_postcode="NE6 1AA",
                reason="Typed the wrong date",
            ),
        ),
        Write(
            "placement_correct",
            LA,
            lambda: services.placement_correct(
                actor=user,
                child=child,
                placement=episode.placement,
                placement_type="U6",
                provider="PR4",
                postcode="NE3 2AD",
                ofsted_urn="1234568",
                carer_name="Ms Okafor",
                reason="Copied wrongly",
            ),
        ),
        Write(
            "period_end_correct",
            LA,
            lambda: services.period_end_correct(
                actor=user,
                child=child,
                period=ended(),
                end_date=D(2025, 5, 31),
                reason_ceased="E13",
                reason="The end date was the day the decision was made",
            ),
        ),
        Write(
            "health_check_record",
            LA,
            lambda: services.health_check_record(actor=user, child=child, kind="iha", done_on=D(2025, 5, 20)),
        ),
        Write(
            "immunisation_record",
            LA,
            lambda: services.immunisation_record(actor=user, child=child, checked_on=D(2025, 5, 10), up_to_date=True),
        ),
        Write(
            "sdq_record",
            LA,
            lambda: services.sdq_record(actor=user, child=child, completed_on=D(2025, 5, 10), score=12),
        ),
        Write(
            "substance_misuse_record",
            LA,
            lambda: services.substance_misuse_record(
                actor=user,
                child=child,
                identified_on=D(2025, 5, 10),
                intervention_offered=True,
                intervention_received=False,
            ),
        ),
        Write(
            "conviction_record",
            LA,
            lambda: services.conviction_record(actor=user, child=child, convicted_on=D(2025, 5, 10)),
        ),
        Write("pep_record", LA, lambda: services.pep_record(actor=user, child=child, held_on=D(2025, 5, 12))),
        Write(
            "school_change",
            LA,
            lambda: services.school_change(
                actor=user, child=child, school_name="St Mary's Primary", start_date=D(2025, 5, 12)
            ),
        ),
        Write(
            "missing_start",
            LA,
            lambda: services.missing_start(actor=user, child=child, kind="M", started_at=at(D(2025, 6, 1), 22)),
        ),
        Write(
            "missing_return",
            LA,
            lambda: services.missing_return(actor=user, episode=away(), returned_at=at(D(2025, 6, 2), 8)),
        ),
        Write(
            "return_interview_record",
            LA,
            lambda: services.return_interview_record(
                actor=user, episode=state["missing"], offered_at=at(D(2025, 5, 31), 9), accepted=False
            ),
        ),
        Write(
            "iro_assign", LA, lambda: services.iro_assign(actor=user, child=child, iro=iro, start_date=D(2025, 5, 2))
        ),
        Write(
            "care_plan_record", LA, lambda: services.care_plan_record(actor=user, child=child, agreed_on=D(2025, 5, 10))
        ),
        Write("pwp_agreement_record", LA, with_parents),
        Write(
            "review_record",
            CHAIR,
            lambda: services.review_record(actor=user, child=child, held_on=D(2025, 5, 30), participation="PN1"),
        ),
        Write(
            "review_action_add",
            CHAIR,
            lambda: services.review_action_add(
                actor=user, review=state["review"], action="PEP", owner="Designated teacher", due_date=D(2025, 7, 1)
            ),
        ),
        Write(
            "review_action_complete",
            CHAIR,
            lambda: services.review_action_complete(actor=user, action=state["action"], completed_on=D(2025, 6, 2)),
        ),
        Write(
            "iro_contact_record",
            CHAIR,
            lambda: services.iro_contact_record(
                actor=user, child=child, contact_on=D(2025, 5, 5), method="video", iro=iro
            ),
        ),
    ]


SITUATIONS = ["allocated", "another team", "chaired"]
CASES = [(role, situation) for role in Role for situation in SITUATIONS if situation != "chaired" or role == Role.IRO]


@pytest.mark.parametrize("role, situation", CASES)
def test_every_write_is_refused_exactly_when_the_table_says_so(
    make_staff, team, worker, stranger, iro, today, role, situation
):
    user = make_staff(role, team=team)
    owner = worker if situation == "allocated" else stranger
    state = _in_care(owner)
    if situation == "chaired":
        services.iro_assign(actor=owner, child=state["child"], iro=user, start_date=D(2025, 5, 2))
    appointed = user if situation == "chaired" else iro
    assert walk(user, state["child"], writes(user, state, appointed)) == []


def test_an_iro_may_no_longer_record_a_placement_but_still_chairs_any_review(make_staff, stranger, today):
    iro = make_staff(Role.IRO)
    child = _in_care(stranger)["child"]
    assert not may(iro, LA, child) and may(iro, CHAIR, child)


# --- The pages ------------------------------------------------------------------------------------

READ_ONLY = [Role.QA_OFFICER, Role.SENIOR_LEADER, Role.LADO_OFFICER, Role.SYSTEM_ADMIN]


def form_urls(state) -> dict[str, str]:
    child = state["child"]
    pk = child.pk
    simple = [
        "period_start",
        "placement_change",
        "legal_status_change",
        "period_end",
        "uasc",
        "pwp_agreement",
        "iro_assign",
        "iro_contact_new",
        "care_plan_new",
        "review_new",
        "health_check_new",
        "immunisation_new",
        "sdq_new",
        "substance_misuse_new",
        "conviction_new",
        "pep_new",
        "school_change",
        "missing_new",
    ]
    urls = {name: reverse(f"looked_after:{name}", args=[pk]) for name in simple}
    review, action, missing = state["review"].pk, state["action"].pk, state["missing"].pk
    urls["review_action_new"] = reverse("looked_after:review_action_new", args=[pk, review])
    urls["review_action_done"] = reverse("looked_after:review_action_done", args=[pk, review, action])
    urls["missing_return"] = reverse("looked_after:missing_return", args=[pk, missing])
    urls["return_interview_new"] = reverse("looked_after:return_interview_new", args=[pk, missing])
    episode = Episode.objects.get(child=child)
    urls["episode_correct"] = reverse("looked_after:episode_correct", args=[pk, episode.pk])
    urls["placement_correct"] = reverse("looked_after:placement_correct", args=[pk, episode.placement_id])
    return urls


@pytest.mark.parametrize("role", READ_ONLY)
def test_a_role_that_only_reads_gets_403_for_every_form_and_a_post_writes_nothing(
    client, make_staff, worker, today, role
):
    state = _in_care(worker)
    sign_in_reader(client, make_staff(role), state["child"])
    events = ChronologyEvent.objects.count()
    for name, url in form_urls(state).items():
        assert client.get(url).status_code == 403, name
        assert (
            client.post(
                url, {"held_on_0": "30", "held_on_1": "5", "held_on_2": "2025", "participation": "PN1", "reason": "x"}
            ).status_code
            == 403
        ), name
    assert ChronologyEvent.objects.count() == events
    assert client.get(reverse("looked_after:record", args=[state["child"].pk])).status_code == 200


def test_the_links_follow_the_table(client, make_staff, worker, stranger, today):
    """The IRO of another team's child sees the review and contact links, not the placement ones;
    the child's worker sees both."""
    state = _in_care(stranger)
    url = reverse("looked_after:record", args=[state["child"].pk])
    client.force_login(make_staff(Role.IRO))
    page = client.get(url).content.decode()
    assert "Record a looked-after review" in page and "contact with the child" in page
    assert "Record a change of placement" not in page and "Correct episode" not in page
    assert "Record an SDQ" not in page
    client.force_login(stranger)
    page = client.get(url).content.decode()
    assert "Record a looked-after review" in page and "Record a change of placement" in page
