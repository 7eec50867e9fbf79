"""Code lists of the children looked after return (SSDA903), 2025 to 2026 collection.

Source of the codes: ``specs/ssda903/SSDA903_schema_2017.yml`` with the yearly diffs applied in
order (``SSDA903_schema_2019/2022/2024/2025/2026.diff.yml``; the file year is the year the collection
ends, so 2026 = 2025 to 2026). The yml gives codes but, apart from sex and ethnicity, no meanings.

Source of the labels: the DfE guide's wording as quoted in the Standard Safeguarding Dataset
(``specs/ssd/objects/*.yml``, field ``guidance``), and the Annex A mapping in
``specs/annex_a/Annex_A_schema.yml`` for legal statuses. Labels we could not find published in any
specification we hold are listed in ``UNVERIFIED_LABELS``: confirm them against the DfE's SSDA903
guide for 2025 to 2026 before relying on them.

Deliberately left out, because the specifications do not give a code list for them:

* care leaver eligibility (relevant, former relevant, ...): not an SSDA903 column (SSD only);
* UASC status: the UASC table carries only SEX, DOB and the date UASC status ceased;
* accommodation suitability: it is the 1/2 suffix of the ACCOM codes (``Accommodation``);
* reason for social worker change (SW_REASON, added in 2024): the codes are in the 2024 diff but
  their meanings are not in any specification we hold, and a guessed meaning on a form would be worse
  than none. Add it with the DfE guide to hand.
"""

from django.db import models


class YesNo(models.TextChoices):
    """0/1 flags: MOTHER (header), FOSTER_CARE (AD1, "0" False, "1" True), and the OC2 health and
    offending items (CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT,
    SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED). SSDA903_schema_2017.yml."""

    NO = "0", "No"
    YES = "1", "Yes"


class Sex(models.TextChoices):
    """SEX in the Header and UASC tables. M/F/U from 2024 to 2025 (the 2025 diff replaced 1 = male,
    2 = female). SSDA903_schema_2025.diff.yml."""

    M = "M", "Male"
    F = "F", "Female"
    U = "U", "Unknown"


class Ethnicity(models.TextChoices):
    """ETHNIC (header), in the yml's order and wording. SSDA903_schema_2017.yml (unchanged since)."""

    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WOTH = "WOTH", "Any other White background"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other Mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class UPNUnknown(models.TextChoices):
    """Codes a looked-after child's UPN field may hold instead of a UPN: UN1 to UN5, per SSDA903
    validation rule 168 (``specs/validator_rules/lac_validator_rules_lac2025_26.tsv``). The yml
    types UPN as free text. Labels: SSD ``ssd_person.yml`` (pers_upn_unknown), which quotes the
    SSDA903 guide. Note the CIN census allows UN6 and UN7 as well (``codelists.cin.UPNUnknown``)."""

    UN1 = "UN1", "Child looked after is not of school age and has not yet been assigned a UPN"
    UN2 = (
        "UN2",
        (
            "Child looked after has never attended a maintained school in England "
            "(for example, some unaccompanied asylum-seeking children)"
        ),
    )
    UN3 = "UN3", "Child looked after is educated outside England"
    UN4 = "UN4", "Child is newly looked after and the UPN is not yet known"
    UN5 = (
        "UN5",
        (
            "Sources collating UPNs reflect discrepancies in the child's name or date of birth, "
            "preventing reliable matching (for example, duplicated UPNs)"
        ),
    )


class ReasonNewEpisode(models.TextChoices):
    """RNE: reason for new episode. SSDA903_schema_2017.yml (unchanged since); labels from SSD
    ``ssd_cla_episodes.yml``."""

    S = "S", "Started to be looked after"
    L = "L", "Change of legal status only"
    P = "P", "Change of placement and carer(s) only"
    T = "T", "Change of placement (but same carer(s)) only"
    B = "B", "Change of legal status and placement and carer(s) at the same time"
    U = "U", "Change of legal status and change of placement (but same carer(s)) at the same time"


