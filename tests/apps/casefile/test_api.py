"""The API: batch upload with per-file errors, listing, pages, search, corrections, checks, back-fill, archive."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from smartcourt.apps.cases.models import Case
from tests.apps.casefile.conftest import docx_bytes

pytestmark = pytest.mark.django_db
API = "/api/v1/casefile"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_api_end_to_end(world, case, tasks) -> None:
    client = _client(world.clerk)
    name = case.parties.get(role="PLAINTIFF").name
    complaint = docx_bytes(
        [
            "民事起诉状",
            f"原告：{name}，联系电话13912345678。",
            "诉讼请求：1.偿还借款60000元。",
            f"具状人：{name}",
        ]
    )
    with tasks:
        response = client.post(
            f"{API}/cases/{case.pk}/materials",
            {
                "source": "PORTAL",
                "files": [SimpleUploadedFile("起诉状.docx", complaint), SimpleUploadedFile("x.pdf", b"")],
            },
        )
    assert response.status_code == 201, response.content
    results = response.json()["results"]
    assert results[0]["ok"] and not results[1]["ok"] and results[1]["message"].startswith("x.pdf：")
    material_id = results[0]["material"]["id"]
    listed = client.get(f"{API}/cases/{case.pk}/materials").json()
    assert [m["category"] for m in listed] == ["complaint"] and listed[0]["status"] == "READY"
    pages = client.get(f"{API}/materials/{material_id}/pages").json()
    assert pages[0]["text"].startswith("民事起诉状") and pages[0]["page_number"] == 1
    hits = client.get(f"{API}/cases/{case.pk}/search", {"q": "偿还借款"}).json()
    assert hits[0]["material"] == material_id
    checks = client.get(f"{API}/cases/{case.pk}/checks").json()
    assert any(c["kind"] == "missing_document" for c in checks)
    fields = client.get(f"{API}/cases/{case.pk}/backfill").json()
    amount = next(f for f in fields if f["field"] == "claim_amount")
    decided = client.post(
        f"{API}/backfill/{amount['id']}", {"decision": "accept"}, content_type="application/json"
    )
    assert decided.json()["decision"] == "ACCEPTED"
    case.refresh_from_db()
    assert str(case.claim_amount) == "60000.00"
    bad = client.post(
        f"{API}/backfill/{amount['id']}", {"decision": "maybe"}, content_type="application/json"
    )
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_input"
    wrong = client.post(
        f"{API}/materials/{material_id}/corrections",
        {"reason": "", "category": "answer"},
        content_type="application/json",
    )
    assert wrong.status_code == 400 and wrong.json()["message"] == "请填写更正理由"
    fixed = client.post(
        f"{API}/materials/{material_id}/corrections",
        {"reason": "实为答辩状", "category": "answer"},
        content_type="application/json",
    )
    assert fixed.json()["category"] == "answer"
    refused = client.post(f"{API}/cases/{case.pk}/archive", {}, content_type="application/json")
    assert refused.status_code == 409 and refused.json()["code"] == "casefile.not_closed"
    Case.objects.filter(pk=case.pk).update(status="CLOSED", closed_on=date(2026, 11, 20))
    built = client.post(
        f"{API}/cases/{case.pk}/archive", {"retention": "定期10年"}, content_type="application/json"
    )
    assert built.status_code == 201 and built.json()["ledger_leaf_index"] is not None
    checked = client.post(f"{API}/cases/{case.pk}/archive/check").json()
    assert checked["check_ok"] is True
    assert _client(world.other_judge).get(f"{API}/cases/{case.pk}/materials").status_code == 404
    assert _client(world.litigant).get(f"{API}/materials/{material_id}/pages").status_code == 404
