"""The witness state machine (c2sp.org/tlog-witness): cosign append-only growth, refuse the rest unchanged."""

from __future__ import annotations

import pytest

from smartcourt.engines.ledger import (
    SHA256,
    SM3,
    AddCheckpointRequest,
    Checkpoint,
    CompactRange,
    Cosigner,
    Ed25519Signer,
    MemoryNodeStore,
    MemoryWitnessStore,
    MerkleHasher,
    Witness,
    WitnessedLog,
    append_signatures,
    consistency_proof,
    cosignature_timestamp,
    open_note,
    parse_add_checkpoint_request,
    sign_checkpoint,
)
from smartcourt.engines.ledger.errors import (
    BadSignatureError,
    ConcurrentUpdateError,
    InconsistentCheckpointError,
    MalformedRequestError,
    OldSizeError,
    OldSizeMismatchError,
    ProofLengthError,
    RollbackError,
    RootMismatchError,
    SplitViewError,
    UnknownKeyError,
    UnknownOriginError,
    WitnessConflictError,
)

ORIGIN = "court.example/ledger"
LOG_KEY = Ed25519Signer(ORIGIN, bytes(range(32)))
COSIGNER = Cosigner("witness.example/w1", bytes(range(7, 39)))
T0 = 1_750_000_000


class Log:
    """A toy log: a compact range, its nodes, and its signing key."""

    def __init__(
        self, records: list[bytes], *, hasher: MerkleHasher = SHA256, key: Ed25519Signer = LOG_KEY
    ) -> None:
        self.hasher = hasher
        self.key = key
        self.store = MemoryNodeStore()
        self.range = CompactRange(hasher)
        self.roots = [self.range.root()]
        for record in records:
            self.store.add(self.range.append(hasher.hash_leaf(record)))
            self.roots.append(self.range.root())

    def checkpoint(self, size: int) -> str:
        return sign_checkpoint(Checkpoint(ORIGIN, size, self.roots[size]), [self.key])

    def proof(self, old: int, new: int) -> list[bytes]:
        return consistency_proof(self.hasher, old, new, self.store)


RECORDS = [f"audit record {i}".encode() for i in range(40)]
FORK = RECORDS[:5] + [f"forged record {i}".encode() for i in range(5, 40)]


def _witness(
    store: MemoryWitnessStore | None = None, hasher: MerkleHasher = SHA256
) -> tuple[Witness, MemoryWitnessStore]:
    store = store or MemoryWitnessStore()
    witness = Witness(
        cosigner=COSIGNER, logs=[WitnessedLog(ORIGIN, (LOG_KEY.verifier(),), hasher)], store=store
    )
    return witness, store


def _add(witness: Witness, log: Log, old: int, new: int, timestamp: int = T0) -> None:
    witness.add_checkpoint(
        old_size=old, proof=log.proof(old, new), checkpoint=log.checkpoint(new), timestamp=timestamp
    )


def test_accepts_a_consistent_sequence_and_cosigns_each_step() -> None:
    log = Log(RECORDS)
    witness, store = _witness()
    previous = 0
    for i, size in enumerate((1, 3, 3, 8, 13, 32, 33, 40)):
        note = log.checkpoint(size)
        signature = witness.add_checkpoint(
            old_size=previous, proof=log.proof(previous, size), checkpoint=note, timestamp=T0 + i
        )
        cosigned = open_note(append_signatures(note, [signature]), [COSIGNER.verifier()])
        assert cosigned.verified == (signature,)
        assert cosignature_timestamp(signature) == T0 + i
        assert store.latest(ORIGIN) == Checkpoint(ORIGIN, size, log.roots[size])
        previous = size


def test_accepts_an_empty_first_checkpoint() -> None:
    log = Log(RECORDS)
    witness, store = _witness()
    _add(witness, log, 0, 0)
    assert store.latest(ORIGIN) == Checkpoint(ORIGIN, 0, SHA256.empty_root())


