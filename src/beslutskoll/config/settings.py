"""Django settings. Only environment variables change them:

BESLUTSKOLL_DB          SQLite file path or postgresql://user:pass@host:port/name
BESLUTSKOLL_DATA        data directory (default: the user's data directory)
BESLUTSKOLL_SECRET_KEY  secret key (default: generated once and kept in the data directory)
BESLUTSKOLL_DEBUG       1 for Django's debug pages
BESLUTSKOLL_ALLOWED_HOSTS  comma-separated host names for `serve` behind a proxy
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from platformdirs import user_data_dir

DATA_DIR = Path(os.environ.get("BESLUTSKOLL_DATA") or user_data_dir("beslutskoll", appauthor=False))
DATA_DIR.mkdir(parents=True, exist_ok=True)
# originals kept byte for byte, addressed by their SHA-256
FILES_DIR = DATA_DIR / "filer"


def _database(value: str) -> dict:
    if "://" in value:
        config = dj_database_url.parse(value, conn_max_age=60)
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config["OPTIONS"] = _SQLITE_OPTIONS
        return config
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(Path(value).expanduser()), "OPTIONS": _SQLITE_OPTIONS}


# WAL lets the web server read while an ingest writes; IMMEDIATE avoids lock upgrades failing mid-transaction
_SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
}

DATABASES = {"default": _database(os.environ.get("BESLUTSKOLL_DB") or str(DATA_DIR / "beslutskoll.sqlite3"))}


def _secret_key() -> str:
    if key := os.environ.get("BESLUTSKOLL_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("BESLUTSKOLL_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", *filter(None, os.environ.get("BESLUTSKOLL_ALLOWED_HOSTS", "").split(","))]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    # ninja's own copy of Swagger UI for /api/docs (no CDN)
    "ninja",
    "simple_history",
    "beslutskoll.store",
    "beslutskoll.store.search",
    "beslutskoll.web",
    "beslutskoll.api",
    "beslutskoll.followup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # static files (admin, web UI) served by the app itself: no collectstatic step for users
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # records who made each correction in the history tables
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "beslutskoll.config.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
WSGI_APPLICATION = "beslutskoll.config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# whitenoise serves from the app folders (finders); an empty STATIC_ROOT keeps it from warning
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True
LOGIN_URL = "/admin/login/"

# the JSON API is public and read-only
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "OPTIONS"]
