"""The Assessment Framework as data: the three sides of the assessment triangle with their
domains, and the sections a single assessment is written in (Working Together to Safeguard
Children 2023, chapters 1 and 2; the Framework for the Assessment of Children in Need and their
Families, 2000, gave the triangle its domains).

Declared here once, like the timescale rules, so that a council can read exactly what its
workers are asked, and so that the pages, the completeness check, the printed record, the demo
and the generator all take the same list. A domain's code is what is stored (Assessment.domains
is keyed by it): change a label freely, never a code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    code: str
    label: str
    hint: str


@dataclass(frozen=True)
class Side:
    """One side of the triangle, written on one page."""

    slug: str
    title: str
    question: str
    domains: tuple[Domain, ...]


DEVELOPMENTAL_NEEDS = Side(
    "developmental-needs",
    "The child's developmental needs",
    "How is the child doing?",
    (
        Domain("health", "Health", "Growth, development, physical and mental health, health appointments"),
        Domain("education", "Education", "Attendance, progress, special educational needs, nursery or school's view"),
        Domain(
            "emotional_behavioural",
            "Emotional and behavioural development",
            "Feelings and behaviour, attachment, self-control, how they cope with change",
        ),
        Domain("identity", "Identity", "Sense of self, culture, religion, language, sexuality, disability"),
        Domain(
            "family_social_relationships",
            "Family and social relationships",
            "Relationships with parents, brothers and sisters, friends",
        ),
        Domain("social_presentation", "Social presentation", "How they present to others: appearance, behaviour"),
        Domain("self_care", "Self-care skills", "Growing independence and practical skills for their age"),
    ),
)

PARENTING_CAPACITY = Side(
    "parenting-capacity",
    "Parenting capacity",
    "How well do the parents and carers meet the child's needs?",
    (
        Domain("basic_care", "Basic care", "Food, warmth, shelter, clean clothes, hygiene, medical and dental care"),
        Domain("ensuring_safety", "Ensuring safety", "Protection from harm, danger and unsafe adults; supervision"),
        Domain("emotional_warmth", "Emotional warmth", "Praise, comfort, affection, being valued"),
        Domain("stimulation", "Stimulation", "Play, learning, getting to nursery or school"),
        Domain("guidance_boundaries", "Guidance and boundaries", "Rules, routines, managing behaviour without harm"),
        Domain("stability", "Stability", "Consistent care, secure attachment, keeping in touch with people who matter"),
    ),
)

FAMILY_AND_ENVIRONMENT = Side(
    "family-and-environment",
    "Family and environmental factors",
    "What around the family helps or gets in the way?",
    (
        Domain(
            "family_history",
            "Family history and functioning",
            "Who lives in the household, parents' own childhoods, domestic abuse, substance use, mental health",
        ),
        Domain("wider_family", "Wider family", "Who else is important and what support they give"),
        Domain("housing", "Housing", "Suitability, condition, safety, overcrowding, threat of eviction"),
        Domain("employment", "Employment", "Who works, patterns of work and how they affect the child"),
        Domain("income", "Income", "Enough money, benefits, debt"),
        Domain("social_integration", "Family's social integration", "Isolation, friends, discrimination, belonging"),
        Domain("community_resources", "Community resources", "Schools, health services, transport, places to play"),
    ),
)

SIDES: tuple[Side, ...] = (DEVELOPMENTAL_NEEDS, PARENTING_CAPACITY, FAMILY_AND_ENVIRONMENT)
SIDE_BY_SLUG = {side.slug: side for side in SIDES}
DOMAINS = {domain.code: domain for side in SIDES for domain in side.domains}

# What is written for each domain: what is going well, what we are worried about, or why it was
# not assessed (one of the first two, or the third, completes it).
FINDINGS = ("going_well", "worries", "not_assessed")


@dataclass(frozen=True)
class Section:
    """A page of the assessment, one row of its task list."""

    slug: str
    title: str


SECTIONS: tuple[Section, ...] = (
    *(Section(side.slug, side.title) for side in SIDES),
    Section("childs-voice", "The child's voice"),
    Section("parents-views", "Parents' and carers' views"),
    Section("other-agencies", "Other agencies' information"),
    Section("analysis", "Analysis, recommendation and outcome"),
)
SECTION_BY_SLUG = {section.slug: section for section in SECTIONS}
