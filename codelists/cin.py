"""Code lists of the children in need (CIN) census, 2025 to 2026 collection.

Source: ``specs/cin_census/CIN_schema_2026.xsd`` (the DfE schema as copied by liia-tools-pipeline),
element tree in ``specs/cin_census/CIN_2026_structure.txt``. Every enumeration in that schema is here,
except the two header constants (``Collection`` = "CIN", ``SourceLevel`` = "L"), which are not choices
anyone makes.

Labels are the schema's own ``xs:documentation`` text, in sentence case where the schema shouts.
Where the schema has no documentation (the UPN unknown reasons) the label comes from the source named
in that class's docstring; any label we could not find published in the specifications we hold is
listed in ``UNVERIFIED_LABELS`` so nobody mistakes it for the DfE's wording.

Not here because the census has no such list: CIN plan (only dates are returned), section 47 outcomes
(only dates and the ``ICPCnotRequired`` flag, which uses ``YesNo``).
"""

from django.db import models


class YesNo(models.TextChoices):
    """The schema's ``yesnotype`` (0 = False, 1 = True), used by ``ReferralNFA`` and
    ``ICPCnotRequired``. CIN_schema_2026.xsd."""

    NO = "0", "No"
    YES = "1", "Yes"


class Sex(models.TextChoices):
    """``Sex`` (``sextype``). From 2024 to 2025 the census records sex as M/F/U; the 2024 schema's
    ``GenderCurrent`` (1, 2, 0, 9) is gone. CIN_schema_2026.xsd."""

    M = "M", "Male"
    F = "F", "Female"
    U = "U", "Unknown"


class Ethnicity(models.TextChoices):
    """``Ethnicity`` (``ethnicitytype``): the DfE's 18 main ethnic groups plus refused and not yet
    obtained. CIN_schema_2026.xsd."""

    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
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


class Disability(models.TextChoices):
    """``Disability`` (``disabilitytype``); a child may have several, or NONE. CIN_schema_2026.xsd."""

    NONE = "NONE", "No disability"
    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism"
    DDA = "DDA", "Other"


class UPNUnknown(models.TextChoices):
    """``UPNunknown`` (``unknownupntype``): why a child has no unique pupil number.
    Codes: CIN_schema_2026.xsd (UN1 to UN7), which gives no meanings. Labels: UN1, UN2, UN3 and UN5
    from the DfE wording quoted in the Standard Safeguarding Dataset (``specs/ssd/objects/ssd_send.yml``);
    UN7 from CIN validation rule 8772 (``specs/validator_rules/cin_validator_rules_cin2025_26.tsv``);
    UN4 and UN6 are not defined in any specification we hold (see ``UNVERIFIED_LABELS``)."""

    UN1 = "UN1", "Child is aged under 6 years old and is not yet assigned a UPN"
    UN2 = "UN2", "Child has never attended a state-funded school in England and has not been assigned a UPN"
    UN3 = "UN3", "Child is educated outside of England and has not been assigned a UPN"
    UN4 = "UN4", "Child is new to the local authority and the UPN is not yet known"
    UN5 = (
        "UN5",
        (
            "Sources collating UPNs reflect discrepancies in the child's name or date of birth, "
            "preventing reliable matching (for example, duplicated UPNs)"
        ),
    )
    UN6 = "UN6", "Reason UN6 (check the meaning in the CIN census guide)"
    UN7 = "UN7", "Referral with no further action"