class LegalStatus(models.TextChoices):
    """LS: the legal status under which the child is looked after. SSDA903_schema_2017.yml
    (unchanged since); labels confirmed against the code descriptions in the Annex A mapping
    (``specs/annex_a/Annex_A_schema.yml``, "Child's Legal Status")."""

    C1 = "C1", "Interim care order"
    C2 = "C2", "Full care order"
    D1 = "D1", "Freeing order granted"
    E1 = "E1", "Placement order granted"
    V2 = "V2", "Single period of accommodation under section 20 (Children Act 1989)"
    V3 = "V3", "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded"
    V4 = (
        "V4",
        (
            "Accommodated under an agreed series of short-term breaks, when agreements are recorded "
            "(not individual episodes of care)"
        ),
    )
    L1 = "L1", "Under police protection and in local authority accommodation"
    L2 = "L2", "Emergency protection order (EPO)"
    L3 = "L3", "Under child assessment order and in local authority accommodation"
    J1 = "J1", "Remanded to local authority accommodation or to youth detention accommodation"
    J2 = "J2", "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984 (PACE)"
    J3 = "J3", "Sentenced to a youth rehabilitation order with a residence or intensive fostering requirement"


class CategoryOfNeed(models.TextChoices):
    """CIN: category of need at the start of the period of care (N1 to N8; the census's N9 and N0
    are not used here). SSDA903_schema_2017.yml; labels from SSD ``ssd_cla_episodes.yml``."""

    N1 = "N1", "Abuse or neglect"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental illness or disability"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"


class PlacementType(models.TextChoices):
    """PLACE: where the child is living. The 2025 to 2026 set: the 2017 base, then
    SSDA903_schema_2025.diff.yml (H5 semi-independent living and P2 independent living removed, K3
    supported accommodation added) and SSDA903_schema_2026.diff.yml (Z11 to Z14 added; Z1 kept).
    Labels from SSD ``ssd_cla_placement.yml``; K3's from SSDA903 validation rules 371 and 710; Z11 to
    Z14 are not described in any specification we hold (see ``UNVERIFIED_LABELS``)."""

    A3 = (
        "A3",
        (
            "Placed for adoption with parental/guardian consent with current foster carer(s) (section 19 "
            "Adoption and Children Act 2002) or with a freeing order where parental/guardian consent has been "
            "given (section 18(1)(a) Adoption Act 1976)"
        ),
    )
    A4 = (
        "A4",
        (
            "Placed for adoption with parental/guardian consent not with current foster carer(s) (section 19 "
            "Adoption and Children Act 2002) or with a freeing order where parental/guardian consent has been "
            "given (section 18(1)(a) Adoption Act 1976)"
        ),
    )
    A5 = (
        "A5",
        (
            "Placed for adoption with placement order with current foster carer(s) (section 21 Adoption and "
            "Children Act 2002) or with a freeing order where parental/guardian consent was dispensed with "
            "(section 18(1)(b) Adoption Act 1976)"
        ),
    )
    A6 = (
        "A6",
        (
            "Placed for adoption with placement order not with current foster carer(s) (section 21 Adoption and "
            "Children Act 2002) or with a freeing order where parental/guardian consent was dispensed with "
            "(section 18(1)(b) Adoption Act 1976)"
        ),
    )
    K1 = "K1", "Secure children’s homes"
    K2 = "K2", "Children’s homes subject to Children’s Homes Regulations"
    K3 = "K3", "Supported accommodation"
    P1 = "P1", "Placed with own parent(s) or other person(s) with parental responsibility"
    P3 = "P3", "Residential employment"
    R1 = "R1", "Residential care home"
    R2 = "R2", "National Health Service (NHS)/health trust or other establishment providing medical or nursing care"
    R3 = "R3", "Family centre or mother and baby unit"
    R5 = "R5", "Young offender institution (YOI)"
    S1 = "S1", "All residential schools, except where dual-registered as a school and children’s home"
    T0 = "T0", "All types of temporary move"
    T1 = "T1", "Temporary periods in hospital"
    T2 = "T2", "Temporary absences of the child on holiday"
    T3 = "T3", "Temporary accommodation whilst normal foster carer(s) is/are on holiday"
    T4 = "T4", "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3"
    U1 = "U1", "Foster placement with relative(s) or friend(s) – long term fostering"
    U2 = (
        "U2",
        (
            "Fostering placement with relative(s) or friend(s) who is/are also an approved adopter(s) – "
            "FFA/concurrent planning"
        ),
    )
    U3 = "U3", ("Fostering placement with relative(s) or friend(s) who is/are not long-term or FFA/concurrent planning")
    U4 = "U4", "Foster placement with other foster carer(s) – long term fostering"
    U5 = (
        "U5",
        (
            "Foster placement with other foster carer(s) who is/are also an approved adopter(s) – "
            "FFA/concurrent planning"
        ),
    )
    U6 = "U6", "Foster placement with other foster carer(s) – not long term or FFA/concurrent planning"
    Z1 = "Z1", "Other placements (must be listed on a schedule sent to DfE with annual submission)"
    Z11 = "Z11", "Other placements: Z11 (check the meaning in the SSDA903 guide)"
    Z12 = "Z12", "Other placements: Z12 (check the meaning in the SSDA903 guide)"
    Z13 = "Z13", "Other placements: Z13 (check the meaning in the SSDA903 guide)"
    Z14 = "Z14", "Other placements: Z14 (check the meaning in the SSDA903 guide)"


