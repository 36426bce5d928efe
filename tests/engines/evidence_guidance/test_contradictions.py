"""Contradiction vectors and properties: values of one kind that no two items share are flagged, with spans."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.evidence_guidance import (
    DuplicateItemError,
    EvidenceText,
    detect_contradictions,
    extract_values,
)

VECTORS = json.loads((Path(__file__).parent / "vectors" / "contradictions.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("vector", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_vectors(vector: dict) -> None:
    items = [EvidenceText(*i) for i in vector["items"]]
    texts = {i.key: i.text for i in items}
    found = detect_contradictions(items)
    got = [
        [c.kind, c.first.item_key, c.first.value.value, c.second.item_key, c.second.value.value]
        for c in found
    ]
    assert got == vector["expected"]
    for c in found:  # both spans point at the value in its own item's text
        for f in (c.first, c.second):
            start, end = f.value.span
            assert texts[f.item_key][start:end] == f.value.text


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(DuplicateItemError) as caught:
        detect_contradictions([EvidenceText("a", "甲", "5000元"), EvidenceText("a", "乙", "6000元")])
    assert caught.value.code == "evidence_guidance.duplicate_item"
    assert caught.value.field == "key"


def test_extract_values_kinds_and_units() -> None:
    values = extract_values(
        "2024年12月31日查获海洛因0.5千克，经检测其血液中乙醇含量为81mg/100ml，价值人民币1.2万元"
    )
    assert [(v.kind, v.value, v.unit) for v in values] == [
        ("date", "2024-12-31", ""),
        ("weight", "500", "克"),
        ("blood_alcohol", "81", "mg/100ml"),
        ("amount", "12000", "元"),
    ]


amounts = st.integers(min_value=1, max_value=10_000_000)


@settings(max_examples=60, deadline=None)
@given(a=amounts, b=amounts)
def test_two_amounts_conflict_exactly_when_they_differ(a: int, b: int) -> None:
    found = detect_contradictions(
        [EvidenceText("x", "甲", f"价值人民币{a}元"), EvidenceText("y", "乙", f"损失{b}元")]
    )
    assert (len(found) == 1) == (a != b)
    if found:
        assert (Decimal(found[0].first.value.value), Decimal(found[0].second.value.value)) == (a, b)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    found = detect_contradictions([EvidenceText("a", "甲", text), EvidenceText("b", "乙", text)])
    assert found == ()  # an item never contradicts an identical one
