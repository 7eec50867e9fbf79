"""Looked-after children for the demo, recorded through the services with the clock moved to the
day each thing happened (permanence, care leavers, private fostering and LADO are in
demo_specialist.py).

Every looked-after child is a child in need: starting the period of care opens each child's
child in need episode (looked_after.services.period_start), so they are in the CIN census too.
Postcodes are real Birmingham ones (synthetic.generator.context.POSTCODES, the generated
authority's), so the SSDA903 postcode rules see the demo as they see the generated data."""

import datetime

from django.utils import timezone

from casework import services as casework
from core import clock
from looked_after import services as lac
from looked_after.services.episodes import PlacementDetails
from people.models import Person


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _child(given: str, family: str) -> Person:
    return Person.objects.get(given_name=given, family_name=family, is_child=True, merged_into__isnull=True)


def _no_previous_permanence(actor, child, started):
    """Asked at every period of care's start (SSDA903 PrevPerm, rule 630): none before (Z1)."""
    from permanence.services import previous_permanence_record

    previous_permanence_record(actor=actor, child=child, care_started_on=started, option="Z1")


def _health_year(actor, child, immunisations_on, *, dental, sdq=None):
    """A year's health record beside the assessments: immunisations up to date, a dental check
    and (from 4) a Strengths and Difficulties Questionnaire, each recorded on its day."""
    with clock.travel_to(_at(immunisations_on)):
        lac.immunisation_record(actor=actor, child=child, checked_on=immunisations_on, up_to_date=True)
    with clock.travel_to(_at(dental)):
        lac.health_check_record(actor=actor, child=child, kind="dental", done_on=dental)
    if sdq is not None:
        with clock.travel_to(_at(sdq[0])):
            lac.sdq_record(actor=actor, child=child, completed_on=sdq[0], score=sdq[1])


def load_demo_looked_after(staff: dict) -> None:
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    nowak, patel = staff["sw.nowak"], staff["iro.patel"]

    # Ellie: accommodated under section 20, then a care order; reviews on time; back from a
    # missing episode yesterday, so her return home interview is due within 72 hours.
    ellie = _child("Ellie", "Johnson")
    with clock.travel_to(_at(ago(400))):
        lac.period_start(
            actor=nowak,
            child=ellie,
            start_date=ago(400),
            legal_status="V2",
            category_of_need="N1",
            home_postcode="B13 0DZ",
            placement=PlacementDetails("U3", "PR1", "B16 6JL", local_authority="330", carer_name="Mr and Mrs Green"),
        )
        _no_previous_permanence(nowak, ellie, ago(400))
        lac.iro_assign(actor=nowak, child=ellie, iro=patel, start_date=ago(400))
    with clock.travel_to(_at(ago(390))):
        lac.health_check_record(actor=nowak, child=ellie, kind="iha", done_on=ago(390))
    for held in (ago(380), ago(290), ago(110)):
        with clock.travel_to(_at(held, 15)):
            lac.review_record(
                actor=patel,
                child=ellie,
                held_on=held,
                participation="PN1",
                summary="Placement stable; Ellie wants more time with her brother.",
            )
    with clock.travel_to(_at(ago(200))):
        lac.episode_change(actor=nowak, child=ellie, change_date=ago(200), legal_status="C2")
    with clock.travel_to(_at(ago(40))):
        lac.health_check_record(actor=nowak, child=ellie, kind="rha", done_on=ago(40))
    _health_year(nowak, ellie, ago(385), dental=ago(300), sdq=(ago(290), 14))
    casework.visit_record(
        actor=nowak,
        child=ellie,
        visited_at=_at(ago(20)),
        visit_type="cla",
        child_seen=True,
        seen_alone=True,
        observations="Settled with her carers; homework club twice a week.",
    )
    lac.missing_start(
        actor=nowak,
        child=ellie,
        kind="M",
        started_at=_at(ago(2), 18),
        returned_at=_at(ago(1), 9),
        reported_to_police=True,
        circumstances="Did not come home from school; found at a friend's house.",
    )

    # Kofi: placed with his mother under a care order for a long time: on the tracker.
    kofi = _child("Kofi", "Mensah")
    with clock.travel_to(_at(ago(700))):
        lac.period_start(
            actor=nowak,
            child=kofi,
            start_date=ago(700),
            legal_status="C2",
            category_of_need="N1",
            home_postcode="B21 9HG",
            placement=PlacementDetails("P1", "PR0", "B21 9HG", local_authority="330", carer_name="Ama Mensah"),
        )
        _no_previous_permanence(nowak, kofi, ago(700))
        lac.iro_assign(actor=nowak, child=kofi, iro=patel, start_date=ago(700))
        lac.pwp_agreement_record(
            actor=nowak,
            child=kofi,
            parent_name="Ama Mensah",
            agreement_signed_on=ago(700),
            assessment_completed_on=ago(710),
            discharge_plan="Apply to discharge the care order",
            discharge_target_date=ago(100),
        )
    # Nearly two years in care: his health assessments, dental checks, immunisations and SDQ, as
    # the SSDA903 OC2 table asks of a child looked after for the whole year (rules 182, 186, 191).
    with clock.travel_to(_at(ago(690))):
        lac.health_check_record(actor=nowak, child=kofi, kind="iha", done_on=ago(690))
    _health_year(nowak, kofi, ago(690), dental=ago(600), sdq=(ago(590), 17))
    with clock.travel_to(_at(ago(360))):
        lac.health_check_record(actor=nowak, child=kofi, kind="rha", done_on=ago(360))
    _health_year(nowak, kofi, ago(360), dental=ago(240), sdq=(ago(230), 15))

    # Harvey: looked after ten days ago; his first review and health assessment are coming up.
    harvey = _child("Harvey", "Evans")
    with clock.travel_to(_at(ago(10))):
        lac.period_start(
            actor=nowak,
            child=harvey,
            start_date=ago(10),
            legal_status="V2",
            category_of_need="N2",
            home_postcode="B25 8BP",
            placement=PlacementDetails("U4", "PR1", "B27 7TH", local_authority="330", carer_name="Ms Patel"),
        )
        _no_previous_permanence(nowak, harvey, ago(10))

    # Harvey: a week into care his foster placement could not keep him safe; he moved to a
    # children's home and the High Court authorised depriving him of his liberty there (the
    # SSDA903 DoLo table from 2026 to 2027).
    with clock.travel_to(_at(ago(7))):
        lac.episode_change(
            actor=nowak,
            child=harvey,
            change_date=ago(7),
            reason_place_change="CARPL",
            placement=PlacementDetails(
                "K2", "PR4", "B91 1XJ", local_authority="334", ofsted_urn="SC048213", carer_name="Oak House"
            ),
        )
    with clock.travel_to(_at(ago(6))):
        lac.dolo_start(actor=nowak, child=harvey, start_date=ago(6), court="High Court, Family Division")
