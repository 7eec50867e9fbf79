"""What generated social workers write in an assessment's sections (assessments.framework): short
findings for each domain of the triangle, the child's voice, the parents' views, other agencies'
information, the recommendation and the manager's rationale.

Kept cheap because the large authority has tens of thousands of assessments: every phrase is
drawn from a small pool (the database's compression of the JSON then does well), nothing is
formatted per child but the dates, and the choices come from a random stream of the assessment's
own (seeded from the child's ID and the start date), so the rest of the authority is generated
exactly as before.
"""

from __future__ import annotations

import datetime
import random
import zlib

from assessments.framework import DOMAINS, SECTIONS, SIDES

WELL = {
    "health": ["Healthy; immunisations up to date.", "Registered with a GP and dentist; appointments kept."],
    "education": ["Attends regularly; teachers report good progress.", "Settled at nursery; enjoys stories."],
    "emotional_behavioural": ["Calm and chatty with familiar adults.", "Copes well with change by school's account."],
    "identity": ["Proud of the family's culture and faith.", "Clear sense of who they are."],
    "family_social_relationships": ["Close to a sibling and a grandparent.", "Has friends at school."],
    "social_presentation": ["Clean and appropriately dressed.", "Presents well at school."],
    "self_care": ["Managing self-care for their age.", "Dresses and gets ready for school."],
    "basic_care": ["Food, warmth and clean clothes in the home.", "Home clean and well kept."],
    "ensuring_safety": ["Parent recognises risks and acts on them.", "Safe sleeping and supervision understood."],
    "emotional_warmth": ["Warm, affectionate relationship observed.", "Parent praises and comforts the child."],
    "stimulation": ["Reads and plays with the child.", "Gets the child to school every day."],
    "guidance_boundaries": ["Clear routines and bedtimes.", "Consistent boundaries without harsh punishment."],
    "stability": ["Same carer and school for years.", "Keeps in touch with people who matter to the child."],
    "family_history": ["No previous involvement with children's services.", "Parent has insight into own childhood."],
    "wider_family": ["Grandmother helps most days.", "Aunt offers respite at weekends."],
    "housing": ["Stable tenancy, suitable for the family.", "Home in good repair."],
    "employment": ["Parent works part-time.", "Parent in work with hours that fit school."],
    "income": ["Manages on wages and benefits.", "No reported debt."],
    "social_integration": ["Known to neighbours; part of a faith community.", "Has friends locally."],
    "community_resources": ["Family hub and school nurse nearby.", "Uses the local library and park."],
}
WORRIES = {
    "health": ["Missed health appointments.", "Dental decay untreated."],
    "education": ["Attendance below 85%.", "Often late; tired in class."],
    "emotional_behavioural": ["Withdrawn and anxious.", "Angry outbursts at school."],
    "identity": ["Little sense of family history."],
    "family_social_relationships": ["Conflict between siblings.", "Few friends."],
    "social_presentation": ["Sometimes unwashed; clothes too small."],
    "self_care": ["Does more than expected for their age."],
    "basic_care": ["Little food in the home at visits.", "Home cold and cluttered."],
    "ensuring_safety": ["Unexplained bruising.", "Left unsupervised in the evenings."],
    "emotional_warmth": ["Parent withdrawn and critical.", "Little warmth observed."],
    "stimulation": ["Few toys or books; long hours on screens."],
    "guidance_boundaries": ["Inconsistent routines; shouting.", "No clear bedtime."],
    "stability": ["Three house moves this year.", "Changes of carer between relatives."],
    "family_history": ["Domestic abuse in the household.", "Parental substance misuse.", "Parent's mental health."],
    "wider_family": ["Little support from wider family."],
    "housing": ["Overcrowded; damp.", "Threat of eviction."],
    "employment": ["Parent lost their job this year."],
    "income": ["Rent arrears and debt.", "Relies on food bank."],
    "social_integration": ["Family isolated.", "Experiences of racism in the area."],
    "community_resources": ["Long wait for local services."],
}
NOT_ASSESSED = ["Not relevant for this family.", "Parent declined to discuss; to follow in the plan."]
WISHES = [
    "‘I want Mum to stop being sad.’",
    "‘I like my school and my friends. I don't want to move.’",
    "‘I want the shouting to stop.’",
    "‘I want to see my dad more.’",
    "‘Home is OK. I wish we had more food.’",
    "Too young to say; observed to seek comfort from Mum and to be relaxed at home.",
]
GATHERED = [
    "Seen alone at school using the three houses tool.",
    "At home, drawing their family.",
    "Observed at home with their parent; too young to talk.",
    "Talked in the car on the way to school.",
]
NOT_ALONE = ["Asked for their parent to stay.", "Too young to be seen alone.", "Parent refused; to be tried at school."]
PARENTS = [
    "Mum accepts the concerns and wants help.",
    "Parents dispute the concerns but agree to work with us.",
    "Dad wants more time with the children; Mum agrees.",
    "Mum says things are better since she moved.",
]
AGENCIES = [
    ("School", "Attendance and progress shared; concerns as above."),
    ("GP", "No concerns about health."),
    ("Health visitor", "Growth on track; home conditions noted."),
    ("Police", "Domestic call-outs this year."),
    ("School nurse", "Seen twice this term about hygiene."),
]
RECOMMENDATIONS = [
    "Support under a child in need plan.",
    "Step down to early help with the family hub.",
    "No further action: needs met within the family.",
    "Strategy discussion: the threshold is met.",
]
RATIONALES = [
    "Analysis supports the outcome; the child's voice is clear.",
    "Risks and strengths weighed; the outcome is proportionate.",
    "Agree with the recommendation; review the plan in 3 months.",
]


