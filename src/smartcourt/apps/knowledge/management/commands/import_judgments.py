"""``smartcourt import_judgments PATH... [--source S] [--no-index]``: load judgments into the corpus.

JSON lines (one object per line with the text under text/full_text/content/qw/query/fact and, optionally,
fields such as case_number, court, charges), plain .txt and .docx files, or folders of them. Prints the counts
and one line per failure; a bad path is exit code 2, any failed file or line exit code 1. New judgments are
indexed by a background task (``smartcourt db_worker``), or at once with ``--index-now``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.knowledge.judgment_services import judgment_import, judgment_index

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = "导入裁判文书（JSON lines、.txt、.docx 文件或目录），解析结构化字段并加入检索索引"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="文件或目录")
        parser.add_argument("--source", default="", help="来源说明（默认文件名）")
        parser.add_argument("--no-index", action="store_true", help="只导入，不加入检索索引")
        parser.add_argument("--index-now", action="store_true", help="在本进程内立即建立索引（不经后台任务）")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        now = options["index_now"] and not options["no_index"]
        try:
            result = judgment_import(
                paths=[Path(p) for p in options["paths"]],
                source=options["source"],
                index=not options["no_index"] and not now,
            )
        except DomainError as exc:
            self.stderr.write(exc.message)
            raise SystemExit(EXIT_BAD_INPUT) from None
        indexed = judgment_index(ids=result.ids) if now else 0
        self.stdout.write(
            f"新导入 {result.imported}，重复 {result.duplicates}，失败 {result.failed}"
            + (f"；已索引 {indexed}" if now else "")
            + f"；用时 {time.perf_counter() - started:.1f} 秒"
        )
        for failure in result.failures[:200]:
            self.stdout.write(f"失败：{failure.file}：{failure.reason}")
        if result.failed:
            self.stderr.write(f"{result.failed} 个文件或行导入失败")
            raise SystemExit(EXIT_FAILED)
