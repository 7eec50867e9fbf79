"""The roles people hold in the service, and what each role may do across the authority."""

from django.db import models


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    IRO = "iro", "Independent reviewing officer"
    MASH_WORKER = "mash_worker", "MASH worker"
    QA_OFFICER = "qa_officer", "QA and performance officer"
    SENIOR_LEADER = "senior_leader", "Senior leader"
    SYSTEM_ADMIN = "system_admin", "System administrator"
    LADO_OFFICER = "lado_officer", "LADO (designated officer)"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    PRIVATE_FOSTERING_OFFICER = "private_fostering_officer", "Private fostering officer"
    # The formal stages of the IRO's dispute resolution process go up the line of management
    # (oversight.choices.Stage): team manager, then these three.
    SERVICE_MANAGER = "service_manager", "Service manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    DIRECTOR = "director", "Director of children's services"
    # Keeps the staff records (profiles, establishment, training) and reads every member of
    # staff's; reads no child's record by that role alone (staff.selectors).
    WORKFORCE_LEAD = "workforce_lead", "Workforce lead"


# Roles that read any (unrestricted) child's record across the authority: the front door
# screens every contact, IROs chair reviews for children in any team, QA audits any case,
# senior leaders answer for all of them. The LADO checks
# whether the children named in an allegation are known, and the private fostering officer
# takes notifications about children from anywhere in the authority, so both read across it too.
# (A personal adviser sees only the young people they advise: care_leavers.access.)
# Administrators are not among them: they administer and do not read case files; support that
# needs to open one record uses break-glass access (access.break_glass), which senior leaders see.
# Service managers, heads of service and the director answer the IRO's challenges about
# children of any team, so they read across the authority too.
AUTHORITY_WIDE_READERS = frozenset(
    {
        Role.MASH_WORKER,
        Role.IRO,
        Role.QA_OFFICER,
        Role.SENIOR_LEADER,
        Role.LADO_OFFICER,
        Role.PRIVATE_FOSTERING_OFFICER,
        Role.SERVICE_MANAGER,
        Role.HEAD_OF_SERVICE,
        Role.DIRECTOR,
    }
)

# Roles that see the performance and oversight figures of the whole authority: QA, senior
# leaders and the leaders of the service up the line of management (service manager, head of
# service, director). A team manager sees their own teams' figures (performance.selectors.scope_for).
PERFORMANCE_ROLES = frozenset(
    {Role.QA_OFFICER, Role.SENIOR_LEADER, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR}
)


class TeamKind(models.TextChoices):
    FRONT_DOOR = "front_door", "Front door (MASH)"
    ASSESSMENT = "assessment", "Assessment"
    CHILD_IN_NEED = "child_in_need", "Child in need and child protection"
    LOOKED_AFTER = "looked_after", "Children looked after"
    CARE_LEAVERS = "care_leavers", "Care leavers"
    DISABLED_CHILDREN = "disabled_children", "Disabled children"
    IRO_SERVICE = "iro_service", "Independent reviewing service"
    QUALITY = "quality", "Quality assurance and performance"
    OTHER = "other", "Other"
