"""Writes of the evidence ledger: create a log, append batches (group commit), chain the audit trail.

Every append is one transaction under the ledger row's lock (``SELECT … FOR UPDATE`` on PostgreSQL, an
``IMMEDIATE`` transaction on SQLite): the leaves, the new tree nodes, the new signed checkpoint with its
checked consistency proof and the new size commit together or not at all, so a writer killed mid-batch
leaves the tree exactly as the last committed checkpoint says. Receipts are returned only after commit.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from smartcourt.apps.accounts.models import STAFF_ROLES, Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.courts.models import Court
from smartcourt.apps.evidence.error_codes import LedgerErrorCode
from smartcourt.apps.evidence.keys import KeySealError, open_signer_key, seal_signer_key
from smartcourt.apps.evidence.models import (
    EntryKind,
    EvidenceEntry,
    HashAlgorithm,
    Ledger,
    TreeHead,
)
from smartcourt.apps.evidence.storage import (
    DatabaseNodeReader,
    RowReader,
    grow,
    insert_entries,
    metadata_json,
    tile_writes,
    upsert_tiles,
)
from smartcourt.engines.ledger import (
    Checkpoint,
    CompactRange,
    Ed25519Signer,
    Receipt,
    consistency_proof,
    generate_signer_key,
    hasher_for,
    new_signer,
    range_nodes,
    sign_checkpoint,
    tree_height,
    verify_consistency,
)
from smartcourt.engines.ledger.errors import HashSizeError

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


def ledger_keys_reseal(*, old_secret_key: str) -> tuple[int, int]:
    """Re-seal every log's signer key under the current ``SECRET_KEY``, all or none; (re-sealed, already).

    For ``SECRET_KEY`` rotation: each sealed key is opened with the current ``SECRET_KEY`` (already
    re-sealed: left alone, so a second run is harmless) or else with ``old_secret_key``, checked to be the
    private half of the log's stored verifier key, and sealed again with a fresh nonce. One transaction
    with every ledger row locked: a key that opens with neither, or does not match its verifier key,
    raises ``ConflictError`` naming the log and nothing is changed.
    """
    resealed = already = 0
    with transaction.atomic():
        for ledger in Ledger.objects.select_for_update().order_by("pk"):
            sealed = bytes(ledger.signer_key_sealed)
            try:
                open_signer_key(sealed, origin=ledger.origin)
                already += 1
                continue
            except KeySealError:
                pass
            try:
                signer_key = open_signer_key(sealed, origin=ledger.origin, secret_key=old_secret_key)
            except KeySealError:
                raise ConflictError(
                    LedgerErrorCode.KEY_SEAL,
                    f"账本 {ledger.origin} 的签名私钥用当前和旧的 SECRET_KEY 都无法打开，未做任何更改",
                    {"origin": ledger.origin},
                ) from None
            if new_signer(signer_key).verifier().verifier_key() != ledger.verifier_key:
                raise ConflictError(
                    LedgerErrorCode.KEY_SEAL,
                    f"账本 {ledger.origin} 的签名私钥与其验证公钥不符，未做任何更改",
                    {"origin": ledger.origin},
                )
            Ledger.objects.filter(pk=ledger.pk).update(
                signer_key_sealed=seal_signer_key(signer_key, origin=ledger.origin)
            )
            resealed += 1
    return resealed, already


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


class Appended:
    """An appended entry and its receipt against the batch's signed checkpoint.

    Both are built on first use, from the batch: the entries of a batch are read back in one query when
    the first ``entry`` is asked for (after commit), and a receipt's inclusion proof is read from the
    batch's nodes in memory.
    """

    __slots__ = ("_batch", "_receipt", "leaf_index")

    def __init__(self, batch: _Batch, leaf_index: int) -> None:
        self._batch = batch
        self._receipt: Receipt | None = None
        self.leaf_index = leaf_index

    @property
    def entry(self) -> EvidenceEntry:
        return self._batch.entry(self.leaf_index)

    @property
    def receipt(self) -> Receipt:
        if self._receipt is None:
            self._receipt = self._batch.receipt(self.leaf_index)
        return self._receipt


class _Batch:
    """One committed batch: its new checkpoint and every full node its receipts need, level by level."""

    def __init__(
        self,
        *,
        ledger: Ledger,
        size0: int,
        size1: int,
        root: bytes,
        note: str,
        rows: list[tuple[int, list[bytes]]],
        ephemeral: list[bytes | None],
    ) -> None:
        self.ledger = ledger
        self.size0, self.size1 = size0, size1
        self.root, self.note = root, note
        self.rows = rows
        self.ephemeral = ephemeral
        self._entries: dict[int, EvidenceEntry] | None = None
        self._proofs: list[tuple[bytes, ...]] | None = None

    def entry(self, leaf_index: int) -> EvidenceEntry:
        if self._entries is None:
            rows = EvidenceEntry.objects.filter(
                ledger_id=self.ledger.pk, leaf_index__gte=self.size0, leaf_index__lt=self.size1
            )
            entries = {}
            for e in rows:
                e.ledger = self.ledger
                entries[e.leaf_index] = e
            self._entries = entries  # assigned whole: a group commit's callers share the batch
        return self._entries[leaf_index]

    def receipt(self, leaf_index: int) -> Receipt:
        """The receipt of a leaf of this batch against the batch's checkpoint."""
        if self._proofs is None:
            self._proofs = self._build_proofs()
        start, leaves = self.rows[0]
        return Receipt(
            origin=self.ledger.origin,
            hash_algorithm=self.ledger.hash_algorithm,
            leaf_index=leaf_index,
            leaf_hash=leaves[leaf_index - start],
            tree_size=self.size1,
            root_hash=self.root,
            inclusion_proof=self._proofs[leaf_index - self.size0],
            checkpoint=self.note,
        )

    def _build_proofs(self) -> list[tuple[bytes, ...]]:
        """The RFC 9162 audit path of every leaf of the batch, built top-down level by level.

        The path of node ``j`` at ``level`` is its sibling (the full node, or the right border's
        subtree that is not full, or nothing past the border) followed by the path of its parent
        ``j >> 1``; the batch's leaves share the upper parts. Same nodes as ``inclusion_proof`` plans.
        """
        size0, size1, rows, ephemeral = self.size0, self.size1, self.rows, self.ephemeral
        height = tree_height(size1)
        first = size0 >> height
        paths: list[tuple[bytes, ...]] = [()] * (((size1 - 1) >> height) - first + 1)
        for level in range(height - 1, -1, -1):
            lo, hi = size0 >> level, (size1 - 1) >> level
            full = size1 >> level
            start, row = rows[level]
            border = ephemeral[level]
            up, up_first = paths, first
            paths = []
            for j in range(lo, hi + 1):
                sibling = j ^ 1
                above = up[(j >> 1) - up_first]
                if sibling < full:
                    paths.append((row[sibling - start], *above))
                elif sibling == full and border is not None:
                    paths.append((border, *above))
                else:
                    paths.append(above)
            first = lo
        return paths


