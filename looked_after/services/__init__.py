"""Writes for children looked after. Each is one transaction: the change, its chronology event,
and the child's due items brought up to date. Import them from here:

    from looked_after import services
    services.episode_change(actor=..., child=..., change_date=..., legal_status="C2")
"""

from looked_after.services.corrections import episode_correct, period_end_correct, placement_correct
from looked_after.services.episodes import PlacementDetails, episode_change, period_end, period_start, uasc_record
from looked_after.services.health import (
    conviction_record,
    health_check_record,
    immunisation_record,
    pep_record,
    school_change,
    sdq_record,
    substance_misuse_record,
)
from looked_after.services.liberty import dolo_end, dolo_start
from looked_after.services.missing import missing_return, missing_start, return_interview_record
from looked_after.services.reviews import (
    care_plan_record,
    iro_assign,
    iro_contact_record,
    pwp_agreement_record,
    review_action_add,
    review_action_complete,
    review_record,
)

__all__ = [
    "PlacementDetails",
    "care_plan_record",
    "conviction_record",
    "dolo_end",
    "dolo_start",
    "episode_change",
    "episode_correct",
    "health_check_record",
    "immunisation_record",
    "iro_assign",
    "iro_contact_record",
    "missing_return",
    "missing_start",
    "pep_record",
    "placement_correct",
    "period_end",
    "period_end_correct",
    "period_start",
    "pwp_agreement_record",
    "return_interview_record",
    "review_action_add",
    "review_action_complete",
    "review_record",
    "school_change",
    "sdq_record",
    "substance_misuse_record",
    "uasc_record",
]