class ReferralSource(models.TextChoices):
    """``ReferralSource`` (``referralsourcetype``). CIN_schema_2026.xsd."""

    CODE_1A = "1A", "Individual – family member, relative or carer"
    CODE_1B = "1B", "Individual – acquaintance (including neighbours and child minders)"
    CODE_1C = "1C", "Individual – self"
    CODE_1D = "1D", "Individual – other (including strangers)"
    CODE_2A = "2A", "Schools"
    CODE_2B = "2B", "Education services"
    CODE_3A = "3A", "Health services – general practitioner (GP)"
    CODE_3B = "3B", "Health services – health visitor"
    CODE_3C = "3C", "Health services – school nurse"
    CODE_3D = "3D", "Health services – other primary health services"
    CODE_3E = "3E", "Health services – A&E (accident and emergency department)"
    CODE_3F = "3F", "Health services – other (for example hospice)"
    CODE_4 = "4", "Housing – local authority housing or housing association"
    CODE_5A = "5A", "LA services – social care for example adults social care services"
    CODE_5B = (
        "5B",
        (
            "LA services – other internal (department other than social care in local authorities, "
            "for example, youth offending (excluding housing))"
        ),
    )
    CODE_5C = "5C", "LA services – external, for example, from another local authority’s adults social care services"
    CODE_5D = "5D", "LA services – early help"
    CODE_6 = "6", "Police"
    CODE_7 = (
        "7",
        (
            "Other legal agency – including courts, probation, immigration, CAFCASS "
            "(Children and Family Court Advisory and Support Service) or prison"
        ),
    )
    CODE_8 = "8", "Other – including children’s centres, independent agency providers or voluntary organisations"
    CODE_9 = "9", "Anonymous"
    CODE_10 = "10", "Unknown"


class PrimaryNeed(models.TextChoices):
    """``PrimaryNeedCode`` (``primaryneedcodetype``). In the schema's order, which matters: when two
    categories fit, the DfE says choose the one higher up. N1 was renamed in 2026 (was "Abuse or
    neglect"). CIN_schema_2026.xsd."""

    N1 = "N1", "Abuse, neglect and exploitation"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental disability or illness"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"
    N9 = "N9", "Cases other than children in need"
    N0 = "N0", "Not stated"


class ReasonForClosure(models.TextChoices):
    """``ReasonForClosure`` (``reasonforclosuretype``). CIN_schema_2026.xsd."""

    RC1 = "RC1", "Adopted"
    RC2 = "RC2", "Died"
    RC3 = "RC3", "Child arrangements order"
    RC4 = "RC4", "Special guardianship order"
    RC5 = "RC5", "Transferred to services of another local authority"
    RC6 = "RC6", "Transferred to adult social care services"
    RC7 = "RC7", "Services ceased for any other reason, including child no longer in need"
    RC8 = "RC8", "Case closed after assessment, no further action"
    RC9 = "RC9", "Case closed after assessment, referred to early help"


class CategoryOfAbuse(models.TextChoices):
    """``InitialCategoryOfAbuse`` and ``LatestCategoryOfAbuse`` of a child protection plan
    (``categoryofabusetype``). CIN_schema_2026.xsd."""

    NEG = "NEG", "Neglect"
    PHY = "PHY", "Physical abuse"
    SAB = "SAB", "Sexual abuse"
    EMO = "EMO", "Emotional abuse"
    MUL = "MUL", "Multiple/not recommended"


