"""What the generated care plans and placement with parents agreements say: the sections, outcomes
and actions a looked-after child's plan holds, in words a social worker would write, chosen by the
child's age and where they live (care_plans.py picks from these with its own random source).

Each pool is small on purpose: enough that two children's plans read differently, few enough to
read through here. `{name}` is the child's first name, `{carers}` who they live with."""

from __future__ import annotations

from plans.choices import OwnerKind

STAFF, FAMILY, AGENCY = OwnerKind.STAFF, OwnerKind.FAMILY, OwnerKind.AGENCY

# Who the child lives with, by the placement type's first letter (SSDA903), as the plan names them.
CARERS = {"U": "the foster carers", "K": "the children's home", "P": "the parent", "A": "the prospective adopters"}
CARER_OWNER = {"U": "Foster carers", "K": "The children's home", "P": "Parent", "A": "Prospective adopters"}


def band(age: int) -> str:
    """The plan's wording changes with age: under five, at school, or nearly an adult."""
    return "early" if age < 5 else "school" if age < 16 else "older"


SECTIONS = {
    "placement": {
        "early": [
            "{name} lives with {carers}, who care for young children and can give the routine and warmth {name} needs. "
            "The placement meets {name}'s needs for safe sleep, feeding and play; the supervising social worker visits monthly.",
            "{name} was placed with {carers} so that brothers and sisters can live together. The carers take {name} to "
            "every health appointment and to contact, and keep a daily diary shared with the social worker.",
        ],
        "school": [
            "{name} lives with {carers}, near enough to stay at the same school. The placement was matched to {name}'s "
            "need for firm, kind boundaries; the carers have had training in therapeutic parenting.",
            "{name} moved to {carers} after the last placement ended. The placement plan sets out bedtimes, pocket money, "
            "phone use and what the carers may agree without asking the social worker (delegated authority).",
            "{name} has lived with {carers} since coming into care and is settled. The placement meets {name}'s "
            "cultural and religious needs; the carers take {name} to the mosque on Fridays.",
        ],
        "older": [
            "{name} lives with {carers} and is learning to cook, budget and manage appointments alone. The placement "
            "can continue after {name}'s 18th birthday as staying put if everyone agrees.",
            "{name} lives with {carers}. Curfew is 10pm on weekdays; the carers report any late return after an hour. "
            "The placement supports {name}'s college course and part-time job.",
        ],
    },
    "health": {
        "early": [
            "Initial health assessment done; immunisations up to date. The health visitor sees {name} at home; "
            "speech is a little behind and a referral to speech and language therapy has been made.",
            "{name} is healthy and growing well. Eczema is managed with creams from the GP; the carers keep the "
            "red book up to date and bring it to each review health assessment.",
        ],
        "school": [
            "Review health assessment every year; dental checks six-monthly. {name} has asthma (inhalers at home and "
            "school). The SDQ score is raised: CAMHS have accepted the referral and {name} is on their waiting list.",
            "{name} is registered with the carers' GP and dentist. Glasses needed for reading: an optician's appointment "
            "is booked. Sleep is poor after contact; the carers keep a sleep diary.",
            "{name}'s health needs are met. The looked-after children's nurse has talked with {name} about healthy eating "
            "and exercise; {name} swims twice a week.",
        ],
        "older": [
            "{name} manages their own GP appointments with support. Sexual health advice given by the school nurse; "
            "{name} has been told how to get a copy of their health history before leaving care.",
            "{name} has a worker from the young people's substance misuse service and meets them weekly. Review health "
            "assessment due in the spring; {name} wants it at the GP surgery, not at home.",
        ],
    },
    "education": {
        "early": [
            "{name} attends nursery three days a week (funded early education). The virtual school's early years "
            "adviser joins the PEP and has asked the nursery for a key person for {name}.",
            "{name} is too young for school; the carers go to the stay-and-play group twice a week. A nursery place "
            "starts next term and the early years PEP will be held there.",
        ],
        "school": [
            "{name} attends the local school; attendance 93% this year. PEP targets: reading age up by a year, and "
            "join an after-school club. Pupil premium plus pays for one-to-one reading support.",
            "{name} has an education, health and care plan for speech, language and communication needs. The PEP is "
            "held each term with the designated teacher and the virtual school; targets are in maths and friendships.",
            "{name} changed school after the move; the virtual school arranged the transfer within a week. Targets: "
            "settle into the new class, attendance above 95%, homework club twice a week.",
        ],
        "older": [
            "{name} is at college on a level 2 course and wants to be an electrician. The post-16 PEP is held with the "
            "college's designated person; the bursary pays for travel and equipment.",
            "{name} left school without English and maths and is re-sitting them at college. The virtual school's "
            "post-16 adviser meets {name} each half term.",
        ],
    },
    "contact": {
        "early": [
            "Supervised contact with mother twice a week at the family centre, and with father once a fortnight. "
            "{name} is brought by the carers; contact notes go to the social worker the same day.",
            "Contact with mother weekly, supervised, reducing to monthly if the plan becomes adoption. Letterbox contact "
            "with the grandparents.",
        ],
        "school": [
            "{name} sees mother every two weeks in the community, supervised by a family support worker, and phones "
            "grandma on Sundays. {name} sees their brother, placed elsewhere, once a month.",
            "No contact with father, as the court ordered. Contact with mother monthly, supervised; {name} has said "
            "they want more, and the review will consider it.",
            "Unsupervised contact with mother each Saturday afternoon; the carers drop off and collect. {name} stays "
            "in touch with friends from the old school.",
        ],
        "older": [
            "{name} arranges their own time with mother and tells the carers where they are going. Contact with father "
            "only at {name}'s wish; none at present.",
            "{name} sees their sisters every week at their grandmother's. Family time is agreed by {name} with the "
            "social worker; no supervision is needed.",
        ],
    },
    "permanence": {
        "early": [
            "Plan for permanence: adoption, agreed by the agency decision maker; parallel plan with the grandparents, "
            "whose special guardianship assessment is under way.",
            "Plan: return home to mother if the parenting assessment is positive; if not, special guardianship with the aunt.",
        ],
        "school": [
            "Plan for permanence: long-term fostering with {carers}, to be matched at the fostering panel. {name} "
            "has said they want to stay.",
            "Plan: return home to mother, with a staged plan of overnight stays agreed at the review. If the return "
            "does not go to plan, long-term fostering.",
            "Plan for permanence: special guardianship with the maternal aunt; the assessment reports to the court in "
            "three months.",
        ],
        "older": [
            "Plan for permanence: {name} stays with {carers} until 18, then staying put. Pathway planning has started.",
            "Plan: {name} moves to supported accommodation at 18, chosen with the personal adviser. Until then {name} "
            "stays with {carers}.",
        ],
    },
}

