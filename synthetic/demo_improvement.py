"""The demo's inspection and improvement plan, recorded through the services with the clock moved
to the day each thing happened:

- An ILACS standard inspection on site about five months ago, its report published a fortnight
  after: requires improvement overall, good for children in care. Recorded by Farah Rahman (QA).
- Its improvement plan, owned by Gareth Morgan (senior leader), with actions for each of the
  three recommendations, linked to the indicators and audit themes that evidence them: one done
  (blue), one on track (green), one due within the amber window, and two overdue (red, one owned
  by Joanne Wright and one by Fiona Campbell), so they show in their owners' trays and on Gareth
  Morgan's pages.

Idempotent: it does nothing when an inspection is already there.
"""

import datetime

from django.utils import timezone

from core import clock
from improvement import services
from improvement.models import Inspection
from improvement.testing import inspection_with_plan


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def load_demo_improvement(staff: dict) -> bool:
    if Inspection.objects.exists():
        return False
    qa, morgan = staff["qa.rahman"], staff["sl.morgan"]
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    with clock.travel_to(_at(ago(140))):
        _, plan, (oversight, accommodation, data) = inspection_with_plan(
            actor=qa, owner=morgan, started_on=ago(154), report_published_on=ago(140)
        )
    actions = [
        # (recommendation, description, owner, due, indicators, themes, done)
        (
            oversight,
            "Every child in need and child protection plan has a recorded manager's oversight at each key "
            "event: a weekly dip sample by each team manager",
            "tm.hughes",
            ago(60),
            ["cp_visits_in_time", "cpp_reviews_in_time"],
            ["oversight"],
            ago(70),
        ),
        (
            oversight,
            "Refresh the supervision policy and train every team manager in reflective case supervision",
            "tm.wright",
            ago(10),
            [],
            ["oversight", "planning"],
            None,
        ),
        (
            accommodation,
            "Commission twelve more supported lodgings places for care leavers aged 18 to 21",
            "sm.campbell",
            ago(3),
            ["care_leavers_suitable_accommodation_19_21"],
            [],
            None,
        ),
        (
            accommodation,
            "Every care leaver's pathway plan names their accommodation and a contingency",
            "pa.adeyemi",
            today + datetime.timedelta(days=7),
            ["care_leavers_suitable_accommodation_17_18"],
            ["planning"],
            None,
        ),
        (
            data,
            "Publish the monthly performance pack from the live indicators, with the children behind each figure",
            "qa.rahman",
            today + datetime.timedelta(days=60),
            ["rereferrals_12m", "assessments_45wd"],
            ["recording"],
            None,
        ),
    ]
    with clock.travel_to(_at(ago(130))):
        added = [
            (
                services.action_add(
                    actor=qa,
                    recommendation=rec,
                    description=text,
                    owner=staff[owner],
                    due_on=due,
                    indicators=indicators,
                    audit_themes=themes,
                ),
                done,
            )
            for rec, text, owner, due, indicators, themes, done in actions
        ]
    for action, done in added:
        if done is not None:
            with clock.travel_to(_at(done, 15)):
                services.action_update(
                    actor=action.owner,
                    action=action,
                    status="done",
                    done_on=done,
                    progress="Dip samples run weekly since; the audit in the spring found "
                    "oversight recorded on most cases.",
                )
    with clock.travel_to(_at(ago(40))):
        late = added[1][0]
        services.action_update(
            actor=late.owner,
            action=late,
            status="in_progress",
            done_on=None,
            progress="Policy drafted; training booked for two of the four teams.",
        )
    return True
