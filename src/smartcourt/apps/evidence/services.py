"""Writes of the evidence ledger: create a log, append batches (group commit), chain the audit trail.

Every append is one transaction under the ledger row's lock (``SELECT … FOR UPDATE`` on PostgreSQL, an
``IMMEDIATE`` transaction on SQLite): the leaves, the new tree nodes, the new signed checkpoint with its
checked consistency proof and the new size commit together or not at all, so a writer killed mid-batch
leaves the tree exactly as the last committed checkpoint says. Receipts are returned only after commit.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from smartcourt.apps.accounts.models import STAFF_ROLES, Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.courts.models import Court
from smartcourt.apps.evidence.error_codes import LedgerErrorCode
from smartcourt.apps.evidence.keys import open_signer_key, seal_signer_key
from smartcourt.apps.evidence.models import (
    EntryKind,
    EvidenceEntry,
    HashAlgorithm,
    Ledger,
    TreeHead,
    TreeNode,
)
from smartcourt.apps.evidence.storage import DatabaseNodeReader
from smartcourt.engines.ledger import (
    Checkpoint,
    CompactRange,
    Ed25519Signer,
    Receipt,
    consistency_proof,
    generate_signer_key,
    hasher_for,
    inclusion_proof,
    new_signer,
    range_nodes,
    sign_checkpoint,
    verify_consistency,
)

STRUCTURED_KINDS = (EntryKind.SIGNATURE, EntryKind.ENFORCEMENT, EntryKind.GUARANTEE, EntryKind.ARCHIVE)
_CONTENT_HASH_RE = re.compile(r"(sha256|sm3):([0-9a-f]{64})")
_MAX_METADATA_BYTES = 8 * 1024
_RECORD_VERSION = 1


def _config(name: str) -> Any:
    return settings.SMARTCOURT_LEDGER[name]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def canonical_json(obj: Any) -> bytes:
    """UTF-8 JSON with sorted keys and no insignificant whitespace: the bytes a structured leaf hashes."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# --- ledgers --------------------------------------------------------------------------------------------


def ledger_origin(*, court: Court | None) -> str:
    """The log origin: ``<host>/ledger/<court code, percent-encoded UTF-8>``, or ``<host>/ledger/platform``.

    >>> # doctest: +SKIP
    >>> ledger_origin(court=Court(code="浙0102"))
    'smartcourt.example/ledger/%E6%B5%990102'
    """
    host = _config("ORIGIN_HOST")
    return f"{host}/ledger/platform" if court is None else f"{host}/ledger/{quote(court.code, safe='')}"


def ledger_create(*, court: Court | None, hash_algorithm: str = "", actor: User | None) -> Ledger:
    """Create the log of ``court`` (``None``: the platform log) with a fresh Ed25519 signing key.

    The empty tree gets its signed checkpoint at once, so every log has a head from its creation.
    """
    if actor is not None and actor.role != Role.IT_ADMIN:
        raise NotPermittedError(LedgerErrorCode.NOT_PERMITTED, "只有信息中心人员可以创建司法链账本")
    algorithm = hash_algorithm or _config("HASH_ALGORITHM")
    if algorithm not in HashAlgorithm.values:
        raise InvalidInputError(
            LedgerErrorCode.BAD_HASH_ALGORITHM,
            f"哈希算法只能是 sha256 或 sm3，不能是“{algorithm}”",
            {"field": "hash_algorithm"},
        )
    origin = ledger_origin(court=court)
    signer_key = generate_signer_key(origin)
    signer = new_signer(signer_key)
    hasher = hasher_for(algorithm)
    with acting_as(actor), transaction.atomic():
        if Ledger.objects.filter(origin=origin).exists():
            raise ConflictError(
                LedgerErrorCode.DUPLICATE_LEDGER, "该法院的司法链账本已存在", {"origin": origin}
            )
        ledger = Ledger.objects.create(
            court=court,
            origin=origin,
            hash_algorithm=algorithm,
            verifier_key=signer.verifier().verifier_key(),
            signer_key_sealed=seal_signer_key(signer_key, origin=origin),
        )
        root = hasher.empty_root()
        TreeHead.objects.create(
            ledger=ledger,
            size=0,
            root_hash=root,
            signed_note=sign_checkpoint(Checkpoint(origin, 0, root), [signer]),
            consistency_verified=True,
            created_at=timezone.now(),
        )
    return ledger


def ledger_ensure(*, court: Court | None) -> Ledger:
    """The log of ``court`` (``None``: the platform log), created on first use by the system."""
    origin = ledger_origin(court=court)
    found = Ledger.objects.filter(origin=origin).first()
    if found is not None:
        return found
    try:
        return ledger_create(court=court, actor=None)
    except (ConflictError, IntegrityError):
        return Ledger.objects.get(origin=origin)


