"""The specialist services' part of the demo: permanence, care leavers, private fostering and
the LADO service, recorded through the same services a worker's clicks use, with the clock
moved to the day each thing happened, so due items, trackers and chronologies are what the
live system would hold.

- Amelia Wood: an adoption decision four months ago with no step since: on the decisions tracker.
- Noah Parker: adoption decision, placement order, match, and placed with his adopters two
  weeks ago: the adoption review and weekly visits are due.
- Jordan Hall: left care at 17 and now a relevant child, with a personal adviser, a pathway
  plan and a recent keeping-in-touch contact.
- Maya Singh: privately fostered by a family friend; notified last week, so the first visit
  (7 working days) is due.
- An allegation against a youth football coach, at the strategy meeting stage.

Idempotent: it does nothing when Amelia Wood is already there.
"""

import datetime
import random

from django.utils import timezone

from allegations import services as lado
from care_leavers import services as leaving_care
from children_in_need import services as cin
from core import clock
from looked_after import services as lac
from looked_after.services.episodes import PlacementDetails
from people import services as people
from people.identifiers import generate_upn
from people.models import Person
from permanence import services as permanence
from private_fostering import services as private_fostering

MARKER = ("Amelia", "Wood")


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _years_before(day: datetime.date, years: int, days: int = 0) -> datetime.date:
    try:
        birthday = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        birthday = day.replace(year=day.year - years, day=28)
    return birthday - datetime.timedelta(days=days)


def load_demo_specialist(staff: dict) -> bool:
    """Create the specialist services' demo records if they are not there. Returns True if it
    created anything."""
    given, family = MARKER
    if Person.objects.filter(given_name=given, family_name=family, is_child=True).exists():
        return False
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    _permanence(staff, today, ago)
    _care_leaver(staff, today, ago)
    _private_fostering(staff, today, ago)
    _allegation(staff, ago)
    return True


def _looked_after(worker, child, start, legal_status, placement):
    with clock.travel_to(_at(start)):
        lac.period_start(
            actor=worker,
            child=child,
            start_date=start,
            legal_status=legal_status,
            category_of_need="N1",
            home_postcode="B31 3PT",
            placement=placement,
        )
        # Asked at every period of care's start (SSDA903 PrevPerm, rule 630): none before.
        permanence.previous_permanence_record(actor=worker, child=child, care_started_on=start, option="Z1")


def _permanence(staff, today, ago):
    nowak = staff["sw.nowak"]
    # Each looked-after child's record is opened the morning their care began, so the worker who
    # opened it holds the case from then (the SSDA903 social worker episodes, rule SW12STG2).
    with clock.travel_to(_at(ago(300), 9)):
        amelia = people.person_create(
            actor=nowak,
            given_name="Amelia",
            family_name="Wood",
            sex="F",
            ethnicity="WBRI",
            disabilities=["NONE"],
            upn_unknown_reason="UN1",
            date_of_birth=_years_before(today, 3, 40),
        )
    _looked_after(
        nowak,
        amelia,
        ago(300),
        "C2",
        PlacementDetails("U4", "PR1", "B14 6JU", local_authority="330", carer_name="Mr and Mrs Shah"),
    )
    with clock.travel_to(_at(ago(125))):
        permanence.permanence_decision_record(
            actor=nowak,
            child=amelia,
            option="adoption",
            decided_on=ago(125),
            panel_on=ago(132),
            decision_maker="Alex Moore, head of service",
            notes="Adoption panel recommended adoption; the agency decision maker agreed.",
        )

    with clock.travel_to(_at(ago(420), 9)):
        noah = people.person_create(
            actor=nowak,
            given_name="Noah",
            family_name="Parker",
            sex="M",
            ethnicity="WBRI",
            disabilities=["NONE"],
            upn_unknown_reason="UN1",
            date_of_birth=_years_before(today, 2, 100),
        )
    _looked_after(
        nowak,
        noah,
        ago(420),
        "C2",
        PlacementDetails("U4", "PR1", "B17 9AN", local_authority="330", carer_name="Ms Adebayo"),
    )
    # An under-five's health assessments every six months, a dental check and his immunisations:
    # what the SSDA903 OC2 table asks of a child looked after for the whole year (rules 182, 191).
    for kind, day in (("iha", ago(410)), ("dental", ago(300)), ("rha", ago(230)), ("rha", ago(50))):
        with clock.travel_to(_at(day)):
            lac.health_check_record(actor=nowak, child=noah, kind=kind, done_on=day)
    for day in (ago(410), ago(230)):
        with clock.travel_to(_at(day)):
            lac.immunisation_record(actor=nowak, child=noah, checked_on=day, up_to_date=True)
    with clock.travel_to(_at(ago(240))):
        decision = permanence.permanence_decision_record(
            actor=nowak,
            child=noah,
            option="adoption",
            decided_on=ago(240),
            decision_maker="Alex Moore, head of service",
        )
    with clock.travel_to(_at(ago(180))):
        permanence.permanence_order_record(
            actor=nowak,
            child=noah,
            kind="placement",
            decision=decision,
            made_on=ago(180),
            court="Northshire Family Court",
        )
    with clock.travel_to(_at(ago(45))):
        permanence.adoption_match_record(
            actor=nowak,
            decision=decision,
            matched_on=ago(45),
            number_of_adopters=2,
            adopter_sex="MF",
            adopter_legal_status="L11",
            foster_carers_adopting=False,
        )
    with clock.travel_to(_at(ago(14))):
        permanence.adoption_placement_record(actor=nowak, decision=decision, placed_on=ago(14))


