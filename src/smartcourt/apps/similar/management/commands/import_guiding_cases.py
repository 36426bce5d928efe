"""``smartcourt import_guiding_cases PATH``: store guiding and typical cases (markdown) as guiding judgments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartcourt.apps.similar.guiding import guiding_cases_import


class Command(BaseCommand):
    help = "导入指导性案例、典型案例（markdown），作为类案推送中优先显示的文书"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="案例 markdown 文件或文件夹（如 ../shared/data/laws/案例）")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(f"路径不存在：{path}")
        result = guiding_cases_import(path=path)
        for file, reason in result.failures:
            self.stderr.write(f"未导入 {file}：{reason}")
        self.stdout.write(
            f"导入 {result.imported} 件，重复 {result.duplicates} 件，失败 {len(result.failures)} 件"
        )
