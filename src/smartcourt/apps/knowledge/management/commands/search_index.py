"""``smartcourt search_index rebuild|check [--repair]``: the full-text index of laws and judgments.

``rebuild`` builds a new index from the database (the newest version of every law, all judgments) beside the
old one and swaps it in; ``check`` opens and reads the index and exits 1 when it is damaged (``--repair``
rebuilds it then).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartcourt.apps.knowledge.judgment_services import (
    search_index_check,
    search_index_dir,
    search_index_rebuild,
)


class Command(BaseCommand):
    help = "检索索引：rebuild 从数据库重建；check 检查是否损坏（--repair 损坏时重建）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild", "check"])
        parser.add_argument("--repair", action="store_true", help="check 发现损坏时重建")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        where = search_index_dir()
        if options["action"] == "rebuild":
            count = search_index_rebuild().count()
            self.stdout.write(
                f"索引已重建：{where}，文档 {count} 篇，用时 {time.perf_counter() - started:.1f} 秒"
            )
            return
        health = search_index_check(repair=options["repair"])
        if health.ok:
            self.stdout.write(f"索引完好：{where}，文档 {health.documents} 篇，段 {health.segments} 个")
            return
        self.stderr.write(f"索引损坏：{where}：{health.problem}（运行 smartcourt search_index rebuild 重建）")
        raise SystemExit(1)
