"""``smartcourt similar --facts-file F [--top K]``: the top K similar judgments of the facts in F, one JSON
line each with the reasons — the same code path as the platform (``selectors.similar_find``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.similar import selectors


class Command(BaseCommand):
    help = "检索与案情事实相似的裁判文书，每行输出一条 JSON（含相似理由）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--facts-file", required=True, help="案情事实文本文件（UTF-8），- 表示标准输入")
        parser.add_argument("--top", type=int, default=10, help="返回数量（1–50，默认10）")
        parser.add_argument("--charges", default="", help="已知罪名，逗号分隔（不填则根据事实预测）")
        parser.add_argument("--cause", default="", help="已知案由（民事、行政）")
        parser.add_argument("--profile", action="store_true", help="先输出一行本案画像")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["facts_file"]
        try:
            if name == "-":
                import sys

                facts = sys.stdin.read()
            else:
                facts = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"无法读取事实文件 {name}：{exc}") from None
        top = options["top"]
        if not 1 <= top <= 50:
            raise CommandError("--top 应在 1 到 50 之间")
        charges = [c.strip() for c in options["charges"].replace("，", ",").split(",") if c.strip()]
        try:
            result = selectors.similar_find(
                facts=facts, charges=charges or None, cause=options["cause"], top=top
            )
        except DomainError as exc:
            raise CommandError(f"{exc.message}（{exc.code}）") from None
        if options["profile"]:
            self.stdout.write(
                json.dumps({"profile": selectors.profile_data(result.profile)}, ensure_ascii=False)
            )
        for row in selectors.neighbour_rows(result):
            self.stdout.write(json.dumps(row, ensure_ascii=False))
