"""What the demo's social workers wrote in their assessments, section by section (the Assessment
Framework, assessments.framework), written through the same service as the pages
(assessments.services.assessment_section_save). demo_journeys decides whose assessment is
complete, which is in progress and which is waiting for authorisation.

The families are invented; the content reads as a worker would write it, so a manager, an
inspector or a new user trying the demo sees a whole assessment.
"""

from __future__ import annotations

import datetime

from assessments.sections import field_name
from assessments.services import assessment_section_save


def _side(**domains) -> dict:
    """domain code -> (going well, worried about) or a str "not assessed: why"."""
    content = {}
    for code, finding in domains.items():
        if isinstance(finding, str):
            content[field_name(code, "not_assessed")] = finding
        else:
            content[field_name(code, "going_well")], content[field_name(code, "worries")] = finding
    return content


def young_carer(seen_on: datetime.date) -> dict[str, dict]:
    """Ayaan Begum, 12, who cares for his mother; assessed and authorised."""
    return {
        "developmental-needs": _side(
            health=(
                "Healthy; up to date with immunisations and the dentist.",
                "Tired most mornings; goes to bed after midnight.",
            ),
            education=(
                "Bright, and good at maths by his teacher's account.",
                "Attendance 84% this year; late most Mondays.",
            ),
            emotional_behavioural=(
                "Calm and thoughtful; proud of looking after Mum.",
                "Worries about Mum when he is at school.",
            ),
            identity=("Strong sense of his family's culture and faith; attends the mosque on Fridays.", ""),
            family_social_relationships=(
                "Close to his mother and his aunt.",
                "Has stopped going to football with friends.",
            ),
            social_presentation=("Clean and well dressed.", ""),
            self_care=("Cooks simple meals and manages the shopping.", "More than is expected of a 12-year-old."),
        ),
        "parenting-capacity": _side(
            basic_care=(
                "The home is warm, clean and there is food.",
                "Mum cannot always cook or shop when she is unwell.",
            ),
            ensuring_safety=("No concerns about adults in the home.", "Ayaan gives Mum her medication."),
            emotional_warmth=("Mum is loving and praises Ayaan.", ""),
            stimulation=("Mum reads with his younger sister.", "Homework is not supervised."),
            guidance_boundaries=("Clear routines when Mum is well.", "Bedtimes slip when she is in pain."),
            stability=("Ayaan has lived with Mum all his life; his aunt visits weekly.", ""),
        ),
        "family-and-environment": _side(
            family_history=("Mum has multiple sclerosis, diagnosed 2021; Dad left in 2022.", "No other adult at home."),
            wider_family=("Aunt Rukhsana lives two streets away and helps on Saturdays.", ""),
            housing=("Council flat, second floor.", "No lift: Mum struggles with the stairs."),
            employment="Not assessed: Mum has not worked since her diagnosis and no one else in the household is of working age.",
            income=("Receives PIP and Universal Credit.", "Rent arrears of £400 since a benefit change."),
            social_integration=("Known at the mosque and to neighbours.", "Mum rarely goes out."),
            community_resources=("Young carers' group runs on Wednesdays near school.", ""),
        ),
        "childs-voice": {
            "child_seen_on": seen_on,
            "seen_alone": True,
            "wishes_and_feelings": "‘I don't mind helping Mum, I just want to play football again and not be tired at "
            "school. I don't want anyone to take me away from her.’",
            "how_gathered": "Seen alone at school twice, using the three houses tool, and at home with Mum.",
        },
        "parents-views": {
            "parents_views": "Mum (Shabana Begum) says Ayaan does too much and she feels guilty. She would like carers "
            "to help in the mornings and wants him to go to the young carers' group. Dad was not "
            "contacted: no contact since 2022 and Mum asked us not to.",
        },
        "other-agencies": [
            {
                "agency": "Riverside Academy (designated safeguarding lead)",
                "said_on": seen_on,
                "said": "Attendance 84%, late most Mondays; a kind, able pupil who falls asleep in class.",
            },
            {
                "agency": "GP, Riverside Surgery",
                "said_on": seen_on + datetime.timedelta(days=5),
                "said": "Mum's condition is relapsing-remitting; a referral to adult social care is open.",
            },
        ],
        "analysis": {
            "analysis": "Ayaan is a loved and well cared for child whose caring role is now harming his education and "
            "friendships. The strengths are Mum's warmth and insight, his aunt's support and Ayaan's own "
            "resilience. The risk is that without help for Mum his attendance and wellbeing will keep "
            "falling. There is no evidence of significant harm.",
            "recommendation": "A child in need plan: a young carer's assessment, adult social care support for Mum in "
            "the mornings, the young carers' group, and school to monitor attendance.",
            "factors": ["7A", "6B"],
            "outcome": "cin_plan",
        },
    }


