"""Reads for the help-and-protection journey, on a child already fetched and authorised.

`journey_for_child` loads everything the journey tab shows in a fixed number of queries,
whatever the number of episodes, assessments, plans or meetings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from assessments.models import Assessment
from child_protection.models import (
    ChildProtectionPlan,
    Conference,
    ConferenceBooking,
    CoreGroup,
    Section47Enquiry,
    StrategyDiscussion,
)
from children_in_need.models import CINEpisode, CINPlan, CINPlanReview
from front_door.models import Contact


@dataclass
class Journey:
    contacts: list[Contact]
    episodes: list[CINEpisode]  # newest first, with their records prefetched
    open_episode: CINEpisode | None = None
    open_cp_plan: ChildProtectionPlan | None = None
    open_cin_plan: CINPlan | None = None
    open_enquiries: list[Section47Enquiry] = field(default_factory=list)
    assessment_in_hand: Assessment | None = None
    discussions_waiting_for_s47: list[StrategyDiscussion] = field(default_factory=list)

    @property
    def undecided_contacts(self) -> list[Contact]:
        return [c for c in self.contacts if not c.decided]

    @property
    def contacts_to_refer(self) -> list[Contact]:
        """Contacts screened as a referral whose referral has not been recorded yet."""
        referred = {e.referral.contact_id for e in self.episodes if e.referral.contact_id}
        return [c for c in self.contacts if c.decision == "referral" and c.pk not in referred]


def _episodes(child):
    plans = ChildProtectionPlan.objects.select_related("conference").prefetch_related(
        Prefetch("core_groups", queryset=CoreGroup.objects.order_by("held_on", "id")),
        Prefetch("reviews", queryset=Conference.objects.order_by("held_on", "id")),
    )
    return (
        CINEpisode.objects.filter(child=child)
        .select_related("referral", "referral__decided_by", "closed_by")
        .prefetch_related(
            Prefetch("assessments", queryset=Assessment.objects.select_related("author").order_by("start_date", "id")),
            Prefetch("strategy_discussions", queryset=StrategyDiscussion.objects.order_by("held_on", "id")),
            Prefetch("section47_enquiries", queryset=Section47Enquiry.objects.order_by("start_date", "id")),
            Prefetch("cp_conferences", queryset=Conference.objects.order_by("held_on", "id")),
            Prefetch(
                "cp_bookings",
                queryset=ConferenceBooking.objects.select_related("chair", "conference").order_by("booked_for", "id"),
            ),
            Prefetch("cp_plans", queryset=plans.order_by("start_date", "id")),
            Prefetch(
                "cin_plans",
                queryset=CINPlan.objects.prefetch_related(
                    Prefetch("reviews", queryset=CINPlanReview.objects.order_by("held_on", "id"))
                ).order_by("start_date", "id"),
            ),
        )
        .order_by("-start_date", "-id")
    )


def journey_for_child(child) -> Journey:
    contacts = list(Contact.objects.filter(child=child).select_related("decided_by").order_by("-received_at", "-id"))
    episodes = list(_episodes(child))
    journey = Journey(contacts=contacts, episodes=episodes)
    for episode in episodes:
        if not episode.is_open:
            continue
        journey.open_episode = episode
        journey.open_cp_plan = next((p for p in episode.cp_plans.all() if p.is_open), None)
        journey.open_cin_plan = next((p for p in episode.cin_plans.all() if p.is_open), None)
        journey.open_enquiries = [e for e in episode.section47_enquiries.all() if e.end_date is None]
        journey.assessment_in_hand = next((a for a in episode.assessments.all() if not a.is_authorised), None)
        started = {e.strategy_discussion_id for e in episode.section47_enquiries.all()}
        journey.discussions_waiting_for_s47 = [
            d for d in episode.strategy_discussions.all() if d.decision == "s47" and d.pk not in started
        ]
    return journey


def episode_for_child(child, episode_id) -> CINEpisode | None:
    return CINEpisode.objects.filter(child=child, pk=episode_id).first()


def cin_plan_for_child(child, plan_id) -> CINPlan | None:
    return CINPlan.objects.filter(child=child, pk=plan_id).first()


def enquiries_awaiting_conference(episode: CINEpisode) -> list[Section47Enquiry]:
    """Enquiries of the episode (prefetched) that need an initial conference not yet held."""
    held = {c.section47_id for c in episode.cp_conferences.all() if c.kind == "initial"}
    return [e for e in episode.section47_enquiries.all() if e.outcome != "no_conference" and e.pk not in held]
