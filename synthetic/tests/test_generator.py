"""The generated small authority: coherent, obeying the constraints and the census rules the
returns rely on, with due items and chronology for open cases, realistic caseloads, and the
same data for the same seed (test_generator_seeds.py, which needs an empty database: this module's
tests share one small authority, generated once)."""

import datetime

import pytest
from django.db.models import Count

from assessments.models import Assessment
from casework.models import Allocation, CaseNote, ChronologyEvent, Visit
from child_protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from children_in_need.models import CINEpisode, CINPlan
from core import clock
from front_door.models import Referral
from looked_after.models import Episode, LAReview, PeriodOfCare, Placement
from people import identifiers
from people.models import Person
from synthetic.generator import generate
from synthetic.generator.fingerprint import fingerprint
from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
from synthetic.testing import small_authority_of_the_module  # noqa: F401
from timescales.calendar import add_months
from timescales.models import DueItem


def _generated_children():
    return Person.objects.filter(la_id__startswith="G", is_child=True)


def test_the_small_authority_has_every_part_of_the_journey(small_authority):
    counts = small_authority.counts
    for label in [
        "people.Person",
        "front_door.Contact",
        "front_door.Referral",
        "assessments.Assessment",
        "child_protection.ChildProtectionPlan",
        "children_in_need.CINPlan",
        "looked_after.PeriodOfCare",
        "looked_after.Placement",
        "looked_after.LAReview",
        "looked_after.MissingEpisode",
        "casework.Visit",
        "casework.CaseNote",
        "casework.Document",
        "casework.ChronologyEvent",
        "workforce.User",
    ]:
        assert counts[label] > 0, label
    assert Person.objects.filter(la_id__startswith="G").count() == counts["people.Person"]


def test_identifiers_are_valid(small_authority):
    children = list(_generated_children())
    for child in children:
        identifiers.validate_nhs_number(child.nhs_number)
        if child.upn:
            identifiers.validate_upn(child.upn)
        else:
            assert child.upn_unknown_reason == "UN1"
            assert (clock.today() - child.date_of_birth).days < 5 * 365
    upns = [c.upn for c in children if c.upn]
    assert len(upns) == len(set(upns))


def test_journeys_are_in_date_order(small_authority):
    for referral in Referral.objects.filter(child__la_id__startswith="G").select_related("episode", "contact"):
        assert referral.contact.received_at <= referral.received_at <= referral.decided_at
        assert referral.episode.start_date == referral.referral_date
        if referral.is_re_referral:
            assert referral.previous_referral.referral_date >= add_months(referral.referral_date, -12)
    for a in Assessment.objects.filter(child__la_id__startswith="G").select_related("episode"):
        assert a.start_date >= a.episode.start_date  # CIN rule 1103
        if a.status == "authorised":
            assert a.factors and a.authorised_on >= a.start_date  # CIN rule 8897Q
            assert a.authorised_by_id != a.author_id
    for s47 in Section47Enquiry.objects.filter(child__la_id__startswith="G").select_related("episode"):
        assert s47.start_date >= s47.episode.start_date  # CIN rule 2889
    for plan in ChildProtectionPlan.objects.filter(child__la_id__startswith="G").select_related("conference"):
        assert plan.start_date == plan.conference.held_on  # CIN rule 2885
        assert plan.conference.held_on.weekday() < 5  # CIN rule 8875
        assert plan.end_date is None or plan.end_date > plan.start_date  # CIN rule 8840
        reviews = list(plan.reviews.order_by("held_on").values_list("held_on", flat=True))
        assert all(r > plan.start_date for r in reviews)  # CIN rule 8841
    # A CIN plan is never open beside a CP plan (CIN rules 4001, 4016, 4017).
    for cin in CINPlan.objects.filter(child__la_id__startswith="G"):
        overlapping = ChildProtectionPlan.objects.filter(
            child=cin.child_id, start_date__lt=cin.end_date or datetime.date.max
        )
        for cp in overlapping:
            assert cp.end_date is not None and cp.end_date <= cin.start_date, (cin.child_id, cin.start_date)


def test_nothing_happens_after_a_case_closes_or_in_the_future(small_authority):
    now = clock.now()
    assert not Visit.objects.filter(visited_at__gt=now).exists()
    assert not CaseNote.objects.filter(occurred_at__gt=now).exists()
    for episode in CINEpisode.objects.filter(child__la_id__startswith="G", end_date__isnull=False):
        later = (
            CINEpisode.objects.filter(child=episode.child_id, start_date__gt=episode.end_date)
            .order_by("start_date")
            .first()
        )
        until = later.start_date if later else datetime.date.max
        window = dict(child=episode.child_id, visited_at__date__gt=episode.end_date, visited_at__date__lt=until)
        assert not Visit.objects.filter(**window).exists()


def test_periods_of_care_are_episodes_end_to_end(small_authority):
    for period in PeriodOfCare.objects.filter(child__la_id__startswith="G"):
        episodes = list(period.episodes.order_by("start_date"))
        assert episodes[0].reason_new_episode == "S" and episodes[0].start_date == period.start_date
        for before, after in zip(episodes, episodes[1:]):
            assert before.end_date == after.start_date and before.reason_ceased == "X1"
        if period.end_date:
            assert episodes[-1].end_date == period.end_date and episodes[-1].reason_ceased not in ("", "X1")
        reviews = list(LAReview.objects.filter(period=period).order_by("held_on").values_list("held_on", flat=True))
        gaps_ok = [b <= add_months(a, 6) + datetime.timedelta(days=31) for a, b in zip(reviews, reviews[1:])]
        assert all(gaps_ok)
    for placement in Placement.objects.filter(child__la_id__startswith="G"):
        identifiers.validate_uk_postcode(placement.postcode)
        if placement.placement_type == "P1":
            assert placement.provider == "PR0" and not placement.ofsted_urn
            assert Episode.objects.filter(placement=placement).exclude(legal_status__in=["C1", "C2"]).count() == 0


