"""Local choices for child protection. Categories of abuse are census codes (codelists.cin)."""

from django.db import models


class Agency(models.TextChoices):
    """Who took part in a strategy discussion (Working Together: police, health, social care, others)."""

    SOCIAL_CARE = "social_care", "Children's social care"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "School or education"
    OTHER = "other", "Other agency"


class StrategyDecision(models.TextChoices):
    SECTION_47 = "s47", "Start a section 47 enquiry"
    NO_SECTION_47 = "no_s47", "No section 47 enquiry: continue the assessment or other support"


class Section47Outcome(models.TextChoices):
    CONFERENCE = "conference", "Initial child protection conference needed"
    NO_CONFERENCE = "no_conference", "Conference not required"


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    TRANSFER_IN = "transfer_in", "Transfer-in conference"
    REVIEW = "review", "Review child protection conference"


class ConferenceOutcome(models.TextChoices):
    PLAN = "plan", "Child protection plan"
    NO_PLAN = "no_plan", "No child protection plan"
    CONTINUE = "continue", "Child protection plan continues"
    END = "end", "Child protection plan ends"


class PlanEndReason(models.TextChoices):
    """Why a child protection plan ended. Not a census code (the census has only the end date)."""

    NO_LONGER_AT_RISK = "no_longer_at_risk", "No longer at continuing risk of significant harm"
    LOOKED_AFTER = "looked_after", "Child became looked after"
    MOVED_AWAY = "moved_away", "Child moved to another local authority"
    AGE = "age", "Child reached 18"
    DIED = "died", "Child died"
    OTHER = "other", "Other"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class InviteeAgency(models.TextChoices):
    """Who an agency invitee is. Quoracy counts agencies, not people: a GP and a health visitor
    are both health (see `sector`)."""

    POLICE = "police", "Police"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    SCHOOL_NURSE = "school_nurse", "School nurse"
    MIDWIFE = "midwife", "Midwife"
    GP = "gp", "GP"
    HEALTH_OTHER = "health_other", "Other health professional"
    SCHOOL = "school", "School or nursery"
    PROBATION = "probation", "Probation"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other agency"


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    REPORT_ONLY = "report_only", "Sent apologies and a report"
    APOLOGIES = "apologies", "Sent apologies, no report"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"
