"""Similar-case push over generated judgments: the selector, the case panel, the deviation check, the
class-case report (page and .docx), the API and the command — and bad input."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from smartcourt.apps.core.errors import InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.similar import selectors, services
from smartcourt.apps.similar.models import OutcomeCheck, SimilarSearch
from tests.apps.factories import person, register_civil

from .conftest import THEFT_QUERY, Generated

pytestmark = pytest.mark.django_db


def _criminal_case(world: Any, *, summary: str = THEFT_QUERY, charges: tuple[str, ...] = ("盗窃",)) -> Any:
    return register_civil(
        world,
        case_type="刑初",
        cause_of_action="",
        charges=charges,
        claim_amount=None,
        summary=summary,
        parties=(person("ACCUSED"),),
    )


def test_find_ranks_same_charge_first_with_reasons(judgments: Generated) -> None:
    result = selectors.similar_find(facts=THEFT_QUERY, top=8)
    assert result.profile.charges[:1] == ("盗窃",) and result.profile.charge_source == "predicted"
    ids = [int(n.candidate.id) for n in result.neighbours]
    assert ids[0] == judgments.guiding_id  # relevant guiding case first
    assert set(ids) <= set(judgments.by_charge["盗窃"]) | {judgments.guiding_id}
    rows = selectors.neighbour_rows(result)
    assert rows[0]["guiding_first"] and rows[0]["is_guiding"]
    kinds = {r["kind"] for r in rows[1]["reasons"]}
    assert {"charge", "circumstance"} <= kinds
    passage = next(r for r in rows[1]["reasons"] if r["kind"] == "passage")
    s, e = passage["query_span"]
    assert THEFT_QUERY[s:e] == passage["query_text"]


def test_no_candidates_and_bad_facts_give_clear_errors(db: None, search_dir: Any) -> None:
    with pytest.raises(NotFoundError, match="没有可比对的类案"):
        selectors.similar_find(facts=THEFT_QUERY)
    with pytest.raises(InvalidInputError, match="案情事实为空"):
        selectors.similar_find(facts="   ")
    with pytest.raises(InvalidInputError, match="上限"):
        selectors.similar_find(facts="盗窃" * 50_000)


def test_panel_shows_similar_judgments_and_report_link(
    world: Any, judgments: Generated, client: Client
) -> None:
    case = _criminal_case(world)
    client.force_login(world.judge)
    page = client.get(f"/similar/cases/{case.pk}/panel/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "同罪名：盗窃罪" in body and "指导/典型" in body and "类案分析报告" in body
    assert "案件记录" in body


def test_panel_refuses_non_staff_and_says_when_no_facts(
    world: Any, judgments: Generated, client: Client
) -> None:
    case = _criminal_case(world, summary="")
    client.force_login(world.judge)
    body = client.get(f"/similar/cases/{case.pk}/panel/").content.decode()
    assert "输入或修改用于检索的案情事实" in body
    client.force_login(world.litigant)
    assert client.get(f"/similar/cases/{case.pk}/panel/").status_code == 403
    with pytest.raises(NotPermittedError):
        selectors.similar_case_get(viewer=world.litigant, case_id=case.pk)


def test_search_save_keeps_snapshot_and_refuses_empty(
    world: Any, judgments: Generated, client: Client
) -> None:
    case = _criminal_case(world, summary="")
    with pytest.raises(InvalidInputError):
        services.similar_search_save(actor=world.judge, case_id=case.pk, facts="  ")
    assert SimilarSearch.objects.count() == 0
    search = services.similar_search_save(actor=world.judge, case_id=case.pk, facts=THEFT_QUERY, top=5)
    assert search.charge_source == "record" and len(search.results) == 5
    assert selectors.case_facts(case=case) == (THEFT_QUERY, "类案检索时输入的事实")
    client.force_login(world.judge)
    response = client.post(f"/similar/cases/{case.pk}/search/", {"facts": "盗" * 60_000})
    assert "上限" in response.content.decode() and SimilarSearch.objects.count() == 1


def test_deviation_warns_outside_the_usual_range(world: Any, judgments: Generated) -> None:
    case = _criminal_case(world)
    high = services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="term_months", draft="60")
    assert high.warn and high.direction == "above" and high.percentile == 100.0
    assert high.distribution["n"] == 11 and high.low < high.high
    usual = services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="term_months", draft=10)
    assert not usual.warn and usual.direction == "within"
    with pytest.raises(InvalidInputError):
        services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="term_months", draft="-3")
    with pytest.raises(InvalidInputError, match="没有带裁判结果的类案"):  # no neighbour records a fine
        services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="fine", draft="1000")
    assert OutcomeCheck.objects.count() == 2


def test_deviation_view_fragment(world: Any, judgments: Generated, client: Client) -> None:
    case = _criminal_case(world)
    client.force_login(world.judge)
    body = client.post(
        f"/similar/cases/{case.pk}/deviation/", {"kind": "term_months", "draft": "60"}
    ).content.decode()
    assert "偏离预警" in body and "高于类案通常范围" in body
    body = client.post(
        f"/similar/cases/{case.pk}/deviation/", {"kind": "term_months", "draft": "abc"}
    ).content.decode()
    assert "有效数字" in body


def test_report_page_and_docx(world: Any, judgments: Generated, client: Client) -> None:
    case = _criminal_case(world)
    client.force_login(world.judge)
    page = client.get(f"/similar/cases/{case.pk}/report/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "裁判结果分布" in body and "刑法第264条" in body and "以非法占有为目的" in body
    response = client.get(f"/similar/cases/{case.pk}/report.docx")
    assert response.status_code == 200
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "类案分析报告" in text and "裁判结果分布" in text and "刑法第264条" in text


def test_api_search_case_deviation_report(world: Any, judgments: Generated, client: Client) -> None:
    case = _criminal_case(world)
    client.force_login(world.judge)
    r = client.post(
        "/api/v1/similar/search", {"facts": THEFT_QUERY, "top": 3}, content_type="application/json"
    )
    assert r.status_code == 200 and len(r.json()["results"]) == 3
    assert r.json()["profile"]["charge_source"] == "predicted"
    r = client.post("/api/v1/similar/search", {"facts": ""}, content_type="application/json")
    assert r.status_code == 400 and r.json()["code"] == "similar.empty_facts"
    r = client.post(
        "/api/v1/similar/search",
        {"facts": THEFT_QUERY, "filters": {"colour": "red"}},
        content_type="application/json",
    )
    assert r.status_code == 400 and r.json()["code"] == "search.unknown_filter"
    r = client.post("/api/v1/similar/search", {"facts": "盗" * 100_000}, content_type="application/json")
    assert r.status_code == 400 and r.json()["code"] == "similar.facts_too_long"
    r = client.get(f"/api/v1/similar/cases/{case.pk}?top=4")
    assert r.status_code == 200 and len(r.json()["results"]) == 4
    r = client.post(
        f"/api/v1/similar/cases/{case.pk}/deviation", {"draft": 60}, content_type="application/json"
    )
    assert r.status_code == 200 and r.json()["warn"] is True
    r = client.get(f"/api/v1/similar/cases/{case.pk}/report")
    assert r.status_code == 200 and r.json()["outcomes"]["n"] >= 5
    client.force_login(world.litigant)
    r = client.post("/api/v1/similar/search", {"facts": THEFT_QUERY}, content_type="application/json")
    assert r.status_code == 403 and r.json()["code"] == "similar.not_permitted"


def test_command_prints_one_json_line_per_judgment(judgments: Generated, tmp_path: Any) -> None:
    facts = tmp_path / "facts.txt"
    facts.write_text(THEFT_QUERY, encoding="utf-8")
    out = io.StringIO()
    call_command("similar", "--facts-file", str(facts), "--top", "4", stdout=out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(lines) == 4 and lines[0]["rank"] == 1 and lines[0]["reasons"]
    via_selector = selectors.neighbour_rows(selectors.similar_find(facts=THEFT_QUERY, top=4))
    assert [x["judgment_id"] for x in lines] == [x["judgment_id"] for x in via_selector]


def test_command_bad_input(db: None, search_dir: Any, tmp_path: Any) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="案情事实为空"):
        call_command("similar", "--facts-file", str(empty))
    with pytest.raises(CommandError, match="无法读取"):
        call_command("similar", "--facts-file", str(tmp_path / "missing.txt"))
    facts = tmp_path / "facts.txt"
    facts.write_text(THEFT_QUERY, encoding="utf-8")
    with pytest.raises(CommandError, match="没有可比对的类案"):
        call_command("similar", "--facts-file", str(facts))
    big = tmp_path / "big.txt"
    big.write_text("盗" * 100_000, encoding="utf-8")
    with pytest.raises(CommandError, match="上限"):
        call_command("similar", "--facts-file", str(big))
