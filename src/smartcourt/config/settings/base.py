"""Settings shared by every environment. Values an operator may change come from ``config.env``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from smartcourt.config import env

PACKAGE_DIR = Path(__file__).resolve().parents[2]

SECRET_KEY = env.secret_key()
DEBUG = env.DEBUG
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "auditlog",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "smartcourt.apps.core",
    "smartcourt.apps.courts",
    "smartcourt.apps.accounts",
    "smartcourt.apps.audit",
    "smartcourt.apps.cases",
    "smartcourt.apps.evidence",
    "smartcourt.apps.knowledge",
    "smartcourt.apps.filing",
    "smartcourt.apps.notifications",
    "smartcourt.apps.payments",
    "smartcourt.apps.service",
    "smartcourt.apps.similar",
    "smartcourt.apps.criminal",
    "smartcourt.apps.casefile",
    "smartcourt.apps.preservation",
    "smartcourt.apps.appraisal",
    "smartcourt.apps.petitions",
    "smartcourt.apps.file_review",
    "smartcourt.apps.drafting",
    "smartcourt.apps.element_trial",
]

_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if env.TASK_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"SMARTCOURT_TASK_BACKEND must be one of {sorted(_TASK_BACKENDS)}, not {env.TASK_BACKEND!r}"
    )
# django-tasks (the DEP 14 API that Django 6 adopts); run the queue with `smartcourt db_worker`.
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[env.TASK_BACKEND]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "smartcourt.apps.audit.middleware.AuditContextMiddleware",
    # django-axes must be last: it turns a lockout into the response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "smartcourt.config.urls"
WSGI_APPLICATION = "smartcourt.config.wsgi.application"
ASGI_APPLICATION = "smartcourt.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smartcourt.apps.core.navigation.nav",
            ],
        },
    },
]


def _database() -> dict[str, object]:
    config: dict[str, object] = dict(dj_database_url.parse(env.DATABASE_URL, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(str(config["NAME"])).parent.mkdir(parents=True, exist_ok=True)
        # IMMEDIATE transactions take the write lock up front, so two registrations never deadlock
        # on a lock upgrade; WAL lets readers go on while one writer commits.
        # Connections persist (each keeps its page cache warm); mmap lets readers share the OS cache.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA cache_size=-32000; PRAGMA mmap_size=268435456;"
            ),
        }
    elif config["ENGINE"] == "django.db.backends.postgresql" and env.DB_POOL:
        # Under ASGI every request runs in a thread of its own, so persistent connections are never reused;
        # psycopg's pool keeps connections open across requests (and threads) instead.
        config["OPTIONS"] = {**dict(config.get("OPTIONS") or {}), "pool": {"min_size": 2, "max_size": 20}}
        config["CONN_MAX_AGE"] = 0
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# 法办〔2019〕243号 第22项: 杜绝弱口令. Argon2id first; the validators reject short, common, numeric,
# single-class and patterned passwords.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "smartcourt.apps.accounts.validators.PasswordStrengthValidator"},
]

AXES_FAILURE_LIMIT = env.LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=env.LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "smartcourt.apps.accounts.lockout.lockout_response"
AXES_VERBOSE = False

AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions",
    "admin.logentry",
    "contenttypes",
    "auth.permission",
    "axes",
    "auditlog",
    "audit.sensitiveread",
    "evidence",  # the ledger is its own tamper-evident record; chaining it into itself would never end
    "cases.casenumbersequence",
    "accounts.apitoken",
    "django_tasks_db",  # the task queue's own bookkeeping
    "knowledge.judgment",  # published judgments: bulk public reference data, not court records
)
AUDITLOG_EXCLUDE_TRACKING_FIELDS = ("password", "last_login", "token_hash")
# Identity numbers are kept in the log only masked; the full value is shown by the logged reveal.
AUDITLOG_MASK_TRACKING_FIELDS = ("id_number",)
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_USE_FK_STRING_REPRESENTATION = True

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "cases:my_cases"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = False

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request otherwise
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"smartcourt": {"level": "INFO"}},
}

# API lists: 20 rows unless the client asks for more (at most 100).
# Overrides of smartcourt.engines.ocr.OcrSettings (dpi, det_limit_side_len, rec_batch_size, threads …) for the
# case-file pipeline and `smartcourt ocr` alike.
OCR_SETTINGS: dict[str, object] = {}

NINJA_PAGINATION_PER_PAGE = 20
NINJA_PAGINATION_MAX_LIMIT = 100

# Platform rules an operator may tune.
SMARTCOURT = {
    "DEADLINE_WARN_DAYS": 15,
    "API_TOKEN_DAYS": 30,
}

# The evidence ledger (docs/ledger.md): log origins are ``<ORIGIN_HOST>/ledger/<court code>``; signer keys
# are sealed under a key derived from SECRET_KEY; one append transaction holds at most MAX_BATCH entries.
SMARTCOURT_LEDGER = {
    "ORIGIN_HOST": env.LEDGER_ORIGIN_HOST,
    "HASH_ALGORITHM": "sha256",
    "MAX_BATCH": 10000,
    "MAX_FILE_BYTES": 50 * 1024 * 1024,
}
