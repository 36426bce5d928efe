"""Vector tests for case numbers and court codes (vectors/*.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from smartcourt.engines.catalogs import (
    CaseNumber,
    CaseNumberError,
    CourtCode,
    CourtCodeError,
    CourtLevel,
    court_name,
    format_case_number,
    parse_case_number,
    parse_court_code,
)

VECTORS = Path(__file__).with_name("vectors")
CASE_NUMBERS: dict[str, Any] = json.loads((VECTORS / "case_numbers.json").read_text(encoding="utf-8"))
COURT_CODES: dict[str, Any] = json.loads((VECTORS / "court_codes.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("vector", CASE_NUMBERS["valid"], ids=lambda v: v["input"])
def test_valid_case_numbers(vector: dict[str, Any]) -> None:
    number = parse_case_number(vector["input"])
    assert number == CaseNumber(vector["year"], vector["court_code"], vector["case_type"], vector["sequence"])
    assert str(number) == vector["canonical"]
    assert format_case_number(number) == vector["canonical"]


@pytest.mark.parametrize("vector", CASE_NUMBERS["invalid"], ids=lambda v: v["input"] or "empty")
def test_invalid_case_numbers(vector: dict[str, Any]) -> None:
    with pytest.raises(CaseNumberError) as caught:
        parse_case_number(vector["input"], max_year=vector.get("max_year", 2100))
    assert caught.value.code == vector["code"]
    assert caught.value.field == "case_number"


def test_max_year_is_inclusive() -> None:
    assert parse_case_number("（2025）京0105民初1号", max_year=2025).year == 2025


def test_case_number_rejects_bad_parts_on_construction() -> None:
    with pytest.raises(CaseNumberError) as caught:
        CaseNumber(2019, "京0105", "民九", 1)
    assert caught.value.code == "case_number.unknown_case_type"
    with pytest.raises(CaseNumberError) as caught:
        CaseNumber(2019, "京105", "民初", 1)
    assert caught.value.code == "case_number.bad_court_code"
    with pytest.raises(CaseNumberError) as caught:
        CaseNumber(1900, "京0105", "民初", 1)
    assert caught.value.code == "case_number.bad_year"


@pytest.mark.parametrize("vector", COURT_CODES["valid"], ids=lambda v: v["input"])
def test_valid_court_codes(vector: dict[str, Any]) -> None:
    code = parse_court_code(vector["input"])
    assert code == CourtCode(vector["province"], CourtLevel(vector["level_hint"]), vector["digits"])
    assert court_name(vector["input"]) == vector["name"]


@pytest.mark.parametrize("vector", COURT_CODES["invalid"], ids=lambda v: v["input"] or "empty")
def test_invalid_court_codes(vector: dict[str, Any]) -> None:
    with pytest.raises(CourtCodeError) as caught:
        parse_court_code(vector["input"])
    assert caught.value.code == vector["code"]
    assert caught.value.field == "court_code"
