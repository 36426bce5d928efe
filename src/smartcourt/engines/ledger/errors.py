"""Errors raised by the evidence ledger engine.

Every error carries the evidence that made the check fail (the sizes, the hashes, the key), so a caller can
log it and an API can show it without re-running the check.

>>> issubclass(RootMismatchError, ProofError) and issubclass(ProofError, LedgerError)
True

The tree::

    LedgerError
    ├── HashAlgorithmError                an unknown hash algorithm name
    ├── NodeNotFoundError                 a node store lacks a (level, index) node
    ├── ProofError                        a Merkle proof does not prove what it claims
    │   ├── IndexOutOfRangeError          leaf index >= tree size
    │   ├── TreeSizeOrderError            size1 > size2 in a consistency proof
    │   ├── HashSizeError                 a leaf hash, root or proof node of the wrong length
    │   ├── ProofLengthError              a proof with too many or too few nodes
    │   ├── RootMismatchError             the recomputed root is not the expected root
    │   └── LeafHashMismatchError         the data does not hash to the claimed leaf hash
    ├── NoteError                         c2sp.org/signed-note
    │   ├── KeyFormatError                a malformed signer or verifier key string
    │   ├── MalformedNoteError            not UTF-8, control characters, no signature block, bad line
    │   │   ├── MissingNewlineError       text or note not ending in a newline
    │   │   └── SignatureEncodingError    a signature that is not base64 or too short
    │   ├── UnknownKeyError               no signature from any key the verifier knows
    │   └── BadSignatureError             a signature from a known key that does not verify
    ├── CheckpointError                   c2sp.org/tlog-checkpoint
    │   ├── MalformedCheckpointError      fewer than three lines, empty origin or extension line
    │   ├── TreeSizeFormatError           a tree size that is not canonical ASCII decimal
    │   ├── RootHashEncodingError         a root hash that is not canonical base64
    │   ├── RootHashSizeError             a root hash of the wrong length for the log's hash
    │   └── OriginMismatchError           a checkpoint from another log
    ├── WitnessError                      c2sp.org/tlog-witness
    │   ├── UnknownOriginError            a log the witness is not configured for     (HTTP 404)
    │   ├── MalformedRequestError         an add-checkpoint body that does not parse  (HTTP 400)
    │   ├── OldSizeError                  old size larger than the checkpoint size    (HTTP 400)
    │   ├── WitnessConflictError          the witness has seen something else         (HTTP 409)
    │   │   ├── OldSizeMismatchError      old size is not the witness's latest size
    │   │   ├── RollbackError             checkpoint smaller than the latest cosigned one
    │   │   ├── SplitViewError            same size as the latest, different root
    │   │   └── ConcurrentUpdateError     the state changed between read and write
    │   └── InconsistentCheckpointError   the consistency proof does not verify       (HTTP 422)
    └── ReceiptError
        ├── ReceiptFormatError            JSON that is not a version-1 receipt
        └── ReceiptMismatchError          the receipt disagrees with its own checkpoint

A checkpoint signature that fails inside the witness surfaces as the ``NoteError`` itself (HTTP 403).
"""

from __future__ import annotations

__all__ = [
    "BadSignatureError",
    "CheckpointError",
    "ConcurrentUpdateError",
    "HashAlgorithmError",
    "HashSizeError",
    "InconsistentCheckpointError",
    "IndexOutOfRangeError",
    "KeyFormatError",
    "LeafHashMismatchError",
    "LedgerError",
    "MalformedCheckpointError",
    "MalformedNoteError",
    "MalformedRequestError",
    "MissingNewlineError",
    "NodeNotFoundError",
    "NoteError",
    "OldSizeError",
    "OldSizeMismatchError",
    "OriginMismatchError",
    "ProofError",
    "ProofLengthError",
    "ReceiptError",
    "ReceiptFormatError",
    "ReceiptMismatchError",
    "RollbackError",
    "RootHashEncodingError",
    "RootHashSizeError",
    "RootMismatchError",
    "SignatureEncodingError",
    "SplitViewError",
    "TreeSizeFormatError",
    "TreeSizeOrderError",
    "UnknownKeyError",
    "UnknownOriginError",
    "WitnessConflictError",
    "WitnessError",
]


