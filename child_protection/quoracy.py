"""Whether a conference was quorate, worked out from who contributed, with the reason in words.

Working Together to Safeguard Children 2023 (chapter 2, initial child protection conferences;
DOMAIN.md): a conference is quorate when children's social care and at least two other agencies
who have had direct contact with the child or family attend or contribute, usually the police and
health. Agencies are counted, not people: a GP and a health visitor are both health. An agency
contributes when it attended, or sent its report (apologies with a report, or a report received).
"""

from __future__ import annotations

from dataclasses import dataclass

from child_protection.choices import Attendance, InviteeAgency

OTHER_AGENCIES_NEEDED = 2

_HEALTH = {
    InviteeAgency.HEALTH_VISITOR,
    InviteeAgency.SCHOOL_NURSE,
    InviteeAgency.MIDWIFE,
    InviteeAgency.GP,
    InviteeAgency.HEALTH_OTHER,
}
SECTORS = {"police": "police", "probation": "probation", "housing": "housing", "school": "education"}


def sector(agency: str) -> str:
    """The agency an invitee speaks for, as quoracy counts them; each "other agency" counts on its own."""
    if agency in _HEALTH:
        return "health"
    return SECTORS.get(agency, f"other agency ({agency})")


@dataclass(frozen=True)
class Quoracy:
    quorate: bool
    reason: str


def contributed(attendance: str, report_received: bool) -> bool:
    return attendance in (Attendance.ATTENDED, Attendance.REPORT_ONLY) or report_received


def quoracy(invitees) -> Quoracy:
    """`invitees`: (agency, attendance, report received) for each invitee; family members have no agency."""
    sectors = sorted(
        {sector(agency) for agency, attendance, report in invitees if agency and contributed(attendance, report)}
    )
    named = _and(sectors)
    if len(sectors) >= OTHER_AGENCIES_NEEDED:
        return Quoracy(True, f"Quorate: {named} contributed besides children's social care")
    if not sectors:
        return Quoracy(
            False,
            "Not quorate: no agency besides children's social care attended or sent a report; "
            f"at least {OTHER_AGENCIES_NEEDED} are needed",
        )
    return Quoracy(
        False,
        f"Not quorate: only {named} contributed besides children's social care; "
        f"at least {OTHER_AGENCIES_NEEDED} other agencies are needed",
    )


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1] if words else ""
