"""Management oversight: a key event whose oversight is past its local standard and still not
recorded (oversight.key_events; the due items the oversight provider keeps); and an open child
(allocated to a worker) whose case has not been discussed in supervision within the local
standard `case_supervision`, counted from the last case discussion or, with none, from the
allocation (the same rule as the oversight figures, performance.oversight)."""

from data_quality.checks import TIMESCALE, Check, day, register
from oversight.key_events import RULE_CODES

_CODES = ", ".join(f"'{code}'" for code in RULE_CODES)

register(
    Check(
        id="OVS-LATE",
        title="Key event without management oversight",
        returns=(TIMESCALE,),
        message="No manager’s oversight is recorded for a key event: {detail}.",
        fix="oversight:record",
        record_type="timescales.dueitem",
        sql=f"SELECT d.person_id, d.id, lower(left(d.trigger_description, 1)) || substr(d.trigger_description, 2) || ', due by ' || {day('d.due_date')} "
        "FROM {due_item} d JOIN kids k ON k.id = d.person_id "
        f"WHERE d.rule_code IN ({_CODES}) AND d.completed_at IS NULL AND d.due_date < %(as_of)s",
    )
)

register(
    Check(
        id="CSV-LATE",
        title="Open child with no case supervision within the standard",
        returns=(TIMESCALE,),
        message="The child's case has not been discussed in supervision within the local standard: {detail}.",
        fix="supervision_record:record",
        record_type="casework.allocation",
        windows=("case_supervision",),
        sql="SELECT a.child_id, a.id, coalesce('last discussed ' || " + day("c.last_held") + ", "
        "'not discussed since allocated on ' || " + day("a.start_date") + ") "
        "FROM {allocation} a JOIN kids k ON k.id = a.child_id "
        "LEFT JOIN LATERAL (SELECT max(s.held_on) AS last_held FROM {case_discussion} d "
        "JOIN {supervision_session} s ON s.id = d.session_id WHERE d.child_id = a.child_id) c ON TRUE "
        "WHERE a.end_date IS NULL AND a.worker_id IS NOT NULL "
        "AND coalesce(c.last_held, a.start_date) < %(since_case_supervision)s",
    )
)