class PlacementProvider(models.TextChoices):
    """PLACE_PROVIDER. SSDA903_schema_2017.yml (unchanged since); labels from SSD
    ``ssd_cla_placement.yml``."""

    PR0 = "PR0", "Parent(s) or other person(s) with parental responsibility"
    PR1 = (
        "PR1",
        (
            "Own provision (by the local authority), including a regional adoption agency where the child’s "
            "responsible local authority is the host authority"
        ),
    )
    PR2 = (
        "PR2",
        (
            "Other local authority provision, including a regional adoption agency where another local "
            "authority is the host authority"
        ),
    )
    PR3 = "PR3", "Other public provision (for example, a primary care trust)"
    PR4 = "PR4", "Private provision"
    PR5 = "PR5", "Voluntary/third sector provision"


class ReasonEpisodeCeased(models.TextChoices):
    """REC: why an episode ended. The set from SSDA903_schema_2019.diff.yml (E43/E44 replaced by
    E45 to E48), unchanged since; labels from SSD ``ssd_cla_episodes.yml``."""

    X1 = "X1", "Episode ceases, and new episode begins on same day, for any reason"
    E11 = "E11", "Adopted – application for an adoption order unopposed"
    E12 = "E12", "Adopted – consent dispensed with by the court"
    E2 = "E2", "Died"
    E3 = "E3", "Care taken over by another local authority in the UK"
    E4A = (
        "E4A",
        (
            "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility "
            "as part of the care planning process (not under a special guardianship order or residence "
            "order/child arrangements order)"
        ),
    )
    E4B = (
        "E4B",
        (
            "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility "
            "which was not part of the current care planning process (not under a special guardianship order or "
            "residence order/child arrangements order)"
        ),
    )
    E13 = "E13", "Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility"
    E41 = "E41", "Residence order or child arrangements order (which sets out with whom the child is to live) granted"
    E45 = "E45", "Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)"
    E46 = "E46", "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)"
    E47 = (
        "E47",
        (
            "Special guardianship order made to carer(s), other than former foster carer(s), who was/are a "
            "relative(s) or friend(s)"
        ),
    )
    E48 = (
        "E48",
        (
            "Special guardianship order made to carer(s), other than former foster carer(s), other than "
            "relative(s) or friend(s)"
        ),
    )
    E5 = (
        "E5",
        (
            "Moved into independent living arrangement and no longer looked after: supportive accommodation "
            "providing formalised advice/support arrangements"
        ),
    )
    E6 = (
        "E6",
        (
            "Moved into independent living arrangement and no longer looked after: accommodation providing no "
            "formalised advice/support arrangements"
        ),
    )
    E7 = "E7", "Transferred to residential care funded by adult social care services"
    E9 = "E9", "Sentenced to custody"
    E14 = "E14", "Accommodation on remand ended"
    E15 = "E15", "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply"
    E16 = "E16", "Child moved abroad"
    E17 = "E17", "Aged 18 (or over) and remained with current carers (including under staying put arrangements)"
    E8 = "E8", "Period of being looked after ceased for any other reason (where none of the other reasons apply)"


class ReasonPlaceChange(models.TextChoices):
    """REASON_PLACE_CHANGE: recorded on the episode that is ending. The set from
    SSDA903_schema_2019.diff.yml (CUSTOD added), unchanged since; labels from SSD
    ``ssd_cla_placement.yml``."""

    CARPL = "CARPL", "Change to/implementation of care plan"
    CLOSE = "CLOSE", "Resignation/closure of provision"
    ALLEG = "ALLEG", "Allegation (s47)"
    STAND = "STAND", "Standards of care concern"
    APPRR = "APPRR", "Approval removed"
    CREQB = "CREQB", "Carer(s) requests placement end due to child’s behaviour"
    CREQO = "CREQO", "Carer(s) requests placement end other than due to child’s behaviour"
    CHILD = "CHILD", "Child requests placement end"
    LAREQ = "LAREQ", "Responsible/area authority requests placement end"
    PLACE = "PLACE", "Change in the status of placement only"
    CUSTOD = "CUSTOD", "Custody arrangement"
    OTHER = "OTHER", "Other"


