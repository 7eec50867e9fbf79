"""Reads for LADO allegations, and who may see them.

Allegations are restricted to the LADO service by default: LADO officers, and senior leaders
(who answer for the service). Not system administrators: they do not read case files. Anyone else gets exactly what
they would get for an allegation that does not exist: a 404, and no trace on a child's record.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from access.selectors import people_visible_to
from allegations.models import Allegation, AllegationChild
from core import clock
from timescales.engine import due_from
from workforce.roles import Role

READERS = frozenset({Role.LADO_OFFICER, Role.SENIOR_LEADER})


def can_see_allegations(user) -> bool:
    return getattr(user, "role", None) in READERS


def allegations_visible_to(user) -> QuerySet[Allegation]:
    if not can_see_allegations(user):
        return Allegation.objects.none()
    return Allegation.objects.all()


def allegation_get_for_user(user, allegation_id) -> Allegation:
    """The allegation, or 404 for "missing" and "not yours" alike."""
    try:
        allegation_id = int(allegation_id)
    except (TypeError, ValueError):
        raise Http404 from None
    allegation = allegations_visible_to(user).filter(pk=allegation_id).select_related("subject_person").first()
    if allegation is None:
        raise Http404
    return allegation


def referral_due_on(allegation: Allegation, calendar=None) -> datetime.date:
    """The employer should inform the LADO within 1 working day (the local standard
    `lado_referral`, TIMESCALES.md A2 #15) of becoming aware."""
    return due_from("lado_referral", allegation.received_on, calendar)


def referred_late(allegation: Allegation, calendar=None) -> bool:
    return allegation.referred_on > referral_due_on(allegation, calendar)


@dataclass(frozen=True)
class ChildInvolved:
    link: AllegationChild
    visible: bool  # the user may open the child's record (a restricted record may not be)

    @property
    def name(self) -> str:
        return self.link.child.full_name if self.visible else "A child with a restricted record"


def children_involved(user, allegation: Allegation) -> list[ChildInvolved]:
    links = list(
        allegation.children_involved.select_related("child").order_by("child__family_name", "child__given_name")
    )
    visible = set(people_visible_to(user).filter(pk__in=[link.child_id for link in links]).values_list("pk", flat=True))
    return [ChildInvolved(link, link.child_id in visible) for link in links]


def allegations_for_child(user, child) -> list[Allegation]:
    return list(allegations_visible_to(user).filter(children_involved__child=child).order_by("-referred_on", "-id"))


@dataclass(frozen=True)
class AllegationRow:
    allegation: Allegation
    referral_due_on: datetime.date
    referred_late: bool
    days_open: int
    has_strategy_meeting: bool


def lado_caseload(user) -> list[AllegationRow]:
    """Open allegations, oldest referral first, with the referral's timeliness and whether a
    strategy meeting has been held. Two queries (and the local standards, when not yet cached)."""
    from allegations.choices import MeetingKind
    from allegations.models import LadoMeeting

    today = clock.today()
    allegations = (
        allegations_visible_to(user)
        .open()
        .prefetch_related(Prefetch("meetings", queryset=LadoMeeting.objects.filter(kind=MeetingKind.STRATEGY)))
        .order_by("referred_on", "id")
    )
    rows = []
    for allegation in allegations:
        due = referral_due_on(allegation)
        rows.append(
            AllegationRow(
                allegation,
                due,
                allegation.referred_on > due,
                (today - allegation.referred_on).days,
                bool(allegation.meetings.all()),
            )
        )
    return rows
