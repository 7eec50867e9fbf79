"""The demo authority that `make run` loads: staff for every role, in realistic teams.

Idempotent: running it again changes nothing that is already there, so `make run` twice keeps
what people recorded. It refuses to run in production.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from workforce.models import Team, User
from workforce.roles import Role, TeamKind
from workforce.services import staff_create, team_create

DEMO_PASSWORD = "demo-password-2026"
GENERATED_SEED = 1


@dataclass(frozen=True)
class DemoStaff:
    username: str
    first_name: str
    last_name: str
    role: str
    team: str | None


TEAMS = [
    ("Front Door and MASH", TeamKind.FRONT_DOOR),
    ("Assessment Team North", TeamKind.ASSESSMENT),
    ("Safeguarding Team East", TeamKind.CHILD_IN_NEED),
    ("Children in Care Team", TeamKind.LOOKED_AFTER),
    ("Independent Reviewing Service", TeamKind.IRO_SERVICE),
    ("Quality and Performance", TeamKind.QUALITY),
    ("Leaving Care Team", TeamKind.CARE_LEAVERS),
]

# One sign-in per role first (these are printed by `make run`), then the rest of the teams.
STAFF = [
    DemoStaff("sw.okafor", "Amara", "Okafor", Role.SOCIAL_WORKER, "Assessment Team North"),
    DemoStaff("tm.hughes", "Claire", "Hughes", Role.TEAM_MANAGER, "Assessment Team North"),
    DemoStaff("iro.patel", "Dev", "Patel", Role.IRO, "Independent Reviewing Service"),
    DemoStaff("mash.evans", "Erin", "Evans", Role.MASH_WORKER, "Front Door and MASH"),
    DemoStaff("qa.rahman", "Farah", "Rahman", Role.QA_OFFICER, "Quality and Performance"),
    DemoStaff("sl.morgan", "Gareth", "Morgan", Role.SENIOR_LEADER, None),
    DemoStaff("admin.kowalska", "Hanna", "Kowalska", Role.SYSTEM_ADMIN, None),
    DemoStaff("lado.griffiths", "Rhian", "Griffiths", Role.LADO_OFFICER, None),
    DemoStaff("pa.adeyemi", "Tunde", "Adeyemi", Role.PERSONAL_ADVISER, "Leaving Care Team"),
    DemoStaff("pf.harris", "Megan", "Harris", Role.PRIVATE_FOSTERING_OFFICER, "Children in Care Team"),
    DemoStaff("sm.campbell", "Fiona", "Campbell", Role.SERVICE_MANAGER, None),
    DemoStaff("hos.ahmed", "Imran", "Ahmed", Role.HEAD_OF_SERVICE, None),
    DemoStaff("dir.fletcher", "Ruth", "Fletcher", Role.DIRECTOR, None),
    DemoStaff("wf.shah", "Nadia", "Shah", Role.WORKFORCE_LEAD, None),
    DemoStaff("sw.brown", "Ben", "Brown", Role.SOCIAL_WORKER, "Assessment Team North"),
    DemoStaff("sw.ali", "Yusuf", "Ali", Role.SOCIAL_WORKER, "Safeguarding Team East"),
    DemoStaff("sw.clarke", "Sophie", "Clarke", Role.SOCIAL_WORKER, "Safeguarding Team East"),
    DemoStaff("tm.wright", "Joanne", "Wright", Role.TEAM_MANAGER, "Safeguarding Team East"),
    DemoStaff("sw.nowak", "Piotr", "Nowak", Role.SOCIAL_WORKER, "Children in Care Team"),
    DemoStaff("tm.osei", "Kwame", "Osei", Role.TEAM_MANAGER, "Children in Care Team"),
    DemoStaff("mash.lee", "Grace", "Lee", Role.TEAM_MANAGER, "Front Door and MASH"),
]

MANAGERS = {
    "Assessment Team North": "tm.hughes",
    "Safeguarding Team East": "tm.wright",
    "Children in Care Team": "tm.osei",
    "Front Door and MASH": "mash.lee",
}


def sign_ins() -> list[DemoStaff]:
    """The first demo user of each role."""
    seen, result = set(), []
    for person in STAFF:
        if person.role not in seen:
            seen.add(person.role)
            result.append(person)
    return result


@transaction.atomic
def load_demo() -> bool:
    """Create the demo staff, teams and families if they are not there.
    Returns True if it created anything."""
    if settings.PRODUCTION:
        raise RuntimeError("The demo data is never loaded in production.")
    created_staff = _load_staff()
    from synthetic.demo_record import load_demo_families

    staff = {u.username: u for u in User.objects.filter(username__in=[p.username for p in STAFF])}
    created_children = load_demo_families(staff)
    if created_children:
        from synthetic.demo_journeys import load_demo_journeys

        load_demo_journeys(staff)
        from synthetic.demo_looked_after import load_demo_looked_after

        load_demo_looked_after(staff)
        from synthetic.demo_plans import load_demo_plans

        load_demo_plans(staff)
        from synthetic.demo_conferences import load_demo_conferences

        load_demo_conferences(staff)
        from synthetic.demo_documents import load_demo_documents

        load_demo_documents(staff)
        from synthetic.demo_specialist import load_demo_specialist

        load_demo_specialist(staff)
        from synthetic.demo_supervision import load_demo_supervision

        load_demo_supervision(staff)
        from synthetic.demo_oversight import load_demo_oversight

        load_demo_oversight(staff)
        from synthetic.demo_handoffs import load_demo_handoffs

        load_demo_handoffs(staff)
        from synthetic.demo_decisions import load_demo_decisions

        load_demo_decisions(staff)
        from synthetic.demo_audits import load_demo_audits

        load_demo_audits(staff)
        from synthetic.demo_improvement import load_demo_improvement

        load_demo_improvement(staff)
    # The staff records (synthetic.demo_workforce): profiles, establishment, induction, training.
    from synthetic.demo_workforce import load_demo_workforce

    load_demo_workforce(staff)
    # The generated small authority beside the scripted stories: a realistic population for the
    # trays, caseloads and reports (synthetic.generator; it does nothing if already there).
    from synthetic.generator import generate

    generated = generate(size="small", seed=GENERATED_SEED).created
    if generated or created_children:
        _load_performance_figures()
        from synthetic.demo_board_pack import load_demo_board_pack

        load_demo_board_pack(staff)
    return bool(created_staff or created_children or generated)


# The demo authority's children aged 0 to 17: a town-sized population beside its caseload, so the
# rates per 10,000 children are of the order England's are (not the benchmark authority's).
DEMO_POPULATION = 1_200


def _load_performance_figures() -> None:
    """A population estimate for the rates, and the last 24 month ends' figures, as the nightly
    job (manage.py snapshot_indicators) would have kept them: the trends have history at once."""
    from core import clock
    from performance.models import PopulationEstimate
    from performance.selectors import month_ends
    from performance.services import snapshot_take

    today = clock.today()
    PopulationEstimate.objects.get_or_create(
        mid_year=today.year - 1, defaults={"children": DEMO_POPULATION, "source": "Demo authority (synthetic)"}
    )
    for day in month_ends(today):
        snapshot_take(day)


def _load_staff() -> bool:
    if User.objects.filter(username=STAFF[0].username).exists():
        return False
    teams = {name: team_create(name=name, kind=kind) for name, kind in TEAMS}
    users = {}
    for person in STAFF:
        users[person.username] = staff_create(
            username=person.username,
            first_name=person.first_name,
            last_name=person.last_name,
            role=person.role,
            team=teams.get(person.team) if person.team else None,
            password=DEMO_PASSWORD,
            agency_worker=person.username == "sw.brown",
        )
    for team_name, username in MANAGERS.items():
        Team.objects.filter(pk=teams[team_name].pk).update(manager=users[username])
    return True