class LedgerError(Exception):
    """Root of every error the ledger engine raises.

    >>> isinstance(ProofLengthError(expected=3, got=2), LedgerError)
    True
    """


class HashAlgorithmError(LedgerError):
    """An unknown hash algorithm name.

    >>> HashAlgorithmError("md5").name
    'md5'
    """

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"unknown hash algorithm {name!r}; expected 'sha256' or 'sm3'")


class NodeNotFoundError(LedgerError):
    """A node store has no hash for the full subtree at (level, index).

    >>> NodeNotFoundError(2, 5).index
    5
    """

    def __init__(self, level: int, index: int) -> None:
        self.level = level
        self.index = index
        super().__init__(f"no stored node at level {level}, index {index}")


# --- proofs -------------------------------------------------------------------------------------------


class ProofError(LedgerError):
    """A Merkle inclusion or consistency proof does not prove what it claims.

    >>> isinstance(RootMismatchError(b"a", b"b"), ProofError)
    True
    """


class IndexOutOfRangeError(ProofError):
    """A leaf index outside the tree: requires 0 <= index < size.

    >>> str(IndexOutOfRangeError(index=7, size=7))
    'leaf index 7 is outside a tree of size 7'
    """

    def __init__(self, index: int, size: int) -> None:
        self.index = index
        self.size = size
        super().__init__(f"leaf index {index} is outside a tree of size {size}")


class TreeSizeOrderError(ProofError):
    """A consistency proof between sizes in the wrong order: requires 0 <= size1 <= size2.

    >>> TreeSizeOrderError(size1=5, size2=3).size1
    5
    """

    def __init__(self, size1: int, size2: int) -> None:
        self.size1 = size1
        self.size2 = size2
        super().__init__(f"tree size {size1} is larger than tree size {size2}")


class HashSizeError(ProofError):
    """A leaf hash, root hash or proof node whose length is not the hash's digest size.

    >>> HashSizeError(what="proof node 2", expected=32, got=31).got
    31
    """

    def __init__(self, *, what: str, expected: int, got: int) -> None:
        self.what = what
        self.expected = expected
        self.got = got
        super().__init__(f"{what} is {got} bytes long, expected {expected}")


class ProofLengthError(ProofError):
    """A proof with the wrong number of nodes for its index and sizes.

    >>> ProofLengthError(expected=3, got=4).expected
    3
    """

    def __init__(self, expected: int, got: int) -> None:
        self.expected = expected
        self.got = got
        super().__init__(f"proof has {got} nodes, expected {expected}")


class RootMismatchError(ProofError):
    """The root recomputed from a proof is not the expected root.

    >>> RootMismatchError(expected=b"\\x01", calculated=b"\\x02").calculated
    b'\\x02'
    """

    def __init__(self, expected: bytes, calculated: bytes, *, tree_size: int | None = None) -> None:
        self.expected = expected
        self.calculated = calculated
        self.tree_size = tree_size
        at = "" if tree_size is None else f" at tree size {tree_size}"
        super().__init__(f"root mismatch{at}: expected {expected.hex()}, calculated {calculated.hex()}")


class LeafHashMismatchError(ProofError):
    """The data does not hash to the leaf hash it was presented with.

    >>> LeafHashMismatchError(leaf_index=4, expected=b"\\x01", calculated=b"\\x02").leaf_index
    4
    """

    def __init__(self, leaf_index: int, expected: bytes, calculated: bytes) -> None:
        self.leaf_index = leaf_index
        self.expected = expected
        self.calculated = calculated
        super().__init__(
            f"leaf {leaf_index}: data hashes to {calculated.hex()}, the receipt claims {expected.hex()}"
        )


# --- signed notes -------------------------------------------------------------------------------------


class NoteError(LedgerError):
    """A signed note (c2sp.org/signed-note) that cannot be trusted.

    >>> isinstance(UnknownKeyError(names=()), NoteError)
    True
    """


