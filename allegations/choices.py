"""Code lists for allegations against people who work with children. The harm criteria and the
outcome definitions are those of Keeping Children Safe in Education and Working Together to
Safeguard Children 2023 (chapter 4), which LADO services report against."""

from django.db import models


class Sector(models.TextChoices):
    EDUCATION = "education", "Education (school or college)"
    EARLY_YEARS = "early_years", "Early years and childcare"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care, including foster carers"
    POLICE = "police", "Police"
    YOUTH_JUSTICE = "youth_justice", "Youth justice or probation"
    FAITH = "faith", "Faith organisation"
    SPORT = "sport", "Sport, leisure or culture"
    TRANSPORT = "transport", "Transport"
    VOLUNTARY = "voluntary", "Voluntary or community organisation"
    OTHER = "other", "Other"


class HarmCriterion(models.TextChoices):
    """Why the allegation meets the threshold for the LADO (WT2023 ch.4; KCSIE part 4)."""

    HARMED = "harmed", "Behaved in a way that has harmed, or may have harmed, a child"
    OFFENCE = "offence", "Possibly committed a criminal offence against or related to a child"
    RISK = "risk", "Behaved towards a child in a way that indicates they may pose a risk of harm to children"
    UNSUITABLE = "unsuitable", "Behaved in a way that indicates they may not be suitable to work with children"


class Category(models.TextChoices):
    PHYSICAL = "physical", "Physical abuse"
    SEXUAL = "sexual", "Sexual abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    NEGLECT = "neglect", "Neglect"
    CONDUCT = "conduct", "Conduct outside work (transferable risk)"


class MeetingKind(models.TextChoices):
    STRATEGY = "strategy", "Strategy meeting"
    EVALUATION = "evaluation", "Allegation management or evaluation meeting"
    REVIEW = "review", "Review meeting"


class Outcome(models.TextChoices):
    """The five outcomes, with the definitions KCSIE gives them."""

    SUBSTANTIATED = "substantiated", "Substantiated: there is enough evidence to prove the allegation"
    MALICIOUS = "malicious", "Malicious: there is enough evidence to disprove it, and a deliberate act to deceive"
    FALSE = "false", "False: there is enough evidence to disprove the allegation"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated: not enough evidence to prove or disprove it"
    UNFOUNDED = "unfounded", "Unfounded: no evidence or proper basis supports the allegation"
