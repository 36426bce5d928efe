"""Evidence receipts: everything needed to prove, offline, that a record is in the ledger.

A receipt holds the leaf (index and hash), the inclusion proof into a tree size, and the log's signed
checkpoint for that size. ``verify_receipt`` needs only the log's verifier key (and, optionally, the
original data): no network, no database, no clock.

The JSON form is stable: UTF-8, keys sorted, no insignificant whitespace, hashes in standard base64, and a
``"format"`` member naming the version, so the same receipt always serialises to the same bytes::

    {"checkpoint": "...", "format": "smartcourt-ledger-receipt/v1", "hash_algorithm": "sha256",
     "inclusion_proof": ["<b64>", ...], "leaf_hash": "<b64>", "leaf_index": 0, "origin": "...",
     "root_hash": "<b64>", "tree_size": 1}
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Final

from ._checkpoint import Checkpoint, open_checkpoint
from ._hashing import hasher_for
from ._note import NoteVerifier, decode_base64, new_verifier
from ._proof import verify_inclusion
from .errors import (
    LeafHashMismatchError,
    OriginMismatchError,
    ReceiptFormatError,
    ReceiptMismatchError,
)

__all__ = ["RECEIPT_FORMAT", "Receipt", "verify_receipt"]

RECEIPT_FORMAT: Final = "smartcourt-ledger-receipt/v1"

_FIELDS: Final = (
    "checkpoint",
    "format",
    "hash_algorithm",
    "inclusion_proof",
    "leaf_hash",
    "leaf_index",
    "origin",
    "root_hash",
    "tree_size",
)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class Receipt:
    """Proof that leaf ``leaf_index`` with ``leaf_hash`` is in the log ``origin`` at ``tree_size``.

    >>> r = Receipt(origin="o", hash_algorithm="sha256", leaf_index=0, leaf_hash=bytes(32), tree_size=1,
    ...             root_hash=bytes(32), inclusion_proof=(), checkpoint="o\\n1\\n...\\n")
    >>> Receipt.from_json(r.to_json()) == r
    True
    >>> r.to_json()[:67]
    '{"checkpoint":"o\\\\n1\\\\n...\\\\n","format":"smartcourt-ledger-receipt/v1"'

    ``checkpoint`` is the signed note of the checkpoint at ``tree_size`` with ``root_hash``.
    """

    origin: str
    hash_algorithm: str
    leaf_index: int
    leaf_hash: bytes
    tree_size: int
    root_hash: bytes
    inclusion_proof: tuple[bytes, ...]
    checkpoint: str

    def to_json(self) -> str:
        """The stable JSON form (sorted keys, compact, base64 hashes, versioned by ``"format"``)."""
        obj: dict[str, Any] = {
            "checkpoint": self.checkpoint,
            "format": RECEIPT_FORMAT,
            "hash_algorithm": self.hash_algorithm,
            "inclusion_proof": [_b64(p) for p in self.inclusion_proof],
            "leaf_hash": _b64(self.leaf_hash),
            "leaf_index": self.leaf_index,
            "origin": self.origin,
            "root_hash": _b64(self.root_hash),
            "tree_size": self.tree_size,
        }
        return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> Receipt:
        """Read the JSON form; reject anything that is not exactly a version-1 receipt.

        >>> Receipt.from_json('{"format": "smartcourt-ledger-receipt/v2"}')
        Traceback (most recent call last):
        ...
        smartcourt.engines.ledger.errors.ReceiptFormatError: malformed receipt: unsupported format 'smartcourt-ledger-receipt/v2'

        Raises ``ReceiptFormatError``.
        """
        try:
            obj = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ReceiptFormatError(f"not JSON: {exc}") from None
        if not isinstance(obj, dict):
            raise ReceiptFormatError("not a JSON object")
        if obj.get("format") != RECEIPT_FORMAT:
            raise ReceiptFormatError(f"unsupported format {obj.get('format')!r}")
        if set(obj) != set(_FIELDS):
            missing, extra = sorted(set(_FIELDS) - set(obj)), sorted(set(obj) - set(_FIELDS))
            raise ReceiptFormatError(f"fields missing {missing}, unexpected {extra}")
        for name in ("checkpoint", "hash_algorithm", "origin"):
            if not isinstance(obj[name], str):
                raise ReceiptFormatError(f"{name} is not a string")
        for name in ("leaf_index", "tree_size"):
            if type(obj[name]) is not int or obj[name] < 0:
                raise ReceiptFormatError(f"{name} is not a non-negative integer")
        proof = obj["inclusion_proof"]
        if not isinstance(proof, list):
            raise ReceiptFormatError("inclusion_proof is not a list")
        return cls(
            origin=obj["origin"],
            hash_algorithm=obj["hash_algorithm"],
            leaf_index=obj["leaf_index"],
            leaf_hash=_decode_hash(obj["leaf_hash"], "leaf_hash"),
            tree_size=obj["tree_size"],
            root_hash=_decode_hash(obj["root_hash"], "root_hash"),
            inclusion_proof=tuple(_decode_hash(p, f"inclusion_proof[{i}]") for i, p in enumerate(proof)),
            checkpoint=obj["checkpoint"],
        )


def _decode_hash(value: object, name: str) -> bytes:
    raw = decode_base64(value) if isinstance(value, str) else None
    if raw is None:
        raise ReceiptFormatError(f"{name} is not canonical base64")
    return raw


def verify_receipt(
    receipt: Receipt, *, verifier_key: str | NoteVerifier, data: bytes | None = None
) -> Checkpoint:
    """Check a receipt offline; return the verified checkpoint it proves inclusion in.

    >>> from smartcourt.engines.ledger import (CompactRange, Checkpoint, Ed25519Signer, MemoryNodeStore,
    ...     SHA256, inclusion_proof, sign_checkpoint)
    >>> log = Ed25519Signer("court.example/ledger", bytes(32))
    >>> cr, store = CompactRange(SHA256), MemoryNodeStore()
    >>> for record in (b"a", b"b", b"c"):
    ...     store.add(cr.append(SHA256.hash_leaf(record)))
    >>> note = sign_checkpoint(Checkpoint(log.name, cr.size, cr.root()), [log])
    >>> receipt = Receipt(origin=log.name, hash_algorithm="sha256", leaf_index=1,
    ...     leaf_hash=SHA256.hash_leaf(b"b"), tree_size=3, root_hash=cr.root(),
    ...     inclusion_proof=tuple(inclusion_proof(SHA256, 1, 3, store)), checkpoint=note)
    >>> verify_receipt(receipt, verifier_key=log.verifier().verifier_key(), data=b"b").size
    3

    Checks, in order: the hash algorithm is known (``HashAlgorithmError``); ``data``, when given, hashes
    to the leaf hash (``LeafHashMismatchError``); the checkpoint is signed by the key (``NoteError``),
    is the receipt's log (``OriginMismatchError``) and states the receipt's size and root
    (``ReceiptMismatchError``); the inclusion proof verifies (``ProofError``).
    """
    hasher = hasher_for(receipt.hash_algorithm)
    if data is not None:
        calculated = hasher.hash_leaf(data)
        if calculated != receipt.leaf_hash:
            raise LeafHashMismatchError(receipt.leaf_index, expected=receipt.leaf_hash, calculated=calculated)
    verifier = new_verifier(verifier_key) if isinstance(verifier_key, str) else verifier_key
    checkpoint = open_checkpoint(receipt.checkpoint, [verifier], hash_size=hasher.size).checkpoint
    if checkpoint.origin != receipt.origin:
        raise OriginMismatchError(expected=receipt.origin, got=checkpoint.origin)
    if checkpoint.size != receipt.tree_size:
        raise ReceiptMismatchError(
            field="tree_size", receipt=str(receipt.tree_size), checkpoint=str(checkpoint.size)
        )
    if checkpoint.root_hash != receipt.root_hash:
        raise ReceiptMismatchError(
            field="root_hash", receipt=_b64(receipt.root_hash), checkpoint=_b64(checkpoint.root_hash)
        )
    verify_inclusion(
        hasher,
        receipt.leaf_index,
        receipt.tree_size,
        receipt.leaf_hash,
        receipt.inclusion_proof,
        receipt.root_hash,
    )
    return checkpoint
