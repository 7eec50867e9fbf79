"""The demo's plans with content, recorded through the services with the clock moved to the day
each thing happened:

- Tyler Williams' child protection plan (Yusuf Ali's case, neglect): two outcomes, a warm and fed
  home and school every day, with actions owned by Yusuf Ali, by Tyler's mother and by his school;
  a contingency; a core group about two months ago that recorded progress on each. Yusuf Ali's
  referral to the family support service is overdue (so it is in her tray on My work and on
  Joanne Wright's My team), and the mother's action is in Yusuf Ali's tray to chase.
- Ayaan Begum's child in need plan: one outcome with an action owned by the carers' hub.
- Kofi Mensah's placement with parents agreement (Piotr Nowak's case): its sections written but
  for when the placement would end, so it shows as incomplete.
- Care plans (Piotr Nowak's cases): Ellie Johnson's, revised at her second review, with every
  section (placement, health, education (PEP), contact, permanence), two outcomes and progress at
  her latest review; Kofi Mensah's, whose PEP meeting is overdue in Piotr Nowak's tray and whose
  plan for permanence is not written yet.

Idempotent: it does nothing when a plan already has content.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from child_protection import services as cp
from child_protection.models import ChildProtectionPlan
from children_in_need.models import CINPlan
from core import clock
from looked_after import services as lac
from looked_after.models import LAReview, PlacedWithParents
from people.models import Person
from plans import services
from plans.choices import Progress
from plans.models import PlanContent
from timescales.engine import refresh_due_items


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def load_demo_plans(staff: dict) -> bool:
    if PlanContent.objects.exists():
        return False
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    plan = (
        ChildProtectionPlan.objects.filter(
            child__given_name="Tyler", child__family_name="Williams", end_date__isnull=True
        )
        .select_related("child")
        .first()
    )
    if plan is None:
        return False
    ali = staff["sw.ali"]
    with clock.travel_to(_at(ago(100))):
        warm = services.outcome_add(
            actor=ali,
            plan=plan,
            what_must_change="Tyler lives in a home that is warm, clean and has food every day",
            by_when=ago(100) + datetime.timedelta(weeks=26),
            how_we_will_know="Unannounced visits find the heating on and food in the cupboards; Tyler tells us he is not hungry",
        )
        school = services.outcome_add(
            actor=ali,
            plan=plan,
            what_must_change="Tyler goes to school every day, on time",
            by_when=ago(100) + datetime.timedelta(weeks=12),
            how_we_will_know="Attendance above 95% on the school's weekly report",
        )
        referral = services.action_add(
            actor=ali,
            outcome=warm,
            action="Refer the family to the family support service",
            owner_kind="staff",
            owner_staff=ali,
            due_on=ago(20),
        )
        budget = services.action_add(
            actor=ali,
            outcome=warm,
            action="Agree a weekly budget with the money advice service",
            owner_kind="family",
            owner_name="Ms Williams (mother)",
            due_on=ago(10),
        )
        services.action_add(
            actor=ali,
            outcome=warm,
            action="Apply for the household support fund",
            owner_kind="staff",
            owner_staff=ali,
            due_on=today + datetime.timedelta(days=21),
        )
        register = services.action_add(
            actor=ali,
            outcome=school,
            action="Send the attendance register every Friday",
            owner_kind="agency",
            owner_name="Riverside Primary School",
            due_on=ago(70),
        )
        services.contingency_set(
            actor=ali,
            plan=plan,
            contingency="If the home is still without heating or food at the next review conference, a legal planning "
            "meeting decides whether to start pre-proceedings.",
        )
    with clock.travel_to(_at(ago(60), 15)):
        cp.core_group_record(
            actor=ali,
            plan=plan,
            held_on=ago(60),
            notes="Mother engaging; school reports better attendance.",
            progress={
                referral.pk: (Progress.NOT_STARTED, "Waiting for the service to open its waiting list."),
                budget.pk: (Progress.ON_TRACK, "First appointment booked."),
                register.pk: (Progress.DONE, "Weekly register set up."),
            },
        )
    cin_plan = CINPlan.objects.filter(
        child__given_name="Ayaan", child__family_name="Begum", end_date__isnull=True
    ).first()
    if cin_plan is not None:
        okafor = staff["sw.okafor"]
        with clock.travel_to(_at(cin_plan.start_date)):
            caring = services.outcome_add(
                actor=okafor,
                plan=cin_plan,
                what_must_change="Ayaan has time for school and friends as well as caring",
                by_when=cin_plan.start_date + datetime.timedelta(weeks=26),
                how_we_will_know="Ayaan goes to the young carers' club each week and his attendance is back above 90%",
            )
            services.action_add(
                actor=okafor,
                outcome=caring,
                action="Offer Ayaan a place at the young carers' club",
                owner_kind="agency",
                owner_name="Carers Hub",
                due_on=cin_plan.start_date + datetime.timedelta(weeks=4),
            )
    agreement = PlacedWithParents.objects.filter(
        placement__child__given_name="Kofi", placement__child__family_name="Mensah", placement__end_date__isnull=True
    ).first()
    if agreement is not None:
        nowak = staff["sw.nowak"]
        for key, text in (
            ("support", "Weekly family support worker visits; a place at the family centre's parenting group."),
            (
                "care",
                "Ms Mensah cares for Kofi day to day, takes him to school and tells the social worker of any move.",
            ),
            ("contact", "Kofi sees his father each fortnight at the family centre, supervised."),
            ("visits", "The social worker visits every six weeks and sees Kofi alone."),
        ):
            services.section_set(actor=nowak, plan=agreement, section=key, text=text)
    _care_plans(staff, today)
    return True


def _care_plans(staff: dict, today: datetime.date) -> None:
    """Ellie Johnson's care plan, revised at her second review, with every section, and progress at
    her latest review; Kofi Mensah's, with his personal education plan meeting overdue in Piotr
    Nowak's tray and the plan for permanence not yet written (so the page lists it as missing)."""
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    nowak = staff["sw.nowak"]
    ellie = Person.objects.filter(given_name="Ellie", family_name="Johnson", is_child=True).first()
    if ellie is not None and ellie.periods_of_care.filter(end_date__isnull=True).exists():
        with clock.travel_to(_at(ago(393))):
            lac.care_plan_record(
                actor=nowak,
                child=ellie,
                agreed_on=ago(393),
                summary="First care plan: accommodated under section 20 with Mr and Mrs Green.",
            )
        with clock.travel_to(_at(ago(290), 16)):
            plan = lac.care_plan_record(
                actor=nowak,
                child=ellie,
                agreed_on=ago(290),
                summary="Revised at the second review: long-term fostering with Mr and Mrs Green.",
            )
            for key, text in ELLIE_SECTIONS:
                services.section_set(actor=nowak, plan=plan, section=key, text=text)
            services.contingency_set(
                actor=nowak,
                plan=plan,
                contingency=(
                    "If the placement cannot continue, a placement planning meeting is held within five working days and "
                    "the IRO is told; Ellie stays at her school whatever happens."
                ),
            )
            home = services.outcome_add(
                actor=nowak,
                plan=plan,
                what_must_change="Ellie stays with Mr and Mrs Green as her long-term foster carers",
                by_when=ago(290) + datetime.timedelta(weeks=26),
                how_we_will_know="The match is agreed at the fostering panel; Ellie tells her IRO she feels at home",
            )
            school = services.outcome_add(
                actor=nowak,
                plan=plan,
                what_must_change="Ellie goes to school every day and catches up in maths",
                by_when=ago(290) + datetime.timedelta(weeks=36),
                how_we_will_know="Attendance above 95%; the maths target met at the spring PEP",
            )
            panel = services.action_add(
                actor=nowak,
                outcome=home,
                action="Present the long-term match to the fostering panel",
                owner_kind="staff",
                owner_staff=nowak,
                due_on=ago(200),
            )
            brother = services.action_add(
                actor=nowak,
                outcome=home,
                action="Arrange Ellie's time with her brother every month",
                owner_kind="staff",
                owner_staff=nowak,
                due_on=ago(260),
            )
            tuition = services.action_add(
                actor=nowak,
                outcome=school,
                action="Pay for one-to-one maths tuition from the pupil premium plus",
                owner_kind="agency",
                owner_name="Virtual school",
                due_on=ago(200),
            )
            club = services.action_add(
                actor=nowak,
                outcome=school,
                action="Take Ellie to homework club twice a week",
                owner_kind="agency",
                owner_name="Mr and Mrs Green (foster carers)",
                due_on=today + datetime.timedelta(days=60),
            )
        review = LAReview.objects.get(child=ellie, held_on=ago(110))
        with clock.travel_to(_at(ago(110), 16)), transaction.atomic():
            services.progress_record(
                actor=review.chaired_by or nowak,
                plan=plan,
                meeting=review,
                held_on=ago(110),
                progress={
                    panel.pk: (Progress.DONE, "Panel agreed the match."),
                    brother.pk: (Progress.DONE, "Monthly Saturdays at the bowling alley."),
                    tuition.pk: (Progress.DONE, "Weekly tuition since September."),
                    club.pk: (Progress.ON_TRACK, "Goes most weeks."),
                },
            )
            refresh_due_items(ellie)
    kofi = Person.objects.filter(given_name="Kofi", family_name="Mensah", is_child=True).first()
    if kofi is not None and kofi.periods_of_care.filter(end_date__isnull=True).exists():
        with clock.travel_to(_at(ago(695))):
            plan = lac.care_plan_record(
                actor=nowak,
                child=kofi,
                agreed_on=ago(695),
                summary="Kofi lives with his mother under the care order; the plan is to discharge it.",
            )
            for key, text in KOFI_SECTIONS:
                services.section_set(actor=nowak, plan=plan, section=key, text=text)
        with clock.travel_to(_at(ago(60))):
            gcse = services.outcome_add(
                actor=nowak,
                plan=plan,
                what_must_change="Kofi finishes Year 11 with his GCSEs and a college place",
                by_when=today + datetime.timedelta(days=200),
                how_we_will_know="Predicted grades met at the mocks; a college offer by the spring",
            )
            services.action_add(
                actor=nowak,
                outcome=gcse,
                action="Hold Kofi's PEP meeting and agree his college application plan",
                owner_kind="staff",
                owner_staff=nowak,
                due_on=ago(14),
            )
            services.action_add(
                actor=nowak,
                outcome=gcse,
                action="Send the attendance register every Friday",
                owner_kind="agency",
                owner_name="Holte School",
                due_on=today + datetime.timedelta(days=30),
            )


