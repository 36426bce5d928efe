"""Appends: batches with one signed checkpoint each, receipts that verify offline, SM3 logs, permissions."""

from __future__ import annotations

import base64

import pytest

from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.evidence import selectors, services
from smartcourt.apps.evidence.models import EvidenceEntry, Ledger, TreeHead
from smartcourt.engines.ledger import (
    hasher_for,
    new_verifier,
    open_checkpoint,
    verify_consistency,
    verify_receipt,
)

pytestmark = pytest.mark.django_db


def test_a_batch_is_one_signed_checkpoint_and_every_receipt_verifies(world, record):
    appended = services.evidence_record(actor=world.judge, records=[record(i) for i in range(3)])

    ledger = Ledger.objects.get(court=world.court)
    assert ledger.origin == "smartcourt.example/ledger/%E6%B5%990102"
    assert ledger.size == 3
    assert [a.entry.leaf_index for a in appended] == [0, 1, 2]
    assert list(TreeHead.objects.filter(ledger=ledger).values_list("size", flat=True).order_by("size")) == [
        0,
        3,
    ]
    for a in appended:
        assert a.receipt.tree_size == 3
        cp = verify_receipt(a.receipt, verifier_key=ledger.verifier_key, data=bytes(a.entry.leaf_data))
        assert cp.origin == ledger.origin


def test_the_next_batch_extends_the_tree_with_a_checked_consistency_proof(world, record):
    first = services.evidence_record(actor=world.judge, records=[record(i) for i in range(3)])
    second = services.evidence_record(actor=world.clerk, records=[record(i) for i in range(3, 5)])

    ledger = Ledger.objects.get(court=world.court)
    head = TreeHead.objects.get(ledger=ledger, size=5)
    assert (head.previous_size, head.consistency_verified) == (3, True)
    proof = [base64.b64decode(p) for p in head.consistency_proof]
    verify_consistency(
        hasher_for("sha256"), 3, 5, proof, first[0].receipt.root_hash, second[0].receipt.root_hash
    )
    assert [a.entry.leaf_index for a in second] == [3, 4]
    # the downloadable receipt of an entry is the one returned when it was appended
    assert selectors.entry_receipt(entry=second[1].entry).to_json() == second[1].receipt.to_json()


def test_an_evidence_file_stores_its_hash_and_metadata_not_the_file(world):
    data = "借款合同扫描件".encode() * 100
    [a] = services.evidence_file_record(
        actor=world.judge,
        files=[services.FileInput(name="合同.pdf", data=data, metadata={"title": "借款合同"})],
    )
    entry = EvidenceEntry.objects.get(pk=a.entry.pk)
    assert entry.leaf_data is None
    assert entry.metadata == {"title": "借款合同", "filename": "合同.pdf", "size": len(data)}
    assert entry.content_hash.startswith("sha256:")
    assert verify_receipt(a.receipt, verifier_key=entry.ledger.verifier_key, data=data).size == 1


def test_an_sm3_log_signs_sm3_roots(world, record):
    ledger = services.ledger_create(court=world.court, hash_algorithm="sm3", actor=world.it_admin)
    [a] = services.evidence_record(actor=world.judge, records=[record(1)])
    assert a.receipt.hash_algorithm == "sm3"
    assert a.receipt.leaf_hash == hasher_for("sm3").hash_leaf(bytes(a.entry.leaf_data))
    assert verify_receipt(a.receipt, verifier_key=ledger.verifier_key).size == 1


def test_the_signer_key_is_sealed_in_the_row(world):
    ledger = services.ledger_create(court=world.court, actor=world.it_admin)
    sealed = bytes(ledger.signer_key_sealed)
    assert b"PRIVATE+KEY" not in sealed
    assert sealed[:1] == b"\x01"
    signer = services._signer(ledger)
    assert signer.verifier().verifier_key() == ledger.verifier_key
    head = selectors.tree_head_latest(ledger=ledger)
    assert open_checkpoint(head.signed_note, [new_verifier(ledger.verifier_key)]).checkpoint.size == 0


@pytest.mark.parametrize("who", ["litigant", "lawyer"])
def test_public_users_may_not_record_and_nothing_changes(world, record, who):
    with pytest.raises(NotPermittedError) as info:
        services.evidence_record(actor=getattr(world, who), records=[record(1)])
    assert info.value.code == "ledger.not_permitted"
    assert (Ledger.objects.count(), EvidenceEntry.objects.count(), TreeHead.objects.count()) == (0, 0, 0)


def test_only_it_staff_create_a_log(world):
    with pytest.raises(NotPermittedError):
        services.ledger_create(court=world.court, actor=world.judge)
    assert Ledger.objects.count() == 0


@pytest.mark.parametrize(
    ("content_hash", "metadata", "code"),
    [
        ("md5:abc", {"title": "x"}, "ledger.bad_content_hash"),
        ("sha256:" + "0" * 63, {"title": "x"}, "ledger.bad_content_hash"),
        ("sha256:" + "0" * 64, {}, "ledger.bad_metadata"),
        ("sha256:" + "0" * 64, {"title": "x", "nested": {"a": 1}}, "ledger.bad_metadata"),
    ],
)
def test_a_bad_record_refuses_the_whole_batch(world, record, content_hash, metadata, code):
    bad = services.RecordInput(kind="ENFORCEMENT", content_hash=content_hash, metadata=metadata)
    with pytest.raises(InvalidInputError) as info:
        services.evidence_record(actor=world.judge, records=[record(1), bad])
    assert info.value.code == code
    assert info.value.detail["field"].startswith("records[1]")
    assert EvidenceEntry.objects.count() == 0


def test_a_damaged_store_refuses_appends(world, record, tamper_node):
    services.evidence_record(actor=world.judge, records=[record(i) for i in range(3)])
    tamper_node(Ledger.objects.get(court=world.court), 1, 0)
    with pytest.raises(ConflictError) as info:
        services.evidence_record(actor=world.judge, records=[record(9)])
    assert info.value.code == "ledger.tampered"
    assert EvidenceEntry.objects.count() == 3
