"""Looked-after records for tests, written through the services so each comes with its
chronology event and due items, as in real use."""

from __future__ import annotations

import datetime

from casework import services as casework_services
from casework.choices import VisitType
from children_in_need.testing import at
from looked_after import services
from looked_after.services import PlacementDetails

FOSTER = PlacementDetails(
    placement_type="U6", provider="PR1", postcode="NE1 4XF", ofsted_urn="", carer_name="Mr and Mrs Patel"
)
NEW_FOSTER = PlacementDetails(
    placement_type="U6", provider="PR4", postcode="NE3 2AB", ofsted_urn="1234567", carer_name="Ms Okafor"
)
HOME = PlacementDetails(
    placement_type="K2", provider="PR4", postcode="DH1 3LE", ofsted_urn="SC123456", carer_name="Oak House"
)
WITH_PARENTS = PlacementDetails(placement_type="P1", provider="PR0", postcode="NE6 1AA", carer_name="Ms Smith")
HOME_POSTCODE = "NE6 1AA"


def start_care(
    actor,
    child,
    on: datetime.date,
    *,
    legal_status="V2",
    placement=FOSTER,
    category_of_need="N1",
    home_postcode=HOME_POSTCODE,
):
    return services.period_start(
        actor=actor,
        child=child,
        start_date=on,
        legal_status=legal_status,
        category_of_need=category_of_need,
        home_postcode=home_postcode,
        placement=placement,
    )


def move(actor, child, on: datetime.date, placement=NEW_FOSTER, *, reason="CARPL", legal_status=None):
    return services.episode_change(
        actor=actor,
        child=child,
        change_date=on,
        placement=placement,
        reason_place_change=reason,
        legal_status=legal_status,
    )


def statutory_visit(actor, child, moment: datetime.datetime, *, seen=True):
    return casework_services.visit_record(
        actor=actor,
        child=child,
        visited_at=moment,
        visit_type=VisitType.STATUTORY_CLA,
        child_seen=seen,
        seen_alone=seen,
        bedroom_seen=True,
        observations="Settled with the carers.",
    )


__all__ = [
    "at",
    "start_care",
    "move",
    "statutory_visit",
    "FOSTER",
    "NEW_FOSTER",
    "HOME",
    "WITH_PARENTS",
    "HOME_POSTCODE",
]