_signers: dict[tuple[int, str], Ed25519Signer] = {}


def _signer(ledger: Ledger) -> Ed25519Signer:
    key = (ledger.pk, ledger.verifier_key)
    signer = _signers.get(key)
    if signer is None:
        signer = new_signer(open_signer_key(ledger.signer_key_sealed, origin=ledger.origin))
        _signers[key] = signer
    return signer


# --- appends --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryInput:
    """One leaf to append: its kind, the bytes it hashes (or their leaf hash) and what is stored beside."""

    kind: str
    leaf_hash: bytes
    leaf_data: bytes | None = None
    content_hash: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    source_id: int | None = None


@dataclass(frozen=True)
class Appended:
    """An appended entry and its receipt against the batch's signed checkpoint."""

    entry: EvidenceEntry
    receipt: Receipt


def _append_locked(*, ledger: Ledger, inputs: Sequence[EntryInput], actor: User | None) -> list[Appended]:
    """Append ``inputs`` to ``ledger`` (already locked, inside a transaction): one new signed checkpoint."""
    hasher = hasher_for(ledger.hash_algorithm)
    size0 = ledger.size
    previous = TreeHead.objects.get(ledger=ledger, size=size0)
    reader = DatabaseNodeReader(ledger)
    cr = CompactRange.from_hashes(hasher, size0, reader.get_nodes(range_nodes(0, size0)))
    if cr.root() != bytes(previous.root_hash):
        raise ConflictError(
            LedgerErrorCode.TAMPERED,
            f"司法链存储与第 {size0} 号树头不一致，已拒绝追加，请运行 smartcourt ledger check 排查",
            {"tree_size": size0},
        )
    now = timezone.now()
    entries: list[EvidenceEntry] = []
    nodes: list[TreeNode] = []
    size1 = size0 + len(inputs)
    for item in inputs:
        index = cr.size
        completed = cr.append(item.leaf_hash)
        reader.add(completed)
        nodes.extend(
            TreeNode(ledger=ledger, level=n.level, index=n.index, hash=n.hash) for n in completed[1:]
        )
        entries.append(
            EvidenceEntry(
                ledger=ledger,
                leaf_index=index,
                kind=item.kind,
                leaf_hash=item.leaf_hash,
                leaf_data=item.leaf_data,
                content_hash=item.content_hash,
                metadata=item.metadata,
                source_id=item.source_id,
                tree_size=size1,
                recorded_by=actor,
                recorded_at=now,
            )
        )
    EvidenceEntry.objects.bulk_create(entries, batch_size=500)
    TreeNode.objects.bulk_create(nodes, batch_size=500)

    root = cr.root()
    note = sign_checkpoint(Checkpoint(ledger.origin, size1, root), [_signer(ledger)])
    proof = consistency_proof(hasher, size0, size1, reader)
    verify_consistency(hasher, size0, size1, proof, bytes(previous.root_hash), root)
    TreeHead.objects.create(
        ledger=ledger,
        size=size1,
        root_hash=root,
        signed_note=note,
        previous_size=size0,
        consistency_proof=[_b64(p) for p in proof],
        consistency_verified=True,
        created_at=now,
    )
    Ledger.objects.filter(pk=ledger.pk).update(size=size1)
    ledger.size = size1
    return [
        Appended(
            entry=entry,
            receipt=Receipt(
                origin=ledger.origin,
                hash_algorithm=ledger.hash_algorithm,
                leaf_index=entry.leaf_index,
                leaf_hash=bytes(entry.leaf_hash),
                tree_size=size1,
                root_hash=root,
                inclusion_proof=tuple(inclusion_proof(hasher, entry.leaf_index, size1, reader)),
                checkpoint=note,
            ),
        )
        for entry in entries
    ]


def _lock(ledger: Ledger) -> Ledger:
    return Ledger.objects.select_for_update().get(pk=ledger.pk)


def ledger_append(*, ledger: Ledger, inputs: Sequence[EntryInput], actor: User | None) -> list[Appended]:
    """Append a batch (group commit): all of ``inputs`` and one new signed checkpoint, in one transaction.

    Requires 1 <= len(inputs) <= ``SMARTCOURT_LEDGER["MAX_BATCH"]`` and leaf hashes of the log's hash
    size. Permission is the caller's: the public services below check it.
    """
    if not inputs:
        raise InvalidInputError(LedgerErrorCode.EMPTY_BATCH, "没有要存证的内容")
    limit = _config("MAX_BATCH")
    if len(inputs) > limit:
        raise InvalidInputError(
            LedgerErrorCode.BATCH_TOO_LARGE, f"一次最多存证 {limit} 条，本次 {len(inputs)} 条", {"max": limit}
        )
    with acting_as(actor), transaction.atomic():
        return _append_locked(ledger=_lock(ledger), inputs=inputs, actor=actor)


