"""``smartcourt lawbench predict --task ID --data PATH --out PATH``: answer a LawBench task file offline.

A thin wrapper over :func:`smartcourt.lawbench.run`: it reads a JSON list of ``{instruction, question, …}``
items (the ``answer`` field is never read) and writes one ``{"index", "prediction"}`` JSON line per item.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartcourt.lawbench import TASKS, UnknownTaskError, run


class Command(BaseCommand):
    help = "LawBench 评测：对任务文件逐条作答，输出 JSON Lines（离线、仅用 CPU，不读取标准答案）"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        predict = sub.add_parser("predict", help="对一个任务文件作答")
        predict.add_argument("--task", required=True, help="任务编号，如 2-6、3-7")
        predict.add_argument("--data", required=True, type=Path, help="LawBench 任务文件（JSON 列表）")
        predict.add_argument("--out", required=True, type=Path, help="输出的 JSON Lines 文件")

    def handle(self, *args: Any, **options: Any) -> None:
        task, data, out = options["task"], options["data"], options["out"]
        try:
            count = run(task, data, out)
        except UnknownTaskError:
            known = "、".join(sorted(TASKS)) or "无"
            raise CommandError(f"不支持的任务 {task}；已支持：{known}") from None
        except FileNotFoundError as exc:
            raise CommandError(f"无法读取文件：{exc.filename}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"无法读取或写入文件：{exc}") from None
        except (json.JSONDecodeError, ValueError) as exc:
            raise CommandError(f"{data} 不是 LawBench 任务文件（应为 JSON 列表）：{exc}") from None
        self.stdout.write(f"任务 {task}：已对 {count} 条作答，写入 {out}")