class KeyFormatError(NoteError):
    """A signer or verifier key string that does not parse or whose key ID does not match.

    >>> KeyFormatError("key ID does not match").reason
    'key ID does not match'
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"malformed key: {reason}")


class MalformedNoteError(NoteError):
    """A note that is not a well-formed signed note.

    >>> MalformedNoteError("no signature block").reason
    'no signature block'
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"malformed note: {reason}")


class MissingNewlineError(MalformedNoteError):
    """A note text, or a whole note, that does not end in a newline (U+000A).

    >>> MissingNewlineError("note text").reason
    'note text does not end in a newline'
    """

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} does not end in a newline")


class SignatureEncodingError(MalformedNoteError):
    """A signature that is not canonical base64, or is no longer than its 4-byte key ID.

    >>> SignatureEncodingError("example.com/log", "not base64").key_name
    'example.com/log'
    """

    def __init__(self, key_name: str, reason: str) -> None:
        self.key_name = key_name
        super().__init__(f"signature by {key_name!r}: {reason}")


class UnknownKeyError(NoteError):
    """No signature on the note comes from a key the verifier knows.

    >>> UnknownKeyError(names=("other.example/log",)).names
    ('other.example/log',)
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        super().__init__(f"no signature from a known key; the note is signed by {list(names)}")


class BadSignatureError(NoteError):
    """A signature from a known key (name and key ID match) that does not verify.

    >>> BadSignatureError(key_name="example.com/log", key_id=0x1234ABCD).key_id
    305441741
    """

    def __init__(self, key_name: str, key_id: int) -> None:
        self.key_name = key_name
        self.key_id = key_id
        super().__init__(f"signature by {key_name!r} (key ID {key_id:08x}) does not verify")


# --- checkpoints --------------------------------------------------------------------------------------


class CheckpointError(LedgerError):
    """A checkpoint body (c2sp.org/tlog-checkpoint) that does not parse or is not the one expected.

    >>> isinstance(TreeSizeFormatError("01"), CheckpointError)
    True
    """


class MalformedCheckpointError(CheckpointError):
    """A checkpoint body with fewer than three lines, an empty origin or an empty extension line.

    >>> MalformedCheckpointError("empty origin").reason
    'empty origin'
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"malformed checkpoint: {reason}")


class TreeSizeFormatError(CheckpointError):
    """A tree size line that is not ASCII decimal without leading zeroes.

    >>> TreeSizeFormatError("007").line
    '007'
    """

    def __init__(self, line: str) -> None:
        self.line = line
        super().__init__(f"tree size {line!r} is not ASCII decimal without leading zeroes")


class RootHashEncodingError(CheckpointError):
    """A root hash line that is not canonical standard base64.

    >>> RootHashEncodingError("***").line
    '***'
    """

    def __init__(self, line: str) -> None:
        self.line = line
        super().__init__(f"root hash {line!r} is not canonical base64")


class RootHashSizeError(CheckpointError):
    """A root hash whose length is not the log hash's digest size.

    >>> RootHashSizeError(expected=32, got=20).got
    20
    """

    def __init__(self, expected: int, got: int) -> None:
        self.expected = expected
        self.got = got
        super().__init__(f"root hash is {got} bytes long, expected {expected}")


class OriginMismatchError(CheckpointError):
    """A checkpoint whose origin line is not the expected log's.

    >>> OriginMismatchError(expected="a.example/log", got="b.example/log").got
    'b.example/log'
    """

    def __init__(self, expected: str, got: str) -> None:
        self.expected = expected
        self.got = got
        super().__init__(f"checkpoint origin is {got!r}, expected {expected!r}")


# --- witness ------------------------------------------------------------------------------------------


class WitnessError(LedgerError):
    """A witness refuses to cosign a checkpoint (c2sp.org/tlog-witness).

    >>> isinstance(SplitViewError(size=3, latest_root=b"a", submitted_root=b"b"), WitnessError)
    True
    """


class UnknownOriginError(WitnessError):
    """A checkpoint for a log the witness is not configured to witness.

    >>> UnknownOriginError("x.example/log").origin
    'x.example/log'
    """

    def __init__(self, origin: str) -> None:
        self.origin = origin
        super().__init__(f"unknown log origin {origin!r}")


