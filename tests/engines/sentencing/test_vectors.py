"""Hand-computed sentencing vectors (each step written out in vectors/cases.json) and the bad inputs."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smartcourt.engines import sentencing
from smartcourt.engines.sentencing import CaseFacts, Circumstance, compute_sentence

VECTORS = json.loads((Path(__file__).parent / "vectors" / "cases.json").read_text(encoding="utf-8"))


def _facts(row: dict[str, Any]) -> CaseFacts:
    values: dict[str, Any] = dict(row)
    for key in ("amount", "blood_alcohol", "drug_grams"):
        if key in values:
            values[key] = Decimal(values[key])
    values["flags"] = frozenset(values.get("flags", ()))
    return CaseFacts(**values)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["name"])
def test_vector(case: dict[str, Any]) -> None:
    result = compute_sentence(_facts(case["facts"]), [Circumstance(kind) for kind in case["circumstances"]])
    assert [step.rule for step in result.steps] == case["rules"]
    assert result.point == case["point"]
    assert (result.range.low, result.range.high) == tuple(case["range"])
    assert result.declared == case["declared"]
    assert result.probation is not None
    assert result.probation.eligible is case["probation_eligible"]


@pytest.mark.parametrize("case", VECTORS["errors"], ids=lambda c: f"{c['facts']['charge']}-{c['error']}")
def test_bad_input_is_a_statement_not_a_number(case: dict[str, Any]) -> None:
    error = getattr(sentencing, case["error"])
    with pytest.raises(error) as info:
        compute_sentence(_facts(case["facts"]), [Circumstance(kind) for kind in case["circumstances"]])
    assert isinstance(info.value, sentencing.SentencingError)
    assert info.value.message == str(info.value)


def test_every_guideline_crime_is_encoded_with_a_citation() -> None:
    assert len(sentencing.supported_crimes()) == 23
    assert sentencing.supported_crimes()[-1] == "引诱、容留、介绍卖淫"


def test_plea_does_not_double_count_with_surrender_and_restitution() -> None:
    facts = CaseFacts("盗窃", amount=Decimal("40000"))
    chosen = {"surrender": 30, "plea_leniency": 40, "restitution": 20}
    result = compute_sentence(facts, [Circumstance(k, percent=Decimal(p)) for k, p in chosen.items()])
    # 30% + 40% + 20% would be 90%; 三、14 caps the group at 60%.
    assert result.steps[-3].rule == "三、14"
    assert result.steps[-3].point == result.baseline * Decimal("0.4")


def test_plea_never_takes_back_what_the_other_circumstances_give() -> None:
    facts = CaseFacts("盗窃", amount=Decimal("40000"))
    others = [
        Circumstance("surrender", percent=Decimal(40)),
        Circumstance("restitution", percent=Decimal(30)),
    ]
    alone = compute_sentence(facts, others)
    with_plea = compute_sentence(facts, [*others, Circumstance("plea_leniency", percent=Decimal(40))])
    # 40% + 30% = 70% without the plea; the 60% cap bounds what the plea adds, not what they give.
    assert with_plea.point == alone.point


def test_span_of_the_circumstance_is_kept_in_its_step() -> None:
    text = "被告人窃得现金人民币5000元，到案后如实供述。"
    facts = sentencing.extract_facts(text, "盗窃")
    found = sentencing.extract_circumstances(text, "盗窃")
    result = compute_sentence(facts, found)
    step = next(s for s in result.steps if s.rule == "三、7（1）")
    assert step.span is not None
    assert text[step.span[0] : step.span[1]] == "如实供述"
    assert result.steps[0].span is not None
    assert text[result.steps[0].span[0] : result.steps[0].span[1]] == "人民币5000元"


def test_court_plea_is_not_counted_with_confession() -> None:
    facts = CaseFacts("盗窃", amount=Decimal("5000"))
    alone = compute_sentence(facts, [Circumstance("confession")])
    both = compute_sentence(facts, [Circumstance("confession"), Circumstance("court_plea")])
    assert both.point == alone.point
    assert any("当庭自愿认罪" in note for note in both.notes)


def test_confession_is_not_counted_with_surrender() -> None:
    # 刑法第六十七条：自首 already contains 如实供述; 坦白 (第三款) applies only without 自首.
    facts = CaseFacts("盗窃", amount=Decimal("5000"))
    alone = compute_sentence(facts, [Circumstance("surrender")])
    both = compute_sentence(facts, [Circumstance("surrender"), Circumstance("confession")])
    assert both.point == alone.point
    assert any("坦白" in note and "自首" in note for note in both.notes)


def test_the_interpretation_in_force_in_the_year_of_trial() -> None:
    # 恶意透支: 法释〔2009〕19号 (一万元) until the 2018 revision (五万元) took effect on 1 December 2018
    facts = CaseFacts("信用卡诈骗", amount=Decimal(30000), flags=frozenset({"malicious_overdraft"}))
    assert compute_sentence(replace(facts, year=2015)).paragraph == "第一款前段"
    with pytest.raises(sentencing.BelowThresholdError):
        compute_sentence(facts)
    with pytest.raises(sentencing.BelowThresholdError):
        compute_sentence(replace(facts, year=2019))
