"""What the simulated users need from the benchmark's authority, read in-process with Django.

Generated staff have unusable passwords (nobody should sign in to synthetic data with a
guessable one), so the harness signs its users in the way Django's own test client does:
it creates a database session for the real member of staff. The server then treats each
request exactly as it treats a browser's: it loads the session, checks the user's session
hash and moves the session's expiry on when it is a minute old (core/sessions.py).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# Tables whose size says how big the authority is; recorded with every result.
COUNTED_TABLES = {
    "people": "people_person",
    "contacts": "front_door_contact",
    "referrals": "front_door_referral",
    "cp_plans": "child_protection_childprotectionplan",
    "periods_of_care": "looked_after_periodofcare",
    "visits": "casework_visit",
    "case_notes": "casework_casenote",
    "chronology_events": "casework_chronologyevent",
    "due_items": "timescales_dueitem",
    "staff": "workforce_user",
}


@dataclass
class Worker:
    """A member of staff the benchmark signs in, with the children they hold."""

    pk: int
    username: str
    session_key: str = ""
    children: list[int] = field(default_factory=list)
    # For the record pages of one kind (record_pages): the paths of those pages on their children.
    pages: list[str] = field(default_factory=list)


def row_counts() -> dict[str, int | None]:
    from django.db import connection

    counts = {}
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        for label, table in COUNTED_TABLES.items():
            if table not in existing:
                counts[label] = None
                continue
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from the dict above
            counts[label] = cursor.fetchone()[0]
    return counts


def sign_in(user) -> str:
    """A new database session for `user`, as django.test.Client.force_login makes: its key."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(None)
    session.create()
    return session.session_key


def social_workers(limit: int, *, rng: random.Random) -> list[Worker]:
    """Social workers who hold children, the busiest first (their pages are the heaviest)."""
    from django.db.models import Count

    from people.models import Person
    from workforce.models import User
    from workforce.roles import Role

    held = (
        Person.objects.live()
        .children()
        .filter(current_worker__role=Role.SOCIAL_WORKER, current_worker__is_active=True)
        .values("current_worker")
        .annotate(n=Count("pk"))
        .order_by("-n", "current_worker")[:limit]
    )
    workers = []
    for row in held:
        user = User.objects.get(pk=row["current_worker"])
        children = list(Person.objects.live().children().filter(current_worker=user).values_list("pk", flat=True))
        rng.shuffle(children)
        workers.append(Worker(user.pk, user.username, sign_in(user), children))
    return workers


def record_pages(workers: list[Worker], kind: str) -> list[Worker]:
    """The social workers again (same sessions), each with the pages of one kind on the children
    they hold: "cp_plan", their open child protection plans with content (outcomes, actions and the
    core group's progress); "assessment", their authorised assessments (every section written).
    Those who hold none are left out. One query for all the workers."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Exists, OuterRef

    held = {child: w for w in workers for child in w.children}
    if kind == "cp_plan":
        from child_protection.models import ChildProtectionPlan
        from plans.models import PlanContent

        content = PlanContent.objects.filter(
            plan_type=ContentType.objects.get_for_model(ChildProtectionPlan), plan_id=OuterRef("pk")
        )
        rows = (
            ChildProtectionPlan.objects.filter(child_id__in=held, end_date__isnull=True)
            .filter(Exists(content))
            .order_by("pk")
            .values_list("child_id", "pk")
        )
        path = "/people/{}/plans/cp/{}/"
    elif kind == "assessment":
        from assessments.models import Assessment, AssessmentStatus

        rows = (
            Assessment.objects.filter(child_id__in=held, status=AssessmentStatus.AUTHORISED)
            .order_by("pk")
            .values_list("child_id", "pk")
        )
        path = "/people/{}/assessments/{}/"
    else:
        raise ValueError(f"No record pages of the kind {kind!r}")
    pages: dict[int, list[str]] = {}
    for child_id, pk in rows:
        pages.setdefault(held[child_id].pk, []).append(path.format(child_id, pk))
    return [Worker(w.pk, w.username, w.session_key, w.children, pages[w.pk]) for w in workers if w.pk in pages]


def managers(limit: int) -> list[Worker]:
    """Team managers with a team, the largest teams first."""
    from django.db.models import Count

    from workforce.models import User
    from workforce.roles import Role

    users = (
        User.objects.filter(role=Role.TEAM_MANAGER, is_active=True)
        .annotate(staff=Count("managed_teams__members"))
        .filter(staff__gt=0)
        .order_by("-staff", "pk")[:limit]
    )
    return [Worker(u.pk, u.username, sign_in(u)) for u in users]


def leaders(limit: int) -> list[Worker]:
    """Senior leaders, who read the whole authority's dashboard."""
    from workforce.models import User
    from workforce.roles import Role

    users = User.objects.filter(role=Role.SENIOR_LEADER, is_active=True).order_by("pk")[:limit]
    return [Worker(u.pk, u.username, sign_in(u)) for u in users]


