"""``smartcourt cite [--date YYYY-MM-DD]``: find the law citations in the text on stdin, one JSON line each.

Each line: ``span``, ``raw``, the resolved ``law`` (id, title, version judged against), ``article`` (number,
suffix, Chinese form, paragraph, item, range end), ``exists`` and ``in_force`` with ``reason``/``detail``.
Exits 0 whatever the text holds; 2 when stdin is not UTF-8 (or ``--date`` is not a date).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from smartcourt.engines.laws import Citation, find_citations, format_article_number


def citation_record(citation: Citation) -> dict[str, Any]:
    """The JSON form of one citation (the command's output line)."""
    status = citation.status
    try:
        chinese = format_article_number(citation.article, citation.suffix)
    except ValueError:
        chinese = citation.raw
    return {
        "span": list(citation.span),
        "raw": citation.raw,
        "law": {
            "as_written": citation.law_text,
            "id": citation.law_id,
            "title": citation.law_title,
            "version": status.version or None,
        },
        "article": citation.article,
        "suffix": citation.suffix,
        "article_chinese": chinese,
        "paragraph": citation.paragraph,
        "item": citation.item,
        "article_end": citation.article_end,
        "exists": status.exists,
        "in_force": status.in_force,
        "reason": status.reason or None,
        "detail": status.detail or None,
        "note": status.note or None,
    }


class Command(BaseCommand):
    help = "从标准输入读取文本，逐条输出其中引用的法条（JSON Lines）：是否存在、在指定日期是否有效"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="判断效力的日期 YYYY-MM-DD（默认今天）")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            on = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"日期格式应为 YYYY-MM-DD：{options['date']}", returncode=2) from None
        stream = getattr(sys.stdin, "buffer", None)
        try:
            text = stream.read().decode("utf-8-sig") if stream is not None else sys.stdin.read()
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"标准输入不是 UTF-8 文本（第 {exc.start} 字节起无法解码），请先转换编码", returncode=2
            ) from None
        for citation in find_citations(text, on=on):
            self.stdout.write(json.dumps(citation_record(citation), ensure_ascii=False))