class AssessmentFactor(models.TextChoices):
    """``AssessmentFactors`` (``assessmentfactorstype``): factors identified at the end of an
    assessment. CIN_schema_2026.xsd, all 44 codes.

    18A and 19A are in this copy of the schema with the note "Retained despite official schema change
    due to client request 08/25": the DfE replaced them by 18B/18C and 19B/19C (child on child, adult
    on child). We keep them so older records still read, but do not offer them for new assessments:
    see ``RETIRED_ASSESSMENT_FACTORS``."""

    CODE_1A = "1A", "Alcohol misuse: concerns about alcohol misuse by the child"
    CODE_1B = "1B", "Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)"
    CODE_1C = "1C", "Alcohol misuse: concerns about alcohol misuse by another person living in the household"
    CODE_2A = "2A", "Drug misuse: concerns about drug misuse by the child"
    CODE_2B = "2B", "Drug misuse: concerns about drug misuse by the parent(s)/carer(s)"
    CODE_2C = "2C", "Drug misuse: concerns about drug misuse by another person living in the household"
    CODE_3A = "3A", "Domestic violence: concerns about the child being the subject of domestic violence"
    CODE_3B = (
        "3B",
        ("Domestic violence: concerns about the child’s parent(s)/carer(s) being the subject of domestic violence"),
    )
    CODE_3C = (
        "3C",
        (
            "Domestic violence: concerns about another person living in the household being the subject of "
            "domestic violence"
        ),
    )
    CODE_4A = "4A", "Mental health: concerns about the mental health of the child"
    CODE_4B = "4B", "Mental health: concerns about the mental health of the parent(s)/carer(s)"
    CODE_4C = "4C", "Mental health: concerns about the mental health of another person in the family/household"
    CODE_5A = "5A", "Learning disability: concerns about the child’s learning disability"
    CODE_5B = "5B", "Learning disability: concerns about the parent(s)/carer(s) learning disability"
    CODE_5C = "5C", "Learning disability: concerns about another person in the family/household’s learning disability"
    CODE_6A = "6A", "Physical disability or illness: concerns about a physical disability or illness of the child"
    CODE_6B = (
        "6B",
        ("Physical disability or illness: concerns about a physical disability or illness of the parent(s)/carer(s)"),
    )
    CODE_6C = (
        "6C",
        (
            "Physical disability or illness: concerns about a physical disability or illness of another person "
            "in the family/household"
        ),
    )
    CODE_7A = (
        "7A",
        (
            "Young carer: concerns that services may be required or the child’s health or development may be "
            "impaired due to their caring responsibilities"
        ),
    )
    CODE_8B = (
        "8B",
        (
            "Privately fostered: concerns that services may be required or the child may be at risk as a "
            "privately fostered child - overseas children who intend to return"
        ),
    )
    CODE_8C = (
        "8C",
        (
            "Privately fostered: concerns that services may be required or the child may be at risk as a "
            "privately fostered child - overseas children who intend to stay"
        ),
    )
    CODE_8D = (
        "8D",
        (
            "Privately fostered: concerns that services may be required or the child may be at risk as a "
            "privately fostered child - UK children in educational placements"
        ),
    )
    CODE_8E = (
        "8E",
        (
            "Privately fostered: concerns that services may be required or the child may be at risk as a "
            "privately fostered child - UK children making alternative family arrangements"
        ),
    )
    CODE_8F = (
        "8F",
        (
            "Privately fostered: concerns that services may be required or the child may be at risk as a "
            "privately fostered child - other"
        ),
    )
    CODE_9A = (
        "9A",
        (
            "UASC: concerns that services may be required or the child may be at risk of harm as an "
            "unaccompanied asylum-seeking child"
        ),
    )
    CODE_10A = (
        "10A",
        (
            "Missing: concerns that services may be required or the child may be at risk of harm due to going/being missing"
        ),
    )
    CODE_11A = (
        "11A",
        (
            "Child sexual exploitation: concerns that services may be required or the child may be at risk of "
            "harm due to child sexual exploitation"
        ),
    )
    CODE_12A = (
        "12A",
        ("Trafficking: concerns that services may be required or the child may be at risk of harm due to trafficking"),
    )
    CODE_13A = (
        "13A",
        (
            "Gangs: concerns that services may be required or the child may be at risk of harm because of "
            "involvement in/with gangs"
        ),
    )
    CODE_14A = (
        "14A",
        (
            "Socially unacceptable behaviour: concerns that services may be required or the child may be at "
            "risk due to their socially unacceptable behaviour"
        ),
    )
    CODE_15A = (
        "15A",
        (
            "Self-harm: concerns that services may be required or due to suspected/actual self-harming child "
            "may be at risk of harm"
        ),
    )
    CODE_16A = (
        "16A",
        (
            "Abuse or neglect – ‘NEGLECT’: concerns that services may be required or the child may be suffering "
            "or likely to suffer significant harm due to abuse or neglect"
        ),
    )
    CODE_17A = (
        "17A",
        (
            "Abuse or neglect – ‘EMOTIONAL ABUSE’: concerns that services may be required or the child may be "
            "suffering or likely to suffer significant harm due to abuse or neglect"
        ),
    )
    CODE_18A = (
        "18A",
        (
            "Abuse or neglect – ‘PHYSICAL ABUSE’: concerns that services may be required or the child may be "
            "suffering or likely to suffer significant harm due to abuse or neglect"
        ),
    )
    CODE_18B = (
        "18B",
        (
            "Abuse or neglect – ‘PHYSICAL ABUSE’ (child on child): concerns that services may be required or the "
            "child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"
        ),
    )
    CODE_18C = (
        "18C",
        (
            "Abuse or neglect – ‘PHYSICAL ABUSE’ (adult on child): concerns that services may be required or the "
            "child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"
        ),
    )
    CODE_19A = (
        "19A",
        (
            "Abuse or neglect – ‘SEXUAL ABUSE’: concerns that services may be required or the child may be "
            "suffering or likely to suffer significant harm due to abuse or neglect"
        ),
    )
    CODE_19B = (
        "19B",
        (
            "Abuse or neglect – ‘SEXUAL ABUSE’ (child on child): concerns that services may be required or the "
            "child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"
        ),
    )
    CODE_19C = (
        "19C",
        (
            "Abuse or neglect – ‘SEXUAL ABUSE’ (adult on child): concerns that services may be required or the "
            "child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"
        ),
    )
    CODE_20 = "20", "Other"
    CODE_21 = (
        "21",
        (
            "No factors identified - only use this if there is no evidence of any of the factors above and no "
            "further action is being taken"
        ),
    )
    CODE_22A = (
        "22A",
        (
            "Female genital mutilation (FGM) - concerns that services may be required or the child may be at "
            "risk due to female genital mutilation"
        ),
    )
    CODE_23A = (
        "23A",
        (
            "Abuse linked to faith or belief - concerns that services may be required or the child may be at "
            "risk due to abuse linked to faith or belief"
        ),
    )
    CODE_24A = (
        "24A",
        (
            "Child criminal exploitation: concerns that services may be required or the child may be at risk of "
            "harm due to child criminal exploitation"
        ),
    )


