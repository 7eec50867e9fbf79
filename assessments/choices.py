"""Local choices for assessments. The factors identified are census codes (codelists.cin)."""

from django.db import models


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Waiting for authorisation"
    RETURNED = "returned", "Returned to the social worker"
    AUTHORISED = "authorised", "Authorised"


class AssessmentOutcome(models.TextChoices):
    """What the assessment concluded should happen next."""

    NO_FURTHER_ACTION = "nfa", "No further action: close the case"
    EARLY_HELP = "early_help", "Step down to early help"
    CIN_PLAN = "cin_plan", "Child in need plan"
    STRATEGY_DISCUSSION = (
        "strategy_discussion",
        "Strategy discussion: there is reasonable cause to suspect significant harm",
    )
    OTHER_SERVICES = "other_services", "Other services, without a plan"


class AuthorisationDecision(models.TextChoices):
    AUTHORISE = "authorise", "Authorise the assessment"
    RETURN = "return", "Return it to the social worker with comments"
