"""Management oversight: a key event whose oversight is past its local standard and still not
recorded (oversight.key_events; the due items the oversight provider keeps)."""

from data_quality.checks import TIMESCALE, Check, day, register
from oversight.key_events import RULE_CODES

_CODES = ", ".join(f"'{code}'" for code in RULE_CODES)

register(Check(
    id="OVS-LATE", title="Key event without management oversight", returns=(TIMESCALE,),
    message="No manager’s oversight is recorded for a key event: {detail}.",
    fix="oversight:record", record_type="timescales.dueitem",
    sql=f"SELECT d.person_id, d.id, lower(left(d.trigger_description, 1)) || substr(d.trigger_description, 2) || ', due by ' || {day('d.due_date')} "
        "FROM {due_item} d JOIN kids k ON k.id = d.person_id "
        f"WHERE d.rule_code IN ({_CODES}) AND d.completed_at IS NULL AND d.due_date < %(as_of)s",
))
