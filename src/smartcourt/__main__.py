"""The ``smartcourt`` console command: Django's ``manage.py`` with the settings preset.

smartcourt migrate
smartcourt demo --cases 5000 --seed 1
smartcourt runserver
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcourt.config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["smartcourt", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