# Placement with parents agreement (CPPCR regs 17 to 20), by section key (looked_after.plan_kinds).
AGREEMENT = {
    "support": [
        "Weekly visits from a family support worker; a place on the parenting programme at the family centre.",
        "Help with the rent arrears from the housing officer; a nursery place funded by the authority.",
    ],
    "care": [
        "{parent} cares for {name} day to day, takes {name} to school and to health appointments, and tells the social "
        "worker at once of any change in who lives in the home.",
        "{parent} agrees that {name} is never left with the former partner, and that no one else moves into the home "
        "without the social worker's agreement.",
    ],
    "contact": [
        "{name} sees the other parent every fortnight at the family centre, supervised.",
        "Contact with grandparents as {name} wishes; with the other parent only as agreed at the review.",
    ],
    "health_education": [
        "{parent} keeps every health appointment and tells the school of any absence by 9am.",
    ],
    "visits": [
        "The social worker visits at least every six weeks, sees {name} alone, and sees {name}'s bedroom.",
        "Weekly visits until the first review, then every six weeks; {name} is seen alone each time.",
    ],
    "ending": [
        "If {parent} breaks the agreement, or {name} is at risk of significant harm, {name} is removed and placed "
        "with foster carers the same day.",
    ],
}

CONTINGENCY = {
    "U": "If the placement cannot meet {name}'s needs, a placement planning meeting is held within five working days "
    "and the IRO is told; a move happens only if agreed at a review.",
    "K": "If the placement breaks down, the placements team looks for a foster placement first; the IRO is told of any "
    "unplanned move within a working day.",
    "P": "If the placement with parents breaks down or {name} is at risk of significant harm, {name} returns to foster "
    "care the same day and a review is held within 20 working days.",
    "A": "If the adoption placement disrupts, a disruption meeting is held and {name} returns to the foster carers.",
}
DEFAULT_CONTINGENCY = (
    "If the plan cannot be met, a review is called early and the IRO is told; any move is agreed at a review first."
)

