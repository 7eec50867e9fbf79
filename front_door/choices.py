"""Local choices for the front door. Census code lists (referral source, primary need) are in
codelists.cin; these are the authority's own steps, which the census does not code."""

from django.db import models


class ContactDecision(models.TextChoices):
    """The screening decision on a contact (DOMAIN.md, the child's journey, step 1)."""

    NO_FURTHER_ACTION = "nfa", "No further action"
    ADVICE = "advice", "Advice or signposting"
    EARLY_HELP = "early_help", "Early help"
    REFERRAL = "referral", "Referral to children's social care"


class ReferralNextStep(models.TextChoices):
    """The type of response a manager decides on a referral (Working Together 2023 para 153)."""

    ASSESSMENT = "assessment", "Assessment (section 17)"
    STRATEGY_DISCUSSION = (
        "strategy_discussion",
        "Strategy discussion: there is reasonable cause to suspect significant harm",
    )
    NO_FURTHER_ACTION = "nfa", "No further action"
