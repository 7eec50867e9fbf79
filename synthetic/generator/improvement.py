"""An inspection and its improvement plan for a generated authority, written in bulk: an ILACS
standard inspection about ten months ago (report published two weeks after the visit), its
judgements, six recommendations and their actions owned by the authority's leaders, managers and
QA officers. Actions due in the past are mostly done (some late), a share overdue and not done
(red, in their owners' trays and on the plan owner's page), the rest in progress, some within the
amber window. Plain values from one seeded random source: the same seed gives the same plan."""

from __future__ import annotations

import datetime
import random
from collections import Counter

from audits.choices import Theme
from improvement.choices import ActionStatus, InspectionKind, JudgementArea
from improvement.models import Action, ImprovementPlan, Inspection, Judgement, Recommendation
from improvement.testing import GRADES
from workforce.models import User
from workforce.roles import Role

RECOMMENDATIONS = [
    (
        JudgementArea.HELP_AND_PROTECTION,
        "The quality and timeliness of assessments and plans for children in need.",
        ["assessments_45wd", "rereferrals_12m"],
    ),
    (
        JudgementArea.HELP_AND_PROTECTION,
        "Management oversight and supervision that drive children's plans.",
        ["cp_visits_in_time", "cpp_reviews_in_time"],
    ),
    (
        JudgementArea.IN_CARE,
        "Placement stability and sufficiency for children in care.",
        ["cla_3plus_placements", "cla_long_term_stability"],
    ),
    (
        JudgementArea.IN_CARE,
        "The timeliness of return home interviews after a child goes missing.",
        ["missing_rhi_72h"],
    ),
    (
        JudgementArea.CARE_LEAVERS,
        "Suitable accommodation and education, employment or training for care leavers.",
        ["care_leavers_eet_19_21", "care_leavers_suitable_accommodation_19_21"],
    ),
    (JudgementArea.LEADERS, "The accuracy and use of performance data by leaders and managers.", ["caseload_average"]),
]
ACTIONS = [
    "Weekly dip sample of open cases by each team manager",
    "Refresh the practice standard and brief every team",
    "Monthly performance clinic for the service with the children behind each figure",
    "Commission more local placements",
    "Train managers in reflective supervision",
    "Re-audit the cases graded below good",
    "Report progress to the improvement board",
    "Agree a joint protocol with partners",
]
ACTIONS_PER_RECOMMENDATION = (5, len(ACTIONS))  # never more than there are to draw


def generate_improvement(seed: int, today: datetime.date) -> Counter:
    rng = random.Random(f"improvement-{seed}")
    leaders = list(User.objects.filter(role=Role.SENIOR_LEADER).order_by("pk").values_list("pk", flat=True))
    owners = list(
        User.objects.filter(
            role__in=[
                Role.SENIOR_LEADER,
                Role.QA_OFFICER,
                Role.TEAM_MANAGER,
                Role.SERVICE_MANAGER,
                Role.HEAD_OF_SERVICE,
            ]
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    recorder = User.objects.filter(role__in=[Role.QA_OFFICER, Role.SENIOR_LEADER]).order_by("pk").first()
    if not leaders or not owners or recorder is None:
        return Counter()
    started = today - datetime.timedelta(days=300)
    published = started + datetime.timedelta(days=25)
    inspection = Inspection.objects.create(
        kind=InspectionKind.STANDARD,
        started_on=started,
        ended_on=started + datetime.timedelta(days=11),
        report_published_on=published,
        recorded_by=recorder,
    )
    Judgement.objects.bulk_create(
        [Judgement(inspection=inspection, area=area, grade=grade) for area, grade in GRADES.items()]
    )
    recommendations = Recommendation.objects.bulk_create(
        [
            Recommendation(inspection=inspection, number=n, text=text, area=area, recorded_by=recorder)
            for n, (area, text, _) in enumerate(RECOMMENDATIONS, start=1)
        ]
    )
    plan = ImprovementPlan.objects.create(
        inspection=inspection,
        owner_id=rng.choice(leaders),
        recorded_by=recorder,
        sent_on=published + datetime.timedelta(days=90),
    )
    actions = []
    for recommendation, (_, _, indicators) in zip(recommendations, RECOMMENDATIONS, strict=True):
        for text in rng.sample(ACTIONS, rng.randint(*ACTIONS_PER_RECOMMENDATION)):
            due = published + datetime.timedelta(days=rng.randint(30, 420))
            status, done_on = ActionStatus.IN_PROGRESS, None
            if due < today and rng.random() < 0.75 or due >= today and rng.random() < 0.2:
                status = ActionStatus.DONE
                done_on = min(today, due + datetime.timedelta(days=rng.randint(-30, 10)))
            elif due >= today and rng.random() < 0.3:
                status = ActionStatus.NOT_STARTED
            actions.append(
                Action(
                    recommendation=recommendation,
                    plan=plan,
                    description=text,
                    owner_id=rng.choice(owners),
                    due_on=due,
                    status=status,
                    done_on=done_on,
                    indicators=rng.sample(indicators, rng.randint(0, len(indicators))),
                    audit_themes=rng.sample(Theme.values, rng.randint(0, 2)),
                    recorded_by=recorder,
                    progress="On track at the last improvement board." if status != ActionStatus.NOT_STARTED else "",
                )
            )
    Action.objects.bulk_create(actions)
    return Counter({"inspections": 1, "improvement plan actions": len(actions)})
