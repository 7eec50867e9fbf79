"""From the token's `roles` claim (Entra ID app roles) to an OpenCSC role and team.

App roles, not groups: Entra leaves the groups claim out of a token once a person is in more
than 200 groups (it sends a link to Graph instead), and groups are managed for everything
else in a council. An app role is assigned to a person (or a group) for this application only.

The council writes the map as JSON (OPENCSC_OIDC_APP_ROLES, inline or the path of a file),
from an app role's value to what it gives:

    {"CSC.SocialWorker":        {"role": "social_worker"},
     "CSC.TeamManager":         {"role": "team_manager"},
     "CSC.Team.AssessmentNorth": {"team": "Assessment North"},
     "CSC.IRO":                 {"role": "iro", "team": "Independent reviewing service"}}

A person needs exactly one OpenCSC role to come in. When their app roles give more than one,
the one listed first in the map wins (list the most senior first); the same for teams.
Values not in the map are ignored; nobody gets a role by default.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from workforce.roles import Role


@dataclasses.dataclass(frozen=True)
class Grant:
    role: str | None
    team: str | None


@dataclasses.dataclass(frozen=True)
class Resolved:
    role: str | None
    team: str | None

    @property
    def has_access(self) -> bool:
        return self.role is not None


@functools.lru_cache(maxsize=4)
def parse(raw: str) -> tuple[tuple[str, Grant], ...]:
    """The map, in its written order. A mistake in it stops the app with the reason."""
    text = raw.strip() or "{}"
    if not text.startswith("{"):
        path = Path(text)
        if not path.is_file():
            raise ImproperlyConfigured(f"OPENCSC_OIDC_APP_ROLES names {text!r}, which is not a file.")
        text = path.read_text()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"OPENCSC_OIDC_APP_ROLES is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise ImproperlyConfigured("OPENCSC_OIDC_APP_ROLES must be a JSON object of app role values.")
    grants = []
    for value, grant in data.items():
        if not isinstance(grant, dict) or not set(grant) <= {"role", "team"} or not grant:
            raise ImproperlyConfigured(
                f"OPENCSC_OIDC_APP_ROLES[{value!r}] must be an object with a 'role', a 'team' or both."
            )
        role = grant.get("role")
        if role is not None and role not in Role.values:
            raise ImproperlyConfigured(
                f"OPENCSC_OIDC_APP_ROLES[{value!r}] names the role {role!r}; the roles are {', '.join(Role.values)}."
            )
        grants.append((value, Grant(role=role, team=grant.get("team"))))
    return tuple(grants)


def resolve(raw_map: str, claim) -> Resolved:
    """What the `roles` claim gives under the map. A missing or malformed claim gives nothing."""
    held = {value for value in claim if isinstance(value, str)} if isinstance(claim, list) else set()
    role = team = None
    for value, grant in parse(raw_map):
        if value not in held:
            continue
        role = role or grant.role
        team = team or grant.team
    return Resolved(role=role, team=team)
