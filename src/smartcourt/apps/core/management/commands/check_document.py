"""``smartcourt check_document FILE.docx [--case-number N] [--date YYYY-MM-DD]``: defect alerts as JSON lines.

One line per defect — kind, severity, location (paragraph index and character offsets), the text, message,
rule and suggested fix — from :func:`smartcourt.engines.defects.check_docx`, the engine the platform uses.
``--case-number`` checks the header's case number against it; ``--date`` is the judgment date on which cited
articles must be in force and which the signing date must match (otherwise the signing date is used). Exits 0
whether or not defects were found, and 2 (with the reason on stderr) only when the file cannot be read.
Also available as ``smartcourt check-document``.

smartcourt check_document draft.docx --case-number （2024）浙0102民初123号 --date 2024-03-01
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartcourt.engines.defects import DocumentContext, DocumentReadError, check_docx

EXIT_UNREADABLE = 2


class Command(BaseCommand):
    help = "检查裁判文书（.docx）的瑕疵，每个问题输出一行 JSON"
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=".docx 文书")
        parser.add_argument("--case-number", dest="case_number", help="本案案号")
        parser.add_argument("--date", help="裁判日期 YYYY-MM-DD")

    def _fail(self, message: str) -> None:
        self.stderr.write(message)
        raise SystemExit(EXIT_UNREADABLE)

    def handle(self, *args: Any, **options: Any) -> None:
        judgment_date = None
        if options["date"]:
            try:
                judgment_date = date.fromisoformat(options["date"])
            except ValueError:
                self._fail(f"日期格式应为 YYYY-MM-DD：{options['date']}")
        try:
            data = Path(options["file"]).read_bytes()
        except OSError as exc:
            self._fail(f"{options['file']}：无法读取（{exc.strerror}）")
        context = DocumentContext(case_number=options["case_number"], judgment_date=judgment_date)
        try:
            defects = check_docx(data, context)
        except DocumentReadError as exc:
            self._fail(f"{options['file']}：{exc.message}")
        for defect in defects:
            self.stdout.write(json.dumps(defect.as_dict(), ensure_ascii=False))
