"""Short synthetic wording for concerns, visits and notes. Invented, never from a real case."""

CONCERNS = [
    "School reports the child has arrived hungry several days this week.",
    "Police attended a domestic incident at the home overnight; children present.",
    "Health visitor concerned about the home conditions and missed appointments.",
    "Child disclosed to a teacher that they are frightened of going home.",
    "Neighbour reports children left alone in the evenings.",
    "GP concerned about a parent's mental health and the care of the baby.",
    "Unexplained bruising noticed by the nursery.",
    "Young person missing from home overnight, found in the town centre.",
    "Parent asking for help with the child's behaviour and caring needs.",
    "Attendance at school below 60% this term; family not engaging.",
]
SCREENING_REASONS = [
    "Information shared with the school; no role for children's social care.",
    "Advice given to the parent about local support services.",
    "Referred to the early help team for family support.",
    "Threshold for social care not met; universal services involved.",
]
OBSERVATIONS = [
    "Home warm and tidy; food in the cupboards. Child relaxed with the parent.",
    "Home cluttered; parent says she is struggling. Agreed to help with a referral to the food bank.",
    "Child clean and appropriately dressed; warm interaction with the carer.",
    "Bedroom has a bed and bedding; damp on the window frame reported to the landlord.",
    "Parent tired but engaged; talked through the plan and what has changed.",
    "Carer reports the child is settling; school attendance improving.",
]
VOICES = [
    "Said school is better now and likes the new teacher.",
    "Said they feel safe at home but worry when mum is upset.",
    "Did not want to talk today; showed me drawings instead.",
    "Said they miss their dad and would like to see him more.",
    "Wants to go to football club on Saturdays.",
    "Said the new carers are kind and the food is good.",
]
NOTE_SUBJECTS = [
    ("telephone", "Call with the school"),
    ("telephone", "Call with the parent"),
    ("multi_agency", "Core professionals meeting"),
    ("correspondence", "Letter to the family"),
    ("management_oversight", "Management oversight"),
    ("office_visit", "Parent came to the office"),
    ("telephone", "Call with the health visitor"),
    ("correspondence", "Email from the police"),
    ("other", "Update from the family support worker"),
]
NOTE_BODIES = [
    "Discussed progress against the plan. Attendance and presentation improving; next review booked.",
    "Shared the outcome of the last visit and agreed actions with the family.",
    "Manager reviewed the case: plan is proportionate, visits on time, next step agreed.",
    "Professionals agreed the risks remain but are reducing; actions allocated.",
    "Parent reported a difficult week; agreed extra support from the family worker.",
]
DOCUMENTS = [
    ("Consent form.pdf", "application/pdf"),
    ("Strategy discussion minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("School report.pdf", "application/pdf"),
    ("Health assessment.pdf", "application/pdf"),
    ("Photo of the bedroom.jpg", "image/jpeg"),
    ("Letter to the family.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
]
ANALYSES = [
    "The parent is struggling with her own mental health; the children's needs are not consistently met.",
    "Domestic abuse has affected the children; the parent is engaging with support.",
    "The child's disability places high demands on the family; a package of support is needed.",
    "Home conditions have improved since the referral; the family want help with routines.",
    "Concerns about neglect are substantiated; a plan is needed to make the changes last.",
]


def analysis(rng) -> str:
    return rng.choice(ANALYSES)
