"""Receipts: stable versioned JSON, and offline verification of leaf, proof and checkpoint signature."""

from __future__ import annotations

import dataclasses
import json

import pytest

from smartcourt.engines.ledger import (
    RECEIPT_FORMAT,
    SHA256,
    SM3,
    Checkpoint,
    CompactRange,
    Ed25519Signer,
    MemoryNodeStore,
    MerkleHasher,
    Receipt,
    inclusion_proof,
    sign_checkpoint,
    verify_receipt,
)
from smartcourt.engines.ledger.errors import (
    BadSignatureError,
    HashAlgorithmError,
    KeyFormatError,
    LeafHashMismatchError,
    OriginMismatchError,
    ReceiptFormatError,
    ReceiptMismatchError,
    RootMismatchError,
    UnknownKeyError,
)

ORIGIN = "court.example/ledger"
LOG_KEY = Ed25519Signer(ORIGIN, bytes(range(32)))
RECORDS = [f"（2019）京0105民初1234号 证据 {i}".encode() for i in range(13)]


def _receipt(index: int, hasher: MerkleHasher = SHA256) -> Receipt:
    cr, store = CompactRange(hasher), MemoryNodeStore()
    for record in RECORDS:
        store.add(cr.append(hasher.hash_leaf(record)))
    return Receipt(
        origin=ORIGIN,
        hash_algorithm=hasher.name,
        leaf_index=index,
        leaf_hash=hasher.hash_leaf(RECORDS[index]),
        tree_size=cr.size,
        root_hash=cr.root(),
        inclusion_proof=tuple(inclusion_proof(hasher, index, cr.size, store)),
        checkpoint=sign_checkpoint(Checkpoint(ORIGIN, cr.size, cr.root()), [LOG_KEY]),
    )


VKEY = LOG_KEY.verifier().verifier_key()


@pytest.mark.parametrize("hasher", [SHA256, SM3], ids=lambda h: h.name)
def test_every_receipt_verifies_offline(hasher: MerkleHasher) -> None:
    for index in range(len(RECORDS)):
        receipt = _receipt(index, hasher)
        checkpoint = verify_receipt(receipt, verifier_key=VKEY, data=RECORDS[index])
        assert checkpoint == Checkpoint(ORIGIN, 13, receipt.root_hash)
        assert (
            verify_receipt(Receipt.from_json(receipt.to_json()), verifier_key=LOG_KEY.verifier())
            == checkpoint
        )


def test_json_is_stable_and_versioned() -> None:
    receipt = _receipt(5)
    text = receipt.to_json()
    assert text == receipt.to_json() == Receipt.from_json(text).to_json()
    obj = json.loads(text)
    assert list(obj) == sorted(obj)
    assert obj["format"] == RECEIPT_FORMAT == "smartcourt-ledger-receipt/v1"
    assert obj["leaf_index"] == 5
    assert obj["tree_size"] == 13
    assert len(obj["inclusion_proof"]) == 4
    assert Receipt.from_json(text.encode()) == receipt


def test_json_golden_form() -> None:
    receipt = Receipt(
        origin="court.example/ledger",
        hash_algorithm="sm3",
        leaf_index=1,
        leaf_hash=bytes([1]) * 32,
        tree_size=2,
        root_hash=bytes([2]) * 32,
        inclusion_proof=(bytes([3]) * 32,),
        checkpoint="court.example/ledger\n2\nAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=\n\n— court.example/ledger AAAA\n",
    )
    assert receipt.to_json() == (
        '{"checkpoint":"court.example/ledger\\n2\\nAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=\\n\\n'
        '— court.example/ledger AAAA\\n","format":"smartcourt-ledger-receipt/v1","hash_algorithm":"sm3",'
        '"inclusion_proof":["AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM="],'
        '"leaf_hash":"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=","leaf_index":1,"origin":"court.example/ledger",'
        '"root_hash":"AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=","tree_size":2}'
    )


