"""Helpers that record an inspection and its plan through the services, for tests, the demo,
the generator and the bench."""

from __future__ import annotations

import datetime

from improvement import services
from improvement.choices import InspectionKind, JudgementArea

GRADES = {
    JudgementArea.OVERALL: 3,
    JudgementArea.HELP_AND_PROTECTION: 3,
    JudgementArea.IN_CARE: 2,
    JudgementArea.CARE_LEAVERS: 3,
    JudgementArea.LEADERS: 3,
}
RECOMMENDATIONS = [
    (
        JudgementArea.HELP_AND_PROTECTION,
        "The timeliness and quality of management oversight of children in need "
        "and of children on child protection plans.",
    ),
    (JudgementArea.CARE_LEAVERS, "The range of suitable accommodation for care leavers aged 18 to 21."),
    (JudgementArea.LEADERS, "The accuracy of the performance data leaders use to understand the quality of practice."),
]


def inspection_with_plan(
    *,
    actor,
    owner,
    started_on: datetime.date,
    report_published_on: datetime.date | None,
    recommendations=RECOMMENDATIONS,
    kind=InspectionKind.STANDARD,
):
    inspection = services.inspection_record(
        actor=actor,
        kind=kind,
        started_on=started_on,
        ended_on=started_on + datetime.timedelta(days=11),
        report_published_on=report_published_on,
        grades={area.value: grade for area, grade in GRADES.items()},
    )
    added = [
        services.recommendation_add(actor=actor, inspection=inspection, text=text, area=area)
        for area, text in recommendations
    ]
    plan = services.plan_start(actor=actor, inspection=inspection, owner=owner)
    return inspection, plan, added
