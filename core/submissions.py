"""Idempotent submits: every POST form carries a one-time token (`{% form_token %}` beside
`{% csrf_token %}`), and `OnceOnlySubmitMiddleware` runs the view for the first POST of a token
only. A second POST with the same token (a double click, a resent page) is sent where the first
one went, or, if the first is still running or did not redirect (its form had errors), back to
the form with "This form was already sent".

The token is signed with the user's id and the time it was issued, so it is the user's own and
expires; its first use is a row in `FormSubmission`, inserted and committed before the view runs
(the project runs without ATOMIC_REQUESTS), so two requests at once cannot both pass.
A POST without a token runs as before: the token protects the forms that carry it.
"""

from __future__ import annotations

import datetime
import secrets
import time

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from core import clock
from core.models import FormSubmission

FIELD = "form_token"
# Longer than a session (30 minutes without activity), so a token never outlives the form's
# session; rows older than this are no longer needed to spot a repeat and are deleted.
MAX_AGE = datetime.timedelta(hours=12)
ALREADY_SENT = "This form was already sent"
EXPIRED = "This form has expired. Check your answers and send it again"
# How long a repeat waits for the first submission to finish before going back to the form.
WAIT_SECONDS = 5.0
CLEAN_UP_EVERY = 100  # rows: one insert in this many also deletes the expired rows

_SIGNER = signing.TimestampSigner(salt="opencsc.form-token")


def issue(user) -> str:
    """A fresh token for one form shown to this user."""
    return _SIGNER.sign(f"{user.pk}:{secrets.token_urlsafe(16)}")


def _is_valid(user, value: str) -> bool:
    if len(value) > FormSubmission._meta.get_field("token").max_length:
        return False
    try:
        user_pk, _, _nonce = _SIGNER.unsign(value, max_age=MAX_AGE).partition(":")
    except signing.BadSignature:  # SignatureExpired included
        return False
    return user_pk == str(user.pk)


def _back_to_form(request, message: str) -> HttpResponseRedirect:
    messages.info(request, message)
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
        return HttpResponseRedirect(referer)
    return HttpResponseRedirect(request.get_full_path())


def _clean_up(row: FormSubmission) -> None:
    if row.pk % CLEAN_UP_EVERY == 0:
        FormSubmission.objects.filter(created_at__lt=clock.wall_time() - MAX_AGE).delete()


def claim(request, value: str) -> FormSubmission | HttpResponseRedirect:
    """The row that lets this POST run, or the response for a token already used (or invalid)."""
    user = request.user
    if not _is_valid(user, value):
        return _back_to_form(request, EXPIRED)
    try:
        with transaction.atomic():
            row = FormSubmission.objects.create(user=user, token=value)
    except IntegrityError:
        pass
    else:
        _clean_up(row)
        return row
    # A repeat. A double click arrives while the first is still saving: wait a little for it.
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        first = FormSubmission.objects.filter(user=user, token=value).first()
        if first is not None and first.redirect_to:
            return HttpResponseRedirect(first.redirect_to)
        if first is None or first.finished or time.monotonic() >= deadline:
            return _back_to_form(request, ALREADY_SENT)
        time.sleep(0.1)


def finish(row: FormSubmission, response) -> None:
    """Record where the first submission went. A response that did nothing (an error page: a
    4xx or 5xx, whose transaction was rolled back) frees the token, so the user can send again."""
    if response.status_code >= 400:
        FormSubmission.objects.filter(pk=row.pk).delete()
    elif 300 <= response.status_code < 400 and response.get("Location"):
        FormSubmission.objects.filter(pk=row.pk).update(redirect_to=response["Location"][:2000], finished=True)
    else:
        FormSubmission.objects.filter(pk=row.pk).update(finished=True)


class OnceOnlySubmitMiddleware:
    """Runs a view once per form token (see the module's docstring). After authentication,
    CSRF and messages, so that only a signed-in user's genuine POST claims a token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        row = getattr(request, "_form_submission", None)
        if row is not None:
            finish(row, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return None
        value = request.POST.get(FIELD)
        if not value:
            return None
        outcome = claim(request, value)
        if isinstance(outcome, FormSubmission):
            request._form_submission = outcome
            return None
        return outcome
