"""A period of care: episodes and placements end to end, the IRO, looked-after reviews, care
plans, health (initial and review health assessments, dental checks, immunisations, SDQ for
ages 4 to 16), personal education plans, statutory visits and missing episodes with return
interviews.

Shaped for a clean SSDA903 return: the first episode is RNE S; each change ends the episode
with X1 and starts the next the same day; placed with parents (P1) only under a care order and
provided by the parents (PR0); Ofsted URNs only for placement types that have one; reviews
within 20 working days, then 3 months, then at most 6-monthly; a reason whenever an episode ends.
About one child in ten has an unsettled spell with three or more placements in a year.
"""

from __future__ import annotations

import datetime

from casework.choices import VisitType
from codelists.cin import ReasonForClosure
from codelists.ssda903 import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode, ReviewParticipation
from looked_after.choices import HealthCheckKind
from looked_after.models import (
    CarePlan,
    Episode,
    HealthCheck,
    ImmunisationStatus,
    IROAssignment,
    LAReview,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
    Placement,
    ReturnInterview,
    SDQScore,
)
from synthetic.generator import activity, leaving_care, permanence, pre_proceedings
from synthetic.generator.geography import placement_area
from timescales.calendar import add_months, age_on, birthday

LA_FOSTERING_URN = "2600107"  # the generated authority's own fostering service
AGENCY_URNS = ["1043521", "1128846", "2511302", "1176640", "2098813"]
MOVE_REASONS = ["CARPL", "CREQB", "CREQO", "CHILD", "LAREQ", "STAND", "OTHER"]


def _placement_details(rng, age: int, legal_status: str, route=None):
    if legal_status in (LegalStatus.C1, LegalStatus.C2) and rng.random() < 0.05 and route is None:
        return PlacementType.P1, "PR0", "", "Placed with mother"
    if age >= 13 and rng.random() < 0.32:
        provider = "PR4" if rng.random() < 0.8 else "PR1"
        return PlacementType.K2, provider, f"SC{rng.randint(100000, 999999)}", "Children's home"
    kind = rng.choices([PlacementType.U6, PlacementType.U3, PlacementType.U4, PlacementType.U1], [55, 20, 18, 7])[0]
    if kind in (PlacementType.U3, PlacementType.U1):
        return kind, "PR1", LA_FOSTERING_URN, "Connected carers"
    provider = "PR1" if rng.random() < 0.6 else "PR4"
    return kind, provider, LA_FOSTERING_URN if provider == "PR1" else rng.choice(AGENCY_URNS), "Foster carers"


