from django.db import models

from workforce.roles import Role


class Capacity(models.TextChoices):
    """In which role the independent chair raises the challenge (CP chairs are IROs here)."""

    IRO = "iro", "Independent reviewing officer (looked-after reviews)"
    CP_CHAIR = "cp_chair", "Child protection chair"


class Category(models.TextChoices):
    """The themes of a challenge (PRACTICE.md 2; the IRO annual report counts by them)."""

    CARE_PLANNING = "care_planning", "Care planning"
    PLAN_NOT_IMPLEMENTED = "plan_not_implemented", "Plan not implemented"
    DRIFT_AND_DELAY = "drift_and_delay", "Drift and delay"
    NO_EXIT_PLAN = "no_exit_plan", "No exit plan"
    NO_ALLOCATED_WORKER = "no_allocated_worker", "No allocated social worker"
    POOR_PRACTICE = "poor_practice", "Poor practice"
    PARTICIPATION = "participation", "The child’s participation"


class Stage(models.IntegerChoices):
    """The stages of the dispute resolution process: informal first, then up the line of management."""

    INFORMAL = 0, "Informal"
    TEAM_MANAGER = 1, "Stage 1: team manager"
    SERVICE_MANAGER = 2, "Stage 2: service manager"
    HEAD_OF_SERVICE = 3, "Stage 3: head of service"
    DIRECTOR = 4, "Stage 4: director"


# Who may be addressed at each stage. The informal stage goes to the worker or their manager.
STAGE_ROLES = {
    Stage.INFORMAL: frozenset({Role.SOCIAL_WORKER, Role.TEAM_MANAGER}),
    Stage.TEAM_MANAGER: frozenset({Role.TEAM_MANAGER}),
    Stage.SERVICE_MANAGER: frozenset({Role.SERVICE_MANAGER}),
    Stage.HEAD_OF_SERVICE: frozenset({Role.HEAD_OF_SERVICE}),
    Stage.DIRECTOR: frozenset({Role.DIRECTOR}),
}
STAGE_WORDS = {
    Stage.INFORMAL: "the social worker or team manager",
    Stage.TEAM_MANAGER: "a team manager",
    Stage.SERVICE_MANAGER: "a service manager",
    Stage.HEAD_OF_SERVICE: "a head of service",
    Stage.DIRECTOR: "the director",
}
LAST_STAGE = Stage.DIRECTOR


def stage_rule(stage: int) -> str:
    """The local standard for a response at this stage (timescales.rules)."""
    return "drp_informal" if stage == Stage.INFORMAL else "drp_stage"


class Outcome(models.TextChoices):
    RESOLVED = "resolved", "Resolved"
    CAFCASS = "cafcass", "Referred to Cafcass"
