"""Checks on the child's own details, for the children in this year's CIN census or SSDA903."""

from data_quality.checks import CIN, HEALTH, SSDA903, Check, day, register

PERSON = "people.person"
DETAILS = "people:details"

register(
    Check(
        id="4180",
        title="Sex not recorded",
        returns=(CIN, SSDA903),
        message="Sex is not recorded. Record male, female or, if it is not known, unknown (CIN rule 4180, SSDA903 rule 101).",
        fix=DETAILS,
        record_type=PERSON,
        sql="SELECT k.id AS child_id, k.id AS record_id, '' AS detail FROM returned k WHERE (k.in_cin OR k.in_lac) AND k.sex = ''",
    )
)

register(
    Check(
        id="4220",
        title="Ethnicity not recorded",
        returns=(CIN, SSDA903),
        message="Ethnicity is not recorded. Record it, or ‘Information not yet obtained’ or ‘Refused’ "
        "(CIN rule 4220, SSDA903 rule 103).",
        fix=DETAILS,
        record_type=PERSON,
        sql="SELECT k.id, k.id, '' FROM returned k WHERE (k.in_cin OR k.in_lac) AND k.ethnicity = ''",
    )
)

register(
    Check(
        id="8525Q",
        title="No date of birth",
        returns=(CIN, SSDA903),
        message="Neither a date of birth nor an expected date of birth is recorded.",
        fix=DETAILS,
        record_type=PERSON,
        sql="SELECT k.id, k.id, '' FROM returned k WHERE (k.in_cin OR k.in_lac) "
        "AND k.date_of_birth IS NULL AND k.expected_date_of_birth IS NULL",
    )
)

register(
    Check(
        # Local: the returns carry the date as recorded, so an estimate recorded at the front door
        # (issue 13) is listed until someone confirms or corrects it.
        id="DOB-EST",
        title="Date of birth is an estimate",
        returns=(CIN, SSDA903),
        message="The date of birth was recorded as an estimate. Confirm or correct it on the child’s personal details.",
        fix=DETAILS,
        record_type=PERSON,
        sql="SELECT k.id, k.id, '' FROM returned k WHERE (k.in_cin OR k.in_lac) AND k.date_of_birth_estimated",
    )
)

register(
    Check(
        id="8750",
        title="Unborn child's sex not ‘unknown’",
        returns=(CIN,),
        message="This child is not born yet, so their sex must be recorded as unknown.",
        fix=DETAILS,
        record_type=PERSON,
        sql="SELECT k.id, k.id, '' FROM returned k WHERE k.in_cin AND k.date_of_birth IS NULL "
        "AND k.expected_date_of_birth IS NOT NULL AND k.sex IN ('M', 'F')",
    )
)

register(
    Check(
        id="8540",
        title="Disability not recorded",
        returns=(CIN,),
        message="Disability is not recorded. Record each disability, or ‘No disability’.",
        fix=DETAILS,
        record_type=PERSON,
        sql="SELECT k.id, k.id, '' FROM returned k WHERE k.in_cin AND cardinality(k.disabilities) = 0",
    )
)

register(
    Check(
        id="8770Q",
        title="No UPN for a school-age child",
        returns=(CIN, SSDA903),
        message="No unique pupil number for a child of school age ({detail}). Record the UPN, or why it is not "
        "known (UN1 is only for children under 6) (CIN rule 8770Q, SSDA903 rules 209 and 442).",
        fix=DETAILS,
        record_type=PERSON,
        sql="SELECT k.id, k.id, 'aged ' || k.age FROM returned k WHERE (k.in_cin OR k.in_lac) "
        "AND k.age BETWEEN 6 AND 15 AND k.upn = '' AND k.upn_unknown_reason IN ('', 'UN1')",
    )
)

# SSDA903 rule 442: every looked-after child (but those only on short breaks, V3 and V4) has a
# UPN or the reason there is none, whatever their age. School-age children are 8770Q's, which
# asks more (no UN1 either); this is the rest, so one child is never told the same thing twice.
register(
    Check(
        id="442",
        title="No UPN or reason for a looked-after child",
        returns=(SSDA903,),
        message="Neither a unique pupil number nor the reason there is none is recorded for a looked-after child "
        "({detail}). Record the UPN, or why it is not known (SSDA903 rule 442).",
        fix=DETAILS,
        record_type=PERSON,
        sql="SELECT k.id, k.id, 'aged ' || k.age FROM returned k WHERE k.in_lac AND k.upn = '' AND k.upn_unknown_reason = '' "
        "AND NOT coalesce(k.age BETWEEN 6 AND 15, false) "
        "AND EXISTS (SELECT 1 FROM {episode} e WHERE e.child_id = k.id AND e.legal_status NOT IN ('V3', 'V4') "
        "AND e.start_date <= %(as_of)s AND (e.end_date IS NULL OR e.end_date >= %(start)s))",
    )
)

register(
    Check(
        id="8585Q",
        title="Closed as ‘died’ with no date of death",
        returns=(CIN,),
        message="The child in need episode was closed on {detail} because the child died, but no date of death is recorded.",
        fix=DETAILS,
        record_type="children_in_need.cinepisode",
        sql=f"SELECT e.child_id, e.id, {day('e.end_date')} FROM {{cin_episode}} e JOIN kids k ON k.id = e.child_id "
        "WHERE e.closure_reason = 'RC2' AND k.date_of_death IS NULL AND e.end_date BETWEEN %(start)s AND %(as_of)s",
    )
)

# The NHS number's tenth digit checks the other nine (modulus 11): a wrong one will not match the
# child's health records. Checked for every child with one, in a return or not.
_NHS_CHECK = "(11 - (SELECT sum(substr(k.nhs_number, i, 1)::int * (11 - i)) FROM generate_series(1, 9) AS i) % 11) % 11"

register(
    Check(
        id="NHS",
        title="NHS number not valid",
        returns=(HEALTH,),
        message="The NHS number {detail} is not valid: its last digit does not match the others. Check it with health.",
        fix=DETAILS,
        record_type=PERSON,
        # CASE, not OR: PostgreSQL may evaluate either side of an OR first, and the digits are cast.
        sql="SELECT k.id, k.id, k.nhs_number FROM kids k WHERE k.nhs_number <> '' AND CASE "
        "WHEN k.nhs_number !~ '^[0-9]{{10}}$' THEN true "
        "ELSE " + _NHS_CHECK.replace("%", "%%") + " <> right(k.nhs_number, 1)::int END",
    )
)