def period_of_care(journey, start: datetime.date):
    """Plan the period from `start`. Returns (end date, CIN closure reason), or (None, None) if
    the child is still looked after today."""
    ctx, rng, batch, child = journey.ctx, journey.rng, journey.batch, journey.child
    age = age_on(child.date_of_birth, start)
    length = rng.choices([(20, 180), (180, 540), (540, 1460), (1460, 3000)], [25, 35, 30, 10])[0]
    planned_end = ctx.days(start, rng.randint(*length))
    adult = journey.adult_on + datetime.timedelta(days=1)  # the 18th birthday
    legal = LegalStatus.V2 if age >= 16 or rng.random() < 0.3 else LegalStatus.C1
    care_order_on = add_months(start, rng.randint(5, 12)) if legal == LegalStatus.C1 else None
    # Young children under a care order may be planned for adoption: the adoption order ends the period.
    route = permanence.plan_adoption(ctx, start, age, care_order_on)
    if route is not None and route.order_on is not None:
        planned_end = route.order_on
    end = min(planned_end, adult)
    open_today = end > ctx.today
    worker = journey.allocate("looked_after", start, open_ended=open_today, reason="transfer")
    iro = ctx.staff["iro"].take_open() if open_today else ctx.staff["iro"].any()
    period = batch.add("period", PeriodOfCare(child=child, start_date=start, started_by=worker))
    last = ctx.today if open_today else end
    unsettled = rng.random() < 0.12
    # Changes of placement (and of legal status), each starting a new episode the same day.
    changes, day = [], start
    while True:
        stay = rng.randint(20, 120) if unsettled else rng.randint(150, 900)
        day = ctx.days(day, stay)
        if day >= last:
            break
        changes.append(day)
    # The legal status each status change brings: the final hearing's care order (with a placement
    # order, E1, on the adoption route), and back to the care order when a placement order is revoked.
    statuses = {}
    if care_order_on and care_order_on < last:
        statuses[care_order_on] = LegalStatus.E1 if route is not None and route.placement_order else LegalStatus.C2
    if route is not None and route.revert_on and care_order_on < route.revert_on < last:
        statuses[route.revert_on] = LegalStatus.C2
    placed_on = route.placed_on if route is not None and route.placed_on and route.placed_on < last else None
    if placed_on:  # no moves once placed for adoption
        changes = [d for d in changes if d < placed_on] + [placed_on]
    changes = sorted(set(changes) | set(statuses))
    permanence.previous_permanence(ctx, batch, child, start, worker)

    placement = _new_placement(ctx, batch, child, period, start, age, legal, journey.home_postcode, route)
    episode = batch.add(
        "care_episode",
        Episode(
            child=child,
            period=period,
            placement=placement,
            start_date=start,
            reason_new_episode=ReasonNewEpisode.S,
            legal_status=legal,
            category_of_need="N1",
            home_postcode=journey.home_postcode,
            recorded_by=worker,
        ),
    )
    batch.event(
        child,
        "looked_after.started",
        ctx.at(start, 9, 0),
        worker,
        episode,
        legal_status=legal,
        legal_status_label=LegalStatus(legal).label,
        placement_type=placement.placement_type,
        placement=PlacementType(placement.placement_type).label,
        carer=placement.carer_name,
    )
    for change in changes:
        status_change = change in statuses
        new_legal = statuses.get(change, legal)
        episode.end_date, episode.reason_ceased = change, ReasonEpisodeCeased.X1
        if change == placed_on:
            # Placed for adoption from the foster placement (rule 336), under the placement order.
            placement.end_date = change
            episode.reason_place_change = "CARPL"
            placement = _adoption_placement(ctx, batch, child, period, change, route, journey.home_postcode, placement)
            rne = ReasonNewEpisode.T if route.foster_carers else ReasonNewEpisode.P
        elif status_change and placement.placement_type != PlacementType.P1:
            rne = ReasonNewEpisode.L
        else:
            placement.end_date = change
            episode.reason_place_change = rng.choice(MOVE_REASONS)
            placement = _new_placement(
                ctx,
                batch,
                child,
                period,
                change,
                age_on(child.date_of_birth, change),
                new_legal,
                journey.home_postcode,
                route,
                previous=placement,
            )
            rne = ReasonNewEpisode.B if status_change else ReasonNewEpisode.P
        legal = new_legal
        episode = batch.add(
            "care_episode",
            Episode(
                child=child,
                period=period,
                placement=placement,
                start_date=change,
                reason_new_episode=rne,
                legal_status=legal,
                category_of_need="N1",
                home_postcode=journey.home_postcode,
                recorded_by=worker,
            ),
        )
        batch.event(
            child,
            "looked_after.episode_changed",
            ctx.at(change, 10, 0),
            worker,
            episode,
            reason=ReasonNewEpisode(rne).label,
            legal_status=legal,
            legal_status_label=LegalStatus(legal).label,
            placement_type=placement.placement_type,
            placement=PlacementType(placement.placement_type).label,
            carer=placement.carer_name,
            reason_place_change="",
        )

    _reviews(ctx, batch, child, period, start, last, iro, worker)
    _health(ctx, batch, child, start, last, worker)
    _missing(ctx, batch, child, period, start, last, worker)
    activity.casework(
        ctx, batch, child, worker, start, None if open_today else end, visit_type=VisitType.STATUTORY_CLA, every=42
    )
    if open_today:
        if route is not None:
            permanence.record_adoption(ctx, batch, child, route, last, worker, ended=None)
        permanence.long_term_fostering(ctx, batch, child, start, last, None, worker)
        pre_proceedings.deprivation_of_liberty(ctx, batch, child, period, worker)
        batch.open_children.append(child)
        return None, None

    if route is not None and route.order_on == end:
        reason_ceased = ReasonEpisodeCeased.E12 if route.consent_dispensed else ReasonEpisodeCeased.E11
        closure = ReasonForClosure.RC1
    elif end >= adult:
        reason_ceased = ReasonEpisodeCeased.E17 if placement.placement_type.startswith("U") else ReasonEpisodeCeased.E8
        closure = ReasonForClosure.RC7
    elif legal == LegalStatus.V2:
        reason_ceased, closure = ReasonEpisodeCeased.E13, ReasonForClosure.RC7
    else:
        reason_ceased, closure = rng.choices(
            [
                (ReasonEpisodeCeased.E41, ReasonForClosure.RC3),
                (ReasonEpisodeCeased.E45, ReasonForClosure.RC4),
                (ReasonEpisodeCeased.E46, ReasonForClosure.RC4),
                (ReasonEpisodeCeased.E13, ReasonForClosure.RC7),
            ],
            [30, 20, 15, 35],
        )[0]
        if closure == ReasonForClosure.RC4:
            reason_ceased = permanence.sgo_reason(placement.placement_type)
    episode.end_date, episode.reason_ceased = end, reason_ceased
    placement.end_date = end
    period.end_date, period.ended_by = end, worker
    batch.event(
        child,
        "looked_after.ended",
        ctx.at(end, 16, 0),
        worker,
        episode,
        reason=ReasonEpisodeCeased(reason_ceased).label,
        reason_ceased=reason_ceased,
    )
    iro_row = batch.rows["iro"][-1]
    iro_row.end_date = end
    pre_proceedings.deprivation_of_liberty(ctx, batch, child, period, worker)
    if route is not None:
        permanence.record_adoption(ctx, batch, child, route, last, worker, ended=end)
    permanence.long_term_fostering(ctx, batch, child, start, last, end, worker)
    if closure in (ReasonForClosure.RC3, ReasonForClosure.RC4):
        permanence.record_order_ending(ctx, batch, child, start, end, reason_ceased, worker)
    leaving_care.after_care(journey, period, end, reason_ceased, worker)
    return end, closure


