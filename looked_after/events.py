"""Chronology event types for children looked after. Imported by LookedAfterConfig.ready()."""

from casework.chronology import register, register_category

register_category("looked_after", "Looked after")
register_category("health", "Health and education")
register_category("missing", "Missing episodes")


def _placement(d: dict) -> str:
    if not d.get("placement"):
        return ""
    carer = f" ({d['carer']})" if d.get("carer") else ""
    return f" Placement: {d.get('placement_type')}, {d['placement']}{carer}."


def _change(d: dict) -> str:
    text = f"{d.get('reason', 'Change')}."
    if d.get("legal_status"):
        text += f" Legal status: {d['legal_status']}, {d.get('legal_status_label', '')}."
    text += _placement(d)
    if d.get("reason_place_change"):
        text += f" Reason for the change of placement: {d['reason_place_change'].lower()}."
    return text


register(
    "looked_after.started",
    "Became looked after",
    "looked_after",
    lambda d: (
        f"Started to be looked after. Legal status: {d.get('legal_status')}, {d.get('legal_status_label', '')}."
        + _placement(d)
    ),
    significant=True,
)
register(
    "looked_after.episode_changed", "Change of legal status or placement", "looked_after", _change, significant=True
)
register(
    "looked_after.ended",
    "Ceased to be looked after",
    "looked_after",
    lambda d: f"Ceased to be looked after: {d.get('reason', '')} ({d.get('reason_ceased', '')}).",
    significant=True,
)
register(
    "looked_after.uasc",
    "UASC status",
    "looked_after",
    lambda d: (
        f"Unaccompanied asylum-seeking child from {d.get('uasc_from')}."
        + (f" Status ceased on {d['ceased_on']}." if d.get("ceased_on") else "")
    ),
)
register(
    "looked_after.pwp_agreement",
    "Placed with parents agreement",
    "looked_after",
    lambda d: (
        f"Placement with parents agreement {'recorded' if d.get('created') else 'updated'}: placed with "
        f"{d.get('parent_name')}."
        + (
            f" Target date to apply for discharge: {d['discharge_target_date']}."
            if d.get("discharge_target_date")
            else ""
        )
    ),
)
register(
    "looked_after.corrected",
    "Record corrected",
    "looked_after",
    lambda d: (
        f"Correction to {d.get('what', 'the record')}: {'; '.join(d.get('changes', []))}. Reason: {d.get('reason', '')}"
    ),
)
register("looked_after.iro_assigned", "IRO appointed", "looked_after", lambda d: f"{d.get('iro')} appointed as IRO.")
register(
    "looked_after.iro_contact",
    "IRO contact",
    "looked_after",
    lambda d: f"IRO contact ({d.get('method', '').lower()}): {d.get('iro')}.",
)
register(
    "looked_after.review_held",
    "Looked-after review",
    "looked_after",
    lambda d: (
        "Looked-after review"
        + (f" chaired by {d['chair']}" if d.get("chair") else "")
        + f". Participation: {d.get('participation')}, {d.get('participation_label', '')}."
    ),
    significant=True,
)
register(
    "looked_after.review_action",
    "Review action",
    "looked_after",
    lambda d: f"Review action for {d.get('owner')}, due by {d.get('due_date')}: {d.get('action')}",
)
register(
    "looked_after.review_action_done",
    "Review action done",
    "looked_after",
    lambda d: f"Review action done: {d.get('action')}",
)
register("looked_after.care_plan", "Care plan agreed", "looked_after", lambda d: "Care plan agreed.")

register("health.check", "Health check", "health", lambda d: f"{d.get('kind')}.")
register(
    "health.immunisations",
    "Immunisations checked",
    "health",
    lambda d: "Immunisations up to date." if d.get("up_to_date") else "Immunisations not up to date.",
)
register(
    "health.sdq",
    "Strengths and difficulties questionnaire",
    "health",
    lambda d: (
        f"SDQ score {d['score']}." if d.get("score") is not None else f"SDQ: no score ({d.get('reason', '').lower()})."
    ),
)
register(
    "health.substance_misuse",
    "Substance misuse identified",
    "health",
    lambda d: (
        "Substance misuse identified. Intervention "
        + ("offered and received." if d.get("received") else "offered." if d.get("offered") else "not offered.")
    ),
)
register("health.conviction", "Conviction", "health", lambda d: "Convicted, or given a final warning or reprimand.")
register("education.pep", "Personal education plan", "health", lambda d: "Personal education plan meeting.")
register("education.school", "School", "health", lambda d: f"Started at {d.get('school')}.")

register(
    "missing.started",
    "Went missing",
    "missing",
    lambda d: f"{d.get('kind_label', 'Missing')}." + (" Reported to the police." if d.get("police") else ""),
    significant=True,
)
register(
    "missing.returned",
    "Returned",
    "missing",
    lambda d: f"Returned after {d.get('hours')} hours ({d.get('kind_label', '').lower()}).",
    significant=True,
)
register(
    "missing.return_interview",
    "Return home interview",
    "missing",
    lambda d: (
        "Return home interview offered and accepted."
        if d.get("accepted")
        else "Return home interview offered and declined."
    ),
)
register(
    "looked_after.dolo_started",
    "Deprivation of liberty order made",
    "looked_after",
    lambda d: "Deprivation of liberty order made" + (f" by {d['court']}." if d.get("court") else "."),
    significant=True,
)
register(
    "looked_after.dolo_ended",
    "Deprivation of liberty order ended",
    "looked_after",
    lambda d: "Deprivation of liberty order ended.",
    significant=True,
)
