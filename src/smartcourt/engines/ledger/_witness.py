"""A transparency-log witness (c2sp.org/tlog-witness), without the HTTP: the ``add-checkpoint`` decision.

For each log it witnesses, a witness remembers only the latest checkpoint it cosigned. It cosigns a new
checkpoint only if the log signed it, it is not smaller than that latest one, the client knows the
witness's latest size, and a consistency proof links the two; then it records the new checkpoint and
returns a ``cosignature/v1``. A refusal changes nothing. Time comes in as an argument; state lives behind
the ``WitnessStore`` protocol, whose ``replace`` must be an atomic compare-and-set so that two concurrent
requests cannot roll the witness back (the race the spec describes).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol

from ._checkpoint import Checkpoint, open_checkpoint
from ._cosignature import Cosigner
from ._hashing import SHA256, Hasher
from ._note import NoteSignature, NoteVerifier, decode_base64
from ._proof import verify_consistency
from .errors import (
    ConcurrentUpdateError,
    InconsistentCheckpointError,
    MalformedRequestError,
    OldSizeError,
    OldSizeMismatchError,
    ProofError,
    RollbackError,
    SplitViewError,
    UnknownOriginError,
)

__all__ = [
    "AddCheckpointRequest",
    "MemoryWitnessStore",
    "Witness",
    "WitnessStore",
    "WitnessedLog",
    "parse_add_checkpoint_request",
]

MAX_PROOF_LINES: Final = 63
_OLD_RE: Final = re.compile(r"old (0|[1-9][0-9]*)")


@dataclass(frozen=True)
class WitnessedLog:
    """A log a witness is configured for: its origin, the keys that sign its checkpoints, its hash.

    >>> from smartcourt.engines.ledger import Ed25519Signer
    >>> WitnessedLog("court.example/ledger", (Ed25519Signer("court.example/ledger", bytes(32)).verifier(),)
    ...              ).hasher.name
    'sha256'

    Requires at least one verifier.
    """

    origin: str
    verifiers: tuple[NoteVerifier, ...]
    hasher: Hasher = field(default=SHA256)

    def __post_init__(self) -> None:
        if not self.verifiers:
            raise ValueError(f"log {self.origin!r} needs at least one verifier")


@dataclass(frozen=True)
class AddCheckpointRequest:
    """The body of a tlog-witness ``add-checkpoint`` request.

    >>> req = parse_add_checkpoint_request("old 0\\n\\no\\n0\\nAA==\\n\\n— o AAAAAAA=\\n")
    >>> req.old_size, req.proof, req.checkpoint
    (0, (), 'o\\n0\\nAA==\\n\\n— o AAAAAAA=\\n')
    >>> parse_add_checkpoint_request(req.to_body()) == req
    True
    """

    old_size: int
    proof: tuple[bytes, ...]
    checkpoint: str

    def to_body(self) -> str:
        """The request body: old size line, proof lines, an empty line, the signed checkpoint."""
        lines = [f"old {self.old_size}", *(base64.b64encode(p).decode("ascii") for p in self.proof)]
        return "\n".join(lines) + "\n\n" + self.checkpoint


def parse_add_checkpoint_request(body: str | bytes) -> AddCheckpointRequest:
    """Parse an ``add-checkpoint`` body; the checkpoint itself is checked by ``Witness.add_checkpoint``.

    >>> parse_add_checkpoint_request("old 01\\n\\n")
    Traceback (most recent call last):
    ...
    smartcourt.engines.ledger.errors.MalformedRequestError: malformed add-checkpoint request: bad old size line 'old 01'

    Raises ``MalformedRequestError`` (HTTP 400).
    """
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            raise MalformedRequestError("not UTF-8") from None
    head, sep, checkpoint = body.partition("\n\n")
    if not sep:
        raise MalformedRequestError("no empty line before the checkpoint")
    lines = head.split("\n")
    match = _OLD_RE.fullmatch(lines[0])
    if match is None:
        raise MalformedRequestError(f"bad old size line {lines[0][:40]!r}")
    if len(lines) - 1 > MAX_PROOF_LINES:
        raise MalformedRequestError(f"{len(lines) - 1} proof lines, at most {MAX_PROOF_LINES}")
    proof: list[bytes] = []
    for line in lines[1:]:
        node = decode_base64(line)
        if not node:
            raise MalformedRequestError(f"proof line {line[:60]!r} is not base64")
        proof.append(node)
    return AddCheckpointRequest(old_size=int(match.group(1)), proof=tuple(proof), checkpoint=checkpoint)


class WitnessStore(Protocol):
    """Where a witness keeps the latest checkpoint it cosigned for each origin.

    >>> store: WitnessStore = MemoryWitnessStore()
    >>> store.latest("court.example/ledger") is None
    True
    """

    def latest(self, origin: str) -> Checkpoint | None:
        """The latest cosigned checkpoint for ``origin``, or ``None`` if none was."""
        ...

    def replace(self, origin: str, *, expected: Checkpoint | None, new: Checkpoint) -> bool:
        """Atomically record ``new`` if the latest is still ``expected``; whether it did."""
        ...


class MemoryWitnessStore:
    """An in-memory ``WitnessStore`` (atomic only within one thread, as a fake).

    >>> store, cp = MemoryWitnessStore(), Checkpoint("o", 1, bytes(32))
    >>> store.replace("o", expected=None, new=cp), store.replace("o", expected=None, new=cp)
    (True, False)
    """

    __slots__ = ("_latest",)

    def __init__(self) -> None:
        self._latest: dict[str, Checkpoint] = {}

    def latest(self, origin: str) -> Checkpoint | None:
        """The latest cosigned checkpoint for ``origin``."""
        return self._latest.get(origin)

    def replace(self, origin: str, *, expected: Checkpoint | None, new: Checkpoint) -> bool:
        """Record ``new`` if the latest is ``expected``."""
        if self._latest.get(origin) != expected:
            return False
        self._latest[origin] = new
        return True


class Witness:
    """The witness state machine: cosign append-only growth, refuse everything else and change nothing.

    >>> from smartcourt.engines.ledger import Ed25519Signer, SHA256, sign_checkpoint
    >>> log = Ed25519Signer("court.example/ledger", bytes(32))
    >>> witness = Witness(cosigner=Cosigner("w.example/w1", bytes([1]) * 32),
    ...                   logs=[WitnessedLog(log.name, (log.verifier(),))], store=MemoryWitnessStore())
    >>> note = sign_checkpoint(Checkpoint(log.name, 0, SHA256.empty_root()), [log])
    >>> witness.add_checkpoint(old_size=0, proof=[], checkpoint=note, timestamp=1700000000).name
    'w.example/w1'
    """

    __slots__ = ("_cosigner", "_logs", "_store")

    def __init__(self, *, cosigner: Cosigner, logs: Iterable[WitnessedLog], store: WitnessStore) -> None:
        self._cosigner = cosigner
        self._logs = {log.origin: log for log in logs}
        self._store = store

    @property
    def cosigner_name(self) -> str:
        """The witness's key name."""
        return self._cosigner.name

    def add_checkpoint(
        self, *, old_size: int, proof: Sequence[bytes], checkpoint: str | bytes, timestamp: int
    ) -> NoteSignature:
        """Check and cosign ``checkpoint``; the old size and proof come from the ``add-checkpoint`` body.

        >>> from smartcourt.engines.ledger import Ed25519Signer, SHA256, sign_checkpoint
        >>> log = Ed25519Signer("court.example/ledger", bytes(32))
        >>> witness = Witness(cosigner=Cosigner("w.example/w1", bytes([1]) * 32),
        ...                   logs=[WitnessedLog(log.name, (log.verifier(),))], store=MemoryWitnessStore())
        >>> note = sign_checkpoint(Checkpoint(log.name, 5, bytes(32)), [log])
        >>> witness.add_checkpoint(old_size=3, proof=[], checkpoint=note, timestamp=0)
        Traceback (most recent call last):
        ...
        smartcourt.engines.ledger.errors.OldSizeMismatchError: old size 3 is not the latest cosigned size 0

        Checks, in order: the origin is known (``UnknownOriginError``); a trusted log key signed it (the
        ``NoteError`` of ``open_note``, or a ``CheckpointError``); it is not smaller than the latest
        cosigned checkpoint (``RollbackError``); ``old_size`` is at most its size (``OldSizeError``) and is
        the latest cosigned size (``OldSizeMismatchError``); at the same size the root is the same
        (``SplitViewError``); the consistency proof verifies (``InconsistentCheckpointError``); the store
        was not changed meanwhile (``ConcurrentUpdateError``). Requires ``0 <= timestamp < 2**63``.
        """
        if not 0 <= timestamp <= 2**63 - 1:
            raise ValueError(f"requires 0 <= timestamp <= 2**63 - 1, got {timestamp}")
        text = checkpoint.decode("utf-8", "replace") if isinstance(checkpoint, bytes) else checkpoint
        origin = text.partition("\n")[0]
        log = self._logs.get(origin)
        if log is None:
            raise UnknownOriginError(origin)
        signed = open_checkpoint(checkpoint, log.verifiers, origin=origin, hash_size=log.hasher.size)
        new = signed.checkpoint

        latest = self._store.latest(origin)
        latest_size = latest.size if latest is not None else 0
        latest_root = latest.root_hash if latest is not None else log.hasher.empty_root()
        if new.size < latest_size:
            raise RollbackError(latest_size=latest_size, submitted_size=new.size)
        if old_size > new.size:
            raise OldSizeError(old_size=old_size, checkpoint_size=new.size)
        if old_size != latest_size:
            raise OldSizeMismatchError(old_size=old_size, latest_size=latest_size)
        if latest is not None and new.size == latest_size and new.root_hash != latest_root:
            raise SplitViewError(size=new.size, latest_root=latest_root, submitted_root=new.root_hash)
        try:
            verify_consistency(log.hasher, latest_size, new.size, proof, latest_root, new.root_hash)
        except ProofError as exc:
            raise InconsistentCheckpointError(exc) from exc

        if not self._store.replace(origin, expected=latest, new=new):
            now = self._store.latest(origin)
            raise ConcurrentUpdateError(latest_size=now.size if now is not None else 0)
        return self._cosigner.cosign(signed.note.text, timestamp=timestamp)
