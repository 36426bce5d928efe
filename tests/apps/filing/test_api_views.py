"""API and pages of 网上立案: permissions, bad input with field errors (draft kept), rejected uploads."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from smartcourt.apps.filing.models import Filing, FilingStatus, FilingUpload
from tests.apps.filing.conftest import civil_steps, complete_draft, pdf_bytes

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_api_draft_steps_answer_problems_and_keep_the_draft(filers):
    api = client_for(filers.litigant)
    created = api.post("/api/v1/filings", {"kind": "CIVIL_FIRST"}, content_type="application/json")
    assert created.status_code == 201
    fid = created.json()["id"]
    steps = civil_steps(filers)
    steps["parties"]["parties"][1]["id_number"] = "91330102XXXXXXXXX0"
    r = api.put(f"/api/v1/filings/{fid}/parties", steps["parties"], content_type="application/json")
    assert r.status_code == 200
    assert list(r.json()["problems"]) == ["parties[1].id_number"]
    submit = api.post(f"/api/v1/filings/{fid}/submit")
    assert submit.status_code == 400
    body = submit.json()
    assert body["code"] == "filing.incomplete"
    assert {"court_id", "parties[1].id_number", "claims", "uploads"} <= set(body["detail"]["errors"])
    detail = api.get(f"/api/v1/filings/{fid}").json()
    assert detail["status"] == "DRAFT"
    assert detail["parties"][1]["id_number"] == "91330102XXXXXXXXX0"
    bad = api.put(f"/api/v1/filings/{fid}/claims", {"claims": "x"}, content_type="application/json")
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_input"


def test_api_upload_rejected_with_reason_then_accepted(filers):
    api = client_for(filers.litigant)
    fid = api.post("/api/v1/filings", {"kind": "CIVIL_FIRST"}, content_type="application/json").json()["id"]
    bad = api.post(
        f"/api/v1/filings/{fid}/uploads",
        {"category": "PLEADING", "file": SimpleUploadedFile("起诉状.pdf", b"GIF89a not a pdf")},
    )
    assert bad.status_code == 400
    assert bad.json()["detail"]["field"] == "file"
    assert "起诉状.pdf" in bad.json()["message"]
    assert FilingUpload.objects.count() == 0
    good = api.post(
        f"/api/v1/filings/{fid}/uploads",
        {"category": "PLEADING", "file": SimpleUploadedFile("起诉状.pdf", pdf_bytes())},
    )
    assert good.status_code == 201
    assert good.json()["media_type"] == "application/pdf"
    stranger = client_for(filers.stranger)
    assert stranger.delete(f"/api/v1/filings/{fid}/uploads/{good.json()['id']}").status_code == 404
    assert FilingUpload.objects.count() == 1


def test_api_review_flow_and_permissions(filers):
    filing = complete_draft(filers)
    litigant = client_for(filers.litigant)
    assert litigant.post(f"/api/v1/filings/{filing.pk}/submit").status_code == 200
    # the litigant cannot decide; another court's officer does not even see it
    assert (
        litigant.post(f"/api/v1/filings/{filing.pk}/accept", {}, content_type="application/json").status_code
        == 403
    )
    other = client_for(filers.other_filer)
    assert (
        other.post(f"/api/v1/filings/{filing.pk}/accept", {}, content_type="application/json").status_code
        == 404
    )
    assert Client().get(f"/api/v1/filings/{filing.pk}").status_code == 401
    officer = client_for(filers.filer)
    queue = officer.get("/api/v1/filings").json()
    assert [f["id"] for f in queue] == [filing.pk]
    assert queue[0]["flags"]  # explained to the officer …
    assert litigant.get(f"/api/v1/filings/{filing.pk}").json()["flags"] == []  # … not to the filer
    empty = officer.post(
        f"/api/v1/filings/{filing.pk}/correction", {"items": []}, content_type="application/json"
    )
    assert empty.status_code == 400
    assert empty.json()["detail"]["field"] == "items"
    accepted = officer.post(
        f"/api/v1/filings/{filing.pk}/accept", {"procedure": "SIMPLE"}, content_type="application/json"
    )
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["case_number"].endswith("民初1号")
    assert litigant.get(f"/api/v1/filings/{filing.pk}").json()["status"] == "ACCEPTED"


def test_pages_guide_the_filer_and_show_field_errors(filers):
    web = client_for(filers.litigant)
    assert "网上立案" in web.get("/filing/").content.decode()
    web.post("/filing/", {"kind": "CIVIL_FIRST"})
    filing = Filing.objects.get()
    page = web.get(f"/filing/{filing.pk}/step/case/")
    assert page.status_code == 200
    r = web.post(
        f"/filing/{filing.pk}/step/parties/",
        {
            "party-count": "2",
            "party-0-role": "PLAINTIFF",
            "party-0-kind": "NATURAL_PERSON",
            "party-0-name": "测试原告",
            "party-0-id_type": "RESIDENT_ID",
            "party-0-id_number": "330102199001011230",
            "party-0-address": "杭州",
            "party-0-phone": "13912345678",
            "party-1-role": "DEFENDANT",
            "party-1-kind": "NATURAL_PERSON",
            "party-1-name": "测试被告",
            "party-1-address": "杭州",
            "action": "next",
        },
    )
    assert r.status_code == 200  # stays on the step with the error next to the field
    html = r.content.decode()
    assert "校验" in html
    assert 'value="330102199001011230"' in html
    assert filing.parties.count() == 2
    # add a row keeps everything
    r = web.post(
        f"/filing/{filing.pk}/step/evidence/",
        {"evidence-count": "1", "evidence-0-name": "借条", "action": "add_row"},
    )
    assert r.content.decode().count('name="evidence-1-name"') == 1
    upload = web.post(
        f"/filing/{filing.pk}/uploads/",
        {"category": "PLEADING", "file": SimpleUploadedFile("a.pdf", b"not a pdf at all")},
        follow=True,
    )
    assert "未通过检查" in upload.content.decode()
    submit = web.post(f"/filing/{filing.pk}/submit/", follow=True)
    assert "尚不完整" in submit.content.decode()
    filing.refresh_from_db()
    assert filing.status == FilingStatus.DRAFT


def test_officer_pages_and_nav(filers):
    filing = complete_draft(filers)
    client_for(filers.litigant).post(f"/filing/{filing.pk}/submit/")
    officer = client_for(filers.filer)
    queue = officer.get("/filing/review/").content.decode()
    filing.refresh_from_db()
    assert filing.reference in queue
    assert "立案审查" in queue
    page = officer.get(f"/filing/{filing.pk}/").content.decode()
    assert "审查提示" in page
    assert "不予受理" in page
    r = officer.post(
        f"/filing/{filing.pk}/correction/",
        {"items": "补充身份证复印件\n补充借条", "due_days": "10"},
        follow=True,
    )
    assert "一次性告知补正" in r.content.decode()
    filing.refresh_from_db()
    assert filing.status == FilingStatus.CORRECTION_REQUESTED
    assert client_for(filers.judge).get("/filing/review/").status_code == 403
    assert client_for(filers.judge).get(f"/filing/{filing.pk}/").status_code == 404
    assert "网上立案" in client_for(filers.litigant).get("/cases/").content.decode()
