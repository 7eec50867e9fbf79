"""The SSDA903 rules about a placement's codes, checked as the social worker types them, so the
return validates first time. Pure functions: no database.

Sources: the DfE validation rules in specs/validator_rules/lac_validator_rules_lac2025_26.tsv
(rule numbers cited beside each check).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError

from codelists.local_authorities import NOT_KNOWN, LocalAuthority
from codelists.ssda903 import LegalStatus, PlacementProvider, PlacementType, ReasonNewEpisode
from people.identifiers import validate_uk_postcode

P = PlacementType
PR = PlacementProvider

# Rule 222: an Ofsted URN should not be recorded for these placement types (no Ofsted-registered
# provider stands behind them).
NO_URN_TYPES = frozenset({P.P1, P.P3, P.R1, P.R2, P.R5, P.T0, P.T1, P.T2, P.T3, P.T4, P.Z1})

# Rules 527-531 and 550: placed with parents is provided by the parents (PR0), and PR0 means P1.
# Rules 527/528: own or another authority's provision cannot be an NHS setting or a YOI.
# Rule 529: other public provision cannot be an adoption, children's home or foster placement.
_NOT_PROVIDED_BY = {
    PR.PR1: frozenset({P.P1, P.R2, P.R5}),
    PR.PR2: frozenset({P.P1, P.R2, P.R5}),
    PR.PR3: frozenset({P.P1, P.A3, P.A4, P.A5, P.A6, P.K1, P.K2, P.U1, P.U2, P.U3, P.U4, P.U5, P.U6}),
    PR.PR4: frozenset({P.P1}),
    PR.PR5: frozenset({P.P1}),
}

# Foster placements with relatives or friends: the ones a connected person may hold on a
# temporary approval (CPPCR reg 24).
CONNECTED_PERSON_TYPES = frozenset({P.U1, P.U2, P.U3})
# "Long term fostering" codes: the placement is intended to last until the child is 18.
LONG_TERM_TYPES = frozenset({P.U1, P.U4})

# An Ofsted URN: SC and six digits for a children's home, or seven digits for others; rule 1008
# checks them against Ofsted's list, which we do not hold.
_URN = re.compile(r"^(SC\d{6}|\d{6,7})$")

CARE_ORDERS = frozenset({LegalStatus.C1, LegalStatus.C2})

# Rule 1015: the authority's own provision (PR1) is inside its own area, except foster and
# adoptive placements and supported accommodation, which may be anywhere.
OWN_PROVISION_ANYWHERE = frozenset({P.A3, P.A4, P.A5, P.A6, P.U1, P.U2, P.U3, P.U4, P.U5, P.U6, P.K3})


def clean_placement(
    *,
    placement_type: str,
    provider: str,
    postcode: str,
    ofsted_urn: str = "",
    temporary_approval: bool = False,
    local_authority: str = "",
) -> tuple[dict, dict[str, str]]:
    """Check a placement's codes. Returns (cleaned values, errors by field). A blank local
    authority is allowed here (placements recorded before it was asked); the forms require it."""
    errors: dict[str, str] = {}
    cleaned = {
        "placement_type": placement_type,
        "provider": provider,
        "ofsted_urn": (ofsted_urn or "").strip().upper(),
        "local_authority": local_authority or "",
    }
    area = cleaned["local_authority"]
    if area and area not in LocalAuthority.values:
        errors["local_authority"] = "Select the local authority the placement is in, or “Not known”"
    elif (
        provider == PR.PR1
        and placement_type not in OWN_PROVISION_ANYWHERE
        and area not in ("", NOT_KNOWN)
        and area != settings.OPENCSC_LA_CODE
    ):
        errors["local_authority"] = (
            "The authority's own provision (PR1) of this type is inside its own area (SSDA903 rule 1015). "
            "Check the local authority or the provider"
        )
    if placement_type not in PlacementType.values:
        errors["placement_type"] = "Select the placement type"
    if provider not in PlacementProvider.values:
        errors["provider"] = "Select the placement provider"
    if not errors:
        if provider == PR.PR0 and placement_type != P.P1:
            errors["provider"] = "Parents (PR0) can only provide a placement with parents (P1). Select the provider"
        elif placement_type in _NOT_PROVIDED_BY.get(provider, ()):
            label = PlacementProvider(provider).label
            errors["provider"] = (
                f"A placement of type {placement_type} cannot be provided by “{label}”. Select the provider"
            )
    try:
        cleaned["postcode"] = validate_uk_postcode(postcode)
    except ValidationError as error:
        errors["postcode"] = "Enter the placement postcode" if error.code == "required" else error.messages[0]
    urn = cleaned["ofsted_urn"]
    if urn:
        if placement_type in NO_URN_TYPES:
            errors["ofsted_urn"] = "Leave the Ofsted URN blank: this type of placement has no Ofsted registration"
        elif not _URN.match(urn):
            errors["ofsted_urn"] = "Enter the Ofsted URN as 6 or 7 digits, or SC and 6 digits, like SC123456"
    if temporary_approval and placement_type not in CONNECTED_PERSON_TYPES:
        errors["temporary_approval"] = (
            "Only a foster placement with relatives or friends (U1, U2 or U3) can be a temporary approval"
        )
    return cleaned, errors


def reason_new_episode(*, legal_status_changed: bool, placement_changed: bool, same_carers: bool) -> str:
    """RNE for an episode that follows another the same day."""
    if legal_status_changed and placement_changed:
        return ReasonNewEpisode.U if same_carers else ReasonNewEpisode.B
    if placement_changed:
        return ReasonNewEpisode.T if same_carers else ReasonNewEpisode.P
    return ReasonNewEpisode.L
