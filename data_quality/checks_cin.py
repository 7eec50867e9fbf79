"""Checks on the help-and-protection record, for this year's CIN census.

The services already refuse most of what the census rules forbid (an episode closed without a
reason, a second open plan, a plan before its referral); these are what they cannot refuse at
the moment of saving, or what arrives from another system.
"""

from data_quality.checks import CIN, Check, day, register

JOURNEY = "children_in_need:journey"

register(
    Check(
        id="8825Q",
        title="Closed after assessment, but no assessment",
        returns=(CIN,),
        message="The child in need episode closed on {detail} as ‘case closed after assessment’ (RC8 or RC9), "
        "but the episode has no assessment.",
        fix=JOURNEY,
        record_type="children_in_need.cinepisode",
        sql=f"SELECT e.child_id, e.id, {day('e.end_date')} FROM {{cin_episode}} e JOIN kids k ON k.id = e.child_id "
        "WHERE e.closure_reason IN ('RC8', 'RC9') AND e.end_date BETWEEN %(start)s AND %(as_of)s "
        "AND NOT EXISTS (SELECT 1 FROM {assessment} a WHERE a.episode_id = e.id)",
    )
)

register(
    Check(
        id="8897Q",
        title="Assessment authorised without factors",
        returns=(CIN,),
        message="The assessment authorised on {detail} has no factors identified. Record the factors, or "
        "‘No factors identified’.",
        fix="assessments:detail",
        fix_args=("child", "record"),
        record_type="assessments.assessment",
        sql=f"SELECT a.child_id, a.id, {day('a.authorised_on')} FROM {{assessment}} a JOIN kids k ON k.id = a.child_id "
        "WHERE a.status = 'authorised' AND a.authorised_on BETWEEN %(start)s AND %(as_of)s "
        "AND cardinality(a.factors) = 0",
    )
)

register(
    Check(
        id="8867",
        title="Episode closed with an assessment unfinished",
        returns=(CIN,),
        message="The child in need episode closed on {detail}, but an assessment in it was never authorised.",
        fix=JOURNEY,
        record_type="children_in_need.cinepisode",
        sql=f"SELECT e.child_id, e.id, {day('e.end_date')} FROM {{cin_episode}} e JOIN kids k ON k.id = e.child_id "
        "WHERE e.end_date BETWEEN %(start)s AND %(as_of)s "
        "AND EXISTS (SELECT 1 FROM {assessment} a WHERE a.episode_id = e.id AND a.status <> 'authorised')",
    )
)

register(
    Check(
        id="8868",
        title="Episode closed with a section 47 enquiry open",
        returns=(CIN,),
        message="The child in need episode closed on {detail}, but a section 47 enquiry in it was never concluded.",
        fix=JOURNEY,
        record_type="children_in_need.cinepisode",
        sql=f"SELECT e.child_id, e.id, {day('e.end_date')} FROM {{cin_episode}} e JOIN kids k ON k.id = e.child_id "
        "WHERE e.end_date BETWEEN %(start)s AND %(as_of)s "
        "AND EXISTS (SELECT 1 FROM {s47} s WHERE s.episode_id = e.id AND s.end_date IS NULL)",
    )
)

register(
    Check(
        id="8905",
        title="Child protection plan without a category",
        returns=(CIN,),
        message="The child protection plan from {detail} has no category of abuse (initial or latest).",
        fix=JOURNEY,
        record_type="child_protection.childprotectionplan",
        sql=f"SELECT c.child_id, c.id, {day('c.start_date')} FROM {{cp_plan}} c JOIN kids k ON k.id = c.child_id "
        "WHERE c.start_date <= %(as_of)s AND (c.end_date IS NULL OR c.end_date >= %(start)s) "
        "AND (c.initial_category = '' OR c.latest_category = '')",
    )
)
