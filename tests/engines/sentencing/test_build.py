"""The charge model's training data never holds a LawBench 3-3 fact (built on a tiny made-up tree)."""

from __future__ import annotations

import json
from pathlib import Path

from smartcourt.engines.sentencing._build_charge_model import collect, ngrams

SHARED = "被告人甲在某市某区某路口的一家超市内，趁店员不备拿走货架上的香烟十条，经鉴定价值人民币二千三百元，后被巡逻民警当场抓获，赃物已发还。"
OTHER = "被告人乙酒后驾驶小型普通客车沿某大道由东向西行驶，被执勤民警查获，经鉴定其血液中乙醇含量为一百五十六毫克每百毫升，属醉酒驾驶。"


def _tree(root: Path) -> None:
    bench = root / "judgments" / "lawbench_zero_shot"
    bench.mkdir(parents=True)
    (bench / "3-3.json").write_text(
        json.dumps([{"question": "事实:" + SHARED, "answer": "罪名:盗窃"}]), "utf-8"
    )
    three_one = [
        {"question": "事实:" + SHARED + "\n罪名:盗窃。", "answer": "法条:刑法第264条"},
        {"question": "事实:" + OTHER + "\n罪名:危险驾驶。", "answer": "法条:刑法第133条"},
    ]
    (bench / "3-1.json").write_text(json.dumps(three_one, ensure_ascii=False), "utf-8")
    v1 = root / "judgments" / "lecard_v1"
    v1.mkdir()
    # the same case as the 3-3 fact, reworded at the start: still the same case
    (v1 / "query.json").write_text(json.dumps({"q": "经审理查明：" + SHARED, "crime": ["盗窃罪"]}), "utf-8")
    (root / "judgments" / "lecardv2_queries.jsonl").write_text("", "utf-8")


def test_no_3_3_fact_is_trained_on(tmp_path: Path) -> None:
    _tree(tmp_path)
    docs = collect(tmp_path, {"盗窃", "危险驾驶"})
    assert [labels for _, labels in docs] == [["危险驾驶"]]


def test_ngrams_skip_digits_masks_and_punctuation() -> None:
    grams = ngrams("盗窃××罪，价值3000元")
    assert "盗窃" in grams and "价值" in grams
    assert not any("×" in g or "，" in g or "3" in g for g in grams)
