"""The generated authority's care plans and placement with parents agreements, read the way the plan
page and the trays read them: every open period of care has a current care plan with its sections,
outcomes and owned actions; some plans have earlier versions; an agreement is complete exactly when
its required sections are written; overdue actions are in their owner's tray (or the allocated
worker's, to chase)."""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from core import clock
from looked_after.models import CarePlan, Episode, PeriodOfCare, PlacedWithParents
from looked_after.selectors import current_care_plans
from plans import kinds
from plans.models import PlanAction, PlanContent, PlanSection
from plans.selectors import plan_page
from synthetic.generator.care_plans import write_agreements
from synthetic.testing import (
    SEED,
    small_authority_of_the_module,  # noqa: F401
)
from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
from trays.selectors import overdue_for_worker


def test_every_open_period_of_care_has_a_current_care_plan_with_sections_outcomes_and_actions(small_authority):
    open_periods = list(PeriodOfCare.objects.filter(end_date__isnull=True, child__la_id__startswith="G"))
    assert open_periods
    current = {p.period_id: p for p in CarePlan.objects.filter(current_care_plans())}
    assert {p.pk for p in open_periods} <= set(current)
    kind = kinds.get("care")
    sections = Counter()
    for plan in (current[p.pk] for p in open_periods):
        page = plan_page(plan)
        assert page.content is not None and page.contingency
        assert len(page.outcomes) == 2 and all(2 <= len(o.actions.all()) <= 3 for o in page.outcomes)
        written = {s.key for s, text in page.sections(kind) if text}
        assert written == set(PlanSection.objects.filter(content=page.content).values_list("key", flat=True))
        assert {s.key for s in page.missing(kind)} == {s.key for s in kind.sections} - written
        sections.update(written)
    # Every section is written somewhere, the PEP among them.
    assert set(sections) == {s.key for s in kind.sections}


def test_only_the_current_version_holds_content_and_some_plans_have_earlier_versions(small_authority):
    versions = Counter(CarePlan.objects.filter(period__end_date__isnull=True).values_list("period_id", flat=True))
    assert any(n > 1 for n in versions.values())
    with_content = set(
        PlanContent.objects.filter(plan_type=ContentType.objects.get_for_model(CarePlan)).values_list(
            "plan_id", flat=True
        )
    )
    assert with_content == set(
        CarePlan.objects.filter(current_care_plans(), child__la_id__startswith="G").values_list("pk", flat=True)
    )


def test_each_agreement_is_complete_exactly_when_its_required_sections_are_written(small_authority):
    """The small authority has no child placed with parents today (about one looked-after child in
    twenty is, and it has seven), so its children under a care order move home first, as their workers
    would record it; then the generator's step writes their agreements."""
    from looked_after.tests.factories import WITH_PARENTS, move

    today = clock.today()
    children = []
    for episode in Episode.objects.filter(
        end_date__isnull=True, legal_status__in=["C1", "C2"], child__la_id__startswith="G"
    ).select_related("child"):
        try:
            move(episode.child.current_worker, episode.child, today, WITH_PARENTS, reason="CHILD")
        except ValidationError:
            continue  # a child the record would not let go home (a deprivation of liberty order, say)
        children.append(episode.child)
    assert len(children) >= 2
    counts = write_agreements(SEED, today, [c.pk for c in children])
    assert counts["placement with parents agreements"] == len(children)
    kind = kinds.get("pwp")
    required = {s.key for s in kind.sections if s.required}
    for agreement in PlacedWithParents.objects.filter(placement__child__in=children).select_related("placement"):
        assert agreement.placement.placement_type == "P1" and agreement.placement.end_date is None
        page = plan_page(agreement)
        written = set(PlanSection.objects.filter(content=page.content).values_list("key", flat=True))
        assert written and page.outcomes and page.contingency
        assert {s.key for s in page.missing(kind)} == required - written
        if agreement.agreement_signed_on is None:
            assert page.missing(kind)  # an agreement not signed has a part still to agree


def test_overdue_care_plan_actions_are_in_their_owners_trays(small_authority):
    today = clock.today()
    types = [ContentType.objects.get_for_model(m) for m in (CarePlan, PlacedWithParents)]
    actions = list(
        PlanAction.objects.filter(outcome__content__plan_type__in=types).select_related(
            "owner_staff", "child__current_worker"
        )
    )
    overdue = [a for a in actions if a.is_overdue(today)]
    assert overdue and any(a.status == "done" for a in actions)
    assert {a.owner_kind for a in overdue} >= {"staff", "agency"}
    trays = {}
    for action in overdue:
        owner = action.owner_staff if action.owner_kind == "staff" else action.child.current_worker
        if owner.pk not in trays:
            trays[owner.pk] = set(overdue_for_worker(user=owner).values_list("key", flat=True))
        assert f"plan-action-{action.pk}" in trays[owner.pk]


def test_the_benchmarks_backfill_leaves_an_authority_that_has_care_plans_alone(small_authority):
    from synthetic.generator.care_plans import backfill

    before = (CarePlan.objects.count(), PlanContent.objects.count(), PlacedWithParents.objects.count())
    assert backfill(SEED, clock.today()) == Counter()
    assert (CarePlan.objects.count(), PlanContent.objects.count(), PlacedWithParents.objects.count()) == before
