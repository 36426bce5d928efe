"""Guiding cases from markdown: stored as guiding judgments and pushed first for a case of the same cause."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from smartcourt.apps.knowledge.models import Judgment
from smartcourt.apps.similar import selectors
from smartcourt.apps.similar.guiding import parse_case_markdown

CASE = """# 劳动者拒绝违法超时加班能否被解除劳动合同

<!-- INFO END -->

## 基本案情

甲某于2020年1月入职某快递公司，双方订立劳动合同。公司要求员工每日加班四小时，甲某拒绝，公司以其违反规章制度为由解除劳动合同。甲某申请仲裁，请求支付违法解除劳动合同赔偿金。

## 裁判结果

判决某快递公司支付甲某违法解除劳动合同赔偿金30000元。

## 案例分析

用人单位应当严格遵守国家关于工作时间的规定，劳动者拒绝违法超时加班安排的，用人单位不得据此解除劳动合同。
"""


@pytest.fixture
def cases_dir(tmp_path: Path) -> Path:
    root = tmp_path / "案例" / "劳动人事"
    root.mkdir(parents=True)
    (root / "超时加班.md").write_text(CASE, encoding="utf-8")
    (root / "_index.md").write_text("---\n---\n", encoding="utf-8")
    (root / "坏文件.md").write_text("# 只有标题\n", encoding="utf-8")
    return tmp_path / "案例"


def test_parse_case_markdown() -> None:
    case = parse_case_markdown(CASE)
    assert case["title"].startswith("劳动者拒绝") and "每日加班" in case["facts"]
    assert "30000元" in case["outcome"] and "工作时间" in case["reasoning"]
    assert parse_case_markdown("# 无事实\n") == {}


@pytest.mark.django_db
def test_import_and_push_first(cases_dir: Path, search_dir: Any, judgments: Any) -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_guiding_cases", str(cases_dir), stdout=out, stderr=err)
    assert "导入 1 件" in out.getvalue() and "缺少标题或基本案情" in err.getvalue()
    call_command("import_guiding_cases", str(cases_dir), stdout=out, stderr=err)
    assert "重复 1 件" in out.getvalue()
    guiding = Judgment.objects.get(is_guiding=True, cause="劳动争议")
    from smartcourt.apps.knowledge.judgment_services import judgment_index

    judgment_index(ids=[guiding.pk])
    facts = "乙某在某物流公司工作，公司安排每日加班，乙某拒绝后被解除劳动合同，请求支付赔偿金。"
    result = selectors.similar_find(facts=facts, cause="劳动争议", top=3)
    first = result.neighbours[0]
    assert int(first.candidate.id) == guiding.pk and first.guiding_first
    assert first.reasons[0].label == "同案由：劳动争议"
    with pytest.raises(CommandError, match="路径不存在"):
        call_command("import_guiding_cases", str(cases_dir / "missing"))
