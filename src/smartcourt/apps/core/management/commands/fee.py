"""``smartcourt fee --kind KIND --amount YUAN [--procedure simple|ordinary] [--mediated]``: a court fee as JSON.

A thin wrapper over :func:`smartcourt.engines.fees.compute_fee`, the engine the platform uses: it prints the
computation bracket by bracket (``ensure_ascii=False``). Bad input — a negative or non-numeric amount, an unknown
kind, a contradictory option — prints one Chinese line on stderr and exits with status 2, printing nothing else.

smartcourt fee --kind property --amount 1000000
smartcourt fee --kind divorce --amount 300000 --procedure simple --mediated
smartcourt fee --kind ip                       # 知识产权, no amount: 500–1000 元
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartcourt.engines.fees import FeeError, compute_fee, fee_kinds, fee_source

EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = "按《诉讼费用交纳办法》计算诉讼费用，逐段输出 JSON"
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = "、".join(f"{key}（{label}）" for key, label in fee_kinds().items())
        parser.add_argument("--kind", help=f"费用种类：{kinds}")
        parser.add_argument("--amount", help="金额（元，至多两位小数）；没有金额的案件可省略")
        parser.add_argument(
            "--procedure", default="ordinary", help="审理程序：ordinary（普通程序）或 simple（简易程序）"
        )
        parser.add_argument("--mediated", action="store_true", help="以调解方式结案（第十五条）")
        parser.add_argument("--withdrawn", action="store_true", help="当事人申请撤诉（第十五条）")
        parser.add_argument(
            "--counterclaim", action="store_true", help="反诉或有独立请求权的第三人的请求（第十八条）"
        )
        parser.add_argument(
            "--instance", default="first", help="审级：first、appeal（第十七条）或 retrial（第十九条）"
        )
        parser.add_argument("--per-case", dest="per_case", help="法院在法定幅度内确定的每件交纳标准（元）")
        parser.add_argument("--rounding", default="fen", help="尾数处理：fen（到分，默认）或 yuan（到元）")
        parser.add_argument(
            "--judicial-aid", dest="judicial_aid", help="司法救助申请：deferral、reduction 或 exemption"
        )

    def _fail(self, message: str) -> None:
        self.stderr.write(message)
        raise SystemExit(EXIT_BAD_INPUT)

    def handle(self, *args: Any, **options: Any) -> None:
        kind = options["kind"]
        if not kind:
            self._fail("须指定费用种类 --kind（如 property、divorce、enforcement）")
        try:
            fee = compute_fee(
                kind,
                options["amount"],
                procedure=options["procedure"],
                mediated=options["mediated"],
                withdrawn=options["withdrawn"],
                counterclaim=options["counterclaim"],
                instance=options["instance"],
                per_case=options["per_case"],
                rounding=options["rounding"],
                judicial_aid=options["judicial_aid"],
            )
        except FeeError as exc:
            self._fail(exc.message)
            return
        source = fee_source()
        payload = {
            **fee.to_dict(),
            "source": {
                "title": source.title,
                "document_number": source.document_number,
                "effective": source.effective,
            },
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