def _adoption_placement(ctx, batch, child, period, day, route, home_postcode, previous):
    kind = PlacementType.A5 if route.foster_carers else PlacementType.A6
    area, postcode = placement_area(
        date_of_birth=child.date_of_birth,
        start_date=day,
        placement_type=kind,
        provider="PR1",
        postcode=ctx.postcode(other_than=(home_postcode, previous.postcode)),
        other_than=(previous.postcode,),
    )
    return batch.add(
        "placement",
        Placement(
            child=child,
            period=period,
            start_date=day,
            placement_type=kind,
            provider="PR1",
            postcode=postcode,
            local_authority=area,
            ofsted_urn=LA_FOSTERING_URN,
            carer_name="Prospective adopters",
        ),
    )


def _new_placement(ctx, batch, child, period, day, age, legal, home_postcode, route=None, previous=None):
    placement_type, provider, urn, carer = _placement_details(ctx.rng, age, legal, route)
    # Placed with parents (P1) may be at home; any other placement is elsewhere (rule 392d).
    away = () if placement_type == PlacementType.P1 else (home_postcode,)
    if previous is not None:
        away += (previous.postcode,)
    area, postcode = placement_area(
        date_of_birth=child.date_of_birth,
        start_date=day,
        placement_type=placement_type,
        provider=provider,
        postcode=ctx.postcode(other_than=away),
        other_than=away,
    )
    return batch.add(
        "placement",
        Placement(
            child=child,
            period=period,
            start_date=day,
            placement_type=placement_type,
            provider=provider,
            postcode=postcode,
            local_authority=area,
            ofsted_urn=urn,
            carer_name=carer,
            intended_until_18=placement_type in (PlacementType.U1, PlacementType.U4),
        ),
    )