def audit_readers(limit: int) -> list[Worker]:
    """QA officers and senior leaders, who read the audit report; each carries the ids of the
    audit programmes (in `children`, which the report's scenario picks from)."""
    from audits.models import Programme
    from workforce.models import User
    from workforce.roles import Role

    programmes = list(Programme.objects.filter(drawn_at__isnull=False).order_by("pk").values_list("pk", flat=True))
    users = User.objects.filter(role__in=[Role.QA_OFFICER, Role.SENIOR_LEADER], is_active=True).order_by("pk")[:limit]
    return [Worker(u.pk, u.username, sign_in(u), list(programmes)) for u in users]


def plan_readers(limit: int) -> list[Worker]:
    """QA officers and senior leaders, who keep the improvement plan; each carries the ids of the
    inspections with a plan (in `children`, which the plan's scenario picks from)."""
    from improvement.models import ImprovementPlan
    from workforce.models import User
    from workforce.roles import Role

    if not ImprovementPlan.objects.exists():
        # An authority generated before the improvement plan existed gets its plan now, from the
        # same seeded generator (synthetic.generator.improvement), so the page has rows to read.
        from django.db import transaction

        from core import clock
        from synthetic.generator.improvement import generate_improvement

        with transaction.atomic():
            generate_improvement(1, clock.today())
    inspections = list(ImprovementPlan.objects.order_by("pk").values_list("inspection_id", flat=True))
    users = User.objects.filter(role__in=[Role.QA_OFFICER, Role.SENIOR_LEADER], is_active=True).order_by("pk")[:limit]
    return [Worker(u.pk, u.username, sign_in(u), list(inspections)) for u in users] if inspections else []


# The front door is a team of several people searching at once; an authority generated with
# fewer front-door accounts than this gets the benchmark's own (below), so that the searches are
# not all one account's session, cache and visibility rule.
FRONT_DOOR_ACCOUNTS = 4
BENCH_ACCOUNT_PREFIX = "bench-front-door-"


def searchers(limit: int, *, at_least: int = FRONT_DOOR_ACCOUNTS) -> list[Worker]:
    """The front door (MASH) searches the whole authority; the widest, so the hardest, search.
    Each simulated user signs in as one of several front-door accounts (round robin)."""
    from workforce.models import User
    from workforce.roles import Role

    wanted = min(limit, at_least)
    users = list(User.objects.filter(role=Role.MASH_WORKER, is_active=True).order_by("pk")[:limit])
    if users and len(users) < wanted:
        users += bench_front_door_accounts(wanted - len(users), team=users[0].team)
    return [Worker(u.pk, u.username, sign_in(u)) for u in users]


def bench_front_door_accounts(count: int, *, team) -> list:
    """The benchmark's own MASH workers in the front-door team, created the first time and the
    same accounts on every later run (so they do not accumulate). Their passwords are unusable:
    the benchmark signs them in with a session, as it does everyone."""
    from workforce.models import User
    from workforce.roles import Role
    from workforce.services import staff_create

    accounts = []
    for n in range(1, count + 1):
        username = f"{BENCH_ACCOUNT_PREFIX}{n}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user = staff_create(
                username=username, first_name="Benchmark", last_name=f"Front door {n}", role=Role.MASH_WORKER, team=team
            )
        accounts.append(user)
    return accounts


def sign_out(workers: list[Worker]) -> int:
    """End the sessions the benchmark made (sign_in), so that no run leaves sessions behind."""
    from django.contrib.sessions.models import Session

    keys = {w.session_key for w in workers if w.session_key}
    return Session.objects.filter(session_key__in=keys).delete()[0]


def names_to_search(count: int, *, rng: random.Random) -> list[str]:
    """Real names from the authority, about half of them misspelt the way people mistype."""
    from django.db import connection

    with connection.cursor() as cursor:
        # A random sample without sorting the whole table.
        cursor.execute(
            "SELECT given_name, family_name FROM people_person TABLESAMPLE SYSTEM (5) REPEATABLE (%s)"
            " WHERE merged_into_id IS NULL AND family_name <> '' LIMIT %s",
            [rng.randint(0, 10_000), count],
        )
        rows = cursor.fetchall()
        if len(rows) < count:  # a small authority: the sample may be too thin
            cursor.execute(
                "SELECT given_name, family_name FROM people_person WHERE merged_into_id IS NULL"
                " AND family_name <> '' ORDER BY random() LIMIT %s",
                [count],
            )
            rows = cursor.fetchall()
    names = []
    for given, family in rows:
        name = family if rng.random() < 0.5 or not given else f"{given} {family}"
        names.append(misspell(name, rng) if rng.random() < 0.5 else name)
    return names


def misspell(name: str, rng: random.Random) -> str:
    """One typing slip in the last name: a swapped, dropped, doubled or wrong vowel."""
    *rest, family = name.split(" ")
    if len(family) < 4:
        return name
    i = rng.randint(1, len(family) - 2)
    kind = rng.choice(["swap", "drop", "double", "vowel"])
    if kind == "swap":
        family = family[:i] + family[i + 1] + family[i] + family[i + 2 :]
    elif kind == "drop":
        family = family[:i] + family[i + 1 :]
    elif kind == "double":
        family = family[:i] + family[i] + family[i:]
    else:
        vowels = [j for j, c in enumerate(family) if c.lower() in "aeiou" and j > 0]
        if vowels:
            j = rng.choice(vowels)
            family = family[:j] + rng.choice([v for v in "aeiou" if v != family[j].lower()]) + family[j + 1 :]
    return " ".join([*rest, family])
