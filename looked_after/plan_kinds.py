"""The looked-after plans that hold content (plans app): the care plan, with its sections, and the
placement with parents agreement, complete only when its required sections are written.
Registered by LookedAfterConfig.ready().

The care plan's sections are the parts CPPCR 2010 reg 5 and Schedule 1 ask a care plan to cover
(the placement plan, the health plan, the personal education plan, contact, and the plan for
permanence). The placement with parents agreement's are the matters the authority agrees with the
parent under CPPCR 2010 regs 17 to 20 (paragraph numbers not confirmed): the support given, the
parent's responsibilities for the child's day-to-day care, contact, the child's health and
education, the social worker's visits, and when the placement would end. Care plans are kept in
versions: only the latest agreed in an open period of care is current."""

from django.db.models import Q

from core.dates import long_date
from looked_after.models import CarePlan, PlacedWithParents
from looked_after.selectors import current_care_plans
from looked_after.views.common import AREA
from plans.kinds import PlanKind, Section, register

CARE_PLAN_SECTIONS = (
    Section("placement", "Placement plan", "Where the child lives, why, and how the placement meets their needs"),
    Section("health", "Health plan", "Health assessments, the child's health needs and who meets them"),
    Section("education", "Personal education plan (PEP)", "School, attainment, support and the virtual school's part"),
    Section("contact", "Contact", "Time with parents, brothers and sisters and others who matter to the child"),
    Section("permanence", "Permanence", "The plan for where the child will grow up, and by when"),
)
PWP_SECTIONS = (
    Section("support", "Support for the parent and child", "The services and help the authority will give"),
    Section("care", "The parent's responsibilities", "Day-to-day care, and what the parent agrees to do"),
    Section("contact", "Contact", "With the other parent, family and friends, and how it is supervised"),
    Section("health_education", "Health and education", "Appointments, school and who is responsible", required=False),
    Section("visits", "Social worker's visits", "How often the child is visited and seen alone"),
    Section("ending", "When the placement would end", "The circumstances in which the child would be removed"),
)


def _agreement_start(agreement):
    return agreement.agreement_signed_on or agreement.placement.start_date


register(
    PlanKind(
        slug="care",
        label="Care plan",
        model=CarePlan,
        area=AREA,
        capability=AREA.capability,
        facts=lambda plan: (
            [("Agreed on", long_date(plan.agreed_on))] + ([("Summary", plan.summary)] if plan.summary else [])
        ),
        meeting="looked-after review",
        start=lambda plan: plan.agreed_on,
        current=current_care_plans,
        sections=CARE_PLAN_SECTIONS,
    )
)
register(
    PlanKind(
        slug="pwp",
        label="Placement with parents agreement",
        model=PlacedWithParents,
        area=AREA,
        capability=AREA.capability,
        child_field="placement__child",
        facts=lambda a: (
            [("Placed with", a.parent_name)]
            + ([("Agreement signed", long_date(a.agreement_signed_on))] if a.agreement_signed_on else [])
        ),
        meeting="looked-after review",
        start=_agreement_start,
        current=lambda: Q(placement__end_date__isnull=True),
        sections=PWP_SECTIONS,
    )
)
