"""One settings file, driven by the environment. Nothing else reads os.environ."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("HOINGHI_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    return [item.strip() for item in raw.split(",") if item.strip()] if raw else default


DEBUG = env_bool("DEBUG", False)
# The public development key serves only DEBUG runs: with DEBUG off, `hoinghi check --deploy`
# reports it as an error and hoinghi.wsgi refuses to start (hoinghi/security/secret_key.py).
# `hoinghi serve` (make run) writes a random key once to var/secret_key, mode 600.
DEVELOPMENT_SECRET_KEY = "hoinghi-insecure-development-key-set-SECRET_KEY-in-production"
SECRET_KEY_FILE = Path(os.environ.get("HOINGHI_SECRET_KEY_FILE") or VAR_DIR / "secret_key")


def _secret_key() -> str:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    if SECRET_KEY_FILE.is_file():
        return SECRET_KEY_FILE.read_text(encoding="utf-8").strip() or DEVELOPMENT_SECRET_KEY
    return DEVELOPMENT_SECRET_KEY


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "hoinghi.audit",
    "hoinghi.jobs",
    "hoinghi.org",
    "hoinghi.plans",
    "hoinghi.evaluation",
    "hoinghi.voting",
    "hoinghi.emulation",
    "hoinghi.conference",
    "hoinghi.documents",
    "hoinghi.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hoinghi.voting.live_shortcut.LiveStateShortcut",  # a screen's repeated poll: one statement
    "hoinghi.org.files.uploads.RequestBodyLimit",  # before anything reads the body
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "hoinghi.security.leavers.LeaverSessionEnd",  # past the account's last day: signed out
    "hoinghi.security.sessions.IdleSessionExpiry",
    "hoinghi.security.sessions.NoStoreForPersonalPages",
    "hoinghi.org.middleware.LoginRequiredByDefault",
    "hoinghi.refusals.RefusalMiddleware",  # a refusal no view caught: its page or JSON
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "hoinghi.urls"
WSGI_APPLICATION = "hoinghi.wsgi.application"

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
                "hoinghi.org.context_processors.navigation",
            ],
        },
    }
]


# FULL (default) or NORMAL: NORMAL may lose the last acknowledged votes in a power cut.
SQLITE_SYNCHRONOUS = os.environ.get("HOINGHI_SQLITE_SYNCHRONOUS", "FULL").upper()
if SQLITE_SYNCHRONOUS not in ("FULL", "NORMAL", "EXTRA"):
    raise ValueError(
        f"HOINGHI_SQLITE_SYNCHRONOUS must be FULL, NORMAL or EXTRA, not {SQLITE_SYNCHRONOUS!r}"
    )


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'hoinghi.sqlite3'}"
    config: dict[str, object] = dict(
        dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL + IMMEDIATE + busy timeout: the default mode lost most concurrent writes to
        # "database is locked" (docs/reliability.md §2).
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                # FULL: an acknowledged vote survives a power cut (docs/benchmarks.md, SQLite).
                f"PRAGMA journal_mode=WAL; PRAGMA synchronous={SQLITE_SYNCHRONOUS}; "
                "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
            ),
        }
        config["CONN_MAX_AGE"] = 600  # persistent: see docs/benchmarks.md, Voting
        config["TEST"] = {"NAME": os.environ.get("HOINGHI_TEST_SQLITE_NAME") or None}
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "hoinghi",
    }
}
if os.environ.get("CACHE_DIR"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["CACHE_DIR"],
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "hoinghi.security.backends.ThrottledSignIn",  # first: refuses a locked-out sign-in
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# Uploads: every file is measured by content and size in hoinghi.org.files (docs/import.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
HOINGHI_IMPORT_MAX_BYTES = env_int("HOINGHI_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
HOINGHI_IMPORT_MAX_ROWS = env_int("HOINGHI_IMPORT_MAX_ROWS", 200_000)
HOINGHI_IMPORT_MAX_UNZIPPED_BYTES = env_int("HOINGHI_IMPORT_MAX_UNZIPPED_BYTES", 100 * 1024 * 1024)
HOINGHI_IMPORT_MAX_COLUMNS = env_int("HOINGHI_IMPORT_MAX_COLUMNS", 100)
HOINGHI_IMPORT_MAX_RATIO = env_int("HOINGHI_IMPORT_MAX_RATIO", 200)
HOINGHI_IMPORT_MAX_DEPTH = env_int("HOINGHI_IMPORT_MAX_DEPTH", 64)
HOINGHI_PLANS_IMPORT_MAX_ROWS = env_int("HOINGHI_PLANS_IMPORT_MAX_ROWS", 5_000)
HOINGHI_UPLOAD_MAX_BYTES = env_int("HOINGHI_UPLOAD_MAX_BYTES", 25 * 1024 * 1024)
# A queued background job starts in a thread of the web process after commit; off: only the
# worker (`hoinghi jobs worker`, started by `hoinghi serve`) runs jobs (hoinghi/jobs/runner.py).
HOINGHI_JOBS_START_AT_ONCE = env_bool("HOINGHI_JOBS_START_AT_ONCE", True)
# The address phones reach the hall server by (e.g. http://192.168.1.10:8000): the QR codes of
# invitations and of the projector carry it. Unset: the address the page was opened from.
HOINGHI_PUBLIC_URL = os.environ.get("HOINGHI_PUBLIC_URL", "").strip().rstrip("/")

# Production behind a reverse proxy that terminates TLS: HOINGHI_HTTPS=true.
HTTPS = env_bool("HOINGHI_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("HOINGHI_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("HOINGHI_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Database sessions, the row read without a queryset per request (hoinghi/security/session_store.py).
SESSION_ENGINE = "hoinghi.security.session_store"
X_FRAME_OPTIONS = "DENY"

# Sign-in throttling (django-axes): a user name is locked for one client address after
# HOINGHI_LOGIN_FAILURE_LIMIT wrong passwords, for HOINGHI_LOGIN_LOCKOUT_MINUTES. By name and
# address together, so one person mistyping on the hall's shared Wi-Fi locks out nobody else.
AXES_FAILURE_LIMIT = env_int("HOINGHI_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("HOINGHI_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "hoinghi.security.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "hoinghi.security.lockout.client_ip"
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in the audit log (hoinghi/audit/logins.py)
AXES_VERBOSE = False
# Behind a reverse proxy the client address is the last X-Forwarded-For hop it appended.
BEHIND_PROXY = env_bool("HOINGHI_BEHIND_PROXY", HTTPS)

# Staff sessions end after this much inactivity; participants of a conference held today stay
# signed in until the day ends (hoinghi/security/sessions.py).
SESSION_IDLE_MINUTES = env_int("HOINGHI_SESSION_IDLE_MINUTES", 30)

# Content-Security-Policy (django-csp): nothing inline, nothing from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Error pages in Vietnamese (hoinghi/templates/403.html …, hoinghi/security/errors.py).
CSRF_FAILURE_VIEW = "hoinghi.security.errors.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