def _reviews(ctx, batch, child, period, start, last, iro, worker):
    rng = ctx.rng
    assign = batch.add("iro", IROAssignment(child=child, period=period, iro=iro, start_date=start, assigned_by=worker))
    batch.event(
        child, "looked_after.iro_assigned", ctx.at(start, 11), worker, assign, iro=f"{iro.first_name} {iro.last_name}"
    )
    plan = batch.add(
        "care_plan",
        CarePlan(
            child=child,
            period=period,
            agreed_on=min(ctx.days(start, rng.randint(0, 9)), last),
            summary="Care plan agreed with the child and family.",
            recorded_by=worker,
        ),
    )
    batch.event(child, "looked_after.care_plan", ctx.at(plan.agreed_on), worker, plan)
    # First within 20 working days, second within 3 months of it, then at most every 6 months
    # (CPPCR reg 33). Always on time: a late review is a data-quality problem (LAR-GAP), which
    # only faults.py's review_gap puts in, so that a clean authority has none.
    held = ctx.wd(start, rng.randint(8, 20))
    n = 0
    while held <= last and held < ctx.today:
        age = age_on(child.date_of_birth, held)
        code = (
            ReviewParticipation.PN0
            if age < 4
            else rng.choice(
                [ReviewParticipation.PN1, ReviewParticipation.PN1, ReviewParticipation.PN4, ReviewParticipation.PN6]
            )
        )
        review = batch.add(
            "la_review",
            LAReview(
                child=child,
                period=period,
                held_on=held,
                participation=code,
                chaired_by=iro,
                summary="Plan reviewed; actions agreed.",
                recorded_by=iro,
            ),
        )
        batch.event(
            child,
            "looked_after.review_held",
            ctx.at(held),
            iro,
            review,
            chair=f"{iro.first_name} {iro.last_name}",
            participation=code,
            participation_label=ReviewParticipation(code).label,
        )
        n += 1
        limit = add_months(held, 3 if n == 1 else 6)
        held = _working_on_or_before(ctx, limit - datetime.timedelta(days=rng.randint(3, 30)))


def _working_on_or_before(ctx, day):
    """The day itself if it is a working day, otherwise the working day before: moving forward
    (ctx.working) could carry a review over Christmas past its limit."""
    while not ctx.calendar.is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def _year_end(day: datetime.date) -> datetime.date:
    """31 March ending the collection year (April to March) that holds `day`."""
    return datetime.date(day.year if day.month <= 3 else day.year + 1, 3, 31)


