"""Checkpoints, the signed tree heads of c2sp.org/tlog-checkpoint.

A checkpoint is a signed note whose text is::

    <origin>
    <tree size, ASCII decimal, no leading zeroes>
    <root hash, standard base64>
    [<extension line>...]

each line ending in a newline. The root hash is the RFC 9162 root with the log's hash (SHA-256 per the
spec; SM3 logs use the same format with an SM3 root, a local extension the spec does not forbid).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ._note import Note, NoteSigner, NoteVerifier, decode_base64, open_note, sign_note
from .errors import (
    MalformedCheckpointError,
    OriginMismatchError,
    RootHashEncodingError,
    RootHashSizeError,
    TreeSizeFormatError,
)

__all__ = ["Checkpoint", "SignedCheckpoint", "open_checkpoint", "parse_checkpoint", "sign_checkpoint"]

_SIZE_RE: Final = re.compile(r"0|[1-9][0-9]*")
_MAX_SIZE: Final = 2**64 - 1


@dataclass(frozen=True)
class Checkpoint:
    """A log's tree head: which log, how many leaves, and the root hash over them.

    >>> cp = Checkpoint("court.example/ledger", 2, bytes(32))
    >>> cp.to_text()
    'court.example/ledger\\n2\\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\\n'
    >>> parse_checkpoint(cp.to_text()) == cp
    True

    Requires a non-empty origin and extension lines without newlines, and ``0 <= size < 2**64``.
    """

    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.origin or "\n" in self.origin:
            raise MalformedCheckpointError("the origin must be one non-empty line")
        if not 0 <= self.size <= _MAX_SIZE:
            raise TreeSizeFormatError(str(self.size))
        if any(not ext or "\n" in ext for ext in self.extensions):
            raise MalformedCheckpointError("extension lines must be non-empty single lines")

    def to_text(self) -> str:
        """The checkpoint note text (the body that is signed), ending in a newline."""
        lines = [self.origin, str(self.size), base64.b64encode(self.root_hash).decode("ascii")]
        return "\n".join([*lines, *self.extensions]) + "\n"


@dataclass(frozen=True)
class SignedCheckpoint:
    """A checkpoint whose note signature ``open_checkpoint`` verified.

    >>> from smartcourt.engines.ledger import Ed25519Signer
    >>> log = Ed25519Signer("court.example/ledger", bytes(32))
    >>> signed = open_checkpoint(sign_checkpoint(Checkpoint("court.example/ledger", 0, bytes(32)), [log]),
    ...                          [log.verifier()])
    >>> signed.checkpoint.size, signed.note.verified[0].name
    (0, 'court.example/ledger')
    """

    checkpoint: Checkpoint
    note: Note
    signed_note: str


def parse_checkpoint(text: str, *, hash_size: int = 32) -> Checkpoint:
    """Parse checkpoint note text (no signatures). Only trust it after ``open_checkpoint``.

    >>> parse_checkpoint("a.example/log\\n01\\nAAAA\\n")
    Traceback (most recent call last):
    ...
    smartcourt.engines.ledger.errors.TreeSizeFormatError: tree size '01' is not ASCII decimal without leading zeroes

    Requires ``text`` to end in a newline. Raises ``MalformedCheckpointError``, ``TreeSizeFormatError``,
    ``RootHashEncodingError`` or ``RootHashSizeError`` (root not ``hash_size`` bytes).
    """
    if not text.endswith("\n"):
        raise MalformedCheckpointError("the text does not end in a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise MalformedCheckpointError(f"{len(lines)} lines, a checkpoint has at least 3")
    origin, size_line, root_line, *extensions = lines
    if not origin:
        raise MalformedCheckpointError("empty origin line")
    if not _SIZE_RE.fullmatch(size_line) or int(size_line) > _MAX_SIZE:
        raise TreeSizeFormatError(size_line)
    root_hash = decode_base64(root_line)
    if root_hash is None:
        raise RootHashEncodingError(root_line)
    if len(root_hash) != hash_size:
        raise RootHashSizeError(expected=hash_size, got=len(root_hash))
    if any(not ext for ext in extensions):
        raise MalformedCheckpointError("empty extension line")
    return Checkpoint(origin, int(size_line), root_hash, tuple(extensions))


def sign_checkpoint(checkpoint: Checkpoint, signers: Sequence[NoteSigner]) -> str:
    """The signed note of ``checkpoint`` (the log key's name should be the origin).

    >>> from smartcourt.engines.ledger import Ed25519Signer
    >>> log = Ed25519Signer("court.example/ledger", bytes(32))
    >>> sign_checkpoint(Checkpoint("court.example/ledger", 0, bytes(32)), [log]).count("\\n— ")
    1

    Requires at least one signer.
    """
    return sign_note(checkpoint.to_text(), signers)


def open_checkpoint(
    signed_note: str | bytes,
    verifiers: Sequence[NoteVerifier],
    *,
    origin: str | None = None,
    hash_size: int = 32,
) -> SignedCheckpoint:
    """Verify a signed checkpoint and parse it.

    >>> from smartcourt.engines.ledger import Ed25519Signer
    >>> log = Ed25519Signer("court.example/ledger", bytes(32))
    >>> note = sign_checkpoint(Checkpoint("court.example/ledger", 0, bytes(32)), [log])
    >>> open_checkpoint(note, [log.verifier()], origin="other.example/log")
    Traceback (most recent call last):
    ...
    smartcourt.engines.ledger.errors.OriginMismatchError: checkpoint origin is 'court.example/ledger', expected 'other.example/log'

    Raises the ``NoteError`` of ``open_note``, the ``CheckpointError`` of ``parse_checkpoint``, and
    ``OriginMismatchError`` when ``origin`` is given and differs.
    """
    note = open_note(signed_note, verifiers)
    checkpoint = parse_checkpoint(note.text, hash_size=hash_size)
    if origin is not None and checkpoint.origin != origin:
        raise OriginMismatchError(expected=origin, got=checkpoint.origin)
    text = signed_note.decode("utf-8") if isinstance(signed_note, bytes) else signed_note
    return SignedCheckpoint(checkpoint=checkpoint, note=note, signed_note=text)
