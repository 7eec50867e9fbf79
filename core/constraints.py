"""A database constraint that fires anyway becomes the message the service would have given."""

from __future__ import annotations

import contextlib

from django.core.exceptions import ValidationError
from django.db import IntegrityError


@contextlib.contextmanager
def constraint_messages(messages: dict[str, tuple[str | None, str]]):
    """Turn a database constraint that fired into the ValidationError the service would have
    raised itself. The services check first; this is for the race the check cannot see (two
    saves at the same moment), so even then the user gets a message, never a 500.

        with constraint_messages({"cinepisode_one_open": ("referral_date", "... already open")}):
            CINEpisode.objects.create(...)
    """
    try:
        yield
    except IntegrityError as error:
        name = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)
        if name in messages:
            field, message = messages[name]
            raise ValidationError({field: message} if field else message) from error
        raise
