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

Idempotent: it does nothing when a plan already has content.
"""

import datetime

from django.utils import timezone

from child_protection import services as cp
from child_protection.models import ChildProtectionPlan
from children_in_need.models import CINPlan
from core import clock
from looked_after.models import PlacedWithParents
from plans import services
from plans.choices import Progress
from plans.models import PlanContent


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def load_demo_plans(staff: dict) -> bool:
    if PlanContent.objects.exists():
        return False
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    plan = (ChildProtectionPlan.objects.filter(child__given_name="Tyler", child__family_name="Williams",
                                               end_date__isnull=True).select_related("child").first())
    if plan is None:
        return False
    ali = staff["sw.ali"]
    with clock.travel_to(_at(ago(100))):
        warm = services.outcome_add(
            actor=ali, plan=plan, what_must_change="Tyler lives in a home that is warm, clean and has food every day",
            by_when=ago(100) + datetime.timedelta(weeks=26),
            how_we_will_know="Unannounced visits find the heating on and food in the cupboards; Tyler tells us he is not hungry",
        )
        school = services.outcome_add(
            actor=ali, plan=plan, what_must_change="Tyler goes to school every day, on time",
            by_when=ago(100) + datetime.timedelta(weeks=12),
            how_we_will_know="Attendance above 95% on the school's weekly report",
        )
        referral = services.action_add(actor=ali, outcome=warm, action="Refer the family to the family support service",
                                       owner_kind="staff", owner_staff=ali, due_on=ago(20))
        budget = services.action_add(actor=ali, outcome=warm, action="Agree a weekly budget with the money advice service",
                                     owner_kind="family", owner_name="Ms Williams (mother)", due_on=ago(10))
        services.action_add(actor=ali, outcome=warm, action="Apply for the household support fund",
                            owner_kind="staff", owner_staff=ali, due_on=today + datetime.timedelta(days=21))
        register = services.action_add(actor=ali, outcome=school, action="Send the attendance register every Friday",
                                       owner_kind="agency", owner_name="Riverside Primary School", due_on=ago(70))
        services.contingency_set(
            actor=ali, plan=plan,
            contingency="If the home is still without heating or food at the next review conference, a legal planning "
                        "meeting decides whether to start pre-proceedings.",
        )
    with clock.travel_to(_at(ago(60), 15)):
        cp.core_group_record(actor=ali, plan=plan, held_on=ago(60), notes="Mother engaging; school reports better attendance.",
                             progress={
                                 referral.pk: (Progress.NOT_STARTED, "Waiting for the service to open its waiting list."),
                                 budget.pk: (Progress.ON_TRACK, "First appointment booked."),
                                 register.pk: (Progress.DONE, "Weekly register set up."),
                             })
    cin_plan = CINPlan.objects.filter(child__given_name="Ayaan", child__family_name="Begum", end_date__isnull=True).first()
    if cin_plan is not None:
        okafor = staff["sw.okafor"]
        with clock.travel_to(_at(cin_plan.start_date)):
            caring = services.outcome_add(
                actor=okafor, plan=cin_plan, what_must_change="Ayaan has time for school and friends as well as caring",
                by_when=cin_plan.start_date + datetime.timedelta(weeks=26),
                how_we_will_know="Ayaan goes to the young carers' club each week and his attendance is back above 90%",
            )
            services.action_add(actor=okafor, outcome=caring, action="Offer Ayaan a place at the young carers' club",
                                owner_kind="agency", owner_name="Carers Hub", due_on=cin_plan.start_date + datetime.timedelta(weeks=4))
    agreement = PlacedWithParents.objects.filter(placement__child__given_name="Kofi", placement__child__family_name="Mensah",
                                                 placement__end_date__isnull=True).first()
    if agreement is not None:
        nowak = staff["sw.nowak"]
        for key, text in (
            ("support", "Weekly family support worker visits; a place at the family centre's parenting group."),
            ("care", "Ms Mensah cares for Kofi day to day, takes him to school and tells the social worker of any move."),
            ("contact", "Kofi sees his father each fortnight at the family centre, supervised."),
            ("visits", "The social worker visits every six weeks and sees Kofi alone."),
        ):
            services.section_set(actor=nowak, plan=agreement, section=key, text=text)
    return True