# --- what goes in ---------------------------------------------------------------------------------------


def _check_may_record(actor: User) -> Court:
    if not actor.is_authenticated or actor.role not in STAFF_ROLES or actor.court_id is None:
        raise NotPermittedError(LedgerErrorCode.NOT_PERMITTED, "只有法院工作人员可以存证")
    return actor.court  # type: ignore[return-value]


def _clean_metadata(metadata: Any, *, field_name: str = "metadata") -> dict[str, Any]:
    if not isinstance(metadata, dict):
        raise InvalidInputError(LedgerErrorCode.BAD_METADATA, "元数据须为 JSON 对象", {"field": field_name})
    for key, value in metadata.items():
        if not isinstance(key, str) or not key or len(key) > 64:
            raise InvalidInputError(
                LedgerErrorCode.BAD_METADATA, "元数据的键须为 1 至 64 个字符的文本", {"field": field_name}
            )
        if isinstance(value, dict | list) or (isinstance(value, float) and value != value):
            raise InvalidInputError(
                LedgerErrorCode.BAD_METADATA,
                f"元数据“{key}”须为文本、数字、布尔值或空值",
                {"field": f"{field_name}.{key}"},
            )
    size = len(canonical_json(metadata))
    if size > _MAX_METADATA_BYTES:
        raise InvalidInputError(
            LedgerErrorCode.BAD_METADATA,
            f"元数据不能超过 {_MAX_METADATA_BYTES} 字节（现为 {size} 字节）",
            {"field": field_name},
        )
    return dict(metadata)


@dataclass(frozen=True)
class RecordInput:
    """A structured record: a document signature, an enforcement operation, a guarantee, an archive package.

    ``content_hash`` is ``"sha256:<hex>"`` or ``"sm3:<hex>"`` of the document or package it attests;
    ``metadata`` must hold a non-empty ``title``.
    """

    kind: str
    content_hash: str
    metadata: dict[str, Any]


def _record_input(*, ledger: Ledger, index: int, record: RecordInput, actor: User) -> EntryInput:
    prefix = f"records[{index}]"
    if record.kind not in STRUCTURED_KINDS:
        allowed = "、".join(str(EntryKind(k).label) for k in STRUCTURED_KINDS)
        raise InvalidInputError(
            LedgerErrorCode.BAD_KIND,
            f"第{index + 1}条的类型无效，应为{allowed}之一",
            {"field": f"{prefix}.kind"},
        )
    content_hash = (record.content_hash or "").strip().lower()
    if not _CONTENT_HASH_RE.fullmatch(content_hash):
        raise InvalidInputError(
            LedgerErrorCode.BAD_CONTENT_HASH,
            f"第{index + 1}条的内容哈希格式应为 sha256:<64位十六进制> 或 sm3:<64位十六进制>",
            {"field": f"{prefix}.content_hash"},
        )
    metadata = _clean_metadata(record.metadata, field_name=f"{prefix}.metadata")
    title = metadata.get("title")
    if not isinstance(title, str) or not title.strip():
        raise InvalidInputError(
            LedgerErrorCode.BAD_METADATA,
            f"第{index + 1}条须填写名称（title）",
            {"field": f"{prefix}.metadata.title"},
        )
    data = canonical_json(
        {
            "v": _RECORD_VERSION,
            "kind": record.kind,
            "origin": ledger.origin,
            "content_hash": content_hash,
            "metadata": metadata,
            "recorded_by": actor.username,
        }
    )
    hasher = hasher_for(ledger.hash_algorithm)
    return EntryInput(
        kind=record.kind,
        leaf_hash=hasher.hash_leaf(data),
        leaf_data=data,
        content_hash=content_hash,
        metadata=metadata,
    )


def evidence_record(*, actor: User, records: Sequence[RecordInput]) -> list[Appended]:
    """Record structured entries in the actor's court log, in one batch; their receipts, in order."""
    court = _check_may_record(actor)
    ledger = ledger_ensure(court=court)
    inputs = [_record_input(ledger=ledger, index=i, record=r, actor=actor) for i, r in enumerate(records)]
    return ledger_append(ledger=ledger, inputs=inputs, actor=actor)