class ReviewParticipation(models.TextChoices):
    """REVIEW_CODE: how the child took part in a looked-after review. SSDA903_schema_2017.yml
    (unchanged since); labels from SSD ``ssd_cla_reviews.yml``."""

    PN0 = "PN0", "Child aged under 4 at the time of the review"
    PN1 = "PN1", "Child physically attends and speaks for him or herself (attendance)"
    PN2 = "PN2", "Child physically attends and an advocate speaks on his or her behalf"
    PN3 = "PN3", "Child attends and conveys his or her view symbolically (non-verbally)"
    PN4 = (
        "PN4",
        (
            "Child physically attends but does not speak for him or herself, does not convey his or her view "
            "symbolically and does not ask an advocate to speak for him or her (attendance without contribution)"
        ),
    )
    PN5 = "PN5", "Child does not attend physically but briefs an advocate to speak for him or her"
    PN6 = "PN6", "Child does not attend but conveys his or her feelings to the review by a facilitative medium"
    PN7 = "PN7", "Child does not attend nor are his or her views conveyed to the review"


class MissingType(models.TextChoices):
    """MISSING: the kind of episode away from placement. SSDA903_schema_2017.yml (unchanged since);
    labels from SSD ``ssd_missing.yml``."""

    M = "M", "Missing from care"
    A = "A", "Away from placement without authorisation"


class SDQReason(models.TextChoices):
    """SDQ_REASON: why no strengths and difficulties questionnaire score. SSDA903_schema_2017.yml
    (unchanged since); labels from SSD ``ssd_sdq_scores.yml``."""

    SDQ1 = "SDQ1", "No form returned as child was aged under 4 or over 16 at date of latest assessment"
    SDQ2 = "SDQ2", "Carer(s) refused to complete and return questionnaire"
    SDQ3 = "SDQ3", "Not possible to complete the questionnaire due to severity of the child’s disability"
    SDQ4 = "SDQ4", "Other"
    SDQ5 = "SDQ5", "Child or young person refuses to allow an SDQ to be completed"


class InTouch(models.TextChoices):
    """IN_TOUCH (OC3, care leavers): is the local authority in touch with the young person?
    SSDA903_schema_2017.yml (unchanged since); labels from SSD ``ssd_care_leavers.yml``."""

    YES = "YES", "Yes – in touch"
    NO = "NO", "No – not in touch"
    DIED = "DIED", "Died after leaving care"
    REFU = "REFU", "Young person refuses contact"
    NREQ = "NREQ", "Young person no longer requires children’s social care services"
    RHOM = (
        "RHOM",
        (
            "Young person returned to live with parents or someone with parental responsibility for a "
            "continuous period of 6 months or more"
        ),
    )


class Activity(models.TextChoices):
    """ACTIV (OC3, care leavers): main activity. The set from SSDA903_schema_2022.diff.yml
    (F3/P3 replaced by apprenticeship F4/P4 and training or employment F5/P5), unchanged since;
    labels from SSD ``ssd_care_leavers.yml``. The meaning of "0" is not published in the specs we
    hold (see ``UNVERIFIED_LABELS``); validation rule 345 forbids it when the young person is in touch."""

    F1 = "F1", "Full time in higher education (for example studies beyond A level)"
    P1 = "P1", "Part time in higher education (for example studies beyond A level)"
    F2 = "F2", "Full time in education other than higher education"
    P2 = "P2", "Part time in education other than higher education"
    F4 = "F4", "Full time in an apprenticeship"
    P4 = "P4", "Part time in an apprenticeship"
    F5 = "F5", "Full time in training or employment (not apprenticeship)"
    P5 = "P5", "Part time in training or employment (not apprenticeship)"
    G4 = "G4", "Not in education, employment or training because of illness or disability"
    G5 = "G5", "Not in education, employment or training: other circumstances"
    G6 = "G6", "Not in education, employment or training due to pregnancy or parenting"
    CODE_0 = "0", "Information not known"


