"""Veikart settings: one module, driven by the environment.

DATABASE_URL (default: SQLite file ./db.sqlite3), SECRET_KEY, DEBUG, ALLOWED_HOSTS.
Production: DJANGO_SETTINGS_MODULE=config.production (adds the secure-by-default flags).
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = (
    os.environ.get("SECRET_KEY") or "dev-only-insecure-key-change-me-in-production-0123456789"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "veikart.core",
    "veikart.accounts",
    "veikart.areas",
    "veikart.processes",
    "veikart.inputs",
    "veikart.proposals",
    "veikart.plans",
    "veikart.tracking",
    "veikart.stats",
    "veikart.maps",
    "veikart.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "veikart.core.middleware.BokmalFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "veikart" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "veikart.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file, not Django's shared-cache in-memory database: that one locks whole
    # tables without waiting, so tests with parallel requests (threads) could not run on it.
    # It lives in memory-backed /dev/shm where there is one; only the test run writes it.
    _TEST_DIR = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()  # noqa: S108  # nosec B108
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(_TEST_DIR, f"veikart-test-{os.getpid()}.sqlite3")
    }

# A strict Content-Security-Policy: no inline scripts or styles, nothing from other hosts.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env_list("VEIKART_TILE_HOSTS", "")],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "rules.permissions.ObjectPermissionBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "veikart" / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MAILERS = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    }
}
# Two-factor login (TOTP) for staff who turn it on: the name their authenticator app shows.
OTP_TOTP_ISSUER = "Veikart"

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "veikart@localhost")

# The default cache holds rate limits and small computed parts (production: the database, shared
# by all web processes). "pages" is the anonymous page cache (core/page_cache.py): always in the
# memory of each process, because its keys carry the data version read from the database, so
# processes never need to share it (docs/deploy.md).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "veikart-pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("VEIKART_PAGE_CACHE_ENTRIES", "1000"))},
    },
}
# Seconds a cached public page may be served at most (a safety net; writes change the key at
# once). 0 turns the page cache off.
VEIKART_PAGE_CACHE_SECONDS = int(os.environ.get("VEIKART_PAGE_CACHE_SECONDS", "300"))

# The operator of this installation (DESIGN.md: Municipality settings).
VEIKART = {
    "MUNICIPALITY_NAME": os.environ.get("VEIKART_MUNICIPALITY_NAME", "Asker kommune"),
    "OPEN_DATA_LICENCE": os.environ.get("VEIKART_OPEN_DATA_LICENCE", "CC BY 4.0"),
    "PAGE_SIZE": 20,
    # Privacy and accessibility statements (/personvern/, /tilgjengelighet/) are filled from these.
    "PRIVACY_CONTACT": os.environ.get("VEIKART_PRIVACY_CONTACT", "personvernombud@kommune.example"),
    "ACCESSIBILITY_CONTACT": os.environ.get(
        "VEIKART_ACCESSIBILITY_CONTACT", "postmottak@kommune.example"
    ),
    # Retention in days, applied by `veikart apply-retention` (docs/privacy.md).
    "RETENTION_DAYS": {
        "redacted_originals": int(os.environ.get("VEIKART_RETAIN_REDACTED_DAYS", "90")),
        "report_comments": int(os.environ.get("VEIKART_RETAIN_REPORT_COMMENTS_DAYS", "180")),
        "import_files": int(os.environ.get("VEIKART_RETAIN_IMPORT_FILES_DAYS", "30")),
        # Followers' addresses: after unsubscribing (the undo link works until then), and
        # never confirmed (the confirmation link itself expires after 7 days).
        "unsubscribed_addresses": int(os.environ.get("VEIKART_RETAIN_UNSUBSCRIBED_DAYS", "30")),
        "unconfirmed_addresses": int(os.environ.get("VEIKART_RETAIN_UNCONFIRMED_DAYS", "14")),
    },
    # Absolute links in e-mails (following and digests); the daily digest's local hour.
    "BASE_URL": os.environ.get("VEIKART_BASE_URL", "http://127.0.0.1:8000"),
    "DIGEST_HOUR": int(os.environ.get("VEIKART_DIGEST_HOUR", "7")),
    # A group is flagged as under-represented below this ratio of participant to population share.
    "REPRESENTATIVENESS_THRESHOLD": float(
        os.environ.get("VEIKART_REPRESENTATIVENESS_THRESHOLD", "0.8")
    ),
}

# LOG_FORMAT=json gives one JSON object per line (for a log collector); plain text otherwise.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "veikart.core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# The text embedder of the Konsolider workflow (veikart.analysis.get_embedder): empty = the
# analysis package's default (e5); "tfidf" needs no model (tests use it for speed).
VEIKART_EMBEDDER = os.environ.get("VEIKART_EMBEDDER") or None
# Maps: an online tile server where the municipality has one (its host must also be in
# VEIKART_TILE_HOSTS for the CSP); without it the map draws the areas' own outlines offline.
VEIKART_MAP = {
    "TILE_URL": os.environ.get("VEIKART_TILE_URL", ""),
    "TILE_ATTRIBUTION": os.environ.get("VEIKART_TILE_ATTRIBUTION", ""),
}
