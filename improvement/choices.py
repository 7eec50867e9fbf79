"""The fixed lists of inspections and the improvement plan (PRACTICE.md section 4)."""

from django.db import models


class InspectionKind(models.TextChoices):
    """Ofsted's inspections of local authority children's services (ILACS) and the joint ones."""

    STANDARD = "ilacs_standard", "ILACS standard inspection"
    SHORT = "ilacs_short", "ILACS short inspection"
    FOCUSED_VISIT = "focused_visit", "Focused visit"
    MONITORING_VISIT = "monitoring_visit", "Monitoring visit"
    JTAI = "jtai", "Joint targeted area inspection (JTAI)"


class JudgementArea(models.TextChoices):
    """The ILACS judgements since 2023. The slug is also the "how do we know" page's address."""

    OVERALL = "overall", "Overall effectiveness"
    HELP_AND_PROTECTION = "help_and_protection", "The experiences and progress of children who need help and protection"
    IN_CARE = "in_care", "The experiences and progress of children in care"
    CARE_LEAVERS = "care_leavers", "The experiences and progress of care leavers"
    LEADERS = "leaders", "The impact of leaders on social work practice with children and families"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class Rag(models.TextChoices):
    """The plan's RAG rating (improvement.rag): worked out from status and dates, never typed."""

    BLUE = "blue", "Complete"
    GREEN = "green", "On track"
    AMBER = "amber", "At risk"
    RED = "red", "Overdue"
