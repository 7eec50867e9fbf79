"""The generated authority's teams and staff, hired as the work needs them.

Each kind of team (front door, assessment, safeguarding, children in care, IRO service) is a
pool. Open cases go to a worker with room on their caseload (each worker's own limit is drawn
between 15 and 25, the range councils aim for); when everyone in the pool is full a new worker is
hired, and a new team (with its manager) every seven workers. Closed cases from the history go to
any worker of the pool. New staff and teams are collected for the writer to insert first.
"""

from __future__ import annotations

import random

from workforce.models import Team, User
from workforce.roles import Role, TeamKind

TEAM_SIZE = 7
AGENCY_SHARE = 0.15  # social workers employed through an agency
UNUSABLE_PASSWORD = "!generated"  # generated staff cannot sign in until an administrator sets a password

POOLS = {
    "front_door": (TeamKind.FRONT_DOOR, Role.MASH_WORKER, "Front Door", (1_000_000, 1_000_000)),
    "assessment": (TeamKind.ASSESSMENT, Role.SOCIAL_WORKER, "Assessment Team", (15, 25)),
    "safeguarding": (TeamKind.CHILD_IN_NEED, Role.SOCIAL_WORKER, "Safeguarding Team", (15, 25)),
    "looked_after": (TeamKind.LOOKED_AFTER, Role.SOCIAL_WORKER, "Children in Care Team", (15, 22)),
    "iro": (TeamKind.IRO_SERVICE, Role.IRO, "Reviewing Service", (50, 70)),
    "personal_adviser": (TeamKind.CARE_LEAVERS, Role.PERSONAL_ADVISER, "Leaving Care Team", (18, 25)),
}
AREAS = ["North", "South", "East", "West", "Central", "Riverside", "Hillside", "Parkside", "Canal", "Forest"]


class Pool:
    def __init__(self, pools: "StaffPools", key: str):
        self.pools, self.key = pools, key
        self.kind, self.role, self.team_name, self.limits = POOLS[key]
        self.workers: list[User] = []
        self.open: dict[int, int] = {}  # index in workers -> open cases
        self.limit: dict[int, int] = {}
        self.teams: list[Team] = []
        self.managers: dict[int, User] = {}  # id(team) -> manager
        self.cursor = 0

    def _hire(self) -> int:
        if not self.teams or len(self.workers) >= len(self.teams) * TEAM_SIZE:
            self._new_team()
        team = self.teams[-1]
        agency = self.role == Role.SOCIAL_WORKER and self.pools.rng.random() < AGENCY_SHARE
        user = self.pools.new_user(self.role, team, agency=agency)
        self.workers.append(user)
        index = len(self.workers) - 1
        self.open[index] = 0
        self.limit[index] = self.pools.rng.randint(*self.limits)
        return index

    def _new_team(self):
        n = len(self.teams)
        area = AREAS[n % len(AREAS)] + (f" {n // len(AREAS) + 1}" if n >= len(AREAS) else "")
        team = Team(name=f"{self.team_name} {area} (generated)", kind=self.kind)
        self.pools.new_teams.append(team)
        self.teams.append(team)
        manager = self.pools.new_user(Role.TEAM_MANAGER, team)
        team.manager = manager
        self.managers[id(team)] = manager

    def any(self) -> User:
        """Someone from the pool, for work in the past."""
        if not self.workers:
            self._hire()
        return self.workers[self.pools.rng.randrange(len(self.workers))]

    def take_open(self) -> User:
        """A worker with room for one more open case."""
        for _ in range(len(self.workers)):
            i = self.cursor % len(self.workers)
            if self.open[i] < self.limit[i]:
                self.open[i] += 1
                return self.workers[i]
            self.cursor += 1
        i = self._hire()
        self.open[i] += 1
        self.cursor = i
        return self.workers[i]

    def manager_of(self, worker: User) -> User:
        return self.managers[id(worker.team)]


class StaffPools:
    def __init__(self, seed: int, fake, prefix: str = "gen"):
        self.rng = random.Random(seed * 7919 + 17)
        self.fake = fake
        self.prefix = prefix
        self.new_teams: list[Team] = []
        self.new_users: list[User] = []
        self.count = 0
        self.pools = {key: Pool(self, key) for key in POOLS}
        self._administrator = None

    def administrator(self) -> User:
        """The authority's system administrator, who names the people who may see a restricted
        record (hired the first time one is needed)."""
        if self._administrator is None:
            self._administrator = self.new_user(Role.SYSTEM_ADMIN, None)
        return self._administrator

    def __getitem__(self, key) -> Pool:
        return self.pools[key]

    def new_user(self, role, team, agency=False) -> User:
        self.count += 1
        first, last = self.fake.first_name(), self.fake.last_name()
        user = User(
            username=f"{self.prefix}.{role.split('_')[0][:4]}{self.count:05d}",
            first_name=first,
            last_name=last,
            email=f"{self.prefix}.{self.count:05d}@example.gov.uk",
            role=role,
            team=team,
            agency_worker=agency,
            password=UNUSABLE_PASSWORD,
            job_title=Role(role).label,
        )
        self.new_users.append(user)
        return user

    def drain(self) -> tuple[list[Team], list[User]]:
        teams, users = self.new_teams, self.new_users
        self.new_teams, self.new_users = [], []
        return teams, users