def _ephemeral(hasher: Any, size1: int, compact: dict[int, bytes], height: int) -> list[bytes | None]:
    """Per level, the hash of the right-border subtree that is not full (``None`` where there is none)."""
    out: list[bytes | None] = [None] * max(height, 1)
    acc: bytes | None = None
    for level in range(1, height):
        below = level - 1
        if size1 >> below & 1:
            acc = compact[below] if acc is None else hasher.hash_children(compact[below], acc)
        out[level] = acc
    return out


def _append_locked(
    *,
    ledger: Ledger,
    inputs: Sequence[EntryInput],
    actor: User | None,
    recorded_by: Sequence[int | None] | None = None,
) -> list[Appended]:
    """Append ``inputs`` to ``ledger`` (already locked, inside a transaction): one new signed checkpoint.

    ``recorded_by`` gives each entry's recorder's id when they differ (a group commit); else ``actor``.
    """
    hasher = hasher_for(ledger.hash_algorithm)
    size0 = ledger.size
    previous = TreeHead.objects.get(ledger=ledger, size=size0)
    reader = DatabaseNodeReader(ledger)
    old_ids = range_nodes(0, size0)
    old_hashes = reader.get_nodes(old_ids)
    cr = CompactRange.from_hashes(hasher, size0, old_hashes)
    if cr.root() != bytes(previous.root_hash):
        raise ConflictError(
            LedgerErrorCode.TAMPERED,
            f"司法链存储与第 {size0} 号树头不一致，已拒绝追加，请运行 smartcourt ledger check 排查",
            {"tree_size": size0},
        )
    leaves = [item.leaf_hash for item in inputs]
    for i, h in enumerate(leaves):
        if len(h) != hasher.size:
            raise HashSizeError(what=f"leaf hash {i}", expected=hasher.size, got=len(h))
    size1 = size0 + len(leaves)
    height1 = tree_height(size1)
    rows = grow(
        hasher, size0, {n.level: h for n, h in zip(old_ids, old_hashes, strict=True)}, leaves, height1
    )
    compact1 = {n.level: rows[n.level][1][n.index - rows[n.level][0]] for n in range_nodes(0, size1)}
    root = CompactRange.from_hashes(hasher, size1, [compact1[n.level] for n in range_nodes(0, size1)]).root()
    try:
        tiles = tile_writes(rows=rows, size0=size0, size1=size1, reader=reader, hash_size=hasher.size)
    except ValueError:
        raise ConflictError(
            LedgerErrorCode.TAMPERED,
            f"司法链存储与第 {size0} 号树头不一致，已拒绝追加，请运行 smartcourt ledger check 排查",
            {"tree_size": size0},
        ) from None

    now = timezone.now()
    recorded_at = connection.ops.adapt_datetimefield_value(now)
    ledger_id, actor_id = ledger.pk, actor.pk if actor is not None else None
    insert_entries(
        [
            (
                ledger_id,
                index,
                item.kind,
                item.leaf_hash,
                item.leaf_data,
                item.content_hash,
                metadata_json(item.metadata),
                item.source_id,
                size1,
                actor_id if recorded_by is None else recorded_by[index - size0],
                recorded_at,
            )
            for index, item in enumerate(inputs, size0)
        ]
    )
    upsert_tiles(ledger_id, tiles)

    note = sign_checkpoint(Checkpoint(ledger.origin, size1, root), [_signer(ledger)])
    proof = consistency_proof(hasher, size0, size1, RowReader(rows, size1, reader))
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
    batch = _Batch(
        ledger=ledger,
        size0=size0,
        size1=size1,
        root=root,
        note=note,
        rows=rows,
        ephemeral=_ephemeral(hasher, size1, compact1, height1),
    )
    return [Appended(batch, index) for index in range(size0, size1)]


