"""Accounts locked by too many wrong passwords (django-axes), and unlocking them.

The axes admin is turned off (AXES_ENABLE_ADMIN): this page shows only usernames and how many
failures, and an unlock is logged with who did it.
"""

import logging

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum

from workforce.roles import Role

logger = logging.getLogger(__name__)


def locked_accounts() -> list[dict]:
    rows = (
        AccessAttempt.objects.values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .order_by("username")
    )
    return [row for row in rows if row["failures"] >= settings.AXES_FAILURE_LIMIT]


def account_unlock(*, actor, username: str) -> int:
    if actor.role != Role.SYSTEM_ADMIN:
        raise PermissionError("Only a system administrator can unlock an account.")
    removed = reset(username=username)
    logger.info("account unlocked: %s by %s", username, actor.username)
    return removed