def test_sm3_log() -> None:
    log = Log(RECORDS, hasher=SM3)
    witness, store = _witness(hasher=SM3)
    _add(witness, log, 0, 7)
    _add(witness, log, 7, 20)
    assert store.latest(ORIGIN) == Checkpoint(ORIGIN, 20, log.roots[20])


def _prepared(size: int = 10) -> tuple[Witness, MemoryWitnessStore, Log, Checkpoint]:
    log = Log(RECORDS)
    witness, store = _witness()
    _add(witness, log, 0, size)
    latest = store.latest(ORIGIN)
    assert latest is not None
    return witness, store, log, latest


def test_refuses_a_split_view_and_keeps_its_state() -> None:
    witness, store, _, latest = _prepared()
    fork = Log(FORK)
    with pytest.raises(SplitViewError) as info:
        witness.add_checkpoint(old_size=10, proof=[], checkpoint=fork.checkpoint(10), timestamp=T0 + 1)
    assert info.value.size == 10
    assert info.value.latest_root == latest.root_hash
    assert info.value.submitted_root == fork.roots[10]
    assert info.value.latest_size == 10
    assert store.latest(ORIGIN) == latest


def test_refuses_a_forked_larger_tree_and_keeps_its_state() -> None:
    witness, store, log, latest = _prepared()
    fork = Log(FORK)
    with pytest.raises(InconsistentCheckpointError) as info:
        witness.add_checkpoint(
            old_size=10, proof=fork.proof(10, 20), checkpoint=fork.checkpoint(20), timestamp=T0
        )
    assert isinstance(info.value.proof_error, RootMismatchError)
    assert isinstance(info.value.__cause__, RootMismatchError)
    # The honest log's proof does not help the fork either.
    with pytest.raises(InconsistentCheckpointError):
        witness.add_checkpoint(
            old_size=10, proof=log.proof(10, 20), checkpoint=fork.checkpoint(20), timestamp=T0
        )
    assert store.latest(ORIGIN) == latest


def test_refuses_a_rollback_and_keeps_its_state() -> None:
    witness, store, log, latest = _prepared(size=20)
    for old in (0, 7, 20):
        with pytest.raises(RollbackError) as info:
            witness.add_checkpoint(
                old_size=old, proof=log.proof(min(old, 7), 7), checkpoint=log.checkpoint(7), timestamp=T0
            )
        assert (info.value.latest_size, info.value.submitted_size) == (20, 7)
    assert store.latest(ORIGIN) == latest


def test_refuses_an_old_size_it_did_not_cosign() -> None:
    witness, store, log, latest = _prepared()
    with pytest.raises(OldSizeMismatchError) as info:
        witness.add_checkpoint(
            old_size=8, proof=log.proof(8, 15), checkpoint=log.checkpoint(15), timestamp=T0
        )
    assert (info.value.old_size, info.value.latest_size) == (8, 10)
    assert isinstance(info.value, WitnessConflictError)
    assert store.latest(ORIGIN) == latest


def test_refuses_an_old_size_beyond_the_checkpoint() -> None:
    witness, store, log, latest = _prepared()
    with pytest.raises(OldSizeError) as info:
        witness.add_checkpoint(old_size=16, proof=[], checkpoint=log.checkpoint(15), timestamp=T0)
    assert (info.value.old_size, info.value.checkpoint_size) == (16, 15)
    assert store.latest(ORIGIN) == latest


def test_refuses_a_missing_or_padded_proof() -> None:
    witness, store, log, latest = _prepared()
    with pytest.raises(InconsistentCheckpointError) as info:
        witness.add_checkpoint(old_size=10, proof=[], checkpoint=log.checkpoint(15), timestamp=T0)
    assert isinstance(info.value.proof_error, ProofLengthError)
    with pytest.raises(InconsistentCheckpointError):
        witness.add_checkpoint(
            old_size=10, proof=[SHA256.empty_root()], checkpoint=log.checkpoint(10), timestamp=T0
        )
    assert store.latest(ORIGIN) == latest
    fresh, fresh_store = _witness()
    with pytest.raises(InconsistentCheckpointError):
        fresh.add_checkpoint(old_size=0, proof=log.proof(5, 10), checkpoint=log.checkpoint(10), timestamp=T0)
    assert fresh_store.latest(ORIGIN) is None