class MalformedRequestError(WitnessError):
    """An add-checkpoint request body that does not parse.

    >>> MalformedRequestError("missing old size line").reason
    'missing old size line'
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"malformed add-checkpoint request: {reason}")


class OldSizeError(WitnessError):
    """An old size larger than the submitted checkpoint's size.

    >>> OldSizeError(old_size=9, checkpoint_size=5).old_size
    9
    """

    def __init__(self, old_size: int, checkpoint_size: int) -> None:
        self.old_size = old_size
        self.checkpoint_size = checkpoint_size
        super().__init__(f"old size {old_size} is larger than the checkpoint size {checkpoint_size}")


class WitnessConflictError(WitnessError):
    """The witness has cosigned something the request contradicts; ``latest_size`` is its latest size.

    >>> WitnessConflictError(latest_size=12).latest_size
    12
    """

    def __init__(self, latest_size: int, message: str | None = None) -> None:
        self.latest_size = latest_size
        super().__init__(message or f"conflict with the latest cosigned size {latest_size}")


class OldSizeMismatchError(WitnessConflictError):
    """The request's old size is not the size of the latest checkpoint the witness cosigned.

    >>> OldSizeMismatchError(old_size=3, latest_size=5).old_size
    3
    """

    def __init__(self, old_size: int, latest_size: int) -> None:
        self.old_size = old_size
        super().__init__(latest_size, f"old size {old_size} is not the latest cosigned size {latest_size}")


class RollbackError(WitnessConflictError):
    """A checkpoint smaller than the latest one the witness cosigned for the log.

    >>> RollbackError(latest_size=10, submitted_size=8).submitted_size
    8
    """

    def __init__(self, latest_size: int, submitted_size: int) -> None:
        self.submitted_size = submitted_size
        super().__init__(
            latest_size, f"rollback: checkpoint size {submitted_size} < latest cosigned size {latest_size}"
        )


class SplitViewError(WitnessConflictError):
    """A checkpoint with the latest cosigned size but a different root hash: evidence of a split view.

    >>> SplitViewError(size=4, latest_root=b"\\x01", submitted_root=b"\\x02").size
    4
    """

    def __init__(self, size: int, latest_root: bytes, submitted_root: bytes) -> None:
        self.size = size
        self.latest_root = latest_root
        self.submitted_root = submitted_root
        super().__init__(
            size,
            f"split view at size {size}: cosigned root {latest_root.hex()}, submitted {submitted_root.hex()}",
        )


class ConcurrentUpdateError(WitnessConflictError):
    """The witness state changed between reading it and writing the new checkpoint.

    >>> ConcurrentUpdateError(latest_size=7).latest_size
    7
    """


class InconsistentCheckpointError(WitnessError):
    """The consistency proof from the latest cosigned checkpoint does not verify; ``__cause__`` says why.

    >>> InconsistentCheckpointError(ProofLengthError(expected=2, got=0)).proof_error.expected
    2
    """

    def __init__(self, proof_error: ProofError) -> None:
        self.proof_error: ProofError = proof_error
        super().__init__(f"consistency proof does not verify: {proof_error}")


# --- receipts -----------------------------------------------------------------------------------------


class ReceiptError(LedgerError):
    """A receipt that cannot be read or does not hold together.

    >>> isinstance(ReceiptFormatError("not JSON"), ReceiptError)
    True
    """


class ReceiptFormatError(ReceiptError):
    """JSON that is not a version-1 receipt.

    >>> ReceiptFormatError("missing field 'root_hash'").reason
    "missing field 'root_hash'"
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"malformed receipt: {reason}")


class ReceiptMismatchError(ReceiptError):
    """A receipt whose fields disagree with the checkpoint it carries.

    >>> ReceiptMismatchError(field="tree_size", receipt="5", checkpoint="6").field
    'tree_size'
    """

    def __init__(self, *, field: str, receipt: str, checkpoint: str) -> None:
        self.field = field
        self.receipt = receipt
        self.checkpoint = checkpoint
        super().__init__(f"receipt {field} is {receipt}, its signed checkpoint says {checkpoint}")
