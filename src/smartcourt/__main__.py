"""The ``smartcourt`` console command: Django's ``manage.py`` with the settings preset.

smartcourt migrate
smartcourt demo --cases 5000 --seed 1
smartcourt runserver
smartcourt check-document draft.docx      # hyphenated names of the issue tracker map to Django's (check_document)
"""

from __future__ import annotations

import os
import sys

# Commands spelled with a hyphen in the documentation; Django's command modules use underscores.
ALIASES = {"check-document": "check_document"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcourt.config.settings.dev")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ALIASES:
        args[0] = ALIASES[args[0]]
    execute_from_command_line(["smartcourt", *args])


if __name__ == "__main__":
    main()