# ACCOM (OC3, care leavers) is a type of accommodation (letter) plus whether it is suitable (1) or
# not (2), so the 32 coded values are built from the 16 types rather than typed out twice.
_ACCOMMODATION_TYPES = {
    "B": "With parent(s) or relative(s)",
    "C": "Community home or other form of residential care such as an NHS establishment",
    "D": (
        "Semi-independent, transitional accommodation, or self-contained accommodation with specialist "
        "personal assistance or floating support"
    ),
    "E": "Supported lodgings (usually in a family home, where the host family provide formal advice and support)",
    "G": "Gone abroad",
    "H": "Deported",
    "K": "Ordinary lodgings, without formal support",
    "R": "Residence not known",
    "S": "No fixed abode/homeless",
    "T": (
        "Foyers and similar supported accommodation which combines the accommodation with opportunities "
        "for education, training or employment"
    ),
    "U": "Independent living, for example independent tenancy of a flat, house or bedsit",
    "V": "Emergency accommodation (like a night shelter, direct access or emergency hostel)",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carer(s)",
}
_SUITABILITY = {"1": "suitable", "2": "not suitable"}

Accommodation = models.TextChoices(
    "Accommodation",
    [
        (f"{letter}{digit}", (f"{letter}{digit}", f"{meaning} – {suitability}"))
        for letter, meaning in _ACCOMMODATION_TYPES.items()
        for digit, suitability in _SUITABILITY.items()
    ]
    + [("CODE_0", ("0", "Information not known"))],
    module=__name__,
)
Accommodation.__doc__ = """ACCOM (OC3, care leavers): type of accommodation and whether it is suitable
(suffix 1 = suitable, 2 = not suitable). SSDA903_schema_2017.yml (unchanged since); labels from SSD
``ssd_care_leavers.yml`` (clea_care_leaver_accommodation and clea_care_leaver_accom_suitable). The
meaning of "0" is not published in the specs we hold (see ``UNVERIFIED_LABELS``)."""


class AdopterSex(models.TextChoices):
    """SEX_ADOPTR (AD1): sex of the adopter(s) or prospective adopter(s). SSDA903_schema_2017.yml
    (unchanged since); labels from SSD ``ssd_permanence.yml``."""

    M1 = "M1", "Single male"
    F1 = "F1", "Single female"
    MM = "MM", "Male couple"
    FF = "FF", "Female couple"
    MF = "MF", "Male/female couple"


class AdopterLegalStatus(models.TextChoices):
    """LS_ADOPTR (AD1): legal status of the adopter(s) or prospective adopter(s).
    SSDA903_schema_2017.yml (unchanged since); labels from SSD ``ssd_permanence.yml``."""

    L0 = "L0", "Single adopter"
    L11 = "L11", "Different gender married couple"
    L12 = "L12", "Same gender married couple"
    L2 = "L2", "Civil partnership couple"
    L3 = "L3", "Different gender unmarried couple"
    L4 = "L4", "Same gender couple not married or in a civil partnership"


class ReasonPlacedCeased(models.TextChoices):
    """REASON_PLACED_CEASED (placed for adoption): why the child should no longer be placed for
    adoption. SSDA903_schema_2017.yml (unchanged since); labels from SSD ``ssd_permanence.yml``."""

    RD1 = "RD1", "The child’s needs changed subsequent to the decision"
    RD2 = "RD2", "The court did not make a placement order"
    RD3 = "RD3", "Prospective adopters could not be found"
    RD4 = "RD4", "Any other reason"


class PreviousPermanence(models.TextChoices):
    """PREV_PERM: whether a child starting to be looked after had a permanence order before.
    SSDA903_schema_2017.yml (unchanged since); labels from SSD ``ssd_cla_previous_permanence.yml``."""

    P1 = "P1", "Adoption"
    P2 = "P2", "Special guardianship order (SGO)"
    P3 = "P3", "Residence order (RO) or child arrangements order (CAO) which sets out with whom the child is to live"
    P4 = "P4", "Unknown"
    Z1 = "Z1", "Child has not previously had a permanence option"


# Labels not found in any specification we hold: confirm them against the DfE's SSDA903 guide.
UNVERIFIED_LABELS = {
    PlacementType: {"K3", "Z11", "Z12", "Z13", "Z14"},
    Activity: {"0"},
    Accommodation: {"0"},
}
