"""Service navigation, by role.

Each entry names the roles that see it. The first entry a role sees is its home page.
"""

from dataclasses import dataclass

from django.urls import reverse

from workforce.roles import Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset


ALL_ROLES = frozenset(Role)

NAVIGATION = [
    NavItem("My work", "my_work", frozenset({Role.SOCIAL_WORKER})),
    NavItem("My team", "my_team", frozenset({Role.TEAM_MANAGER})),
    NavItem("Front door", "front_door_queue:queue", frozenset({Role.MASH_WORKER})),
    NavItem("Authorisations", "assessments_queue:queue", frozenset({Role.TEAM_MANAGER})),
    NavItem("Decisions", "decisions_queue:queue", frozenset({Role.TEAM_MANAGER})),
    NavItem("Management oversight", "oversight_pages:team", frozenset({Role.TEAM_MANAGER})),
    NavItem("Performance", "performance:dashboard", frozenset({Role.TEAM_MANAGER})),
    # The workforce lead's home; team managers read the records of the people they line-manage.
    NavItem("Staff", "staff:list", frozenset({Role.WORKFORCE_LEAD, Role.TEAM_MANAGER})),
    NavItem("Caseloads", "caseloads:team", frozenset({Role.WORKFORCE_LEAD, Role.TEAM_MANAGER})),
    NavItem("Reviews and conferences", "reviews_home", frozenset({Role.IRO})),
    NavItem(
        "Challenges",
        "oversight_pages:challenges",
        frozenset({Role.IRO, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR}),
    ),
    # Leaders of the service: the indicators for the whole authority, after the challenges
    # addressed to them (their home).
    NavItem(
        "Performance", "performance:dashboard", frozenset({Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR})
    ),
    NavItem("Performance", "performance_home", frozenset({Role.QA_OFFICER, Role.SENIOR_LEADER})),
    NavItem(
        "Data quality", "data_quality:dashboard", frozenset({Role.TEAM_MANAGER, Role.QA_OFFICER, Role.SENIOR_LEADER})
    ),
    NavItem("Returns", "returns:home", frozenset({Role.QA_OFFICER, Role.SENIOR_LEADER})),
    NavItem("IRO challenges", "oversight_pages:report", frozenset({Role.QA_OFFICER, Role.SENIOR_LEADER})),
    # Case audits: what each person audits, moderates or reflects on; programmes and the report for
    # QA and leaders (audits.views).
    NavItem(
        "Case audits",
        "audits:home",
        frozenset(
            {
                Role.SOCIAL_WORKER,
                Role.TEAM_MANAGER,
                Role.IRO,
                Role.QA_OFFICER,
                Role.SENIOR_LEADER,
                Role.SERVICE_MANAGER,
                Role.HEAD_OF_SERVICE,
                Role.DIRECTOR,
            }
        ),
    ),
    # Inspections, the improvement plan and the self-evaluation's "how do we know" (improvement.views),
    # for those who answer for them; action owners of other roles find theirs on My work.
    NavItem(
        "Improvement plan",
        "improvement:home",
        frozenset({Role.QA_OFFICER, Role.SENIOR_LEADER, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR}),
    ),
    # The workforce figures, after each leader's own home (performance, challenges).
    NavItem(
        "Workforce",
        "caseloads:figures",
        frozenset(
            {
                Role.WORKFORCE_LEAD,
                Role.SENIOR_LEADER,
                Role.QA_OFFICER,
                Role.SERVICE_MANAGER,
                Role.HEAD_OF_SERVICE,
                Role.DIRECTOR,
            }
        ),
    ),
    NavItem("Administration", "administration_home", frozenset({Role.SYSTEM_ADMIN})),
    NavItem("Break-glass access", "access:break_glass_log", frozenset({Role.SENIOR_LEADER})),
    NavItem("Allegations (LADO)", "lado_home", frozenset({Role.LADO_OFFICER})),
    NavItem("My young people", "personal_adviser_home", frozenset({Role.PERSONAL_ADVISER})),
    NavItem("Private fostering", "private_fostering_home", frozenset({Role.PRIVATE_FOSTERING_OFFICER})),
    NavItem("Find a person", "people:search", ALL_ROLES),
]


def items_for(user, current_path: str = "") -> list[dict]:
    if not user.is_authenticated:
        return []
    items = []
    for item in NAVIGATION:
        if user.role in item.roles:
            href = reverse(item.url_name)
            items.append({"text": item.label, "href": href, "current": current_path.startswith(href)})
    return items


def home_url_for(user) -> str:
    for item in NAVIGATION:
        if user.role in item.roles:
            return reverse(item.url_name)
    return reverse("my_work")
