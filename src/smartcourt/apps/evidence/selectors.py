"""Reads of the evidence ledger: logs and heads (public), entries (the court's staff), receipts and proofs,
verification of a receipt or a file, and the full check of the stored tree (tamper detection).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import QuerySet

from smartcourt.apps.accounts.models import STAFF_ROLES, Role, User
from smartcourt.apps.core.errors import InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.evidence.error_codes import LedgerErrorCode
from smartcourt.apps.evidence.models import EntryKind, EvidenceEntry, Ledger, TreeHead, TreeTile
from smartcourt.apps.evidence.storage import DatabaseNodeReader, tile_of
from smartcourt.engines.ledger import (
    CompactRange,
    NodeId,
    Receipt,
    consistency_proof,
    hasher_for,
    inclusion_proof,
    new_verifier,
    open_checkpoint,
    verify_consistency,
    verify_inclusion,
    verify_receipt,
)
from smartcourt.engines.ledger.errors import (
    HashAlgorithmError,
    LeafHashMismatchError,
    LedgerError,
    NodeNotFoundError,
    NoteError,
    OriginMismatchError,
    ProofError,
    ReceiptFormatError,
    ReceiptMismatchError,
    RootMismatchError,
)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- logs and heads (public) ----------------------------------------------------------------------------


def ledger_list() -> QuerySet[Ledger]:
    """Every log, with its court; origins, sizes and verifier keys are public."""
    return Ledger.objects.select_related("court").order_by("origin")


def ledger_get(*, ledger_id: int) -> Ledger:
    ledger = Ledger.objects.select_related("court").filter(pk=ledger_id).first()
    if ledger is None:
        raise NotFoundError(LedgerErrorCode.NOT_FOUND, "司法链账本不存在")
    return ledger


def ledger_by_origin(*, origin: str) -> Ledger | None:
    return Ledger.objects.filter(origin=origin).first()


def tree_head_latest(*, ledger: Ledger) -> TreeHead:
    """The newest signed checkpoint (every log has one from its creation)."""
    return TreeHead.objects.filter(ledger=ledger).order_by("-size").first()  # type: ignore[return-value]


def tree_head_at(*, ledger: Ledger, size: int) -> TreeHead:
    head = TreeHead.objects.filter(ledger=ledger, size=size).first()
    if head is None:
        raise NotFoundError(
            LedgerErrorCode.BAD_TREE_SIZE, f"没有树大小为 {size} 的签名树头", {"tree_size": size}
        )
    return head


# --- entries (the court's staff) ------------------------------------------------------------------------


def _visible_ledgers(viewer: User) -> QuerySet[Ledger]:
    if not viewer.is_authenticated or viewer.role not in STAFF_ROLES:
        raise NotPermittedError(LedgerErrorCode.NOT_PERMITTED, "只有法院工作人员可以查看存证记录")
    if viewer.role == Role.IT_ADMIN:  # 信息中心 also keeps the platform log (the audit trail)
        return Ledger.objects.filter(court_id__in=[viewer.court_id]) | Ledger.objects.filter(
            court__isnull=True
        )
    return Ledger.objects.filter(court_id=viewer.court_id)


def entry_list(*, viewer: User, kind: str = "") -> QuerySet[EvidenceEntry]:
    """Entries of the logs the viewer keeps (their court's; 信息中心 also the platform's), newest first."""
    qs = EvidenceEntry.objects.filter(ledger__in=_visible_ledgers(viewer)).select_related(
        "ledger", "recorded_by"
    )
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-recorded_at", "-leaf_index")


def entry_get(*, viewer: User, entry_id: int) -> EvidenceEntry:
    entry = entry_list(viewer=viewer).filter(pk=entry_id).first()
    if entry is None:
        raise NotFoundError(LedgerErrorCode.NOT_FOUND, "存证记录不存在")
    return entry


def entry_receipt(*, entry: EvidenceEntry, tree_size: int | None = None) -> Receipt:
    """The receipt of ``entry`` against the head of ``tree_size`` (default: the batch that added it)."""
    ledger = entry.ledger
    head = tree_head_at(ledger=ledger, size=entry.tree_size if tree_size is None else tree_size)
    if not entry.leaf_index < head.size:
        raise InvalidInputError(
            LedgerErrorCode.BAD_TREE_SIZE, f"树大小 {head.size} 尚未包含第 {entry.leaf_index} 号条目"
        )
    hasher = hasher_for(ledger.hash_algorithm)
    proof = inclusion_proof(hasher, entry.leaf_index, head.size, DatabaseNodeReader(ledger, shared=True))
    return Receipt(
        origin=ledger.origin,
        hash_algorithm=ledger.hash_algorithm,
        leaf_index=entry.leaf_index,
        leaf_hash=bytes(entry.leaf_hash),
        tree_size=head.size,
        root_hash=bytes(head.root_hash),
        inclusion_proof=tuple(proof),
        checkpoint=head.signed_note,
    )


def proof_consistency(*, ledger: Ledger, first: int, second: int) -> list[bytes]:
    """The consistency proof between two sizes the log has signed heads for."""
    if not 0 <= first <= second <= ledger.size:
        raise InvalidInputError(
            LedgerErrorCode.BAD_TREE_SIZE, f"树大小须满足 0 ≤ {first} ≤ {second} ≤ {ledger.size}"
        )
    hasher = hasher_for(ledger.hash_algorithm)
    return consistency_proof(hasher, first, second, DatabaseNodeReader(ledger, shared=True))


def proof_inclusion(*, ledger: Ledger, leaf_index: int, tree_size: int) -> list[bytes]:
    if not 0 <= leaf_index < tree_size <= ledger.size:
        raise InvalidInputError(
            LedgerErrorCode.BAD_TREE_SIZE,
            f"须满足 0 ≤ 叶序号 {leaf_index} < 树大小 {tree_size} ≤ {ledger.size}",
        )
    hasher = hasher_for(ledger.hash_algorithm)
    return inclusion_proof(hasher, leaf_index, tree_size, DatabaseNodeReader(ledger, shared=True))


# --- verification (public) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProofStep:
    """One step up the audit path: the sibling hash, on which side it sits, and the hash computed."""

    level: int
    side: str  # "left" or "right": where the sibling is
    sibling: str
    result: str


@dataclass
class Verification:
    """The outcome of verifying a receipt and/or a file, with what was checked and the path walked."""

    verified: bool
    code: str
    message: str
    origin: str = ""
    leaf_index: int | None = None
    tree_size: int | None = None
    leaf_hash: str = ""
    root_hash: str = ""
    latest_size: int | None = None
    path: list[ProofStep] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    receipt_json: str = ""


def proof_path(
    hasher_name: str, index: int, size: int, leaf_hash: bytes, proof: tuple[bytes, ...] | list[bytes]
) -> list[ProofStep]:
    """The steps of an RFC 9162 §2.1.3.2 audit-path walk, for display (the engine decides validity)."""
    hasher = hasher_for(hasher_name)
    if not 0 <= index < size:
        return []
    inner = (index ^ (size - 1)).bit_length()
    steps: list[ProofStep] = []
    h = leaf_hash
    for i, p in enumerate(proof):
        if i < inner and not (index >> i) & 1:
            h = hasher.hash_children(h, p)
            steps.append(ProofStep(i, "right", p.hex(), h.hex()))
        else:
            h = hasher.hash_children(p, h)
            steps.append(ProofStep(i, "left", p.hex(), h.hex()))
    return steps


_MESSAGES: list[tuple[type[Exception], str, str]] = [
    (LeafHashMismatchError, "ledger.leaf_hash_mismatch", "文件与回执不符：文件的哈希不是回执中的叶哈希"),
    (ReceiptFormatError, "ledger.bad_receipt", "回执格式无效"),
    (ReceiptMismatchError, "ledger.receipt_mismatch", "回执与其签名树头不一致"),
    (OriginMismatchError, "ledger.origin_mismatch", "回执的签名树头来自其他账本"),
    (NoteError, "ledger.bad_signature", "签名树头的签名无效或不是本账本的公钥所签"),
    (HashAlgorithmError, "ledger.bad_hash_algorithm", "回执的哈希算法未知"),
    (RootMismatchError, "ledger.root_mismatch", "包含证明不成立：由证明路径算出的根哈希与签名树头不符"),
    (ProofError, "ledger.bad_proof", "包含证明无效"),
    (LedgerError, "ledger.invalid", "验证失败"),
]


def _failure(exc: Exception, result: Verification) -> Verification:
    for cls, code, message in _MESSAGES:
        if isinstance(exc, cls):
            result.verified, result.code, result.message = False, code, f"{message}（{exc}）"
            return result
    raise exc


def receipt_verify(*, receipt_text: str | bytes | None, data: bytes | None) -> Verification:
    """Verify a receipt (and the file it is for), or find a file's entry and verify its receipt.

    A receipt is checked offline first (signature, inclusion, the file's hash) with the key of the local
    log of its origin; then against the stored log: the stored leaf at its index is the receipt's, and the
    latest head is consistent with the receipt's head. With only a file, the file's leaf hash is looked
    up in every log. Never raises for a bad receipt: the result says why.
    """
    if receipt_text is None and data is None:
        raise InvalidInputError(
            LedgerErrorCode.NOTHING_TO_VERIFY, "请上传回执文件或证据文件", {"field": "receipt"}
        )
    result = Verification(verified=False, code="", message="")
    if receipt_text is None:
        assert data is not None
        found = _entry_for_file(data)
        if found is None:
            result.code, result.message = "ledger.not_recorded", "司法链中没有与该文件相同的存证"
            return result
        receipt = entry_receipt(entry=found)
        result.checks.append(f"在账本 {found.ledger.origin} 中找到该文件，叶序号 {found.leaf_index}")
    else:
        try:
            receipt = Receipt.from_json(receipt_text)
        except LedgerError as exc:
            return _failure(exc, result)
    result.receipt_json = receipt.to_json()
    result.origin, result.leaf_index, result.tree_size = receipt.origin, receipt.leaf_index, receipt.tree_size
    result.leaf_hash, result.root_hash = receipt.leaf_hash.hex(), receipt.root_hash.hex()
    try:
        result.path = proof_path(
            receipt.hash_algorithm,
            receipt.leaf_index,
            receipt.tree_size,
            receipt.leaf_hash,
            receipt.inclusion_proof,
        )
    except (LedgerError, IndexError):
        result.path = []
    ledger = ledger_by_origin(origin=receipt.origin)
    if ledger is None:
        result.code, result.message = (
            "ledger.unknown_origin",
            f"本平台没有账本 {receipt.origin}，无法取得其公钥",
        )
        return result
    try:
        verify_receipt(receipt, verifier_key=ledger.verifier_key, data=data)
        result.checks.append("签名树头的签名有效（账本公钥）")
        if data is not None:
            result.checks.append("文件的叶哈希与回执一致")
        result.checks.append(f"包含证明成立：第 {receipt.leaf_index} 号叶在树大小 {receipt.tree_size} 的根中")
        _check_against_store(ledger, receipt, result)
    except LedgerError as exc:
        return _failure(exc, result)
    result.verified, result.code, result.message = (
        True,
        "ledger.verified",
        "验证通过：该记录已在司法链中，未被篡改",
    )
    return result


def _entry_for_file(data: bytes) -> EvidenceEntry | None:
    for ledger in Ledger.objects.all():
        leaf = hasher_for(ledger.hash_algorithm).hash_leaf(data)
        entry = (
            EvidenceEntry.objects.filter(ledger=ledger, leaf_hash=leaf)
            .select_related("ledger")
            .order_by("leaf_index")
            .first()
        )
        if entry is not None:
            return entry
    return None


def _check_against_store(ledger: Ledger, receipt: Receipt, result: Verification) -> None:
    """The stored log still holds the receipt's leaf, and its latest head extends the receipt's head."""
    hasher = hasher_for(ledger.hash_algorithm)
    latest = tree_head_latest(ledger=ledger)
    result.latest_size = latest.size
    if receipt.tree_size > latest.size:
        raise RootMismatchError(expected=receipt.root_hash, calculated=b"", tree_size=receipt.tree_size)
    reader = DatabaseNodeReader(ledger)
    stored = reader.get_nodes([_leaf_id(receipt.leaf_index)])[0]
    if stored != receipt.leaf_hash:
        raise LeafHashMismatchError(receipt.leaf_index, expected=receipt.leaf_hash, calculated=stored)
    proof = inclusion_proof(hasher, receipt.leaf_index, latest.size, reader)
    verify_inclusion(
        hasher, receipt.leaf_index, latest.size, receipt.leaf_hash, proof, bytes(latest.root_hash)
    )
    cproof = consistency_proof(hasher, receipt.tree_size, latest.size, reader)
    verify_consistency(
        hasher, receipt.tree_size, latest.size, cproof, receipt.root_hash, bytes(latest.root_hash)
    )
    result.checks.append(f"当前树头（大小 {latest.size}）仍包含该叶，且与回执的树头一致（一致性证明成立）")


def _leaf_id(index: int) -> NodeId:
    return NodeId(0, index)


# --- the full check (tamper detection) ------------------------------------------------------------------


@dataclass(frozen=True)
class CheckFailure:
    """Where the stored log disagrees with itself: the leaf (or the leaves under a node) and why."""

    leaf_index: int
    leaf_end: int
    reason: str


@dataclass
class CheckReport:
    ledger: str
    size: int
    heads: int = 0
    nodes: int = 0
    failures: list[CheckFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _entries_in_order(ledger: Ledger) -> Iterator[tuple[int, bytes, bytes | None, str]]:
    rows = EvidenceEntry.objects.filter(ledger=ledger).order_by("leaf_index")
    for index, leaf_hash, leaf_data, kind in rows.values_list(
        "leaf_index", "leaf_hash", "leaf_data", "kind"
    ).iterator(chunk_size=2000):
        yield index, bytes(leaf_hash), None if leaf_data is None else bytes(leaf_data), kind


class _TileCursor:
    """Stored interior nodes for a left-to-right walk: tiles fetched 64 at a time per tile level."""

    _CHUNK = 64

    def __init__(self, ledger: Ledger, hash_size: int) -> None:
        self._ledger_id = ledger.pk
        self._hash_size = hash_size
        self._loaded: dict[int, tuple[int, dict[int, bytes]]] = {}  # tile level -> (first index, tiles)

    def node(self, level: int, index: int) -> bytes | None:
        t, i, pos = tile_of(level, index)
        first, chunk = self._loaded.get(t, (-1, {}))
        if not first <= i < first + self._CHUNK or first < 0:
            first = i
            chunk = dict(
                TreeTile.objects.filter(
                    ledger_id=self._ledger_id, level=t, index__gte=i, index__lt=i + self._CHUNK
                ).values_list("index", "hashes")
            )
            self._loaded[t] = (first, chunk)
        blob = chunk.get(i)
        hs = self._hash_size
        if blob is None or len(blob) < (pos + 1) * hs:
            return None
        return bytes(blob[pos * hs : (pos + 1) * hs])


def ledger_check(*, ledger: Ledger) -> CheckReport:
    """Recompute the whole log from its stored leaves: every record against its leaf hash, every stored
    node against the recomputed tree, every signed head's signature, root and consistency proof.

    Each failure names the leaf (or, for a node, the range of leaves beneath it).
    """
    hasher = hasher_for(ledger.hash_algorithm)
    verifier = new_verifier(ledger.verifier_key)
    report = CheckReport(ledger=ledger.origin, size=ledger.size)
    tiles = _TileCursor(ledger, hasher.size)
    heads = {h.size: h for h in TreeHead.objects.filter(ledger=ledger)}
    cr = CompactRange(hasher)
    roots: dict[int, bytes] = {}
    if 0 in heads:
        roots[0] = cr.root()
    expected = 0
    for index, leaf_hash, leaf_data, _kind in _entries_in_order(ledger):
        if index != expected:
            report.failures.append(CheckFailure(expected, index, f"缺少第 {expected} 至 {index - 1} 号叶"))
            return report
        expected += 1
        if leaf_data is not None and hasher.hash_leaf(leaf_data) != leaf_hash:
            report.failures.append(CheckFailure(index, index + 1, f"第 {index} 号叶的记录与其叶哈希不符"))
        for node in cr.append(leaf_hash)[1:]:
            report.nodes += 1
            stored = tiles.node(node.level, node.index)
            if stored != node.hash:
                begin, end = node.id.leaf_range()
                what = "缺失" if stored is None else "与重算结果不符"
                report.failures.append(
                    CheckFailure(
                        begin,
                        end,
                        f"第 {begin} 至 {end - 1} 号叶之上的节点 ({node.level}, {node.index}) {what}",
                    )
                )
        if cr.size in heads:
            roots[cr.size] = cr.root()
    if expected != ledger.size:
        report.failures.append(
            CheckFailure(expected, ledger.size, f"账本记载 {ledger.size} 条，实存 {expected} 条")
        )
    for size in sorted(heads):
        head = heads[size]
        report.heads += 1
        try:
            cp = open_checkpoint(
                head.signed_note, [verifier], origin=ledger.origin, hash_size=hasher.size
            ).checkpoint
        except LedgerError as exc:
            report.failures.append(
                CheckFailure(max(size - 1, 0), size, f"树大小 {size} 的签名树头无效：{exc}")
            )
            continue
        if cp.size != size or cp.root_hash != bytes(head.root_hash) or roots.get(size) != cp.root_hash:
            report.failures.append(
                CheckFailure(max(size - 1, 0), size, f"树大小 {size} 的签名根哈希与由存储的叶重算的根不符")
            )
    return report


def entry_check(*, ledger: Ledger, leaf_index: int) -> None:
    """Verify one stored leaf against the latest signed head from the stored nodes; raise naming the leaf."""
    hasher = hasher_for(ledger.hash_algorithm)
    head = tree_head_latest(ledger=ledger)
    entry = EvidenceEntry.objects.get(ledger=ledger, leaf_index=leaf_index)
    leaf_hash = bytes(entry.leaf_hash)
    if entry.leaf_data is not None and hasher.hash_leaf(bytes(entry.leaf_data)) != leaf_hash:
        raise LeafHashMismatchError(
            leaf_index, expected=leaf_hash, calculated=hasher.hash_leaf(bytes(entry.leaf_data))
        )
    try:
        proof = inclusion_proof(hasher, leaf_index, head.size, DatabaseNodeReader(ledger))
    except NodeNotFoundError as exc:
        raise RootMismatchError(expected=bytes(head.root_hash), calculated=b"", tree_size=head.size) from exc
    verify_inclusion(hasher, leaf_index, head.size, leaf_hash, proof, bytes(head.root_hash))


def kinds() -> list[tuple[str, str]]:
    return [(k.value, str(k.label)) for k in EntryKind]