def bruising(seen_on: datetime.date) -> dict[str, dict]:
    """Jonathan Smith, 8, bruising seen by his teacher; submitted, waiting for the manager."""
    return {
        "developmental-needs": _side(
            health=(
                "Growth on track; no injuries seen since the referral.",
                "Bruises on both upper arms on 2 occasions.",
            ),
            education=("Good attendance (97%).", "Quieter in class since the autumn."),
            emotional_behavioural=("Plays well with his sister.", "Flinches when adults raise their voices."),
            identity=("Proud of his Irish grandfather and his football team.", ""),
            family_social_relationships=("Close to his sister and his nan.", ""),
            social_presentation=("Clean and appropriately dressed.", ""),
            self_care=("Dresses himself and gets ready for school.", ""),
        ),
        "parenting-capacity": _side(
            basic_care=("Food in the home; appointments kept.", ""),
            ensuring_safety=("Mum took him to the GP after the second bruise.", "No explanation for the bruising."),
            emotional_warmth=("Affectionate with both children.", "Withdrawn on low days."),
            stimulation=("Takes the children to the library.", ""),
            guidance_boundaries=("", "Shouting when she is stressed, by Jonathan's account."),
            stability=("Same home and school for four years.", ""),
        ),
        "family-and-environment": _side(
            family_history=("", "Mum has depression; stopped her medication in the summer."),
            wider_family=("Nan (maternal) sees the children most days.", ""),
            housing=("Housing association house, in good repair.", ""),
            employment=("Mum works part-time at a supermarket.", ""),
            income=("Manages on wages and Universal Credit.", ""),
            social_integration=("", "Has lost touch with friends since the separation."),
            community_resources=("Family hub nearby; school nurse available.", ""),
        ),
        "childs-voice": {
            "child_seen_on": seen_on,
            "seen_alone": False,
            "not_seen_alone_reason": "Jonathan asked for his nan to stay with him at the first visit.",
            "wishes_and_feelings": "‘Mum gets sad and shouts but she says sorry. I want Nan to come round more.’",
            "how_gathered": "At home, with his nan present, drawing his family.",
        },
        "parents-views": {
            "parents_views": "Mum (Claire Smith) says the bruises came from rough play with cousins. She accepts she "
            "has been struggling and has agreed to see her GP.",
        },
        "other-agencies": [
            {
                "agency": "Oak Lane Primary School",
                "said_on": seen_on,
                "said": "Bruising seen twice in PE; Jonathan said he ‘bumped into things’.",
            },
        ],
        "analysis": {
            "analysis": "Unexplained bruising alongside Mum's untreated depression. Strengths: Nan's daily support, "
            "Mum's engagement and good school attendance. No further injuries since the referral.",
            "recommendation": "A child in need plan with a referral to adult mental health services and the family "
            "hub's parenting course; review in 3 months.",
            "factors": ["4B", "18A"],
            "outcome": "cin_plan",
        },
    }


def cold_home_child() -> dict:
    """Zofia Kowalczyk, 6: her developmental needs, written so far in an assessment still in progress."""
    return _side(
        health=("Registered with a GP; immunisations up to date.", "Weight has dropped a centile; frequent colds."),
        education=("Settled in Year 1; her teacher says she loves drawing.", "Often arrives hungry."),
        emotional_behavioural=("Cheerful and chatty with adults she knows.", ""),
        identity=("Bilingual in Polish and English; proud of both.", ""),
        family_social_relationships=("Close to Mum and her grandmother in Poland (video calls).", ""),
        social_presentation=("", "Clothes sometimes unwashed; thin coat in winter."),
        self_care="Not assessed: not yet seen at home at a mealtime or bedtime; planned for the next visit.",
    )


def write(actor, assessment, content: dict[str, dict], *, complete: set[str] | None = None):
    """Save the sections in `content`; each is marked as completed unless `complete` leaves it out."""
    for slug, values in content.items():
        done = complete is None or slug in complete
        for entry in values if isinstance(values, list) else [values]:
            assessment = assessment_section_save(
                actor=actor, assessment=assessment, section=slug, completed=done, **entry
            )
    return assessment
