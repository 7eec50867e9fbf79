"""What the journey tab shows, built from a loaded Journey without further queries: the history
of each episode as dated steps, and the actions that come next."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse

from access.capabilities import Capability
from children_in_need.selectors import Journey, enquiries_awaiting_conference
from core.dates import long_date
from timescales.calendar import london_date


@dataclass(frozen=True)
class Step:
    day: datetime.date
    what: str
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class Action:
    label: str
    url: str


def episode_history(episode) -> list[Step]:
    """Every step of one episode, oldest first."""
    child_id, referral = episode.child_id, episode.referral
    steps = [
        Step(
            referral.referral_date,
            "Referral",
            f"{referral.get_source_display()}. Primary need: "
            f"{episode.get_primary_need_display()}"
            + (". Re-referral within 12 months" if referral.is_re_referral else ""),
        )
    ]
    if referral.next_step:
        steps.append(Step(london_date(referral.decided_at), "Next step decided", referral.get_next_step_display()))
    for a in episode.assessments.all():
        url = reverse("assessments:detail", args=[child_id, a.pk])
        steps.append(Step(a.start_date, "Assessment started", f"By {a.author}", url))
        if a.is_authorised:
            steps.append(Step(a.authorised_on, "Assessment authorised", a.get_outcome_display(), url))
    for d in episode.strategy_discussions.all():
        steps.append(Step(d.held_on, "Strategy discussion", d.get_decision_display()))
    for e in episode.section47_enquiries.all():
        steps.append(
            Step(
                e.start_date, "Section 47 enquiry started", f"Initial conference due by {long_date(e.icpc_target_date)}"
            )
        )
        if e.end_date:
            steps.append(Step(e.end_date, "Section 47 enquiry concluded", e.get_outcome_display()))
    for c in episode.cp_conferences.all():
        steps.append(
            Step(
                c.held_on,
                c.get_kind_display(),
                c.get_outcome_display() + (f". Category: {c.get_category_display().lower()}" if c.category else ""),
            )
        )
    for b in episode.cp_bookings.all():
        # A booking shows as booked (or cancelled) until held; once held the conference's own step says so.
        if b.status != "held":
            detail = f"{b.get_status_display()}: {b.booked_for:%-d %B %Y} at {b.starts_at:%H:%M}, chair {b.chair}" + (
                ". Booked late, after the date it was due" if b.booked_late else ""
            )
            steps.append(
                Step(
                    b.booked_for,
                    f"{b.get_kind_display()} booked",
                    detail,
                    reverse("child_protection:booking", args=[child_id, b.pk]),
                )
            )
        else:
            minutes = (
                f"minutes issued {b.minutes_issued_on:%-d %B %Y}" if b.minutes_issued_on else "minutes not issued yet"
            )
            steps.append(
                Step(
                    b.conference.held_on,
                    "Conference attendance and minutes",
                    f"{b.quoracy_reason}; {minutes}",
                    reverse("child_protection:booking", args=[child_id, b.pk]),
                )
            )
    for p in episode.cp_plans.all():
        steps.append(
            Step(
                p.start_date,
                "Child protection plan started",
                "Outcomes, actions and progress",
                reverse("plans:detail", args=[child_id, "cp", p.pk]),
            )
        )
        steps.extend(Step(g.held_on, "Core group meeting") for g in p.core_groups.all())
        if p.end_date:
            steps.append(Step(p.end_date, "Child protection plan ended", p.get_end_reason_display()))
    for p in episode.cin_plans.all():
        steps.append(
            Step(
                p.start_date,
                "Child in need plan started",
                "Outcomes, actions and progress",
                reverse("plans:detail", args=[child_id, "cin", p.pk]),
            )
        )
        steps.extend(Step(r.held_on, "Child in need plan review", r.notes[:120]) for r in p.reviews.all())
        if p.end_date:
            steps.append(Step(p.end_date, "Child in need plan ended", p.end_reason))
    if episode.end_date:
        steps.append(Step(episode.end_date, "Case closed", episode.get_closure_reason_display()))
    return sorted(steps, key=lambda s: s.day)


def _url(name: str, *args, query: str = "") -> str:
    return reverse(name, args=args) + (f"?{query}" if query else "")


def next_actions(journey: Journey, child, held: frozenset[Capability]) -> list[Action]:
    """What can be recorded next, in the order the journey usually goes: only what the user may
    record for this child (`held`, from access.capabilities.capabilities_for)."""
    pk, actions = child.pk, []
    FRONT_DOOR, STEP = Capability.RECORD_FRONT_DOOR, Capability.RECORD_HELP_AND_PROTECTION
    CHAIR, VISIT = Capability.CHAIR_CONFERENCE, Capability.RECORD_CASEWORK

    def offer(capability: Capability, text: str, url: str) -> None:
        if capability in held:
            actions.append(Action(text, url))

    for contact in journey.undecided_contacts:
        offer(
            FRONT_DOOR,
            f"Screen the contact received on {long_date(london_date(contact.received_at))}",
            _url("front_door:contact_decide", pk, contact.pk),
        )
    episode = journey.open_episode
    if episode is None:
        for contact in journey.contacts_to_refer:
            offer(
                FRONT_DOOR,
                "Record the referral from the contact",
                _url("front_door:referral_new", pk, query=f"contact={contact.pk}"),
            )
        offer(FRONT_DOOR, "Record a contact", _url("front_door:contact_new", pk))
        offer(FRONT_DOOR, "Record a referral", _url("front_door:referral_new", pk))
        return actions
    if not episode.referral.next_step:
        offer(
            FRONT_DOOR,
            "Decide the next step for the referral",
            _url("front_door:referral_decide", pk, episode.referral.pk),
        )
    in_hand = journey.assessment_in_hand
    if in_hand is not None and in_hand.editable:
        offer(STEP, "Continue the assessment", _url("assessments:edit", pk, in_hand.pk))
    elif in_hand is not None:
        offer(Capability.AUTHORISE_ASSESSMENT, "Authorise the assessment", _url("assessments:detail", pk, in_hand.pk))
    else:
        offer(STEP, "Start an assessment", _url("assessments:new", pk))
    for discussion in journey.discussions_waiting_for_s47:
        offer(STEP, "Start the section 47 enquiry", _url("child_protection:section47_new", pk, discussion.pk))
    booked = [b for b in episode.cp_bookings.all() if b.status == "booked"]
    for b in booked:
        offer(
            CHAIR,
            f"Record the {b.get_kind_display().lower()} booked for {long_date(b.booked_for)}",
            _url("child_protection:booking_hold", pk, b.pk),
        )
    booked_enquiries = {b.section47_id for b in booked}
    for enquiry in enquiries_awaiting_conference(episode):
        if enquiry.pk not in booked_enquiries:
            offer(
                CHAIR,
                "Book the initial child protection conference",
                _url("child_protection:book_initial", pk, enquiry.pk),
            )
        offer(
            CHAIR,
            "Record the initial child protection conference",
            _url("child_protection:initial_conference_new", pk, enquiry.pk),
        )
        if enquiry.end_date is None:
            offer(STEP, "Conclude the section 47 enquiry", _url("child_protection:section47_conclude", pk, enquiry.pk))
    offer(STEP, "Record a strategy discussion", _url("child_protection:strategy_discussion_new", pk))
    plan = journey.open_cp_plan
    if plan is not None:
        offer(VISIT, "Record a child protection visit", _url("casework:visit_new", pk))
        offer(STEP, "Add outcomes and actions to the child protection plan", _url("plans:detail", pk, "cp", plan.pk))
        offer(STEP, "Record a core group meeting", _url("child_protection:core_group_new", pk, plan.pk))
        if not any(b.plan_id == plan.pk for b in booked):
            offer(CHAIR, "Book a review conference", _url("child_protection:book_review", pk, plan.pk))
        offer(CHAIR, "Record a review conference", _url("child_protection:review_conference_new", pk, plan.pk))
        offer(STEP, "End the child protection plan", _url("child_protection:plan_end", pk, plan.pk))
    else:
        offer(CHAIR, "Record a transfer-in conference", _url("child_protection:transfer_in_conference_new", pk))
    cin_plan = journey.open_cin_plan
    if cin_plan is not None:
        offer(VISIT, "Record a child in need visit", _url("casework:visit_new", pk))
        offer(STEP, "Add outcomes and actions to the child in need plan", _url("plans:detail", pk, "cin", cin_plan.pk))
        offer(STEP, "Record a child in need plan review", _url("children_in_need:cin_plan_review_new", pk, cin_plan.pk))
        offer(STEP, "End the child in need plan", _url("children_in_need:cin_plan_end", pk, cin_plan.pk))
    elif plan is None:
        offer(STEP, "Start a child in need plan", _url("children_in_need:cin_plan_new", pk))
    offer(STEP, "Close the case", _url("children_in_need:episode_close", pk, episode.pk))
    return actions
