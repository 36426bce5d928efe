"""The one place that reads the environment.

Every setting that an operator may change is read here, with its default for the embedded set-up
(one machine, SQLite under ``SMARTCOURT_DATA_DIR``). Settings modules import these names; nothing else
in the project reads ``os.environ``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("SMARTCOURT_DATA_DIR", Path.cwd() / "var")).resolve()
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'smartcourt.sqlite3'}")
DEBUG = _bool("SMARTCOURT_DEBUG", False)
ALLOWED_HOSTS = _list("SMARTCOURT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = _list("SMARTCOURT_CSRF_TRUSTED_ORIGINS", [])
MEDIA_ROOT = Path(os.environ.get("SMARTCOURT_MEDIA_ROOT", DATA_DIR / "media")).resolve()
STATIC_ROOT = Path(os.environ.get("SMARTCOURT_STATIC_ROOT", DATA_DIR / "static")).resolve()
SECURE_COOKIES = _bool("SMARTCOURT_SECURE_COOKIES", True)
DB_POOL = _bool("SMARTCOURT_DB_POOL", True)
LEDGER_ORIGIN_HOST = os.environ.get("SMARTCOURT_LEDGER_ORIGIN_HOST", "smartcourt.example")
LOGIN_FAILURE_LIMIT = int(os.environ.get("SMARTCOURT_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_COOLOFF_MINUTES = int(os.environ.get("SMARTCOURT_LOGIN_COOLOFF_MINUTES", "30"))
# Background work (indexing, OCR, ledger batches): "database" queues tasks for `smartcourt db_worker`;
# "immediate" runs each task inside the request that enqueued it (tests, one-off scripts).
TASK_BACKEND = os.environ.get("SMARTCOURT_TASK_BACKEND", "database")
SEARCH_INDEX_DIR = Path(os.environ.get("SMARTCOURT_SEARCH_INDEX_DIR", DATA_DIR / "search")).resolve()


def secret_key() -> str:
    """``SMARTCOURT_SECRET_KEY``, or a key generated once and kept in ``DATA_DIR/secret_key``."""
    key = os.environ.get("SMARTCOURT_SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key