def _health(ctx, batch, child, start, last, worker):
    rng = ctx.rng
    iha = ctx.wd(start, rng.randint(10, 20) if rng.random() < 0.8 else rng.randint(21, 45))
    day, kind = iha, HealthCheckKind.INITIAL
    while day <= last and day < ctx.today:
        check = batch.add("health", HealthCheck(child=child, kind=kind, done_on=day, recorded_by=worker))
        batch.event(child, "health.check", ctx.at(day), worker, check, kind=HealthCheckKind(kind).label)
        age = age_on(child.date_of_birth, day)
        if age >= 1:
            dental_on = min(ctx.days(day, rng.randint(0, 40)), last, ctx.today - datetime.timedelta(days=1))
            dental = batch.add(
                "health", HealthCheck(child=child, kind=HealthCheckKind.DENTAL, done_on=dental_on, recorded_by=worker)
            )
            batch.event(child, "health.check", ctx.at(dental_on), worker, dental, kind=HealthCheckKind.DENTAL.label)
        imm = batch.add(
            "immunisation",
            ImmunisationStatus(child=child, checked_on=day, up_to_date=rng.random() < 0.88, recorded_by=worker),
        )
        batch.event(child, "health.immunisations", ctx.at(day), worker, imm, up_to_date=imm.up_to_date)
        if 4 <= age <= 16:
            if rng.random() < 0.9:
                sdq = SDQScore(child=child, completed_on=day, score=rng.randint(4, 30), recorded_by=worker)
            else:
                sdq = SDQScore(
                    child=child, completed_on=day, reason=rng.choice(["SDQ2", "SDQ4", "SDQ5"]), recorded_by=worker
                )
        elif age == 17 or (age == 3 and birthday(child.date_of_birth, 4) <= _year_end(day)):
            # Too young or too old for the questionnaire, said so: the return asks a reason of
            # every child who turns 4 or 17 in the year (rule 197B), and SDQ1 is that reason;
            # but nothing of a child still under 4 at the year's end (rule 188).
            sdq = SDQScore(child=child, completed_on=day, reason="SDQ1", recorded_by=worker)
        else:
            sdq = None
        if sdq is not None:
            batch.add("sdq", sdq)
            batch.event(child, "health.sdq", ctx.at(day), worker, sdq, score=sdq.score, reason=sdq.reason)
        if 5 <= age <= 16:
            pep = batch.add(
                "pep",
                PersonalEducationPlan(
                    child=child, held_on=day, notes="Targets agreed with the school.", recorded_by=worker
                ),
            )
            batch.event(child, "education.pep", ctx.at(day), worker, pep)
        kind = HealthCheckKind.REVIEW
        day = ctx.days(day, rng.randint(150, 182) if age < 5 else rng.randint(300, 364))


def _missing(ctx, batch, child, period, start, last, worker):
    rng = ctx.rng
    # Teenagers in care go missing far more often than younger children (about one looked-after
    # child in ten in a year nationally, most of them over 11).
    if age_on(child.date_of_birth, start) < 11 or rng.random() > 0.45:
        return
    when = ctx.at(ctx.days(start, rng.randint(10, 120)), rng.randint(16, 23))
    for _ in range(rng.randint(1, 6)):
        if when.date() > last or when.date() >= ctx.today - datetime.timedelta(days=4):
            return
        back = when + datetime.timedelta(hours=rng.randint(2, 60))
        if back.date() > last:
            # Back before care ends: a missing episode belongs to the period of care it began
            # in, and one still running after the child left care is an error (rule 577).
            back = ctx.at(last, 23, 59)
        kind = "M" if rng.random() < 0.8 else "A"
        episode = batch.add(
            "missing",
            MissingEpisode(
                child=child,
                period=period,
                kind=kind,
                started_at=when,
                returned_at=back,
                reported_to_police=kind == "M",
                circumstances="Did not return to the placement.",
                recorded_by=worker,
            ),
        )
        batch.event(child, "missing.started", when, worker, episode, kind=kind)
        batch.event(child, "missing.returned", back, worker, episode)
        offered = back + datetime.timedelta(hours=rng.randint(4, 70) if rng.random() < 0.85 else rng.randint(73, 140))
        accepted = rng.random() < 0.7
        if offered >= ctx.now:
            return
        interview = batch.add(
            "return_interview",
            ReturnInterview(
                missing_episode=episode,
                offered_at=offered,
                accepted=accepted,
                held_on=offered.date() if accepted else None,
                interviewer="Return interview service",
                learned="Spent the time with friends in the town centre." if accepted else "",
                recorded_by=worker,
            ),
        )
        batch.event(child, "missing.return_interview", offered, worker, interview, accepted=accepted)
        when = back + datetime.timedelta(days=rng.randint(14, 120))
