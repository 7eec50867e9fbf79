"""Care leaver steps through the services."""

import datetime

from care_leavers import services

D = datetime.date


def make_care_leaver(
    actor, person, category="relevant", category_since=D(2025, 3, 1), eligible_from=D(2024, 9, 10), **kw
):
    return services.care_leaver_start(
        actor=actor, person=person, category=category, category_since=category_since, eligible_from=eligible_from, **kw
    )


def make_plan(actor, care_leaver, started_on, assessed_on=None):
    services.needs_assessment_record(actor=actor, care_leaver=care_leaver, completed_on=assessed_on or started_on)
    return services.pathway_plan_record(actor=actor, care_leaver=care_leaver, started_on=started_on)


def in_touch(actor, care_leaver, contact_on, **overrides):
    values = {"in_touch": "YES", "accommodation": "D1", "activity": "F2"}
    return services.keeping_in_touch_record(
        actor=actor, care_leaver=care_leaver, contact_on=contact_on, **(values | overrides)
    )
