"""Two-factor authentication for local accounts (django-otp, TOTP: an authenticator app's
six-digit code that changes every 30 seconds).

Required of administrators (they configure the service and can break the glass to a record),
and of anyone who has set up an app. The code is part of signing in: after a correct password
such a person is not signed in yet. The session holds only "password correct for user N, at T"
(`pending`), good for five minutes, and the code page finishes the sign-in. So no page of the
service, administration included, opens between password and code; an administrator without an
app is sent to set one up first, and is signed in once its first code is right.

Single sign-on accounts give their second factor to the identity provider (the council's
Conditional Access policy), not here.
"""

from __future__ import annotations

import base64
import io

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import clock
from workforce.roles import Role

PENDING_KEY = "opencsc_password_ok"
PENDING_SECONDS = 5 * 60
DEVICE_NAME = "Authenticator app"


def required_for(user) -> bool:
    return bool(user.role == Role.SYSTEM_ADMIN or user.is_staff or user.is_superuser or confirmed_device(user))


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def remember_password_ok(request, user, next_url: str) -> None:
    # A new session key, as a sign-in would make, so a key planted before the password is useless.
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "at": clock.wall_time().timestamp(),
        "next": next_url,
    }


def pending(request) -> dict | None:
    """The password step of a sign-in under way, or None (none, or older than five minutes)."""
    record = request.session.get(PENDING_KEY)
    if not isinstance(record, dict):
        return None
    if clock.wall_time().timestamp() - record.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    return record


def forget_pending(request) -> None:
    request.session.pop(PENDING_KEY, None)


def unconfirmed_device(user) -> TOTPDevice:
    """The device being set up: one per person, kept until confirmed, so reloading the page
    shows the same secret as the app already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// link as a QR code, an SVG inlined as a data: URI (the CSP allows data:
    images and nothing from elsewhere; the secret never leaves the page)."""
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(buffer, kind="svg", scale=5, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app that cannot scan."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
