"""``smartcourt import_laws PATH`` / ``smartcourt import_laws --shipped``: load laws into the knowledge base.

Prints the counts (files imported, updated, skipped, failed) and one line per skipped or failed file with its
reason. A bad path is a Chinese error on stderr and exit code 2; a file that fails does not stop the others,
but makes the exit code 1 so scripts notice.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.knowledge.services import ImportResult, law_import, law_import_shipped

EXIT_FILES_FAILED = 1
EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = "导入法律文本（LawRefBook markdown 目录或文件），或用 --shipped 导入随平台发布的核心法律"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="markdown 法律文件或目录")
        parser.add_argument("--shipped", action="store_true", help="导入随平台发布的法律数据（无需 PATH）")

    def handle(self, *args: Any, **options: Any) -> None:
        if bool(options["path"]) == bool(options["shipped"]):
            self._fail("请给出 PATH（markdown 文件或目录）或 --shipped，二者选一", EXIT_BAD_INPUT)
        started = time.perf_counter()
        try:
            result = law_import_shipped() if options["shipped"] else law_import(path=Path(options["path"]))
        except DomainError as exc:
            self._fail(exc.message, EXIT_BAD_INPUT)
        self._report(result, time.perf_counter() - started)
        if result.failed:
            self._fail(f"{result.failed} 个文件导入失败", EXIT_FILES_FAILED)

    def _fail(self, message: str, code: int) -> None:
        self.stderr.write(message)
        raise SystemExit(code)

    def _report(self, result: ImportResult, seconds: float) -> None:
        self.stdout.write(
            f"新导入 {result.imported}，更新 {result.updated}，跳过 {len(result.skipped)}，失败 {result.failed}；"
            f"条文 {result.articles} 条；用时 {seconds:.1f} 秒"
        )
        for skipped in result.skipped:
            self.stdout.write(f"跳过：{skipped.file}：{skipped.reason}")
        for failure in result.failures:
            self.stdout.write(f"失败：{failure.file}：{failure.reason}")
