"""Where a generated placement is: inside the authority (a Birmingham postcode, as every other
generated address) or out of area, in a real authority at a realistic distance, with a real
postcode there; now and then not recorded.

Most children are placed inside their own authority; children's homes, secure homes and young
offender institutions much less often; placed with parents always at home. Out of area, nearer
authorities are likelier (weight falls with distance). The postcodes are real (ONS postcode
directory, through the SSDA903 validator's reference data, which looks each one up), a few per
authority; a postcode alone identifies no one.

The draw is a hash of what the placement already is (child's birth date, start, type, postcode),
not the generator's random stream, so adding it left every other generated value as it was and
the bench's ensure step can give an existing authority's placements the same answers
(`placement_area`).
"""

from __future__ import annotations

import zlib

from codelists.local_authorities import NOT_KNOWN
from codelists.ssda903 import PlacementType as P
from looked_after.placements import OWN_PROVISION_ANYWHERE
from synthetic.generator.context import LA_CODE

# code: (km from Birmingham's centre, a few of its real postcodes)
AWAY = {
    "333": (9, ("B65 9ES", "B70 7LB", "B64 7EJ", "DY4 8WL")),  # Sandwell
    "334": (10, ("B90 4YU", "B91 1XJ", "B93 0EX", "B37 7SQ")),  # Solihull
    "335": (14, ("WS1 1TT", "WS3 2BD", "WS3 1PL", "B74 3ES")),  # Walsall
    "332": (15, ("DY2 9BD", "B63 3QT", "DY9 0GP", "DY6 8TX")),  # Dudley
    "336": (20, ("WV1 4RD", "WV4 4DS", "WV1 4AS", "WV10 6SR")),  # Wolverhampton
    "331": (27, ("CV1 3PJ", "CV6 9SX", "CV2 2TX", "CV3 9JH")),  # Coventry
    "894": (45, ("TF2 6DY", "TF1 3XB", "TF3 2AQ", "TF1 2NR")),  # Telford and Wrekin
    "856": (54, ("LE2 8GA", "LE5 2HX", "LE4 7TQ", "LE3 8ZE")),  # Leicester
    "861": (62, ("ST4 3RE", "ST3 3DN", "ST2 0LR", "ST2 7JR")),  # Stoke-on-Trent
    "892": (72, ("NG7 2GJ", "NG8 4HH", "NG5 9EX", "NG3 3DP")),  # Nottingham
    "352": (112, ("M14 6HL", "M9 5UG", "M18 7RY", "M11 3EF")),  # Manchester
    "801": (123, ("BS4 5QN", "BS5 8PG", "BS9 1BD", "BS4 4DN")),  # Bristol
}
_CODES = list(AWAY)
_WEIGHTS = [1 / (1 + km / 15) for km, _ in AWAY.values()]

# The share placed inside the authority, by type (the rest out of area).
_INSIDE = {
    P.P1: 1.0,
    P.K1: 0.2,
    P.K2: 0.4,
    P.R5: 0.2,
    P.S1: 0.3,
    P.A3: 0.5,
    P.A4: 0.5,
    P.A5: 0.5,
    P.A6: 0.5,
    P.U1: 0.8,
    P.U2: 0.8,
    P.U3: 0.8,
}
_INSIDE_OTHERWISE = 0.7
# Placements whose authority the worker never recorded (late or missing work).
NOT_RECORDED = 0.01


def placement_area(
    *, date_of_birth, start_date, placement_type: str, provider: str, postcode: str, other_than: tuple[str, ...] = ()
) -> tuple[str, str]:
    """(the placement's local authority code, its postcode): the postcode given when inside the
    authority or not known, one of the chosen authority's otherwise, never one in `other_than`
    (the placement the child moves from: SSDA903 rule 435)."""
    draw = zlib.crc32(f"{date_of_birth}|{start_date}|{placement_type}|{postcode}".encode())
    share = (draw % 10_000) / 10_000
    if placement_type == P.P1:  # with parents: at home, which is in the authority
        return LA_CODE, postcode
    if provider == "PR1" and placement_type not in OWN_PROVISION_ANYWHERE:  # SSDA903 rule 1015
        return LA_CODE, postcode
    if share < NOT_RECORDED:
        return NOT_KNOWN, postcode
    if share < NOT_RECORDED + _INSIDE.get(placement_type, _INSIDE_OTHERWISE) * (1 - NOT_RECORDED):
        return LA_CODE, postcode
    point = ((draw >> 14) % 10_000) / 10_000 * sum(_WEIGHTS)
    for code, weight in zip(_CODES, _WEIGHTS):
        point -= weight
        if point < 0:
            break
    postcodes = [p for p in AWAY[code][1] if p not in other_than]
    return code, postcodes[(draw >> 28) % len(postcodes)]


def backfill_placement_areas() -> int:
    """Give the generated placements recorded before the placement's authority was (blank) the
    authority and postcode the generator gives now, child by child in date order so a move is
    never to the postcode moved from. For an authority generated before, such as the bench's
    large one, which is never regenerated. Returns how many placements it changed."""
    from django.db import transaction

    from looked_after.models import Placement

    blank = (
        Placement.objects.filter(child__la_id__startswith="G", local_authority="")
        .select_related("child")
        .order_by("child_id", "start_date", "pk")
    )
    changed, previous = [], {}
    for placement in blank.iterator(chunk_size=5000):
        before = previous.get(placement.child_id)
        placement.local_authority, placement.postcode = placement_area(
            date_of_birth=placement.child.date_of_birth,
            start_date=placement.start_date,
            placement_type=placement.placement_type,
            provider=placement.provider,
            postcode=placement.postcode,
            other_than=(before,) if before else (),
        )
        previous[placement.child_id] = placement.postcode
        changed.append(placement)
    with transaction.atomic():
        Placement.objects.bulk_update(changed, ["local_authority", "postcode"], batch_size=2000)
    return len(changed)
