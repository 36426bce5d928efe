"""``smartcourt ledger …``: the evidence ledger from the command line.

    smartcourt ledger append FILE...            one receipt per file, each a JSON line, one batch
    smartcourt ledger head                      the current signed tree head (a C2SP signed note)
    smartcourt ledger public-key                the verifier key, as ``verify --public-key`` reads it
    smartcourt ledger verify --receipt R [--file F] [--public-key K]   offline when K is given
    smartcourt ledger check                     recompute the stored log; name every damaged leaf
    smartcourt ledger chain-audit               append every audit-trail record not yet chained
    smartcourt ledger consistency --from N [--to M]   a consistency proof, as JSON
    smartcourt ledger inclusion --leaf I [--size S]   an inclusion proof, as JSON
    smartcourt ledger add-witness NAME URL KEY  ask this witness to cosign (see ``witness``)
    smartcourt ledger witness                   collect cosignatures on the current head
    smartcourt ledger create [--hash sm3]       create the log explicitly (otherwise on first use)
    smartcourt ledger reseal --old-secret-key-file F   after rotating SECRET_KEY: re-seal every log's key

``--court CODE`` picks a court's log (法院代字); without it the platform log is used.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.courts.models import Court
from smartcourt.apps.evidence import selectors, services, witnessing
from smartcourt.apps.evidence.models import Ledger, LedgerWitness
from smartcourt.engines.ledger import Receipt, verify_receipt
from smartcourt.engines.ledger.errors import LedgerError


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Command(BaseCommand):
    help = "司法链：追加、树头、公钥、离线验证、完整性检查、审计记录上链、见证"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--court", default="", help="法院代字（默认：平台账本）")
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser("append", help="存证文件，每个文件输出一行 JSON 回执")
        p.add_argument("files", nargs="+")
        sub.add_parser("head", help="当前签名树头")
        sub.add_parser("public-key", help="账本验证公钥")
        p = sub.add_parser("verify", help="离线验证回执")
        p.add_argument("--receipt", required=True)
        p.add_argument("--file", default=None)
        p.add_argument("--public-key", default=None, help="公钥字符串或含公钥的文件；省略时用本地账本的公钥")
        sub.add_parser("check", help="由存储的叶重算整个账本")
        p = sub.add_parser("chain-audit", help="审计记录上链")
        p.add_argument("--batch-size", type=int, default=1000)
        p = sub.add_parser("consistency", help="一致性证明（JSON）")
        p.add_argument("--from", dest="first", type=int, required=True)
        p.add_argument("--to", dest="second", type=int, default=None)
        p = sub.add_parser("inclusion", help="包含证明（JSON）")
        p.add_argument("--leaf", type=int, required=True)
        p.add_argument("--size", type=int, default=None)
        p = sub.add_parser("add-witness", help="登记见证节点")
        p.add_argument("name")
        p.add_argument("url")
        p.add_argument("verifier_key")
        sub.add_parser("witness", help="请求见证节点联署当前树头")
        p = sub.add_parser("create", help="创建账本")
        p.add_argument("--hash", default="", choices=["", "sha256", "sm3"])
        p = sub.add_parser("reseal", help="更换 SECRET_KEY 后，用新密钥重新密封全部账本的签名私钥")
        p.add_argument("--old-secret-key-file", required=True, help="含旧 SECRET_KEY 的文件（一行）")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "verify":  # offline: touches the database only when no key is given
            self._verify(options)
            return
        try:
            getattr(self, "_" + action.replace("-", "_"))(options)
        except DomainError as exc:
            raise CommandError(f"{exc.message} ({exc.code})") from None

    def _court(self, options: dict[str, Any]) -> Court | None:
        code = options["court"]
        if not code:
            return None
        court = Court.objects.filter(code=code).first()
        if court is None:
            raise CommandError(f"没有法院代字为 {code} 的法院")
        return court

    def _ledger(self, options: dict[str, Any]) -> Ledger:
        return services.ledger_ensure(court=self._court(options))

    def _out(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()

    def _create(self, options: dict[str, Any]) -> None:
        ledger = services.ledger_create(
            court=self._court(options), hash_algorithm=options["hash"], actor=None
        )
        self._out(ledger.verifier_key)

    def _append(self, options: dict[str, Any]) -> None:
        ledger = self._ledger(options)
        inputs = []
        for i, name in enumerate(options["files"]):
            path = Path(name)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise CommandError(f"无法读取 {name}：{exc.strerror}") from None
            file = services.FileInput(name=path.name, data=data, metadata={"source": "cli"})
            inputs.append(services.file_entry_input(ledger=ledger, file=file, field_name=f"files[{i}]"))
        for appended in services.ledger_append(ledger=ledger, inputs=inputs, actor=None):
            self._out(appended.receipt.to_json())

    def _reseal(self, options: dict[str, Any]) -> None:
        name = options["old_secret_key_file"]
        try:
            old = Path(name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CommandError(f"无法读取 {name}：{exc.strerror}") from None
        if not old:
            raise CommandError(f"{name} 是空的")
        resealed, already = services.ledger_keys_reseal(old_secret_key=old)
        self._out(f"已重新密封 {resealed} 个账本的签名私钥（{already} 个已是当前密钥，未改动）")

    def _head(self, options: dict[str, Any]) -> None:
        head = selectors.tree_head_latest(ledger=self._ledger(options))
        self.stdout.write(head.cosigned_note or head.signed_note, ending="")

    def _public_key(self, options: dict[str, Any]) -> None:
        self._out(self._ledger(options).verifier_key)

    def _verify(self, options: dict[str, Any]) -> None:
        try:
            receipt = Receipt.from_json(Path(options["receipt"]).read_bytes())
        except OSError as exc:
            raise CommandError(f"无法读取回执：{exc.strerror}") from None
        except LedgerError as exc:
            raise CommandError(f"回执无效：{exc}", returncode=1) from None
        key = options["public_key"]
        if key is None:
            key = services.ledger_ensure(court=self._court(options)).verifier_key
        elif Path(key).is_file():
            key = Path(key).read_text("utf-8").strip()
        data = None
        if options["file"]:
            try:
                data = Path(options["file"]).read_bytes()
            except OSError as exc:
                raise CommandError(f"无法读取文件：{exc.strerror}") from None
        try:
            checkpoint = verify_receipt(receipt, verifier_key=key, data=data)
        except LedgerError as exc:
            raise CommandError(f"验证未通过（第 {receipt.leaf_index} 号叶）：{exc}", returncode=1) from None
        what = "文件与回执" if data is not None else "回执"
        self._out(
            f"验证通过：{what}一致，第 {receipt.leaf_index} 号叶包含在 {checkpoint.origin} 大小 {checkpoint.size} 的签名树头中"
        )

    def _check(self, options: dict[str, Any]) -> None:
        report = selectors.ledger_check(ledger=self._ledger(options))
        for failure in report.failures:
            self.stderr.write(f"第 {failure.leaf_index} 号叶：{failure.reason}")
        if not report.ok:
            raise CommandError(f"{report.ledger}：发现 {len(report.failures)} 处不一致", returncode=1)
        self._out(
            f"{report.ledger}：{report.size} 条、{report.nodes} 个节点、{report.heads} 个签名树头，全部一致"
        )

    def _chain_audit(self, options: dict[str, Any]) -> None:
        count = services.audit_trail_chain(batch_size=options["batch_size"])
        self._out(f"已上链 {count} 条审计记录")

    def _consistency(self, options: dict[str, Any]) -> None:
        ledger = self._ledger(options)
        head = (
            selectors.tree_head_latest(ledger=ledger)
            if options["second"] is None
            else selectors.tree_head_at(ledger=ledger, size=options["second"])
        )
        proof = selectors.proof_consistency(ledger=ledger, first=options["first"], second=head.size)
        self._out(
            json.dumps(
                {
                    "first": options["first"],
                    "second": head.size,
                    "proof": [_b64(p) for p in proof],
                    "checkpoint": head.signed_note,
                }
            )
        )

    def _inclusion(self, options: dict[str, Any]) -> None:
        ledger = self._ledger(options)
        size = ledger.size if options["size"] is None else options["size"]
        proof = selectors.proof_inclusion(ledger=ledger, leaf_index=options["leaf"], tree_size=size)
        self._out(
            json.dumps({"leaf_index": options["leaf"], "tree_size": size, "proof": [_b64(p) for p in proof]})
        )

    def _add_witness(self, options: dict[str, Any]) -> None:
        LedgerWitness.objects.update_or_create(
            ledger=self._ledger(options),
            name=options["name"],
            defaults={"url": options["url"], "verifier_key": options["verifier_key"]},
        )
        self._out(f"已登记见证节点 {options['name']}")

    def _witness(self, options: dict[str, Any]) -> None:
        outcomes = witnessing.tree_head_witness(ledger=self._ledger(options))
        for o in outcomes:
            self._out(f"{o.witness}: {'已见证' if o.cosigned else '拒绝'} ({o.status}) {o.detail}")
        refused = [o.witness for o in outcomes if not o.cosigned]
        if refused:
            raise CommandError(f"{len(refused)} 个见证节点未联署：{'、'.join(refused)}", returncode=1)
