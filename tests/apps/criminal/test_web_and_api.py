"""Pages, the case-page panel and the API: permission per viewer, bad input, and the 量刑表 read back."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from docx import Document

from smartcourt.apps.cases.models import Party
from smartcourt.apps.criminal import services
from smartcourt.apps.criminal.models import EvidenceMaterial, SentencingAssessment, SentencingOverride
from tests.apps.criminal.conftest import THEFT_FACTS, register_criminal

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "party", "stranger", "other_judge", "judge"]


def _client(world, viewer, case) -> Client:
    client = Client()
    if viewer == "anonymous":
        return client
    if viewer == "party":  # the accused, linked to a user account: a party of this very case
        Party.objects.filter(case=case, role="ACCUSED").update(user=world.litigant)
        client.force_login(world.litigant)
    else:
        client.force_login(getattr(world, viewer))
    return client


API = "/api/v1/criminal/cases/{case}"
# (method, path, body, status per viewer; others per DEFAULT)
ENDPOINTS = [
    ("get", API + "/sentencing", None, {"judge": 200}),
    ("post", API + "/sentencing/facts", {"facts": THEFT_FACTS}, {"judge": 200}),
    (
        "post",
        API + "/sentencing/overrides",
        {"target": "FACT", "name": "amount", "action": "SET", "value": "6000", "reason": "依价格认定书"},
        {"judge": 200},
    ),
    ("get", API + "/sentencing/table.docx", None, {"judge": 200}),
    ("get", API + "/evidence-guidance", None, {"judge": 200}),
    ("post", API + "/evidence-guidance/materials", {"description": "情况说明"}, {"judge": 200}),
    ("post", API + "/evidence-guidance/ready", {"reason": "检察院承诺补送"}, {"judge": 200}),
]
DEFAULT = {"anonymous": 401, "party": 403, "stranger": 404, "other_judge": 404}


def _state():
    return (
        SentencingAssessment.objects.values_list("version", "facts").first(),
        SentencingOverride.objects.count(),
        EvidenceMaterial.objects.count(),
    )


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize(
    ("method", "path", "body", "allowed"), ENDPOINTS, ids=[e[1] + e[0] for e in ENDPOINTS]
)
def test_api_permissions(world, viewer, method, path, body, allowed):
    case = register_criminal(world)
    services.sentencing_facts_save(case=case, actor=world.judge, facts=THEFT_FACTS)
    client = _client(world, viewer, case)
    before = _state()
    url = path.format(case=case.pk)
    response = client.get(url) if method == "get" else client.post(url, body, content_type="application/json")
    expected = allowed.get(viewer, DEFAULT.get(viewer))
    assert response.status_code == expected, response.content
    if expected != 200:
        assert _state() == before
        if response["Content-Type"].startswith("application/json"):
            assert set(response.json()) == {"code", "message", "detail"}


PAGES = ["criminal:panel", "criminal:case", "criminal:table_docx"]


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("name", PAGES)
def test_page_permissions(world, viewer, name):
    from django.urls import reverse

    case = register_criminal(world)
    services.sentencing_facts_save(case=case, actor=world.judge, facts=THEFT_FACTS)
    response = _client(world, viewer, case).get(reverse(name, args=[case.pk]))
    expected = {"anonymous": 302, "party": 403, "stranger": 404, "other_judge": 404, "judge": 200}[viewer]
    assert response.status_code == expected


def test_web_posts_by_others_change_nothing(world):
    case = register_criminal(world)
    for viewer in ("party", "stranger", "other_judge"):
        client = _client(world, viewer, case)
        response = client.post(f"/criminal/cases/{case.pk}/facts/", {"facts": THEFT_FACTS})
        assert response.status_code in (403, 404)
    assert SentencingAssessment.objects.count() == 0


def test_panel_is_registered_for_staff_on_criminal_cases_only(world):
    from tests.apps.factories import register_civil

    case = register_criminal(world)
    judge = _client(world, "judge", case)
    page = judge.get(f"/cases/{case.pk}/").content.decode()
    assert f'hx-get="/criminal/cases/{case.pk}/panel/"' in page
    civil = register_civil(world)
    assert "/criminal/" not in judge.get(f"/cases/{civil.pk}/").content.decode()
    party = _client(world, "party", case)
    assert "/criminal/" not in party.get(f"/cases/{case.pk}/").content.decode()


def test_panel_shows_message_then_recommendation(world):
    case = register_criminal(world)
    client = _client(world, "judge", case)
    body = client.get(f"/criminal/cases/{case.pk}/panel/").content.decode()
    assert "尚未录入案件事实" in body
    client.post(f"/criminal/cases/{case.pk}/facts/import/")
    body = client.get(f"/criminal/cases/{case.pk}/panel/").content.decode()
    assert "建议宣告刑" in body and "下载量刑表" in body


def test_full_page_highlights_and_override_form(world):
    case = register_criminal(world)
    client = _client(world, "judge", case)
    response = client.post(f"/criminal/cases/{case.pk}/facts/", {"facts": THEFT_FACTS}, follow=True)
    body = response.content.decode()
    assert "案件事实已保存" in body
    assert '<mark class="circumstance" title="坦白（如实供述自己罪行）">如实供述' in body
    assert '<mark class="fact" title="犯罪数额（元）">' in body
    assert "法发〔2021〕21号 三、7（1）" in body
    response = client.post(
        f"/criminal/cases/{case.pk}/overrides/",
        {"target": "FACT", "name": "amount", "action": "SET", "value": "6000", "reason": ""},
        follow=True,
    )
    assert "请填写理由" in response.content.decode()
    assert SentencingOverride.objects.count() == 0


def test_unsupported_crime_shows_message_and_no_table(world):
    case = register_criminal(world, charge="开设赌场")
    services.sentencing_facts_save(case=case, actor=world.judge, facts="被告人开设赌场，抽头渔利3000元。")
    client = _client(world, "judge", case)
    body = client.get(f"/criminal/cases/{case.pk}/").content.decode()
    assert "无法给出量刑建议" in body and "常见犯罪之列" in body
    assert "下载量刑表" not in body
    response = client.get(f"/api/v1/criminal/cases/{case.pk}/sentencing/table.docx")
    assert response.status_code == 400
    assert response.json()["code"] == "sentencing.unsupported_crime"
    data = client.get(f"/api/v1/criminal/cases/{case.pk}/sentencing").json()
    assert data["recommendation"] is None
    assert data["error"]["code"] == "sentencing.unsupported_crime"


def test_api_bad_input(world):
    case = register_criminal(world)
    client = _client(world, "judge", case)
    r = client.post(
        f"/api/v1/criminal/cases/{case.pk}/sentencing/facts", {"facts": ""}, content_type="application/json"
    )
    assert (r.status_code, r.json()["code"], r.json()["detail"]["field"]) == (
        400,
        "criminal.no_facts",
        "facts",
    )
    r = client.post(
        f"/api/v1/criminal/cases/{case.pk}/sentencing/facts",
        {"facts": "x" * 20001},
        content_type="application/json",
    )
    assert r.status_code == 422
    r = client.post(
        f"/api/v1/criminal/cases/{case.pk}/sentencing/facts", "not json", content_type="application/json"
    )
    assert r.status_code == 400 and set(r.json()) == {"code", "message", "detail"}
    assert SentencingAssessment.objects.count() == 0
    client.post(
        f"/api/v1/criminal/cases/{case.pk}/sentencing/facts",
        {"facts": THEFT_FACTS},
        content_type="application/json",
    )
    r = client.post(
        f"/api/v1/criminal/cases/{case.pk}/sentencing/overrides",
        {"target": "CIRCUMSTANCE", "name": "surrender", "action": "ADD", "value": "99", "reason": "测试"},
        content_type="application/json",
    )
    assert r.status_code == 400 and "0%—40%" in r.json()["message"]
    r = client.post(
        f"/api/v1/criminal/cases/{case.pk}/evidence-guidance/ready", {}, content_type="application/json"
    )
    assert (r.status_code, r.json()["code"]) == (400, "criminal.missing_mandatory")


def test_api_assessment_shape(world):
    case = register_criminal(world)
    client = _client(world, "judge", case)
    data = client.post(
        f"/api/v1/criminal/cases/{case.pk}/sentencing/facts",
        {"facts": THEFT_FACTS},
        content_type="application/json",
    ).json()
    assert data["charge"] == "盗窃" and data["facts_version"] == 1
    rec = data["recommendation"]
    assert rec["declared"] == "拘役三个月"
    assert [s["stage"] for s in rec["steps"]][:2] == ["starting_point", "baseline"]
    first = data["circumstances"][0]
    assert THEFT_FACTS[first["span"]["start"] : first["span"]["end"]] == first["text"] == "如实供述"


def test_sentencing_table_docx_read_back(world):
    case = register_criminal(world)
    services.sentencing_facts_save(case=case, actor=world.judge, facts=THEFT_FACTS)
    services.sentencing_override_apply(
        case=case,
        actor=world.judge,
        target="CIRCUMSTANCE",
        name="surrender",
        action="ADD",
        value="20",
        reason="经电话通知到案，认定自首",
    )
    client = _client(world, "judge", case)
    response = client.get(f"/criminal/cases/{case.pk}/sentencing-table.docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    doc = Document(io.BytesIO(response.content))
    info = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert info["案号"] == case.case_number
    assert info["法院"] == "杭州市上城区人民法院"
    assert info["被告人"] == "甲某"
    assert info["罪名"] == "盗窃罪"
    assert info["适用条文"].startswith("刑法第二百六十四条")
    steps = doc.tables[1]
    assert [c.text for c in steps.rows[0].cells][:3] == ["序号", "步骤", "依据（法发〔2021〕21号）"]
    rules = [row.cells[2].text for row in steps.rows[1:]]
    assert rules[0] == "四、（十一）1（1）" and "三、6" in rules
    result = {row.cells[0].text: row.cells[1].text for row in doc.tables[2].rows}
    data = client.get(f"/api/v1/criminal/cases/{case.pk}/sentencing").json()
    assert result["建议宣告刑"] == data["recommendation"]["declared"]
    assert result["罚金"].startswith("人民币")
    overrides = doc.tables[3]
    assert [c.text for c in overrides.rows[1].cells][2:] == [
        "量刑情节：自首（增加）",
        "无",
        "增加（20%）",
        "经电话通知到案，认定自首",
    ]
    api = client.get(f"/api/v1/criminal/cases/{case.pk}/sentencing/table.docx")
    assert api.status_code == 200
    assert Document(io.BytesIO(api.content)).tables[0].rows[0].cells[1].text == case.case_number


def test_material_upload_and_download(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = register_criminal(world)
    client = _client(world, "judge", case)
    response = client.post(
        f"/criminal/cases/{case.pk}/evidence/materials/",
        {
            "requirement_key": "盗窃:price_assessment",
            "description": "价格认定结论书",
            "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4 demo", content_type="application/pdf"),
        },
        follow=True,
    )
    assert "证据材料已登记" in response.content.decode()
    material = EvidenceMaterial.objects.get()
    download = client.get(f"/criminal/cases/{case.pk}/evidence/materials/{material.pk}/file")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 demo"
    stranger = _client(world, "other_judge", case)
    assert stranger.get(f"/criminal/cases/{case.pk}/evidence/materials/{material.pk}/file").status_code == 404
