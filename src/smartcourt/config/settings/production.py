"""Production: PostgreSQL through ``DATABASE_URL``, gunicorn with uvicorn workers behind nginx."""

from smartcourt.config import env
from smartcourt.config.settings.base import *  # noqa: F403

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.SECURE_COOKIES  # behind TLS; see docs/operations.md
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