def stream(la_id: str, start: datetime.date) -> random.Random:
    return random.Random(zlib.crc32(f"{la_id}:{start.isoformat()}".encode()))


def _finding(rng: random.Random, code: str) -> dict:
    roll = rng.random()
    if roll < 0.04:
        return {"going_well": "", "worries": "", "not_assessed": rng.choice(NOT_ASSESSED)}
    worries = rng.choice(WORRIES[code]) if roll < 0.4 else ""
    return {"going_well": rng.choice(WELL[code]), "worries": worries, "not_assessed": ""}


def fill(assessment, rng: random.Random, seen_on: datetime.date | None, *, sections: int | None = None) -> None:
    """Write the sections on the (unsaved) assessment: every section, completed, or only the first
    `sections` of them for one still in progress."""
    done = [s.slug for s in SECTIONS][: len(SECTIONS) if sections is None else sections]
    domains = {}
    for side in SIDES:
        if side.slug in done:
            domains |= {d.code: _finding(rng, d.code) for d in side.domains}
    assessment.domains = domains
    if "childs-voice" in done and seen_on:
        alone = rng.random() < 0.8
        assessment.seen_alone, assessment.not_seen_alone_reason = alone, "" if alone else rng.choice(NOT_ALONE)
        assessment.wishes_and_feelings, assessment.how_gathered = rng.choice(WISHES), rng.choice(GATHERED)
    else:
        done = [s for s in done if s != "childs-voice"]
    if "parents-views" in done:
        assessment.parents_views = rng.choice(PARENTS)
    if "other-agencies" in done:
        on = (seen_on or assessment.start_date).isoformat()
        assessment.agency_information = [
            {"agency": a, "said": s, "on": on} for a, s in rng.sample(AGENCIES, rng.randint(1, 2))
        ]
    if "analysis" in done:
        assessment.recommendation = rng.choice(RECOMMENDATIONS)
    assessment.completed_sections = done


def rationale(rng: random.Random) -> str:
    return rng.choice(RATIONALES)


assert set(WELL) == set(WORRIES) == set(DOMAINS)  # a domain added to the framework needs its phrases here