def test_most_children_are_placed_in_the_authority_and_the_rest_at_a_realistic_distance(small_authority):
    """Issue 16 finding 4: every placement records the local authority it is in (Annex A list 8)."""
    from synthetic.generator.context import LA_CODE
    from synthetic.generator.geography import AWAY

    placements = list(
        Placement.objects.filter(child__la_id__startswith="G").values_list(
            "local_authority", "postcode", "placement_type"
        )
    )
    inside = [p for p in placements if p[0] == LA_CODE]
    away = [p for p in placements if p[0] in AWAY]
    assert all(p[0] in (LA_CODE, "NK") or p[0] in AWAY for p in placements)
    assert 0.5 < len(inside) / len(placements) < 0.9 and away
    # Out of area, the postcode is one of that authority's; placed with parents, always at home.
    assert all(postcode in AWAY[code][1] for code, postcode, _ in away)
    assert all(code == LA_CODE for code, _, kind in placements if kind == "P1")
    # Nearer authorities are likelier than far ones.
    near = sum(1 for code, _, _ in away if AWAY[code][0] <= 20)
    assert near > len(away) / 2


def test_open_cases_are_allocated_with_due_items_and_a_chronology(small_authority):
    open_children = (
        _generated_children().filter(cin_episodes__isnull=False, cin_episodes__end_date__isnull=True).distinct()
    )
    assert open_children.count() > 10
    for child in open_children:
        allocation = Allocation.objects.filter(child=child, end_date__isnull=True).first()
        assert allocation is not None, (
            child.la_id,
            list(Allocation.objects.filter(child=child).values_list("start_date", "end_date", "end_reason")),
            list(child.cin_episodes.values_list("start_date", "end_date")),
        )
        assert child.current_worker_id == allocation.worker_id
        assert ChronologyEvent.objects.filter(child=child, event_type="referral.received").exists()
    with_items = DueItem.objects.filter(person__in=open_children).values("person").distinct().count()
    assert with_items >= open_children.count() * 0.8
    # Closed cases have nothing open in any tray. A current care leaver's CIN case is closed, but
    # the leaving care service still has their pathway plan reviews due.
    closed = (
        _generated_children()
        .exclude(cin_episodes__end_date__isnull=True)
        .exclude(care_leaver__isnull=False, care_leaver__ended_on__isnull=True)
    )
    assert not DueItem.objects.open().filter(person__in=closed).exists()


def test_caseloads_are_realistic(small_authority):
    loads = list(
        Allocation.objects.filter(end_date__isnull=True, worker__username__startswith="gen.")
        .values("worker")
        .annotate(n=Count("id"))
        .values_list("n", flat=True)
    )
    assert loads and max(loads) <= 25


def test_generating_again_changes_nothing(small_authority):
    before = fingerprint()
    again = generate(size="small", seed=1)
    assert not again.created
    assert fingerprint() == before


def test_a_second_authority_with_another_seed_is_refused(small_authority):
    with pytest.raises(ValueError, match="already holds a generated authority with another seed"):
        generate(size="small", seed=2)


def test_open_plans_have_outcomes_and_owned_actions_with_progress_some_overdue(small_authority):
    from plans.models import ActionProgress, PlanAction, PlanContent

    open_plans = (
        ChildProtectionPlan.objects.filter(end_date__isnull=True, child__current_worker__isnull=False).count()
        + CINPlan.objects.filter(end_date__isnull=True, child__current_worker__isnull=False).count()
    )
    cp_and_cin = PlanContent.objects.filter(plan_type__model__in=["childprotectionplan", "cinplan"])
    assert open_plans and cp_and_cin.count() == open_plans  # (care plans: test_generated_care_plans.py)
    assert {a.owner_kind for a in PlanAction.objects.all()} == {"staff", "family", "agency"}
    assert (
        ActionProgress.objects.filter(status="done").exists()
        and ActionProgress.objects.filter(status="not_done").exists()
    )
    # Overdue actions in their owners' trays: a member of staff's own, or the allocated worker's to chase.
    owned = DueItem.objects.overdue().filter(rule_code="plan_action")
    assert owned.exists() and DueItem.objects.overdue().filter(rule_code="plan_action_chase").exists()
    owners = dict(PlanAction.objects.values_list("pk", "owner_staff_id"))
    assert all(item.worker_id == owners[int(item.key.removeprefix("plan-action-"))] for item in owned)
    assert ChronologyEvent.objects.filter(event_type="plan.progress_recorded").exists()


def test_review_conferences_are_booked_with_attendance_and_some_minutes_late(small_authority):
    from child_protection.models import ConferenceBooking, ConferenceInvitee

    held = ConferenceBooking.objects.filter(child__la_id__startswith="G", status="held")
    assert held.exists() and not ConferenceInvitee.objects.filter(booking__in=held, attendance="").exists()
    assert held.filter(quorate=True).exists()
    ahead = ConferenceBooking.objects.filter(child__la_id__startswith="G", status="booked")
    assert ahead.exists() and not ahead.filter(plan__end_date__isnull=False).exists()
    assert DueItem.objects.filter(rule_code="conference_chair", person__la_id__startswith="G").exists()
    assert DueItem.objects.filter(rule_code="conference_minutes", person__la_id__startswith="G").exists()
