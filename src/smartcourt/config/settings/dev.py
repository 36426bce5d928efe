"""The embedded default: one machine, SQLite, ``smartcourt demo`` and ``runserver``."""

from smartcourt.config.settings.base import *  # noqa: F403
