"""Each child's journey through help and protection, planned day by day from their first contact
to closure (or to today, when the case is still open).

Rates are the national ones (TIMESCALES.md section B) or close to them: about 22% of referrals
are re-referrals within 12 months; about a quarter of CP plans are second plans; most
assessments are authorised within 45 working days, a realistic minority later (with the reason
recorded); CP reviews, visits and core groups mostly on time. Every date follows the one before
it, and every row obeys the models' constraints and the services' rules (one open episode, one
assessment in hand, a CIN plan never open beside a CP plan, a conference on a working day, no
activity after closure).
"""

from __future__ import annotations

import datetime
import zlib

from assessments.choices import AssessmentOutcome, AssessmentStatus
from assessments.models import Assessment
from casework.models import Allocation
from child_protection.choices import (
    ConferenceKind,
    ConferenceOutcome,
    PlanEndReason,
    Section47Outcome,
    StrategyDecision,
)
from child_protection.models import ChildProtectionPlan, Conference, CoreGroup, Section47Enquiry, StrategyDiscussion
from children_in_need.models import CINEpisode, CINPlan, CINPlanReview
from codelists.cin import CategoryOfAbuse, PrimaryNeed, ReasonForClosure, ReferralSource
from front_door.choices import ContactDecision, ReferralNextStep
from front_door.models import Contact, Referral
from synthetic.generator import activity, assessment_text, care, conferences, pre_proceedings
from synthetic.generator.context import Context
from synthetic.generator.text import CONCERNS, SCREENING_REASONS, analysis
from timescales.calendar import add_months, age_on, birthday

SOURCES = [
    ("6", 29),
    ("2A", 18),
    ("3A", 4),
    ("3B", 3),
    ("3E", 3),
    ("3D", 4),
    ("1A", 7),
    ("1C", 1),
    ("1D", 2),
    ("4", 2),
    ("5A", 2),
    ("5D", 6),
    ("5C", 2),
    ("8", 6),
    ("9", 2),
    ("10", 3),
    ("7", 2),
    ("2B", 4),
]
NEEDS = [("N1", 57), ("N2", 9), ("N3", 4), ("N4", 9), ("N5", 12), ("N6", 2), ("N7", 1), ("N8", 3), ("N0", 1), ("N9", 2)]
FACTORS = [
    "1B",
    "2B",
    "3A",
    "3B",
    "3C",
    "4A",
    "4B",
    "5B",
    "6B",
    "8B",
    "8C",
    "9A",
    "10A",
    "11A",
    "12A",
    "13A",
    "14A",
    "1A",
    "2A",
    "4C",
    "6A",
    "7A",
    "8D",
    "8E",
    "8F",
]
CATEGORIES = [("NEG", 50), ("EMO", 35), ("PHY", 7), ("SAB", 4), ("MUL", 4)]
AGE_LIMIT = 18


def _pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


MIN_ALLOCATION_DAYS = 3
UNALLOCATED_DAYS = 7  # how recent a new case must be to be left waiting in the team's tray