def _care_leaver(staff, today, ago):
    nowak, adviser = staff["sw.nowak"], staff["pa.adeyemi"]
    came_into_care = _years_before(today, 2, 150)
    with clock.travel_to(_at(came_into_care, 9)):
        jordan = people.person_create(
            actor=nowak,
            given_name="Jordan",
            family_name="Hall",
            sex="M",
            ethnicity="WBRI",
            disabilities=["NONE"],
            upn=generate_upn(random.Random("Jordan Hall"), "330"),
            date_of_birth=_years_before(today, 17, 200),
        )
    sixteenth = _years_before(today, 1, 200)
    # Looked after from 15, for well over the 13 weeks after 14 that make an eligible child.
    _looked_after(
        nowak,
        jordan,
        came_into_care,
        "V2",
        PlacementDetails("U6", "PR1", "B32 2EY", local_authority="330", carer_name="Mr and Mrs Doyle"),
    )
    with clock.travel_to(_at(ago(120))):
        lac.period_end(actor=nowak, child=jordan, end_date=ago(120), reason_ceased="E5")
        # His child in need episode (opened with the period of care) closes with it: from here
        # the leaving care team supports him as a care leaver, not as a child in need.
        cin.episode_close(
            actor=nowak, episode=jordan.cin_episodes.get(end_date__isnull=True), closure_date=ago(120), reason="RC7"
        )
        care_leaver = leaving_care.care_leaver_start(
            actor=nowak,
            person=jordan,
            category="relevant",
            category_since=ago(120),
            eligible_from=sixteenth,
            personal_adviser=adviser,
            adviser_since=ago(120),
        )
    with clock.travel_to(_at(ago(110))):
        leaving_care.needs_assessment_record(actor=adviser, care_leaver=care_leaver, completed_on=ago(110))
    with clock.travel_to(_at(ago(100))):
        leaving_care.pathway_plan_record(
            actor=adviser,
            care_leaver=care_leaver,
            started_on=ago(100),
            notes="Supported lodgings; level 2 catering course at Northshire College.",
        )
    with clock.travel_to(_at(ago(9))):
        leaving_care.keeping_in_touch_record(
            actor=adviser, care_leaver=care_leaver, contact_on=ago(9), in_touch="YES", accommodation="E1", activity="F2"
        )


def _private_fostering(staff, today, ago):
    officer = staff["pf.harris"]
    maya = people.person_create(
        actor=staff["sw.nowak"],
        given_name="Maya",
        family_name="Singh",
        sex="F",
        date_of_birth=_years_before(today, 14, 60),
    )
    with clock.travel_to(_at(ago(3))):
        arrangement = private_fostering.private_fostering_notify(
            actor=officer,
            child=maya,
            notified_on=ago(3),
            notification_kind="started",
            notified_by="school",
            carer_name="Priya Sandhu",
            carer_address="4 Mill Lane, Northtown B18 4PT",
            carer_relationship="Family friend",
            started_on=ago(10),
        )
    return arrangement


def _allegation(staff, ago):
    officer = staff["lado.griffiths"]
    with clock.travel_to(_at(ago(6))):
        allegation = lado.allegation_record(
            actor=officer,
            received_on=ago(6),
            referred_on=ago(6),
            referrer_name="Club welfare officer",
            referrer_organisation="Northtown Juniors FC",
            subject_name="Dean Fletcher",
            subject_role="Volunteer coach",
            subject_employer="Northtown Juniors FC",
            subject_sector="sport",
            criteria=["harmed"],
            category="physical",
            details="A player said the coach pushed him to the ground at training.",
        )
    with clock.travel_to(_at(ago(4), 14)):
        lado.lado_meeting_record(
            actor=officer,
            allegation=allegation,
            kind="strategy",
            held_on=ago(4),
            attendees="LADO, police, club welfare officer",
            decisions="Police to speak to the player; the coach is suspended from training meanwhile.",
        )