def test_wrong_data_is_detected() -> None:
    receipt = _receipt(3)
    with pytest.raises(LeafHashMismatchError) as info:
        verify_receipt(receipt, verifier_key=VKEY, data=RECORDS[4])
    assert info.value.leaf_index == 3
    assert info.value.expected == receipt.leaf_hash
    assert info.value.calculated == SHA256.hash_leaf(RECORDS[4])


def test_tampered_receipts_fail() -> None:
    receipt = _receipt(3)
    bad_node = bytes([receipt.inclusion_proof[0][0] ^ 1]) + receipt.inclusion_proof[0][1:]
    with pytest.raises(RootMismatchError):
        verify_receipt(
            dataclasses.replace(receipt, inclusion_proof=(bad_node, *receipt.inclusion_proof[1:])),
            verifier_key=VKEY,
        )
    with pytest.raises(RootMismatchError):
        verify_receipt(dataclasses.replace(receipt, leaf_index=2), verifier_key=VKEY)
    with pytest.raises(ReceiptMismatchError) as size:
        verify_receipt(dataclasses.replace(receipt, tree_size=12), verifier_key=VKEY)
    assert (size.value.field, size.value.receipt, size.value.checkpoint) == ("tree_size", "12", "13")
    with pytest.raises(ReceiptMismatchError) as root:
        verify_receipt(dataclasses.replace(receipt, root_hash=bytes(32)), verifier_key=VKEY)
    assert root.value.field == "root_hash"
    with pytest.raises(OriginMismatchError):
        verify_receipt(dataclasses.replace(receipt, origin="court.example/other"), verifier_key=VKEY)
    with pytest.raises(BadSignatureError):
        verify_receipt(
            dataclasses.replace(receipt, checkpoint=receipt.checkpoint.replace("\n13\n", "\n14\n")),
            verifier_key=VKEY,
        )
    with pytest.raises(UnknownKeyError):
        verify_receipt(receipt, verifier_key=Ed25519Signer(ORIGIN, bytes(32)).verifier())
    with pytest.raises(KeyFormatError):
        verify_receipt(receipt, verifier_key="not a key")
    with pytest.raises(HashAlgorithmError):
        verify_receipt(dataclasses.replace(receipt, hash_algorithm="md5"), verifier_key=VKEY)


def test_an_sm3_receipt_does_not_verify_as_sha256() -> None:
    receipt = _receipt(0, SM3)
    with pytest.raises(LeafHashMismatchError):
        verify_receipt(
            dataclasses.replace(receipt, hash_algorithm="sha256"), verifier_key=VKEY, data=RECORDS[0]
        )


def _mutated(**changes: object) -> str:
    obj = json.loads(_receipt(1).to_json())
    for key, value in changes.items():
        if value is None:
            del obj[key]
        else:
            obj[key] = value
    return json.dumps(obj)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("{", id="not-json"),
        pytest.param("[]", id="not-object"),
        pytest.param(_mutated(format="smartcourt-ledger-receipt/v2"), id="other-version"),
        pytest.param(_mutated(format=None), id="no-version"),
        pytest.param(_mutated(root_hash=None), id="missing-field"),
        pytest.param(_mutated(extra="x"), id="extra-field"),
        pytest.param(_mutated(leaf_index=True), id="bool-index"),
        pytest.param(_mutated(leaf_index=-1), id="negative-index"),
        pytest.param(_mutated(tree_size="13"), id="string-size"),
        pytest.param(_mutated(leaf_hash="not base64"), id="bad-leaf-hash"),
        pytest.param(_mutated(root_hash=12), id="number-root"),
        pytest.param(_mutated(inclusion_proof="AAAA"), id="proof-not-list"),
        pytest.param(_mutated(inclusion_proof=["AAA"]), id="proof-node-not-base64"),
        pytest.param(_mutated(origin=5), id="origin-not-string"),
    ],
)
def test_malformed_receipt_json_is_rejected(text: str) -> None:
    with pytest.raises(ReceiptFormatError):
        Receipt.from_json(text)
