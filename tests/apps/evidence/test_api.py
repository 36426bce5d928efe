"""The ledger API and pages: recording, listing scoped to the court, receipt download, heads and keys, CLI."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from smartcourt.apps.evidence.models import EvidenceEntry, Ledger
from smartcourt.engines.ledger import Receipt, verify_receipt

pytestmark = pytest.mark.django_db

RECORD = {"kind": "GUARANTEE", "content_hash": "sm3:" + "ab" * 32, "metadata": {"title": "诉讼保全电子保函"}}


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(("who", "status"), [("anonymous", 401), ("litigant", 403), ("lawyer", 403)])
def test_recording_is_refused_to_all_but_court_staff_and_nothing_changes(world, who, status):
    user = None if who == "anonymous" else getattr(world, who)
    response = _client(user).post(
        "/api/v1/ledger/records", {"records": [RECORD]}, content_type="application/json"
    )
    assert response.status_code == status
    assert (Ledger.objects.count(), EvidenceEntry.objects.count()) == (0, 0)


def test_records_api_returns_receipts_and_the_download_is_the_same(world):
    client = _client(world.judge)
    response = client.post(
        "/api/v1/ledger/records",
        {"records": [RECORD, {**RECORD, "kind": "ARCHIVE"}]},
        content_type="application/json",
    )
    assert response.status_code == 201
    [first, second] = response.json()
    assert (first["receipt"]["leaf_index"], second["receipt"]["tree_size"]) == (0, 2)
    download = client.get(f"/api/v1/ledger/entries/{second['entry_id']}/receipt")
    assert download["Content-Disposition"] == 'attachment; filename="receipt-1.json"'
    receipt = Receipt.from_json(download.content)
    assert json.loads(receipt.to_json()) == second["receipt"]
    ledger = Ledger.objects.get(court=world.court)
    assert verify_receipt(receipt, verifier_key=ledger.verifier_key).size == 2
    page = client.get(f"/evidence/entries/{second['entry_id']}/receipt.json")
    assert page.content == download.content


def test_entries_are_listed_to_their_court_only(world):
    _client(world.judge).post(
        "/api/v1/ledger/records", {"records": [RECORD]}, content_type="application/json"
    )
    mine = _client(world.clerk).get("/api/v1/ledger/entries").json()
    theirs = _client(world.other_judge).get("/api/v1/ledger/entries").json()
    assert (mine["count"], mine["items"][0]["kind_label"]) == (1, "电子保函")
    assert theirs["count"] == 0
    assert _client(world.litigant).get("/api/v1/ledger/entries").status_code == 403
    entry_id = mine["items"][0]["id"]
    assert _client(world.other_judge).get(f"/api/v1/ledger/entries/{entry_id}/receipt").status_code == 404


def test_file_upload_api_and_public_head_and_key(world):
    response = _client(world.judge).post(
        "/api/v1/ledger/files", {"file": SimpleUploadedFile("证据.txt", b"evidence"), "title": "聊天记录"}
    )
    assert response.status_code == 201
    ledger = Ledger.objects.get(court=world.court)
    anonymous = Client()
    assert [item["origin"] for item in anonymous.get("/api/v1/ledger/logs").json()] == [ledger.origin]
    head = anonymous.get(f"/api/v1/ledger/logs/{ledger.pk}/head").json()
    assert (head["size"], head["previous_size"], head["consistency_verified"]) == (1, 0, True)
    key = anonymous.get(f"/api/v1/ledger/logs/{ledger.pk}/public-key").content.decode()
    assert key == ledger.verifier_key + "\n"
    proof = anonymous.get(f"/api/v1/ledger/logs/{ledger.pk}/proof/consistency?first=0&second=1").json()
    assert proof == {"origin": ledger.origin, "hashes": []}


def test_record_page_records_files_and_lists_them(world):
    client = _client(world.judge)
    response = client.post(
        "/evidence/",
        {
            "kind": "FILE",
            "title": "现场照片",
            "file": [SimpleUploadedFile("a.jpg", b"a"), SimpleUploadedFile("b.jpg", b"b")],
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "已存证 2 条" in text
    assert text.count("smartcourt-ledger-receipt/v1") == 2
    assert EvidenceEntry.objects.filter(kind="FILE").count() == 2
    assert _client(world.litigant).get("/evidence/").status_code == 403


def test_cli_append_head_public_key_and_offline_verify(world, tmp_path):
    files = []
    for i in range(3):
        path = tmp_path / f"e{i}.bin"
        path.write_bytes(f"evidence {i}".encode())
        files.append(str(path))
    out = io.StringIO()
    call_command("ledger", "append", *files, stdout=out)
    lines = out.getvalue().splitlines()
    assert [Receipt.from_json(line).leaf_index for line in lines] == [0, 1, 2]
    key_out, head_out = io.StringIO(), io.StringIO()
    call_command("ledger", "public-key", stdout=key_out)
    call_command("ledger", "head", stdout=head_out)
    assert head_out.getvalue().split("\n")[:2] == ["smartcourt.example/ledger/platform", "3"]
    key_file = tmp_path / "key.txt"
    key_file.write_text(key_out.getvalue())
    receipt_file = tmp_path / "r.json"
    receipt_file.write_text(lines[1])

    ok = io.StringIO()
    call_command(
        "ledger",
        "verify",
        "--receipt",
        str(receipt_file),
        "--file",
        files[1],
        "--public-key",
        str(key_file),
        stdout=ok,
    )
    assert ok.getvalue().startswith("验证通过")
    with pytest.raises(CommandError) as info:
        call_command("ledger", "verify", "--receipt", str(receipt_file), "--file", files[0])
    assert "第 1 号叶" in str(info.value)
    check = io.StringIO()
    call_command("ledger", "check", stdout=check)
    assert (
        check.getvalue().strip()
        == "smartcourt.example/ledger/platform：3 条、1 个节点、2 个签名树头，全部一致"
    )
