"""Each normaliser against its vector file: inputs, tricky and malformed ones included, with exact outputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from smartcourt.engines.text import (
    extract_dates,
    extract_entities,
    extract_money,
    extract_penalties,
    extract_percentages,
    extract_quantities,
    normalize_text,
    parse_number,
)

VECTORS = Path(__file__).with_name("vectors")


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return cases


def ids(cases: list[dict[str, Any]]) -> list[str]:
    return [repr(c["input"]) for c in cases]


@pytest.mark.parametrize("case", load("numerals.json"), ids=ids(load("numerals.json")))
def test_numerals(case: dict[str, Any]) -> None:
    value = parse_number(case["input"])
    assert (None if value is None else str(value)) == case["expected"]


@pytest.mark.parametrize("case", load("money.json"), ids=ids(load("money.json")))
def test_money(case: dict[str, Any]) -> None:
    got = [[str(m.amount), *m.span, m.text, m.approximate, m.is_total] for m in extract_money(case["input"])]
    assert got == case["expected"]


@pytest.mark.parametrize("case", load("dates.json"), ids=ids(load("dates.json")))
def test_dates(case: dict[str, Any]) -> None:
    got = [
        [d.text, *d.span, d.year, d.month, d.day, d.relative, d.reason] for d in extract_dates(case["input"])
    ]
    assert got == case["expected"]


@pytest.mark.parametrize("case", load("penalties.json"), ids=ids(load("penalties.json")))
def test_penalties(case: dict[str, Any]) -> None:
    got = [
        [p.kind.value, p.text, *p.span, p.months, None if p.amount is None else str(p.amount), p.for_life]
        for p in extract_penalties(case["input"])
    ]
    assert got == case["expected"]


@pytest.mark.parametrize("case", load("quantities.json"), ids=ids(load("quantities.json")))
def test_quantities(case: dict[str, Any]) -> None:
    got = [
        [str(q.value), q.unit, q.text, *q.span, q.approximate, q.subject]
        for q in extract_quantities(case["input"])
    ]
    assert got == case["expected"]


@pytest.mark.parametrize("case", load("percentages.json"), ids=ids(load("percentages.json")))
def test_percentages(case: dict[str, Any]) -> None:
    got = [[str(p.value), p.text, *p.span] for p in extract_percentages(case["input"])]
    assert got == case["expected"]


@pytest.mark.parametrize("case", load("width.json"), ids=ids(load("width.json")))
def test_width(case: dict[str, Any]) -> None:
    norm = normalize_text(case["input"])
    assert norm.text == case["expected"]
    assert [list(norm.original_span(i, i + 1)) for i in range(len(norm.text))] == case["spans"]


@pytest.mark.parametrize("case", load("entities.json"), ids=ids(load("entities.json")))
def test_entities(case: dict[str, Any]) -> None:
    got = [[e.kind.value, e.text, *e.span, e.role] for e in extract_entities(case["input"])]
    assert got == case["expected"]
