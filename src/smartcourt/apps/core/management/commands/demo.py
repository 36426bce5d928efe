"""``smartcourt demo [--cases N] [--seed S] [--as-of YYYY-MM-DD]``: build the demo province."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartcourt.apps.core.demo import DEMO_PASSWORD, demo_build


class Command(BaseCommand):
    help = "生成演示数据：一个省的法院、各角色人员和 N 件案件（均为随机生成，不含真实数据）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=int, default=5000, help="案件数（默认 5000）")
        parser.add_argument("--seed", type=int, default=1, help="随机种子（相同种子与日期生成相同数据）")
        parser.add_argument(
            "--as-of", type=date.fromisoformat, default=None, help="以该日期为“今天”（默认今天）"
        )
        parser.add_argument("--if-empty", action="store_true", help="数据库已有数据时跳过而不报错")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["cases"] < 0 or options["cases"] > 2_000_000:
            raise CommandError("--cases 须在 0 到 2000000 之间")
        from smartcourt.apps.courts.models import Court

        if Court.objects.exists():
            if options["if_empty"]:
                self.stdout.write("数据库中已有数据，跳过演示数据生成。")
                self._print_accounts()
                return
            raise CommandError(
                "数据库中已有法院数据；演示数据只能写入空数据库（先删除 var/smartcourt.sqlite3）"
            )
        summary = demo_build(
            cases=options["cases"],
            seed=options["seed"],
            as_of=options["as_of"],
            progress=lambda line: self.stdout.write(line) if options["verbosity"] > 1 else None,
        )
        self.stdout.write(
            f"已生成 {summary.courts} 个法院、{summary.users} 个账户、{summary.cases} 件案件、"
            f"{summary.parties} 个当事人，用时 {summary.seconds:.1f} 秒。"
        )
        self._print_accounts()

    def _print_accounts(self) -> None:
        from smartcourt.apps.accounts.models import Role
        from smartcourt.apps.core.demo import NAMED

        self.stdout.write(f"演示账户（密码均为 {DEMO_PASSWORD}）：")
        for role, username in NAMED.items():
            self.stdout.write(f"  {username:<10} {Role(role).label}（杭州市上城区人民法院）")
        self.stdout.write(f"  {'litigant':<10} 当事人")
        self.stdout.write(f"  {'lawyer':<10} 律师")
        self.stdout.write(f"  {'mediator':<10} 调解员")
