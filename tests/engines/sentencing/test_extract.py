"""Circumstances and facts read from fact text, with spans; charges predicted with evidence."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

from smartcourt.engines import sentencing
from smartcourt.engines.sentencing import (
    _charges,
    extract_circumstances,
    extract_facts,
    predict_articles,
    predict_charges,
)

TEXT = (
    "被告人甲于2020年3月入户盗窃，窃得现金人民币8000元。案发后被告人主动投案，如实供述犯罪事实，"
    "退赔被害人全部损失并取得谅解。被告人曾因盗窃罪被判处有期徒刑一年，系累犯。"
)


def test_circumstances_with_spans() -> None:
    found = extract_circumstances(TEXT, "盗窃")
    assert [c.kind for c in found] == [
        "surrender",
        "confession",
        "restitution",
        "compensation_forgiveness",
        "recidivism",
    ]
    for c in found:
        assert c.span is not None
        assert TEXT[c.span[0] : c.span[1]] == c.text


def test_negated_circumstance_is_skipped() -> None:
    assert [c.kind for c in extract_circumstances("被告人不构成自首，但如实供述。")] == ["confession"]


def test_facts_amount_flags_and_spans() -> None:
    facts = extract_facts(TEXT, "盗窃")
    assert facts.amount == Decimal(8000)
    assert facts.flags == frozenset({"home_invasion"})
    span = facts.span_of("amount")
    assert span is not None
    assert TEXT[span[0] : span[1]] == "人民币8000元"


def test_drug_weight_blood_alcohol_and_injury() -> None:
    drug = extract_facts("被告人贩卖甲基苯丙胺0.5克，又贩卖冰毒1.2克。", "走私、贩卖、运输、制造毒品")
    assert (drug.drug, drug.drug_grams) == ("甲基苯丙胺", Decimal("1.7"))
    drunk = extract_facts("经鉴定，其血液中乙醇含量为156.3mg/100ml。", "危险驾驶")
    assert drunk.blood_alcohol == Decimal("156.3")
    assert "dangerous_driving" in drunk.flags
    hurt = extract_facts("致被害人轻微伤，另一被害人经鉴定为轻伤一级。", "故意伤害")
    assert hurt.injury == "light_1"


def test_charge_prediction_carries_its_evidence() -> None:
    text = "被告人酒后驾驶机动车在道路上行驶，经鉴定血液中乙醇含量为120mg/100ml，属醉酒驾驶机动车。"
    best = predict_charges(text)[0]
    assert (best.charge, best.article) == ("危险驾驶", 133)
    assert all(text[e.span[0] : e.span[1]] == e.text for e in best.evidence)
    assert predict_articles(["危险驾驶", "妨害公务"]) == (133, 277)


def test_empty_text_predicts_nothing() -> None:
    assert predict_charges("") == ()


def test_blood_alcohol_at_the_drunk_threshold_is_evidence_of_dangerous_driving() -> None:
    drunk = "被告人驾驶小型轿车在道路上行驶，经检验其血液中乙醇含量为80mg/100ml。"
    found = {p.charge: p for p in predict_charges(drunk, top=5)}
    cues = [e.text for e in found["危险驾驶"].evidence if e.source == "罪状"]
    assert "80mg/100ml" in cues
    sober = "被告人驾驶小型轿车在道路上行驶，经检验其血液中乙醇含量为79mg/100ml。"
    for p in predict_charges(sober, top=5):
        assert all("mg/100ml" not in e.text for e in p.evidence if e.source == "罪状")


def test_statutory_cues_decide_between_close_charges() -> None:
    theft = "被告人趁被害人熟睡之机，秘密窃取其放在床头的手机一部，价值人民币3000元。"
    fraud = "被告人虚构能够办理入学的事实，骗取被害人人民币5万元，隐瞒真相后挥霍一空。"
    assert predict_charges(theft)[0].charge == "盗窃"
    assert predict_charges(fraud)[0].charge == "诈骗"


def test_charge_models_ship_small_and_predict_fast() -> None:
    data = Path(sentencing.__file__).with_name("data")
    for name in ("charge_model.json.gz", "charge_linear.json.gz"):
        assert (data / name).stat().st_size < 3_000_000
    text = "被告人趁被害人熟睡之机，秘密窃取其放在床头的手机一部，价值人民币3000元。" * 10
    predict_charges(text)  # loads the models
    start = time.perf_counter()
    for _ in range(10):
        predict_charges(text, top=3)
    # 4.4 ms on an idle core (bench/sentencing.py); the bound leaves room for a loaded CI machine
    assert (time.perf_counter() - start) / 10 < 0.1


def test_a_matched_cue_adds_more_the_more_precise_it_is() -> None:
    model = {"cue_prior": 0.5, "cue_precision": {"盗窃": {"秘密窃取": 0.9, "偷走": 0.1}}}
    assert _charges._cue_bonus("盗窃", ["秘密窃取"], model) > _charges._cue_bonus("盗窃", ["偷走"], model)
    assert _charges._cue_bonus("盗窃", ["未见过"], model) == _charges._cue_bonus("诈骗", ["未见过"], model)


def test_the_paragraph_named_in_the_facts_unless_negated() -> None:
    text = "被告人利用职务便利，侵占本单位资金人民币20万元，数额巨大。"
    facts = extract_facts(text, "职务侵占")
    assert facts.flags == frozenset({"stated_huge"})
    span = facts.span_of("flags")
    assert span is not None
    assert text[span[0] : span[1]] == "数额巨大"
    negated = extract_facts("被告人侵占本单位资金人民币20万元，尚未达到数额巨大标准。", "职务侵占")
    assert negated.flags == frozenset()


def test_many_times_counts_only_for_the_crimes_own_act() -> None:
    assert extract_facts("被告人多次入户盗窃。", "盗窃").count == 3
    assert extract_facts("被告人多次发短信威胁被害人，索取人民币5000元。", "抢劫").count is None


def test_the_latest_year_and_amounts_listed_together() -> None:
    text = "2014年3月，被告人租车后骗走。2016年5月被抓获。经鉴定，上述轿车价值分别为104628元、166745元。"
    facts = extract_facts(text, "合同诈骗")
    assert facts.year == 2016
    span = facts.span_of("year")
    assert span is not None
    assert text[span[0] : span[1]] == "2016年"
    assert facts.amount == Decimal(271373)
