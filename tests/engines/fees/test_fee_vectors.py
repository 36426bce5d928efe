"""Vector tests of the fees engine: hand-checked inputs and outputs in ``vectors/*.json``."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smartcourt.engines.fees import FeeError, compute_fee

VECTORS = Path(__file__).parent / "vectors"
GOOD = ["property.json", "non_property.json", "application.json", "reductions.json"]


def _load(name: str) -> list[dict[str, Any]]:
    content = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    assert content["source"]["document_number"] == "国务院令第481号"
    vectors: list[dict[str, Any]] = content["vectors"]
    return vectors


def _cases(names: list[str]) -> list[Any]:
    return [pytest.param(vector, id=f"{name}:{vector['name']}") for name in names for vector in _load(name)]


def _d(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@pytest.mark.parametrize("vector", _cases(GOOD))
def test_vector(vector: dict[str, Any]) -> None:
    arguments = dict(vector["input"])
    fee = compute_fee(arguments.pop("kind"), arguments.pop("amount", None), **arguments)
    expected = vector["expected"]
    if "total" in expected:
        assert str(fee.total) == expected["total"]
        assert fee.total_range.low == fee.total_range.high == Decimal(expected["total"])
    else:
        assert fee.total is None
        assert (str(fee.total_range.low), str(fee.total_range.high)) == (expected["low"], expected["high"])
    if "lines" in expected:
        table_lines = [line for line in fee.lines if line.base is not None]
        assert [(line.lower, line.upper, line.portion) for line in table_lines] == [
            (Decimal(lower), _d(upper), Decimal(portion)) for lower, upper, portion in expected["lines"]
        ]


@pytest.mark.parametrize("vector", _cases(["malformed.json"]))
def test_malformed_vector(vector: dict[str, Any]) -> None:
    arguments = dict(vector["input"])
    with pytest.raises(FeeError) as caught:
        compute_fee(arguments.pop("kind"), arguments.pop("amount", None), **arguments)
    assert caught.value.code == vector["error"]
    assert isinstance(caught.value, ValueError)
    assert caught.value.message == str(caught.value)
    assert caught.value.message.isascii() is False  # a Chinese message for the UI


def test_every_kind_has_a_vector() -> None:
    from smartcourt.engines.fees import fee_kinds

    covered = {vector["input"]["kind"] for name in GOOD for vector in _load(name)}
    assert covered == set(fee_kinds())
