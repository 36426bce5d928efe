"""Verification (public API and page) with the proof path; tamper detection naming the leaf; the audit trail."""

from __future__ import annotations

import json

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from smartcourt.apps.evidence import selectors, services
from smartcourt.apps.evidence.models import EntryKind, EvidenceEntry, Ledger
from smartcourt.engines.ledger import hasher_for, verify_receipt
from smartcourt.engines.ledger.errors import LeafHashMismatchError, RootMismatchError
from tests.apps.factories import register_civil

pytestmark = pytest.mark.django_db


def _files(world, n: int) -> list[services.Appended]:
    return services.evidence_file_record(
        actor=world.judge,
        files=[services.FileInput(name=f"{i}.txt", data=f"证据{i}".encode()) for i in range(n)],
    )


def test_verify_api_accepts_a_receipt_and_its_file_and_shows_the_path(world):
    appended = _files(world, 5)
    receipt = appended[2].receipt.to_json().encode()
    response = Client().post(
        "/api/v1/ledger/verify",
        {
            "receipt": SimpleUploadedFile("r.json", receipt),
            "file": SimpleUploadedFile("2.txt", "证据2".encode()),
        },
    )
    body = response.json()
    assert response.status_code == 200
    assert (body["verified"], body["code"], body["leaf_index"], body["tree_size"]) == (
        True,
        "ledger.verified",
        2,
        5,
    )
    assert [s["side"] for s in body["path"]] == ["right", "left", "right"]
    assert body["path"][-1]["result"] == appended[2].receipt.root_hash.hex()


def test_verify_api_refuses_another_file(world):
    receipt = _files(world, 2)[0].receipt.to_json().encode()
    response = Client().post(
        "/api/v1/ledger/verify",
        {"receipt": SimpleUploadedFile("r.json", receipt), "file": SimpleUploadedFile("x.txt", b"forged")},
    )
    body = response.json()
    assert (body["verified"], body["code"]) == (False, "ledger.leaf_hash_mismatch")


def test_verify_api_finds_a_file_without_its_receipt(world):
    _files(world, 3)
    response = Client().post("/api/v1/ledger/verify", {"file": SimpleUploadedFile("1.txt", "证据1".encode())})
    body = response.json()
    assert (body["verified"], body["leaf_index"], body["tree_size"]) == (True, 1, 3)


def test_verify_api_rejects_a_receipt_with_a_flipped_proof_bit(world):
    receipt = json.loads(_files(world, 4)[1].receipt.to_json())
    proof = bytearray(__import__("base64").b64decode(receipt["inclusion_proof"][0]))
    proof[0] ^= 1
    receipt["inclusion_proof"][0] = __import__("base64").b64encode(bytes(proof)).decode()
    response = Client().post(
        "/api/v1/ledger/verify", {"receipt": SimpleUploadedFile("r.json", json.dumps(receipt).encode())}
    )
    assert (response.json()["verified"], response.json()["code"]) == (False, "ledger.root_mismatch")


def test_verify_api_needs_something_to_verify(world):
    response = Client().post("/api/v1/ledger/verify", {})
    assert response.status_code == 400
    assert response.json()["code"] == "ledger.nothing_to_verify"


def test_verify_page_is_public(world):
    appended = _files(world, 2)
    client = Client()
    assert client.get("/evidence/verify/").status_code == 200
    response = client.post(
        "/evidence/verify/",
        {
            "receipt": SimpleUploadedFile("r.json", appended[1].receipt.to_json().encode()),
            "file": SimpleUploadedFile("1.txt", "证据1".encode()),
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "验证通过" in text
    assert appended[1].receipt.root_hash.hex() in text


def test_changing_a_stored_leaf_hash_fails_verification_naming_the_leaf(world):
    appended = _files(world, 6)
    ledger = Ledger.objects.get(court=world.court)
    EvidenceEntry.objects.filter(ledger=ledger, leaf_index=3).update(
        leaf_hash=hasher_for("sha256").hash_leaf(b"x")
    )

    result = selectors.receipt_verify(receipt_text=appended[3].receipt.to_json(), data=None)
    assert (result.verified, result.code) == (False, "ledger.leaf_hash_mismatch")
    assert "leaf 3" in result.message
    report = selectors.ledger_check(ledger=ledger)
    assert [(f.leaf_index, f.leaf_end) for f in report.failures] == [(2, 4), (0, 4), (5, 6)]
    with pytest.raises(RootMismatchError):
        selectors.entry_check(ledger=ledger, leaf_index=3)
    # the receipt itself still verifies offline: the log's copy is what was changed
    assert verify_receipt(appended[3].receipt, verifier_key=ledger.verifier_key).size == 6


def test_changing_a_stored_record_is_named_by_its_leaf(world, record):
    services.evidence_record(actor=world.judge, records=[record(i) for i in range(4)])
    ledger = Ledger.objects.get(court=world.court)
    entry = EvidenceEntry.objects.get(ledger=ledger, leaf_index=2)
    entry.leaf_data = bytes(entry.leaf_data).replace("裁定书".encode(), "判决书".encode())
    entry.save()

    report = selectors.ledger_check(ledger=ledger)
    assert [(f.leaf_index, f.reason) for f in report.failures] == [(2, "第 2 号叶的记录与其叶哈希不符")]
    with pytest.raises(LeafHashMismatchError) as info:
        selectors.entry_check(ledger=ledger, leaf_index=2)
    assert info.value.leaf_index == 2


def test_changing_a_stored_node_is_named_by_the_leaves_beneath_it(world, tamper_node):
    appended = _files(world, 8)
    ledger = Ledger.objects.get(court=world.court)
    tamper_node(ledger, 2, 1)

    report = selectors.ledger_check(ledger=ledger)
    assert [(f.leaf_index, f.leaf_end) for f in report.failures] == [(4, 8)]
    assert "第 4 至 7 号叶" in report.failures[0].reason
    result = selectors.receipt_verify(receipt_text=appended[0].receipt.to_json(), data=None)
    assert (result.verified, result.code) == (False, "ledger.root_mismatch")
    assert selectors.ledger_check(ledger=Ledger.objects.get(pk=ledger.pk)).ok is False


def test_the_audit_trail_is_chained_once(world):
    register_civil(world)
    rows = LogEntry.objects.count()
    assert rows == LogEntry.objects.count() and rows > 0  # the registration wrote audit records

    assert services.audit_trail_chain(batch_size=7) == rows
    assert services.audit_trail_chain() == 0
    platform = Ledger.objects.get(court__isnull=True)
    assert platform.size == rows
    assert set(EvidenceEntry.objects.filter(kind=EntryKind.AUDIT).values_list("source_id", flat=True)) == set(
        LogEntry.objects.values_list("pk", flat=True)
    )
    assert selectors.ledger_check(ledger=platform).ok is True

    register_civil(world)
    assert services.audit_trail_chain() == LogEntry.objects.count() - rows