ELLIE_SECTIONS = (
    (
        "placement",
        "Ellie lives with Mr and Mrs Green, connected carers approved as her foster carers, near her school. "
        "They give her firm, kind boundaries; bedtime 9.30pm on school nights; the carers may agree "
        "sleepovers with friends they know (delegated authority).",
    ),
    (
        "health",
        "Review health assessment every year (last one six weeks ago); dental checks six-monthly. Her SDQ "
        "score is 14; she talks to the school counsellor weekly. Back from a missing episode: the return "
        "interview is offered within 72 hours.",
    ),
    (
        "education",
        "Year 9 at Moseley School; attendance 94%. PEP targets: maths up a grade, homework club twice a "
        "week, and join the netball team. Pupil premium plus pays for one-to-one maths tuition.",
    ),
    (
        "contact",
        "Ellie sees her mother every two weeks in the community, supervised by a family support worker, and "
        "her brother once a month. She phones her grandmother on Sundays.",
    ),
    (
        "permanence",
        "Plan for permanence: long-term fostering with Mr and Mrs Green, agreed at the second review. "
        "Ellie has said she wants to stay.",
    ),
)
KOFI_SECTIONS = (
    (
        "placement",
        "Kofi lives at home with his mother, Ama Mensah, under the care order (placed with parents, CPPCR "
        "regs 15 to 20); the agreement sets out what she agrees to.",
    ),
    (
        "health",
        "Kofi is healthy; review health assessment each year, dental checks up to date. He plays football "
        "for the school team.",
    ),
    (
        "education",
        "Year 11 at Holte School, predicted grades 4 to 6. He wants to study engineering at college; the "
        "PEP meeting this term agrees his application plan and the revision support.",
    ),
    ("contact", "Kofi sees his father when he wishes and stays with his aunt some weekends."),
)
