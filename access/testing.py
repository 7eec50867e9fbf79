"""For tests only: walk an area's write services as one user and compare what each service did with
what `access.capabilities.may` says that user may do. Never imported by app code.

Each write runs in a savepoint that is rolled back afterwards, so one walk can try every service
against the same record (ending the period of care does not stop the next service from being
tried), and a test can set up what a step needs (an open missing episode) inside the same savepoint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from access.capabilities import Capability, may

DONE, DENIED, REFUSED = "done", "denied", "refused"


class _RollBack(Exception):
    pass


@dataclass(frozen=True)
class Write:
    """One service call: `call()` writes as the user; it needs `capability` for the walk's child
    (or for `child`, when the write is about another one)."""

    name: str
    capability: Capability
    call: Callable[[], object]
    child: object = None


def attempt(call: Callable[[], object]) -> str:
    """DONE (and rolled back), DENIED (PermissionDenied) or REFUSED (a ValidationError: the user
    was let through and the service refused the data)."""
    try:
        with transaction.atomic():
            call()
            raise _RollBack
    except _RollBack:
        return DONE
    except PermissionDenied:
        return DENIED
    except ValidationError:
        return REFUSED


def walk(user, child, writes: list[Write]) -> list[str]:
    """Every write whose outcome disagrees with the table, as a sentence. A write the table allows
    must be saved (DONE), so the walk also proves its test data is valid; one it does not allow
    must be refused with PermissionDenied before anything is written."""
    wrong = []
    for write in writes:
        allowed = may(user, write.capability, write.child or child)
        outcome = attempt(write.call)
        expected = DONE if allowed else DENIED
        if outcome != expected:
            wrong.append(f"{write.name} by a {user.role}: expected {expected}, got {outcome}")
    return wrong


def sign_in_reader(client, user, *children):
    """Sign in `user` to read these children's records. An administrator reads a child's record only
    through break-glass access (access.break_glass), so they open each child's first: the tests then
    show that, even reading, they record nothing."""
    from access.services import break_glass_open
    from workforce.roles import Role

    if user.role == Role.SYSTEM_ADMIN:
        for child in children:
            break_glass_open(actor=user, la_id=child.la_id, reason="Support ticket 4471: page layout")
    client.force_login(user)
    return user
