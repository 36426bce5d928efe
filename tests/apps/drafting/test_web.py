"""The case-page panel, the defect page with 一键修正, downloads and 存入电子卷宗; the API with
{code, message, detail} errors; parties and other courts get 404."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from smartcourt.apps.casefile.models import Material
from smartcourt.apps.drafting import files
from smartcourt.apps.drafting.models import Draft
from tests.apps.drafting.conftest import docx_bytes, docx_text, judgment_inputs

pytestmark = pytest.mark.django_db
API = "/api/v1/drafting"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_panel_listed_on_case_page_for_court_staff_only(world, case) -> None:
    page = _client(world.judge).get(f"/cases/{case.pk}/")
    assert "文书制作" in page.content.decode()
    panel = _client(world.judge).get(f"/drafting/cases/{case.pk}/panel/")
    body = panel.content.decode()
    assert panel.status_code == 200 and "生成文书" in body and "<h2" not in body
    for who in ("other_judge", "litigant", "it_admin"):
        assert _client(getattr(world, who)).get(f"/drafting/cases/{case.pk}/panel/").status_code == 404
    assert "drafting/cases" not in _client(world.other_judge).get(f"/cases/{case.pk}/").content.decode()


def test_generate_check_fix_store_in_the_browser(world, case) -> None:
    client = _client(world.judge)
    form = {k: "\n".join(v) if isinstance(v, list) else v for k, v in judgment_inputs(case).items()}
    form["facts_found"] += "\n被告应当赔尝原告的损失。"  # a seeded 别字
    response = client.post(
        f"/drafting/cases/{case.pk}/generate/", {"document_type": "civil_judgment", **form}
    )
    draft = Draft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/drafting/drafts/{draft.pk}/"
    page = client.get(f"/drafting/drafts/{draft.pk}/").content.decode()
    assert "赔尝" in page and "一键修正" in page and "存入电子卷宗" in page
    from smartcourt.apps.drafting.selectors import draft_defects

    index = next(i for i, d in enumerate(draft_defects(draft=draft)) if d.text == "赔尝")
    response = client.post(f"/drafting/drafts/{draft.pk}/fix/", {"index": index, "text": "赔尝"})
    fixed = Draft.objects.get(version=2)
    assert response["Location"] == f"/drafting/drafts/{fixed.pk}/"
    download = client.get(f"/drafting/drafts/{fixed.pk}/download.docx")
    assert download.status_code == 200 and "赔偿原告" in docx_text(download.content)
    from smartcourt.apps.audit.models import SensitiveRead

    assert SensitiveRead.objects.filter(
        actor=world.judge, model="drafting.draft", object_id=str(fixed.pk)
    ).exists()
    if files.pdf_available():
        pdf = client.get(f"/drafting/drafts/{fixed.pk}/download.pdf")
        assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
    client.post(f"/drafting/drafts/{fixed.pk}/store/")
    assert Material.objects.get(case=case).source == "GENERATED"
    assert "已存入电子卷宗" in client.get(f"/drafting/drafts/{fixed.pk}/").content.decode()


def test_browser_bad_input_is_a_chinese_message(world, case) -> None:
    client = _client(world.judge)
    response = client.post(
        f"/drafting/cases/{case.pk}/upload/", {"file": SimpleUploadedFile("坏.docx", b"garbage")}, follow=True
    )
    assert "无法读取" in response.content.decode() and not Draft.objects.exists()
    response = client.post(f"/drafting/cases/{case.pk}/generate/", {"document_type": "nope"}, follow=True)
    assert "不支持的文书类型" in response.content.decode()


def test_other_court_cannot_open_a_draft(world, case) -> None:
    client = _client(world.judge)
    client.post(f"/drafting/cases/{case.pk}/generate/", {"document_type": "summons"})
    draft = Draft.objects.get()
    for who in ("other_judge", "litigant"):
        other = _client(getattr(world, who))
        assert other.get(f"/drafting/drafts/{draft.pk}/").status_code == 404
        assert other.get(f"/drafting/drafts/{draft.pk}/download.docx").status_code == 404
        assert other.post(f"/drafting/drafts/{draft.pk}/store/").status_code == 404
        assert other.get(f"{API}/drafts/{draft.pk}").status_code == 404


def test_api_end_to_end(world, case) -> None:
    client = _client(world.clerk)
    types = client.get(f"{API}/document-types").json()
    assert {"civil_judgment", "summons", "criminal_judgment"} <= {t["key"] for t in types}
    response = client.post(
        f"{API}/cases/{case.pk}/drafts",
        {"document_type": "civil_judgment", "inputs": judgment_inputs(case)},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["version"] == 1 and isinstance(body["defects"], list)
    assert client.get(f"{API}/drafts/{body['id']}/docx").content[:2] == b"PK"
    seeded = docx_bytes([case.court.name, "民事判决书", case.case_number, "被告应当赔尝原告的损失。"])
    checked = client.post(f"{API}/cases/{case.pk}/check", {"file": SimpleUploadedFile("x.docx", seeded)})
    assert checked.status_code == 201
    defect = next(d for d in checked.json()["defects"] if d["text"] == "赔尝")
    assert {"kind", "location", "message", "rule", "suggestion"} <= defect.keys()
    fixed = client.post(
        f"{API}/drafts/{checked.json()['id']}/fix",
        {"index": defect["index"], "text": "赔尝"},
        content_type="application/json",
    )
    assert fixed.status_code == 201 and all(d["text"] != "赔尝" for d in fixed.json()["defects"])
    stored = client.post(f"{API}/drafts/{body['id']}/store")
    assert stored.status_code == 200 and stored.json()["material_id"]
    assert len(client.get(f"{API}/cases/{case.pk}/drafts").json()) == 3


def test_api_errors(world, case) -> None:
    client = _client(world.judge)
    response = client.post(
        f"{API}/cases/{case.pk}/drafts", {"document_type": "起诉状"}, content_type="application/json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "drafting.unknown_document_type" and "不支持的文书类型" in body["message"]
    assert body["detail"]["field"] == "document_type"
    response = client.post(
        f"{API}/cases/{case.pk}/check", {"file": SimpleUploadedFile("x.docx", b"PK\x03\x04bad")}
    )
    assert response.status_code == 400 and response.json()["code"] == "drafting.bad_file"
    assert "无法读取" in response.json()["message"]
    response = _client(world.litigant).post(
        f"{API}/cases/{case.pk}/drafts", {"document_type": "summons"}, content_type="application/json"
    )
    assert response.status_code == 404 and response.json()["code"] == "drafting.not_found"
    assert not Draft.objects.exists()
