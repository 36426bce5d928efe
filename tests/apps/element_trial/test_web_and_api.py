"""The case-page panel and the full page (toggle with reason, edit, figures, documents), and the API under
/api/v1/element-trial with {code, message, detail} errors; parties and other judges get 403, other courts 404."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client

from smartcourt.apps.drafting.models import Draft
from smartcourt.apps.element_trial import services
from smartcourt.apps.element_trial.models import ElementChange, ElementEntry, ElementSheet
from tests.apps.element_trial.conftest import ANSWER, COMPLAINT
from tests.apps.factories import register_civil

pytestmark = pytest.mark.django_db
API = "/api/v1/element-trial"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_panel_on_the_case_page_for_the_trial_team_only(world, case) -> None:
    assert "element-trial/cases" in _client(world.judge).get(f"/cases/{case.pk}/").content.decode()
    panel = _client(world.judge).get(f"/element-trial/cases/{case.pk}/panel/")
    body = panel.content.decode()
    assert panel.status_code == 200 and "从电子卷宗生成要素表" in body and "<h2" not in body
    clerk_panel = _client(world.clerk).get(f"/element-trial/cases/{case.pk}/panel/").content.decode()
    assert "打开要素式审判" in clerk_panel and "生成要素表</button>" not in clerk_panel
    for who in ("judge2", "litigant"):
        assert (
            "element-trial/cases"
            not in _client(getattr(world, who)).get(f"/cases/{case.pk}/").content.decode()
        )
        assert _client(getattr(world, who)).get(f"/element-trial/cases/{case.pk}/panel/").status_code == 403
    assert _client(world.other_judge).get(f"/element-trial/cases/{case.pk}/").status_code == 404


def test_panel_only_on_the_four_causes(world) -> None:
    other = register_civil(world, cause_of_action="买卖合同纠纷")
    other.responsible_judge = world.judge
    other.save(update_fields=["responsible_judge"])
    assert "element-trial/cases" not in _client(world.judge).get(f"/cases/{other.pk}/").content.decode()
    labor = register_civil(world, cause_of_action="劳动合同纠纷")
    labor.responsible_judge = world.judge
    labor.save(update_fields=["responsible_judge"])
    assert "element-trial/cases" in _client(world.judge).get(f"/cases/{labor.pk}/").content.decode()


def test_page_build_toggle_edit_figures_and_judgment(world, case) -> None:
    client = _client(world.judge)
    url = f"/element-trial/cases/{case.pk}/"
    response = client.post(url + "build/", {"complaint": COMPLAINT, "answer": ANSWER})
    assert response.status_code == 302 and response["Location"] == url + "#table"
    page = client.get(url).content.decode()
    assert "要素表" in page and "标为有争议" in page and "约定利率" in page and "生成判决书草稿" in page
    # toggling without a reason: a Chinese message, nothing saved
    page = client.post(url + "rows/", {"key": "amount", "status": "disputed", "reason": ""}, follow=True)
    assert "请填写修改理由" in page.content.decode() and not ElementChange.objects.exists()
    client.post(url + "rows/", {"key": "amount", "status": "disputed", "reason": "金额存疑"})
    assert ElementEntry.objects.get(key="amount").status == "disputed"
    page = client.get(url).content.decode()
    outline = page.split('id="outline"')[1].split('id="calculation"')[0]
    assert "借款金额" in outline and "金额存疑" in page
    page = client.post(url + "rows/", {"key": "amount", "status": "bogus", "reason": "x"}, follow=True)
    assert "要素状态无效" in page.content.decode()
    # figures: the engine's refusal is a form error; then the calculation with its steps
    figures = {"principal": "70000", "start": "2035-01-01", "end": "2036-01-01", "annual_rate": "24"}
    page = client.post(url + "figures/", figures, follow=True).content.decode()
    assert "一年期LPR" in page and ElementSheet.objects.get().figures == {}
    client.post(url + "figures/", {**figures, "start": "2023-03-01", "end": "2024-03-01", "lpr": "3.65"})
    page = client.get(url).content.decode()
    assert "10248.00" in page and "四倍LPR上限" in page
    signed = (case.registered_on + timedelta(days=40)).isoformat()
    response = client.post(url + "judgment/", {"judgment_date": signed})
    draft = Draft.objects.get(document_type="civil_judgment")
    assert response["Location"] == f"/drafting/drafts/{draft.pk}/" and draft.inputs["judgment_date"] == signed
    response = client.post(url + "outline.docx/")
    outline_draft = Draft.objects.get(document_type="trial_outline")
    assert response["Location"] == f"/drafting/drafts/{outline_draft.pk}/"
    assert client.get(f"/drafting/drafts/{outline_draft.pk}/download.docx").status_code == 200


def test_clerk_reads_but_cannot_write_through_the_page(world, case) -> None:
    services.element_table_build(case=case, actor=world.judge, complaint=COMPLAINT, answer=ANSWER)
    client = _client(world.clerk)
    page = client.get(f"/element-trial/cases/{case.pk}/").content.decode()
    assert "约定利率" in page and "标为有争议" not in page
    response = client.post(
        f"/element-trial/cases/{case.pk}/rows/", {"key": "amount", "status": "disputed", "reason": "x"}
    )
    assert response.status_code == 403 and ElementEntry.objects.get(key="amount").status == "agreed"


def test_api_get_build_and_update_a_row(world, case) -> None:
    client = _client(world.judge)
    assert client.get(f"{API}/cases/{case.pk}/table").json() == {"case_id": case.pk, "built": False}
    response = client.post(
        f"{API}/cases/{case.pk}/table",
        json.dumps({"complaint": COMPLAINT, "answer": ANSWER}),
        content_type="application/json",
    )
    body = response.json()
    assert response.status_code == 201 and body["cause_label"] == "民间借贷纠纷"
    assert [f["key"] for f in body["outline"]["focus"]] == ["rate", "repayment"]
    response = client.patch(
        f"{API}/cases/{case.pk}/rows/rate",
        json.dumps({"status": "agreed", "reason": "双方庭前会议确认"}),
        content_type="application/json",
    )
    assert response.status_code == 200 and [f["key"] for f in response.json()["outline"]["focus"]] == [
        "repayment"
    ]
    bad = client.patch(
        f"{API}/cases/{case.pk}/rows/rate",
        json.dumps({"status": "unsure", "reason": "x"}),
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert bad.json()["code"] == "element_trial.bad_status" and bad.json()["detail"]["field"] == "status"
    assert "要素状态无效" in bad.json()["message"]
    response = client.put(
        f"{API}/cases/{case.pk}/figures",
        json.dumps(
            {
                "figures": {
                    "principal": "70000",
                    "start": "2023-03-01",
                    "end": "2024-03-01",
                    "annual_rate": "24",
                    "lpr": "3.65",
                }
            }
        ),
        content_type="application/json",
    )
    assert response.json()["calculation"]["results"][0]["figure"] == "10248.00"
    response = client.post(f"{API}/cases/{case.pk}/judgment", "{}", content_type="application/json")
    assert (
        response.status_code == 201
        and Draft.objects.get(pk=response.json()["draft_id"]).document_type == "civil_judgment"
    )


@pytest.mark.parametrize(("who", "status"), [("litigant", 403), ("judge2", 403), ("other_judge", 404)])
def test_api_refuses_outside_the_team_and_writes_nothing(world, case, who, status) -> None:
    client = _client(getattr(world, who))
    response = client.post(
        f"{API}/cases/{case.pk}/table",
        json.dumps({"complaint": COMPLAINT, "answer": ANSWER}),
        content_type="application/json",
    )
    assert response.status_code == status and set(response.json()) == {"code", "message", "detail"}
    assert not ElementSheet.objects.exists()


def test_api_anonymous_is_refused(case) -> None:
    assert Client().get(f"{API}/cases/{case.pk}/table").status_code in (401, 404)


@pytest.mark.parametrize(
    ("cause", "expected"),
    [
        ("机动车交通事故责任纠纷", "被告方责任比例"),
        ("离婚纠纷", "房屋，"),
        ("劳动合同纠纷", "离职前十二个月平均工资"),
    ],
)
def test_page_of_each_cause_renders_its_calculation_form(world, cause, expected) -> None:
    from random import Random

    from smartcourt.apps.element_trial.demo import demo_texts
    from smartcourt.apps.element_trial.selectors import cause_for

    case = register_civil(world, cause_of_action=cause)
    case.responsible_judge = world.judge
    case.save(update_fields=["responsible_judge"])
    complaint, answer = demo_texts(
        cause_for(cause), Random(1), plaintiff="原告甲", defendant="被告乙", before=case.registered_on
    )
    services.element_table_build(case=case, actor=world.judge, complaint=complaint, answer=answer)
    page = _client(world.judge).get(f"/element-trial/cases/{case.pk}/").content.decode()
    assert expected in page and "有争议" in page and "生成判决书草稿" in page