@dataclass(frozen=True)
class FileInput:
    """An uploaded evidence file: its bytes (hashed, never stored), name and descriptive metadata."""

    name: str
    data: bytes
    metadata: dict[str, Any] = field(default_factory=dict)


def file_entry_input(*, ledger: Ledger, file: FileInput, field_name: str = "file") -> EntryInput:
    """The leaf of an evidence file: ``H(0x00 || file)``; the file's plain digest is kept for display."""
    if not file.data:
        raise InvalidInputError(LedgerErrorCode.EMPTY_FILE, "文件为空", {"field": field_name})
    limit = _config("MAX_FILE_BYTES")
    if len(file.data) > limit:
        raise InvalidInputError(
            LedgerErrorCode.FILE_TOO_LARGE,
            f"文件不能超过 {limit // (1024 * 1024)} MB",
            {"field": field_name, "max_bytes": limit},
        )
    hasher = hasher_for(ledger.hash_algorithm)
    digest = content_digest(ledger.hash_algorithm, file.data)
    metadata = _clean_metadata({**file.metadata, "filename": file.name[:200], "size": len(file.data)})
    return EntryInput(
        kind=EntryKind.FILE,
        leaf_hash=hasher.hash_leaf(file.data),
        content_hash=f"{ledger.hash_algorithm}:{digest}",
        metadata=metadata,
    )


def content_digest(algorithm: str, data: bytes) -> str:
    """The plain hex digest of ``data`` (no RFC 9162 prefix), as written in ``content_hash``."""
    try:
        return hashlib.new(algorithm, data).hexdigest()
    except ValueError:  # SM3 where OpenSSL lacks it
        from gmssl import func, sm3

        return str(sm3.sm3_hash(func.bytes_to_list(data)))


def evidence_file_record(*, actor: User, files: Sequence[FileInput]) -> list[Appended]:
    """Record evidence files (their hashes and metadata, not the files) in the actor's court log."""
    court = _check_may_record(actor)
    ledger = ledger_ensure(court=court)
    inputs = [file_entry_input(ledger=ledger, file=f, field_name=f"files[{i}]") for i, f in enumerate(files)]
    return ledger_append(ledger=ledger, inputs=inputs, actor=actor)


# --- the audit trail ------------------------------------------------------------------------------------


def _log_entry_record(row: Any) -> bytes:
    return canonical_json(
        {
            "v": _RECORD_VERSION,
            "kind": EntryKind.AUDIT.value,
            "log_entry": {
                "id": row.pk,
                "timestamp": row.timestamp.isoformat(),
                "action": row.action,
                "model": f"{row.content_type.app_label}.{row.content_type.model}",
                "object_pk": row.object_pk,
                "object_repr": row.object_repr,
                "changes": row.changes,
                "actor_id": row.actor_id,
                "remote_addr": row.remote_addr,
                "cid": row.cid,
            },
        }
    )


def audit_trail_chain(*, batch_size: int = 1000, actor: User | None = None) -> int:
    """Append every django-auditlog ``LogEntry`` not yet in the platform log; the number appended.

    Idempotent: a row is chained once (the unique ``(kind, source_id)`` constraint stands behind the
    anti-join), and rows committed late by slow transactions are picked up by the next run, as the
    selection is "not yet chained", not "after the last id".
    """
    from auditlog.models import LogEntry

    if actor is not None and actor.role != Role.IT_ADMIN:
        raise NotPermittedError(LedgerErrorCode.NOT_PERMITTED, "只有信息中心人员可以将审计记录上链")
    ledger = ledger_ensure(court=None)
    hasher = hasher_for(ledger.hash_algorithm)
    batch_size = max(1, min(batch_size, _config("MAX_BATCH")))
    chained = EvidenceEntry.objects.filter(kind=EntryKind.AUDIT, source_id=OuterRef("pk"))
    total = 0
    while True:
        with acting_as(actor), transaction.atomic():
            locked = _lock(ledger)
            rows = list(
                LogEntry.objects.filter(~Exists(chained))
                .select_related("content_type")
                .order_by("pk")[:batch_size]
            )
            if not rows:
                return total
            inputs = []
            for row in rows:
                data = _log_entry_record(row)
                inputs.append(
                    EntryInput(
                        kind=EntryKind.AUDIT,
                        leaf_hash=hasher.hash_leaf(data),
                        leaf_data=data,
                        metadata={"log_entry_id": row.pk, "object_repr": row.object_repr[:200]},
                        source_id=row.pk,
                    )
                )
            _append_locked(ledger=locked, inputs=inputs, actor=actor)
            ledger.size = locked.size
            total += len(rows)