# Outcomes, each with the actions towards it: (what must change, how we will know, [(action, owner kind, owner)]).
# An owner of "carers" is whoever the child lives with (CARER_OWNER); a staff owner is the allocated worker.
OUTCOMES = {
    "stability": (
        "{name} stays settled where they live, with carers who meet their needs",
        "No unplanned moves; {name} tells the IRO they feel settled",
        [
            ("Visit {name} every six weeks and see them alone", STAFF, ""),
            ("Arrange respite support for the carers", AGENCY, "Fostering service"),
            ("Share {name}'s routines and what upsets them with the carers", STAFF, ""),
        ],
    ),
    "pep": (
        "{name} goes to school every day and makes progress towards the PEP targets",
        "Attendance above 95%; PEP targets met at the next review",
        [
            ("Hold the termly PEP meeting and set new targets", AGENCY, "Virtual school"),
            ("Agree how the pupil premium plus is spent", AGENCY, "Designated teacher"),
            ("Take {name} to homework club twice a week", AGENCY, "carers"),
        ],
    ),
    "early_years": (
        "{name} reaches their developmental milestones and has a nursery place",
        "Health visitor's checks on track; {name} attends nursery",
        [
            ("Apply for a funded nursery place", STAFF, ""),
            ("Carry out the two-year developmental review", AGENCY, "Health visiting service"),
        ],
    ),
    "health": (
        "{name}'s health needs are met: assessments, dentist and immunisations up to date",
        "Review health assessment on time; a dental check in the last year",
        [
            ("Complete the review health assessment", AGENCY, "Looked-after children's health team"),
            ("Book and attend the dental check", AGENCY, "carers"),
            ("Refer {name} to CAMHS for an assessment of their emotional health", STAFF, ""),
        ],
    ),
    "contact": (
        "{name} keeps safe, regular time with their parents, brothers and sisters",
        "Contact happens as planned; {name} says how it went",
        [
            ("Arrange supervised contact with mother every fortnight", STAFF, ""),
            ("Come to contact on time", FAMILY, "Mother"),
            ("Start life story work with {name}", STAFF, ""),
        ],
    ),
    "permanence": (
        "{name} has a permanent home agreed by the next review",
        "The plan for permanence is agreed at the review and each step is on time",
        [
            ("Complete the viability assessment of the grandparents", STAFF, ""),
            ("Present the plan to the permanence panel", STAFF, ""),
            ("Hold a family group conference", AGENCY, "Family group conference service"),
        ],
    ),
    "leaving": (
        "{name} is ready to leave care, with the skills and somewhere to live",
        "Pathway plan agreed; {name} cooks, budgets and keeps appointments alone",
        [
            ("Start the needs assessment for the pathway plan", STAFF, ""),
            ("Teach {name} to budget and cook a week's meals", AGENCY, "carers"),
            ("Introduce {name} to their personal adviser", AGENCY, "Leaving care service"),
        ],
    ),
}
OUTCOMES_BY_BAND = {
    "early": ["stability", "early_years", "health", "contact", "permanence"],
    "school": ["stability", "pep", "health", "contact", "permanence"],
    "older": ["stability", "pep", "health", "leaving"],
}

AGREEMENT_OUTCOME = (
    "{name} is safe and well cared for at home, so the care order can be discharged",
    "Visits find {name} well cared for; school attendance above 95%; no new concerns",
    [
        ("Complete the parenting programme", FAMILY, "Parent"),
        ("Visit weekly until the first review, seeing {name} alone", STAFF, ""),
        ("Send the attendance register every Friday", AGENCY, "The school"),
    ],
)