class Journey:
    """One child's record being planned. `day` moves forward; nothing is dated before it."""

    def __init__(self, ctx: Context, batch, child, home_postcode: str):
        self.ctx, self.batch, self.child, self.home_postcode = ctx, batch, child, home_postcode
        self.rng = ctx.rng
        self.last_referral: Referral | None = None
        self.had_cp_plan = False
        self.care_leaver = None  # one care leaver record a person (leaving_care.py)
        self.allocation: Allocation | None = None
        self.adopted = False  # the adoption order ends the record (journeys end there)
        self.adult_on = birthday(child.date_of_birth, AGE_LIMIT) - datetime.timedelta(days=1)

    # --- allocation ------------------------------------------------------------------------------
    def allocate(self, pool: str, day: datetime.date, open_ended: bool, reason="new_case"):
        staff = self.ctx.staff[pool]
        worker = staff.take_open() if open_ended else staff.any()
        if self.allocation is not None:
            # Never before the current allocation began: allocations follow one another without
            # overlapping (SSDA903 social worker episodes, rules SW10STG2 and SW12STG2).
            # A transfer waits until the current worker has held the case for
            # MIN_ALLOCATION_DAYS: a handover takes days, and an episode shorter than that is
            # flagged by SW09STG2 (it counts under three days as "less than 24 hours"). Never
            # into the future: a handover not yet due today would be an allocation not yet made.
            day = max(day, self.allocation.start_date)
            handover = self.allocation.start_date + datetime.timedelta(days=MIN_ALLOCATION_DAYS)
            if day < handover <= self.ctx.today:
                day = handover
            self.allocation.end_date, self.allocation.end_reason = day, reason
        # Some new cases of the last week are still waiting in the team's unallocated tray (issue 13):
        # sent to the team with no worker named. Chosen from the child's ID, not the shared random
        # stream, so the rest of the authority comes out as before.
        waiting = (
            open_ended
            and reason == "new_case"
            and day >= self.ctx.today - datetime.timedelta(days=UNALLOCATED_DAYS)
            and zlib.crc32(self.child.la_id.encode()) % 3 == 0
        )
        named = None if waiting else worker
        self.allocation = self.batch.add(
            "allocation",
            Allocation(
                child=self.child,
                worker=named,
                team=worker.team,
                start_date=day,
                reason=reason,
                allocated_by=staff.manager_of(worker),
            ),
        )
        self.batch.event(
            self.child,
            "allocation.changed",
            self.ctx.at(day, 9, 0),
            staff.manager_of(worker),
            self.allocation,
            worker=f"{worker.first_name} {worker.last_name}" if named else "",
            team=worker.team.name,
            reason="New case" if reason == "new_case" else "Transfer between teams",
        )
        if open_ended:
            self.child.current_worker, self.child.current_team = named, worker.team
        return worker

    def close_allocation(self, day):
        if self.allocation is not None:
            self.allocation.end_date, self.allocation.end_reason = max(day, self.allocation.start_date), "closed"
            self.allocation = None

    # --- the journey -------------------------------------------------------------------------------
    def run(self, first_contact: datetime.date) -> None:
        day = first_contact
        referred = self.rng.random() < 0.62  # many children are only ever the subject of contacts
        while day < self.ctx.today and day < self.adult_on:
            if not referred:
                self.contact(
                    day,
                    decision=self.rng.choice(
                        [ContactDecision.NO_FURTHER_ACTION, ContactDecision.ADVICE, ContactDecision.EARLY_HELP]
                    ),
                )
                if self.rng.random() < 0.6:
                    day = self.ctx.days(day, self.rng.randint(20, 500))
                    referred = self.rng.random() < 0.45
                    continue
                return
            closed = self.episode(day)
            if closed is None:
                self.batch.open_children.append(self.child)
                return
            if self.adopted:
                # An adopted child is a new legal person with a new record: nothing more is
                # recorded under this child's ID after the adoption order (no re-referral, no
                # social worker episode: SSDA903 SWEpisodes would carry them under the old ID).
                return
            # Another referral: within 12 months of the last one (a re-referral) or later.
            previous = self.last_referral.referral_date
            # Children who had a CP plan come back more often (about a quarter of CP plans are second plans).
            if self.rng.random() < (0.7 if self.had_cp_plan else 0.33):
                latest = add_months(previous, 12) - datetime.timedelta(days=1)
                earliest = self.ctx.days(closed, 7)
                if earliest <= latest:
                    day = self.ctx.days(earliest, self.rng.randint(0, (latest - earliest).days))
                    continue
            if self.rng.random() < (0.6 if self.had_cp_plan else 0.22):
                day = self.ctx.days(max(closed, add_months(previous, 12)), self.rng.randint(7, 700))
                referred = self.rng.random() < 0.7
                continue
            # Second plans count however long ago the first ended (TIMESCALES.md B: about 24%): some
            # children whose plan ended come back to a new plan years later.
            if self.had_cp_plan and self.ctx.side.random() < 0.8:
                day = self.ctx.days(max(closed, add_months(previous, 12)), self.ctx.side.randint(30, 900))
                referred = True
                continue
            return

    def contact(self, day, decision, hour=None) -> Contact:
        ctx, rng = self.ctx, self.rng
        received = ctx.at(day, hour if hour is not None else rng.randint(8, 17))
        mash = ctx.staff["front_door"]
        worker = mash.any()
        source = _pick(rng, SOURCES)
        decided = received + datetime.timedelta(hours=rng.choice((1, 2, 3, 4, 20)))
        if decided.date() > ctx.today or decided > ctx.now:
            decision = ""
        contact = self.batch.add(
            "contact",
            Contact(
                child=self.child,
                received_at=received,
                source=source,
                concerns=rng.choice(CONCERNS),
                recorded_by=worker,
                decision=decision,
                decision_reason="" if decision in ("", ContactDecision.REFERRAL) else rng.choice(SCREENING_REASONS),
                decided_at=decided if decision else None,
                decided_by=mash.manager_of(worker) if decision else None,
            ),
        )
        self.batch.event(
            self.child,
            "contact.received",
            received,
            worker,
            contact,
            source=ReferralSource(source).label,
            source_detail="",
        )
        if decision:
            self.batch.event(
                self.child,
                "contact.decided",
                decided,
                contact.decided_by,
                contact,
                decision=ContactDecision(decision).label,
                reason=contact.decision_reason,
            )
        return contact

    def episode(self, day) -> datetime.date | None:
        """A contact that becomes a referral, and everything that follows. Returns the closure
        date, or None when the case is open today."""
        ctx, rng = self.ctx, self.rng
        # Earlier contacts about the same worries that did not meet the threshold.
        for _ in range(rng.choice((0, 1, 1, 2))):
            earlier = ctx.days(day, -rng.randint(10, 200))
            if self.last_referral is None or earlier > self.last_referral.referral_date + datetime.timedelta(days=400):
                if earlier >= max(ctx.start, self.child.date_of_birth):
                    self.contact(
                        earlier,
                        rng.choice(
                            [ContactDecision.NO_FURTHER_ACTION, ContactDecision.ADVICE, ContactDecision.EARLY_HELP]
                        ),
                    )
        contact = self.contact(day, ContactDecision.REFERRAL, hour=rng.randint(8, 12))
        if not contact.decision:
            self.batch.open_children.append(self.child)  # waiting at the front door
            return None
        received = contact.decided_at + datetime.timedelta(minutes=30)
        ref_day = received.date()
        previous = self.last_referral
        re_referral = previous is not None and previous.referral_date >= add_months(ref_day, -12)
        need = _pick(rng, NEEDS)
        to_cp = rng.random() < (0.85 if self.had_cp_plan else 0.12)
        next_step = (
            ReferralNextStep.NO_FURTHER_ACTION
            if rng.random() < 0.07
            else (ReferralNextStep.STRATEGY_DISCUSSION if to_cp else ReferralNextStep.ASSESSMENT)
        )
        decided_at = received + datetime.timedelta(hours=rng.choice((1, 2, 3)))
        referral = Referral(
            child=self.child,
            contact=contact,
            received_at=received,
            referral_date=ref_day,
            source=contact.source,
            concerns=contact.concerns,
            is_re_referral=re_referral,
            previous_referral=previous if re_referral else None,
            recorded_by=contact.recorded_by,
            next_step=next_step,
            decided_at=decided_at,
            decided_by=contact.decided_by,
        )
        n = ctx.next(f"referrals:{self.child.la_id}")
        self.batch.add(("referral", n), referral)
        self.last_referral = referral
        episode = self.batch.add(
            "cin_episode", CINEpisode(child=self.child, referral=referral, start_date=ref_day, primary_need=need)
        )
        self.batch.event(
            self.child,
            "referral.received",
            received,
            referral.recorded_by,
            referral,
            source=ReferralSource(referral.source).label,
            primary_need=PrimaryNeed(need).label,
            re_referral=re_referral,
            previous_referral_date=previous.referral_date.strftime("%-d %B %Y") if re_referral else "",
        )
        self.batch.event(
            self.child,
            "referral.decided",
            decided_at,
            referral.decided_by,
            referral,
            next_step=ReferralNextStep(next_step).label,
        )
        if next_step == ReferralNextStep.NO_FURTHER_ACTION:
            return self.close(episode, ref_day, ReasonForClosure.RC7, referral.decided_by)
        return self.assessment_phase(episode, ref_day, to_cp)

    # --- assessment ----------------------------------------------------------------------------
    def assessment_phase(self, episode, ref_day, to_cp) -> datetime.date | None:
        ctx, rng = self.ctx, self.rng
        start = ctx.wd(ref_day, rng.choice((0, 0, 1, 1, 2, 3))) if rng.random() < 0.9 else ref_day
        on_time = rng.random() < 0.86
        authorised_on = ctx.wd(ref_day, rng.randint(8, 45) if on_time else rng.randint(46, 80))
        if authorised_on > self.adult_on:
            authorised_on = max(start, self.adult_on)
        strategy_day = ctx.wd(start, rng.randint(0, 3)) if to_cp else None
        continuing = authorised_on > ctx.today
        worker = self.allocate("assessment", ref_day, open_ended=continuing and not to_cp)
        manager = ctx.staff["assessment"].manager_of(worker)
        if to_cp:
            outcome = AssessmentOutcome.STRATEGY_DISCUSSION
        else:
            outcome = _pick(
                rng,
                [
                    (AssessmentOutcome.NO_FURTHER_ACTION, 36),
                    (AssessmentOutcome.EARLY_HELP, 13),
                    (AssessmentOutcome.CIN_PLAN, 36),
                    (AssessmentOutcome.STRATEGY_DISCUSSION, 8),
                    (AssessmentOutcome.OTHER_SERVICES, 7),
                ],
            )
        assessment = Assessment(
            child=self.child,
            episode=episode,
            start_date=start,
            author=worker,
            child_seen_on=min(ctx.days(start, rng.randint(0, 6)), ctx.today, authorised_on),
        )
        self.batch.add("assessment", assessment)
        self.batch.event(
            self.child, "assessment.started", ctx.at(start), worker, assessment, start_date=start.strftime("%-d %B %Y")
        )
        if not continuing and not to_cp:
            self.authorise(assessment, authorised_on, outcome, manager, ref_day)
        else:
            submitted = ctx.wd(start, rng.randint(5, 40))
            if submitted < ctx.today and rng.random() < 0.4:
                assessment.status, assessment.submitted_at, assessment.submitted_by = (
                    AssessmentStatus.SUBMITTED,
                    ctx.at(submitted),
                    worker,
                )
                assessment.factors, assessment.outcome = self.factors(), outcome
                assessment.analysis = analysis(rng)
            if assessment.child_seen_on and assessment.child_seen_on > ctx.today:
                assessment.child_seen_on = None
            # Still being written: some sections done (a submitted one has them all).
            own = assessment_text.stream(self.child.la_id, start)
            assessment_text.fill(
                assessment,
                own,
                assessment.child_seen_on,
                sections=None if assessment.status == AssessmentStatus.SUBMITTED else own.randint(0, 6),
            )
        if to_cp:
            # The assessment stays in hand during the enquiry and is authorised when it concludes, so a
            # case closed after the enquiry never shows an assessment authorised after the closure
            # (CIN rule 8565).
            return self.child_protection(episode, strategy_day, assessment=assessment)
        if continuing:
            activity.casework(ctx, self.batch, self.child, worker, ref_day, None, visit_type="home", every=25)
            return None
        activity.casework(ctx, self.batch, self.child, worker, ref_day, authorised_on, visit_type="home", every=20)
        return self.after_assessment(episode, authorised_on, outcome, manager)

    def factors(self):
        return sorted(self.rng.sample(FACTORS, self.rng.choice((1, 2, 2, 3, 4))))

    def authorise(self, assessment, authorised_on, outcome, manager, ref_day):
        ctx, rng = self.ctx, self.rng
        submitted = max(assessment.start_date, authorised_on - datetime.timedelta(days=rng.randint(0, 3)))
        assessment.status, assessment.outcome, assessment.factors = AssessmentStatus.AUTHORISED, outcome, self.factors()
        assessment.analysis = analysis(rng)
        own = assessment_text.stream(self.child.la_id, assessment.start_date)
        assessment_text.fill(assessment, own, assessment.child_seen_on)
        assessment.authorisation_rationale = assessment_text.rationale(own)
        assessment.submitted_at, assessment.submitted_by = ctx.at(submitted, 10), assessment.author
        assessment.authorised_on, assessment.authorised_at, assessment.authorised_by = (
            authorised_on,
            ctx.at(authorised_on, 15),
            manager,
        )
        days = ctx.calendar.working_days_between(ref_day, authorised_on)
        if days > 45:
            assessment.late_reason = rng.choice(
                [
                    "Waiting for the health assessment report.",
                    "Worker absent; case reallocated.",
                    "Family not available for three weeks over the holidays.",
                    "Awaiting police checks.",
                ]
            )
        self.batch.event(
            self.child,
            "assessment.submitted",
            assessment.submitted_at,
            assessment.author,
            assessment,
            outcome=AssessmentOutcome(outcome).label,
        )
        self.batch.event(
            self.child,
            "assessment.authorised",
            assessment.authorised_at,
            manager,
            assessment,
            authorised_on=authorised_on.strftime("%-d %B %Y"),
            working_days=days,
            outcome=AssessmentOutcome(outcome).label,
            late_reason=assessment.late_reason,
            rationale=assessment.authorisation_rationale,
        )

    def after_assessment(self, episode, day, outcome, actor):
        rng = self.rng
        if outcome == AssessmentOutcome.NO_FURTHER_ACTION:
            return self.close(episode, day, ReasonForClosure.RC8, actor)
        if outcome == AssessmentOutcome.EARLY_HELP:
            return self.close(episode, day, ReasonForClosure.RC9, actor)
        if outcome == AssessmentOutcome.OTHER_SERVICES:
            end = self.ctx.days(day, rng.randint(20, 90))
            if end > self.ctx.today:
                # Still receiving services: open, with the safeguarding team.
                worker = self.allocate("safeguarding", day, open_ended=True, reason="transfer")
                activity.casework(self.ctx, self.batch, self.child, worker, day, None, visit_type="home", every=30)
                return None
            return self.close(episode, min(end, self.adult_on), ReasonForClosure.RC7, actor)
        if outcome == AssessmentOutcome.STRATEGY_DISCUSSION:
            return self.child_protection(episode, self.ctx.wd(day, rng.randint(0, 2)))
        # Accommodated straight after the assessment: more often a teenager (section 20), the age
        # group most children who come into care at 14 or over, and so most care leavers, are from.
        teenager = age_on(self.child.date_of_birth, day) >= 14
        # Never a care leaver back into care: their keeping-in-touch checks, planned when they
        # left, run on to today and would fall while looked after again (rules 1007, 1016).
        if rng.random() < (0.3 if teenager else 0.16) and self.care_leaver is None:
            return self.looked_after(episode, min(self.ctx.days(day, rng.randint(0, 14)), self.ctx.today))
        return self.cin_plan(episode, self.ctx.days(day, rng.randint(0, 7)))

    # --- child in need plan ------------------------------------------------------------------------
    def cin_plan(self, episode, start, months=None) -> datetime.date | None:
        ctx, rng = self.ctx, self.rng
        start = min(start, ctx.today)
        if start >= self.adult_on:
            return self.close(episode, start, ReasonForClosure.RC7, ctx.staff["safeguarding"].any())
        length = rng.randint(90, 420) if months is None else rng.randint(months[0], months[1])
        end = ctx.days(start, length)
        escalate = rng.random() < 0.06 and not self.had_cp_plan
        if escalate:
            end = ctx.days(start, rng.randint(30, 150))
        # A plan starting in the last week before the 18th birthday still lasts a day at least.
        end = max(start, min(end, self.adult_on))
        escalate = escalate and end <= ctx.today
        open_ended = end > ctx.today
        worker = self.allocate("safeguarding", start, open_ended=open_ended and not escalate, reason="transfer")
        plan = self.batch.add(
            "cin_plan", CINPlan(child=self.child, episode=episode, start_date=start, recorded_by=worker)
        )
        self.batch.event(self.child, "cin_plan.started", ctx.at(start), worker, plan)
        review = ctx.days(start, rng.randint(75, 95))
        while review <= min(end, ctx.today) and review < (end if not open_ended else ctx.today + datetime.timedelta(1)):
            r = self.batch.add(
                "cin_review",
                CINPlanReview(plan=plan, held_on=review, notes="Plan reviewed with the family.", recorded_by=worker),
            )
            self.batch.event(self.child, "cin_plan.reviewed", ctx.at(review), worker, r)
            review = ctx.days(review, rng.randint(80, 100) if rng.random() < 0.9 else rng.randint(101, 140))
        if escalate and end <= ctx.today:
            strategy = ctx.working(end)
            if strategy > ctx.today or strategy > self.adult_on:
                strategy = end
            plan.end_date, plan.end_reason = strategy, "Concerns escalated to a strategy discussion."
            self.batch.event(self.child, "cin_plan.ended", ctx.at(strategy), worker, plan, reason=plan.end_reason)
            activity.casework(ctx, self.batch, self.child, worker, start, strategy, visit_type="cin", every=28)
            return self.child_protection(episode, strategy)
        if open_ended:
            activity.casework(ctx, self.batch, self.child, worker, start, None, visit_type="cin", every=28)
            return None
        plan.end_date, plan.end_reason = end, "Needs met; no further support needed."
        self.batch.event(self.child, "cin_plan.ended", ctx.at(end), worker, plan, reason=plan.end_reason)
        activity.casework(ctx, self.batch, self.child, worker, start, end, visit_type="cin", every=28)
        return self.close(episode, end, ReasonForClosure.RC7, ctx.staff["safeguarding"].manager_of(worker))

    # --- child protection ----------------------------------------------------------------------------
    def child_protection(self, episode, day, assessment=None) -> datetime.date | None:
        """Strategy discussion, section 47 enquiry, initial conference and perhaps a plan.
        `assessment` is an assessment still in hand, authorised when the enquiry concludes."""
        ctx, rng = self.ctx, self.rng
        day = ctx.working(day)
        if day > ctx.today:
            day = ctx.today
        worker = self.allocate("safeguarding", day, open_ended=False, reason="transfer")
        manager = ctx.staff["safeguarding"].manager_of(worker)
        strategy = self.batch.add(
            "strategy",
            StrategyDiscussion(
                child=self.child,
                episode=episode,
                held_on=day,
                agencies=["social_care", "police", "health"],
                decision=StrategyDecision.SECTION_47,
                notes="Reasonable cause to suspect significant harm.",
                recorded_by=worker,
            ),
        )
        self.batch.event(
            self.child,
            "strategy_discussion.held",
            ctx.at(day),
            worker,
            strategy,
            agencies="Children's social care, Police, Health",
            decision="Start a section 47 enquiry",
        )
        target = ctx.wd(day, 15)
        enquiry = self.batch.add(
            "section47",
            Section47Enquiry(
                child=self.child,
                episode=episode,
                strategy_discussion=strategy,
                start_date=day,
                icpc_target_date=target,
                recorded_by=worker,
            ),
        )
        self.batch.event(
            self.child, "section47.started", ctx.at(day), worker, enquiry, icpc_target_date=target.strftime("%-d %B %Y")
        )
        conference = rng.random() < (0.85 if self.had_cp_plan else 0.66)
        concluded = (
            ctx.wd(day, rng.randint(4, 15) if rng.random() < 0.85 else rng.randint(16, 24))
            if conference
            else ctx.wd(day, rng.randint(3, 15))
        )
        if concluded > ctx.today or concluded > self.adult_on:
            # The enquiry is still going on today: the case is open with the worker.
            self.child.current_worker, self.child.current_team = worker, worker.team
            ctx.staff["safeguarding"].open[ctx.staff["safeguarding"].workers.index(worker)] += 1
            activity.casework(ctx, self.batch, self.child, worker, day, None, visit_type="cp", every=10)
            if concluded > ctx.today:
                return None
            # Ends when the child turns 18, but never before it began (a strategy discussion held on
            # the eve of the birthday starts an enquiry after adult_on).
            concluded = max(self.adult_on, day)
        if assessment is not None and assessment.status != AssessmentStatus.AUTHORISED:
            authorised_on = max(concluded, assessment.start_date)
            self.authorise(
                assessment,
                authorised_on,
                AssessmentOutcome.STRATEGY_DISCUSSION,
                ctx.staff["assessment"].manager_of(assessment.author),
                episode.start_date,
            )
        enquiry.end_date = concluded
        enquiry.outcome = Section47Outcome.CONFERENCE if conference else Section47Outcome.NO_CONFERENCE
        self.batch.event(
            self.child,
            "section47.concluded",
            ctx.at(concluded),
            worker,
            enquiry,
            outcome=Section47Outcome(enquiry.outcome).label,
        )
        activity.casework(ctx, self.batch, self.child, worker, day, concluded, visit_type="cp", every=7)
        if not conference:
            if rng.random() < 0.45:
                return self.cin_plan(episode, ctx.days(concluded, rng.randint(1, 10)))
            return self.close(episode, concluded, ReasonForClosure.RC7, manager)
        plan_made = rng.random() < (0.95 if self.had_cp_plan else 0.86)
        category = _pick(rng, CATEGORIES) if plan_made else ""
        icpc = self.batch.add(
            "icpc",
            Conference(
                child=self.child,
                episode=episode,
                kind=ConferenceKind.INITIAL,
                section47=enquiry,
                held_on=concluded,
                outcome=ConferenceOutcome.PLAN if plan_made else ConferenceOutcome.NO_PLAN,
                category=category,
                notes="Conference decisions recorded.",
                recorded_by=worker,
            ),
        )
        self.batch.event(
            self.child,
            "conference.held",
            ctx.at(concluded),
            worker,
            icpc,
            kind="Initial child protection conference",
            outcome="Child protection plan" if plan_made else "No child protection plan",
            category=CategoryOfAbuse(category).label if category else "",
        )
        if not plan_made:
            return self.cin_plan(episode, ctx.days(concluded, 1))
        return self.cp_plan(episode, icpc, category)

    def cp_plan(self, episode, icpc, category) -> datetime.date | None:
        ctx, rng = self.ctx, self.rng
        start = icpc.held_on
        months = _pick(rng, [((3, 6), 24), ((6, 12), 42), ((12, 18), 21), ((18, 24), 9), ((24, 32), 4)])
        planned_end = add_months(start, rng.randint(*months))
        becomes_looked_after = rng.random() < 0.3
        # Review conferences: the first within 3 months of the ICPC, then at most 6-monthly.
        reviews, day, first = [], start, True
        while True:
            gap_on_time = rng.random() < 0.93
            limit = add_months(day, 3 if first else 6)
            held = (
                limit - datetime.timedelta(days=rng.randint(0, 25))
                if gap_on_time
                else ctx.days(limit, rng.randint(3, 30))
            )
            held = ctx.working(held)
            if held <= day:
                held = ctx.wd(day, 1)
            if held > ctx.today or held > self.adult_on:
                break
            reviews.append(held)
            day, first = held, False
            if held >= planned_end:
                break
        ended = bool(reviews) and reviews[-1] >= planned_end
        end_day = reviews[-1] if ended else None
        worker = self.allocate("safeguarding", start, open_ended=not ended, reason="transfer")
        plan = ChildProtectionPlan(
            child=self.child,
            episode=episode,
            conference=icpc,
            start_date=start,
            initial_category=category,
            latest_category=category,
        )
        self.batch.add("cp_plan", plan)
        self.had_cp_plan = True
        held_reviews = []
        for held in reviews:
            last = held == end_day
            review = self.batch.add(
                "cp_review",
                Conference(
                    child=self.child,
                    episode=episode,
                    kind=ConferenceKind.REVIEW,
                    plan=plan,
                    held_on=held,
                    outcome=ConferenceOutcome.END if last else ConferenceOutcome.CONTINUE,
                    recorded_by=worker,
                    notes="Review of the plan's progress.",
                ),
            )
            self.batch.event(
                self.child,
                "conference.held",
                ctx.at(held),
                worker,
                review,
                kind="Review child protection conference",
                outcome="Child protection plan ends" if last else "Child protection plan continues",
            )
            held_reviews.append(review)
        conferences.plan_conferences(ctx, self.batch, self.child, episode, plan, held_reviews, worker, ended)
        # Core groups: within 10 working days of the ICPC, then about 6-weekly.
        group = ctx.wd(start, rng.randint(5, 10))
        until = end_day or ctx.today
        while group <= until:
            g = self.batch.add(
                "core_group",
                CoreGroup(plan=plan, held_on=group, notes="Progress against the plan reviewed.", recorded_by=worker),
            )
            self.batch.event(self.child, "core_group.held", ctx.at(group), worker, g)
            group = ctx.working(ctx.days(group, rng.randint(35, 48)))
        activity.casework(ctx, self.batch, self.child, worker, start, end_day, visit_type="cp", every=10)
        if not ended:
            pre_proceedings.pre_proceedings(ctx, self.batch, self.child, start, None, False, worker)
            return None
        manager = ctx.staff["safeguarding"].manager_of(worker)
        if becomes_looked_after and end_day < self.adult_on and self.care_leaver is None:  # as above
            reason = PlanEndReason.LOOKED_AFTER
        else:
            reason = PlanEndReason.NO_LONGER_AT_RISK
        pre_proceedings.pre_proceedings(
            ctx, self.batch, self.child, start, end_day, reason == PlanEndReason.LOOKED_AFTER, worker
        )
        plan.end_date, plan.end_reason, plan.ended_by = end_day, reason, manager
        self.batch.event(
            self.child, "cp_plan.ended", ctx.at(end_day, 16), manager, plan, reason=PlanEndReason(reason).label
        )
        if reason == PlanEndReason.LOOKED_AFTER:
            return self.looked_after(episode, end_day)
        if end_day < self.adult_on and rng.random() < 0.55:
            return self.cin_plan(episode, ctx.days(end_day, 1), months=(60, 180))
        return self.close(episode, end_day, ReasonForClosure.RC7, manager)

    # --- looked after ------------------------------------------------------------------------------
    def looked_after(self, episode, day) -> datetime.date | None:
        if day >= self.adult_on:
            return self.close(episode, self.adult_on, ReasonForClosure.RC7, self.ctx.staff["safeguarding"].any())
        end, reason = care.period_of_care(self, day)
        if end is None:
            return None
        self.adopted = reason == ReasonForClosure.RC1
        return self.close(episode, end, reason, self.ctx.staff["looked_after"].any())

    # --- closure -------------------------------------------------------------------------------------
    def close(self, episode, day, reason, actor) -> datetime.date:
        day = max(day, episode.start_date)
        episode.end_date, episode.closure_reason, episode.closed_by = day, reason, actor
        episode.closed_at = self.ctx.at(day, 17)
        self.batch.event(
            self.child,
            "cin_episode.closed",
            self.ctx.at(day, 17),
            actor,
            episode,
            reason=ReasonForClosure(reason).label,
            code=reason,
        )
        self.close_allocation(day)
        self.child.current_worker = self.child.current_team = None
        return day