# Factors the DfE withdrew (see AssessmentFactor): valid on old records, not offered on new ones.
RETIRED_ASSESSMENT_FACTORS = frozenset({AssessmentFactor.CODE_18A.value, AssessmentFactor.CODE_19A.value})
CURRENT_ASSESSMENT_FACTOR_CHOICES = [
    (value, label) for value, label in AssessmentFactor.choices if value not in RETIRED_ASSESSMENT_FACTORS
]


# Labels not found in any specification we hold: confirm them against the DfE's CIN census guide.
class PreProceedingsOutcome(models.TextChoices):
    """``PPOutcome`` of the 2026 to 2027 ``PreProceedingsandFGDM`` block (code set CS131, not yet in
    CIN_schema_2026.xsd, the newest schema we hold): the
    codes A, B and C are those csc-validator-be-cin's rule 9011 accepts (its ingress at commit
    5eb2c55, specs/SOURCES.md). The DfE's 2026 to 2027 specification, which names them, is not
    among the specifications we hold, so all three labels are ours (``UNVERIFIED_LABELS``)."""

    STEP_DOWN = "A", "Stepped down: the concerns are being met without care proceedings"
    STEP_UP = "B", "Stepped up: the local authority decided to issue care proceedings"
    OTHER = "C", "Ended for another reason (for example the family moved away)"


UNVERIFIED_LABELS = {
    UPNUnknown: {"UN4", "UN6"},
    PreProceedingsOutcome: {"A", "B", "C"},
}