def _lock(ledger: Ledger) -> Ledger:
    return Ledger.objects.select_for_update().get(pk=ledger.pk)


@contextlib.contextmanager
def _writer_turn() -> Iterator[None]:
    """On a SQLite file, queue writer processes on an OS lock before their ``IMMEDIATE`` transaction.

    SQLite makes a writer that finds the database locked sleep and poll (1, 2, 5, … up to 100 ms), so with
    several writer processes the lock often sits free while the next writer sleeps. A blocking ``flock``
    on ``<database>-ledger.lock`` wakes the next writer as soon as the lock is released, in turn. Taken
    only at the outermost level (inside a transaction the database lock may already be held, and waiting
    for the file lock then could wait on a writer that waits on us), on its own file description per
    call (so it also orders threads). PostgreSQL queues on the ledger row lock and needs none of this.
    ``SMARTCOURT_LEDGER["SQLITE_WRITER_LOCK"] = False`` turns it off.
    """
    if (
        connection.vendor != "sqlite"
        or connection.in_atomic_block
        or connection.is_in_memory_db()
        or not settings.SMARTCOURT_LEDGER.get("SQLITE_WRITER_LOCK", True)
    ):
        yield
        return
    import fcntl

    fd = os.open(f"{connection.settings_dict['NAME']}-ledger.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _check_batch(inputs: Sequence[EntryInput]) -> None:
    if not inputs:
        raise InvalidInputError(LedgerErrorCode.EMPTY_BATCH, "没有要存证的内容")
    limit = _config("MAX_BATCH")
    if len(inputs) > limit:
        raise InvalidInputError(
            LedgerErrorCode.BATCH_TOO_LARGE, f"一次最多存证 {limit} 条，本次 {len(inputs)} 条", {"max": limit}
        )


def ledger_append(*, ledger: Ledger, inputs: Sequence[EntryInput], actor: User | None) -> list[Appended]:
    """Append a batch (group commit): all of ``inputs`` and one new signed checkpoint, in one transaction.

    Requires 1 <= len(inputs) <= ``SMARTCOURT_LEDGER["MAX_BATCH"]`` and leaf hashes of the log's hash
    size. Permission is the caller's: the public services below check it.
    """
    _check_batch(inputs)
    with acting_as(actor), _writer_turn(), transaction.atomic():
        return _append_locked(ledger=_lock(ledger), inputs=inputs, actor=actor)


class _Waiter:
    """One caller's request in a group commit: its inputs, and the outcome the leader hands back."""

    __slots__ = ("actor", "done", "error", "inputs", "lead", "result")

    def __init__(self, inputs: Sequence[EntryInput], actor: User | None) -> None:
        self.inputs, self.actor = inputs, actor
        self.done = threading.Event()
        self.lead = False
        self.result: list[Appended] | None = None
        self.error: BaseException | None = None


class GroupCommitter:
    """Concurrent appends to one log share one transaction and one signed checkpoint (leader/follower).

    A caller queues its inputs. If no batch of that log is being written, it becomes the leader: it waits
    at most ``max_wait`` seconds for others to queue (stopping early at ``max_entries``), takes everything
    queued (up to ``MAX_BATCH`` entries), appends it as one batch through ``_append_locked`` in its own
    transaction on its own connection, hands each caller its ``Appended`` entries — after commit — and
    passes the lead to the first caller still queued. Others wait; while a batch commits, the next one
    gathers. If a shared batch fails, each caller's inputs are appended alone, so an error reaches the
    caller it belongs to (a bad leaf, a duplicate source) and not its neighbours; a damaged store fails
    every one of them.

    Only outside a transaction: inside one, the batch's commit would be the caller's, so receipts could
    be handed to others before it, and ``append`` falls back to ``ledger_append``.
    """

    def __init__(self, *, max_wait: float = 0.002, max_entries: int = 1000) -> None:
        self.max_wait, self.max_entries = max_wait, max_entries
        self._cond = threading.Condition()
        self._queues: dict[int, list[_Waiter]] = {}
        self._busy: set[int] = set()

    def append(self, *, ledger: Ledger, inputs: Sequence[EntryInput], actor: User | None) -> list[Appended]:
        _check_batch(inputs)
        if connection.in_atomic_block:
            return ledger_append(ledger=ledger, inputs=inputs, actor=actor)
        # Hold a connection before queueing: with a connection pool, callers waiting here keep theirs,
        # and a leader asking the pool for one then could wait for ever on its own followers.
        connection.ensure_connection()
        me = _Waiter(inputs, actor)
        key = ledger.pk
        with self._cond:
            self._queues.setdefault(key, []).append(me)
            if key in self._busy:
                self._cond.notify_all()
            else:
                self._busy.add(key)
                me.lead = True
        if not me.lead:
            me.done.wait()
        if me.lead:
            self._lead(ledger, key, me)
        if me.error is not None:
            raise me.error
        assert me.result is not None
        return me.result

    def _take(self, key: int) -> list[_Waiter]:
        """Wait for followers (bounded), then dequeue up to ``MAX_BATCH`` entries, first come first."""
        deadline = time.monotonic() + self.max_wait
        with self._cond:
            queue = self._queues[key]
            while sum(len(w.inputs) for w in queue) < self.max_entries:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            limit, total, n = _config("MAX_BATCH"), 0, 0
            for w in queue:
                if n and total + len(w.inputs) > limit:
                    break
                total += len(w.inputs)
                n += 1
            group, self._queues[key] = queue[:n], queue[n:]
            return group

    def _lead(self, ledger: Ledger, key: int, me: _Waiter) -> None:
        group = [me]
        try:
            group = self._take(key)
            self._run(ledger, group)
        except BaseException as exc:  # even an interrupt must not leave a caller waiting for ever
            for w in {*group, me}:
                if w.result is None and w.error is None:
                    w.error = exc
        finally:
            with self._cond:
                queue = self._queues.get(key, [])
                if me in queue:  # taking failed: never append these inputs later
                    queue.remove(me)
                if queue:
                    queue[0].lead = True
                    queue[0].done.set()
                else:
                    self._busy.discard(key)
                    self._queues.pop(key, None)
            for w in group:
                w.done.set()

    @staticmethod
    def _run(ledger: Ledger, group: list[_Waiter]) -> None:
        if len(group) == 1:
            w = group[0]
            try:
                w.result = ledger_append(ledger=ledger, inputs=w.inputs, actor=w.actor)
            except Exception as exc:
                w.error = exc
            return
        inputs = [item for w in group for item in w.inputs]
        recorded_by = [w.actor.pk if w.actor is not None else None for w in group for _ in w.inputs]
        try:
            actors = {w.actor for w in group}
            with (
                acting_as(actors.pop() if len(actors) == 1 else None),
                _writer_turn(),
                transaction.atomic(),
            ):
                appended = _append_locked(
                    ledger=_lock(ledger), inputs=inputs, actor=None, recorded_by=recorded_by
                )
        except Exception:
            for w in group:  # alone, so that each error reaches its own caller
                try:
                    w.result = ledger_append(ledger=ledger, inputs=w.inputs, actor=w.actor)
                except Exception as exc:
                    w.error = exc
            return
        at = 0
        for w in group:
            w.result = appended[at : at + len(w.inputs)]
            at += len(w.inputs)


GROUP_COMMIT = GroupCommitter()
"""The process's group committer, used by the record services (``evidence_record``, ``evidence_file_record``)."""


def ledger_append_grouped(
    *, ledger: Ledger, inputs: Sequence[EntryInput], actor: User | None
) -> list[Appended]:
    """``ledger_append``, sharing its transaction and checkpoint with concurrent callers (``GroupCommitter``)."""
    return GROUP_COMMIT.append(ledger=ledger, inputs=inputs, actor=actor)


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
    return ledger_append_grouped(ledger=ledger, inputs=inputs, actor=actor)


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
    return ledger_append_grouped(ledger=ledger, inputs=inputs, actor=actor)


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
        with acting_as(actor), _writer_turn(), transaction.atomic():
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