def test_refuses_unknown_logs_and_bad_signatures() -> None:
    witness, store, log, latest = _prepared()
    stranger = sign_checkpoint(Checkpoint("other.example/log", 15, log.roots[15]), [LOG_KEY])
    with pytest.raises(UnknownOriginError) as origin:
        witness.add_checkpoint(old_size=10, proof=log.proof(10, 15), checkpoint=stranger, timestamp=T0)
    assert origin.value.origin == "other.example/log"
    impostor = Log(RECORDS, key=Ed25519Signer(ORIGIN, bytes(range(100, 132))))
    with pytest.raises(UnknownKeyError):
        witness.add_checkpoint(
            old_size=10, proof=log.proof(10, 15), checkpoint=impostor.checkpoint(15), timestamp=T0
        )
    tampered = log.checkpoint(15).replace("\n15\n", "\n16\n")
    with pytest.raises(BadSignatureError):
        witness.add_checkpoint(old_size=10, proof=log.proof(10, 16), checkpoint=tampered, timestamp=T0)
    assert store.latest(ORIGIN) == latest


def test_concurrent_update_is_detected() -> None:
    log = Log(RECORDS)

    class RacingStore(MemoryWitnessStore):
        """Another request records size 20 between this request's read and its write."""

        def replace(self, origin: str, *, expected: Checkpoint | None, new: Checkpoint) -> bool:
            super().replace(origin, expected=expected, new=Checkpoint(ORIGIN, 20, log.roots[20]))
            return super().replace(origin, expected=expected, new=new)

    witness, store = _witness(RacingStore())
    with pytest.raises(ConcurrentUpdateError) as info:
        _add(witness, log, 0, 10)
    assert info.value.latest_size == 20
    assert store.latest(ORIGIN) == Checkpoint(ORIGIN, 20, log.roots[20])


def test_add_checkpoint_request_round_trip() -> None:
    log = Log(RECORDS)
    request = AddCheckpointRequest(old_size=10, proof=tuple(log.proof(10, 15)), checkpoint=log.checkpoint(15))
    body = request.to_body()
    assert body.startswith("old 10\n")
    assert parse_add_checkpoint_request(body.encode()) == request
    witness, store = _witness()
    _add(witness, log, 0, 10)
    parsed = parse_add_checkpoint_request(body)
    witness.add_checkpoint(
        old_size=parsed.old_size, proof=parsed.proof, checkpoint=parsed.checkpoint, timestamp=T0
    )
    assert store.latest(ORIGIN) == Checkpoint(ORIGIN, 15, log.roots[15])


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("old 10\nAAAA\n", id="no-empty-line"),
        pytest.param("old 010\n\ncp\n", id="leading-zero"),
        pytest.param("new 10\n\ncp\n", id="not-old"),
        pytest.param("old 10\nnot base64\n\ncp\n", id="bad-proof-line"),
        pytest.param("old 10\n" + "AAAA\n" * 64 + "\ncp\n", id="64-proof-lines"),
        pytest.param(b"old 1\n\n\xff", id="not-utf8"),
    ],
)
def test_malformed_requests(body: str | bytes) -> None:
    with pytest.raises(MalformedRequestError):
        parse_add_checkpoint_request(body)


def test_timestamp_range() -> None:
    log = Log(RECORDS)
    witness, store = _witness()
    with pytest.raises(ValueError):
        _add(witness, log, 0, 3, timestamp=-1)
    assert store.latest(ORIGIN) is None
