"""Checks on the looked-after and care-leaver record, for this year's SSDA903 (and Annex A).

Most are about what has not happened yet: the OC2 items for a child looked after for 12 months,
the care leaver's OC3 contact, a return interview. The record cannot refuse those at a save; it
can show them the day they become due.
"""

from data_quality.checks import ANNEX_A, SSDA903, TIMESCALE, Check, day, register

PERSON = "people.person"
LOOKED_AFTER = "looked_after:record"


def _oc2_missing(table: str, condition: str) -> str:
    """Children looked after for the 12 months to the reference date with no `table` row in them."""
    return (
        "SELECT k.id, k.id, 'aged ' || k.age FROM returned k JOIN lac12 l ON l.child_id = k.id "
        f"WHERE NOT EXISTS (SELECT 1 FROM {{{table}}} x WHERE x.child_id = k.id AND {condition})"
    )


register(
    Check(
        id="186",
        title="No SDQ for a child looked after 12 months",
        returns=(SSDA903,),
        message="No strengths and difficulties questionnaire (a score, or the reason there is none) in the last 12 months "
        "for a child {detail} looked after for 12 months or more (SSDA903 rule 186).",
        fix="looked_after:sdq_new",
        record_type=PERSON,
        sql=_oc2_missing("sdq", "x.completed_on > %(year_ago)s AND x.completed_on <= %(as_of)s")
        + " AND k.age BETWEEN 4 AND 16",
    )
)

register(
    Check(
        id="191-HA",
        title="No health assessment in 12 months",
        returns=(SSDA903,),
        message="No health assessment in the last 12 months for a child looked after for 12 months or more "
        "(SSDA903 OC2, rule 191).",
        fix="looked_after:health_check_new",
        record_type=PERSON,
        sql=_oc2_missing("health", "x.kind IN ('iha', 'rha') AND x.done_on > %(year_ago)s AND x.done_on <= %(as_of)s"),
    )
)

register(
    Check(
        id="191-TEETH",
        title="No dental check in 12 months",
        returns=(SSDA903,),
        message="No dental check in the last 12 months for a child looked after for 12 months or more (SSDA903 OC2, rule 191).",
        fix="looked_after:health_check_new",
        record_type=PERSON,
        sql=_oc2_missing("health", "x.kind = 'dental' AND x.done_on > %(year_ago)s AND x.done_on <= %(as_of)s"),
    )
)

register(
    Check(
        id="191-IMMS",
        title="Immunisations not checked in 12 months",
        returns=(SSDA903,),
        message="Whether immunisations are up to date has not been recorded in the last 12 months for a child looked after "
        "for 12 months or more (SSDA903 OC2, rule 191).",
        fix="looked_after:immunisation_new",
        record_type=PERSON,
        sql=_oc2_missing("imms", "x.checked_on > %(year_ago)s AND x.checked_on <= %(as_of)s"),
    )
)

register(
    Check(
        id="392b",
        title="Placement without a postcode",
        returns=(SSDA903,),
        message="The placement from {detail} has no placement postcode (SSDA903 rule 392b).",
        fix=LOOKED_AFTER,
        record_type="looked_after.placement",
        sql=f"SELECT p.child_id, p.id, {day('p.start_date')} FROM {{placement}} p JOIN kids k ON k.id = p.child_id "
        "WHERE p.start_date <= %(as_of)s AND (p.end_date IS NULL OR p.end_date >= %(start)s) AND trim(p.postcode) = ''",
    )
)

register(
    Check(
        id="577",
        title="Left care while missing",
        returns=(SSDA903,),
        message="The child ceased to be looked after on {detail}, but the missing episode from then has no return recorded "
        "(SSDA903 rule 577).",
        fix="looked_after:missing",
        record_type="looked_after.missingepisode",
        sql=f"SELECT m.child_id, m.id, {day('c.end_date')} FROM {{missing}} m JOIN kids k ON k.id = m.child_id "
        "JOIN {period} c ON c.id = m.period_id "
        "WHERE m.returned_at IS NULL AND c.end_date BETWEEN %(start)s AND %(as_of)s",
    )
)

