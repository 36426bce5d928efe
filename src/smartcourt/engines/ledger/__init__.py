"""The judicial evidence ledger (司法链): a verifiable, append-only log of evidence and audit hashes.

The pure core, modelled on transparency-dev/merkle and Trillian/Tessera: RFC 9162 Merkle hashing with
SHA-256 or SM3, compact-range appends, inclusion and consistency proofs over stored nodes, C2SP checkpoints
in signed notes, a C2SP witness, and offline-verifiable receipts. No storage, no clock, no Django.

>>> from smartcourt.engines.ledger import SHA256, CompactRange, MemoryNodeStore, inclusion_proof
>>> cr, store = CompactRange(SHA256), MemoryNodeStore()
>>> for record in (b"filing", b"evidence", b"ruling"):
...     store.add(cr.append(SHA256.hash_leaf(record)))
>>> proof = inclusion_proof(SHA256, 1, cr.size, store)
>>> verify_inclusion(SHA256, 1, cr.size, SHA256.hash_leaf(b"evidence"), proof, cr.root())
"""

from ._checkpoint import Checkpoint, SignedCheckpoint, open_checkpoint, parse_checkpoint, sign_checkpoint
from ._compact import CompactRange, Node, NodeId, compute_root, range_nodes, tree_height
from ._cosignature import (
    COSIGNATURE_V1,
    CosignatureVerifier,
    Cosigner,
    cosignature_timestamp,
    cosigned_message,
    generate_cosigner_key,
    new_cosigner,
)
from ._hashing import SHA256, SM3, Hasher, MerkleHasher, hasher_for
from ._note import (
    ED25519,
    Ed25519Signer,
    Ed25519Verifier,
    Note,
    NoteSignature,
    NoteSigner,
    NoteVerifier,
    append_signatures,
    compute_key_id,
    generate_signer_key,
    new_signer,
    new_verifier,
    open_note,
    sign_note,
)
from ._proof import (
    MemoryNodeStore,
    NodeReader,
    consistency_proof,
    inclusion_proof,
    root_from_inclusion_proof,
    verify_consistency,
    verify_inclusion,
)
from ._receipt import RECEIPT_FORMAT, Receipt, verify_receipt
from ._witness import (
    AddCheckpointRequest,
    MemoryWitnessStore,
    Witness,
    WitnessedLog,
    WitnessStore,
    parse_add_checkpoint_request,
)

__all__ = [
    "COSIGNATURE_V1",
    "ED25519",
    "RECEIPT_FORMAT",
    "SHA256",
    "SM3",
    "AddCheckpointRequest",
    "Checkpoint",
    "CompactRange",
    "CosignatureVerifier",
    "Cosigner",
    "Ed25519Signer",
    "Ed25519Verifier",
    "Hasher",
    "MemoryNodeStore",
    "MemoryWitnessStore",
    "MerkleHasher",
    "Node",
    "NodeId",
    "NodeReader",
    "Note",
    "NoteSignature",
    "NoteSigner",
    "NoteVerifier",
    "Receipt",
    "SignedCheckpoint",
    "Witness",
    "WitnessStore",
    "WitnessedLog",
    "append_signatures",
    "compute_key_id",
    "compute_root",
    "consistency_proof",
    "cosignature_timestamp",
    "cosigned_message",
    "generate_cosigner_key",
    "generate_signer_key",
    "hasher_for",
    "inclusion_proof",
    "new_cosigner",
    "new_signer",
    "new_verifier",
    "open_checkpoint",
    "open_note",
    "parse_add_checkpoint_request",
    "parse_checkpoint",
    "range_nodes",
    "root_from_inclusion_proof",
    "sign_checkpoint",
    "sign_note",
    "tree_height",
    "verify_consistency",
    "verify_inclusion",
    "verify_receipt",
]