register(
    Check(
        id="RHI",
        title="No return home interview recorded",
        returns=(ANNEX_A,),
        message="The child came back from a missing episode on {detail} and no return home interview offer is recorded.",
        fix="looked_after:return_interview_new",
        fix_args=("child", "record"),
        record_type="looked_after.missingepisode",
        sql=f"SELECT m.child_id, m.id, {day('m.returned_at')} FROM {{missing}} m JOIN kids k ON k.id = m.child_id "
        "WHERE m.period_id IS NOT NULL AND m.returned_at IS NOT NULL "
        "AND m.returned_at >= %(start)s AND m.returned_at <= %(now)s - interval '72 hours' "
        "AND NOT EXISTS (SELECT 1 FROM {rhi} r WHERE r.missing_episode_id = m.id)",
    )
)

register(
    Check(
        id="345",
        title="In touch, but no activity or accommodation",
        returns=(SSDA903,),
        message="The keeping-in-touch record of {detail} says the young person is in touch but does not say their "
        "accommodation and main activity (SSDA903 rule 345).",
        fix="care_leavers:record",
        record_type="care_leavers.keepingintouch",
        sql=f"SELECT c.person_id, t.id, {day('t.contact_on')} FROM {{kit}} t JOIN {{care_leaver}} c ON c.id = t.care_leaver_id "
        "JOIN kids k ON k.id = c.person_id "
        "WHERE t.in_touch = 'YES' AND (t.accommodation = '' OR t.activity = '') "
        "AND t.contact_on BETWEEN %(start)s AND %(as_of)s",
    )
)

# OC3 is returned for care leavers whose 17th to 21st birthday falls in the year. A month after
# the birthday, a year with no keeping-in-touch record leaves IN_TOUCH blank (rule 131).
_BIRTHDAY = (
    "(k.date_of_birth + make_interval(years => date_part('year', age(%(as_of)s::date, k.date_of_birth))::int))::date"
)

register(
    Check(
        id="131",
        title="Care leaver's birthday contact not recorded",
        returns=(SSDA903,),
        message="No keeping-in-touch record this year for a care leaver whose birthday was on {detail} "
        "(SSDA903 OC3, rule 131).",
        fix="care_leavers:contact_new",
        record_type="care_leavers.careleaver",
        sql=f"SELECT k.id, c.id, {day(_BIRTHDAY)} FROM {{care_leaver}} c JOIN returned k ON k.id = c.person_id "
        "WHERE c.category IN ('relevant', 'former_relevant') AND k.age BETWEEN 17 AND 21 "
        f"AND {_BIRTHDAY} >= %(year_start)s AND {_BIRTHDAY} <= (%(as_of)s::date - interval '1 month') "
        f"AND (c.ended_on IS NULL OR c.ended_on >= {_BIRTHDAY}) "
        "AND NOT EXISTS (SELECT 1 FROM {kit} t WHERE t.care_leaver_id = c.id "
        "AND t.contact_on BETWEEN %(year_start)s AND %(as_of)s)",
    )
)

# CPPCR reg 33: the second review within 3 months of the first, then at most 6 months apart. A
# gap means a review was missed or not recorded; the later review is the record it is about.
register(
    Check(
        id="LAR-GAP",
        title="Looked-after reviews too far apart",
        returns=(TIMESCALE, ANNEX_A),
        message="The looked-after review on {detail} was held too long after the one before (the second review is due "
        "within 3 months of the first, later ones within 6 months): a review is missing or was not recorded.",
        fix=LOOKED_AFTER,
        record_type="looked_after.lareview",
        sql=f"SELECT r.child_id, r.id, {day('r.held_on')} FROM ("
        "SELECT v.child_id, v.id, v.held_on, lag(v.held_on) OVER w AS before, row_number() OVER w AS n "
        "FROM {review} v JOIN kids k ON k.id = v.child_id WINDOW w AS (PARTITION BY v.period_id ORDER BY v.held_on, v.id)"
        ") r WHERE r.n > 1 AND r.held_on BETWEEN %(start)s AND %(as_of)s "
        "AND r.held_on > r.before + CASE WHEN r.n = 2 THEN interval '3 months' ELSE interval '6 months' END",
    )
)
