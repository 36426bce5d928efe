"""Hand-checked jurisdiction vectors (``vectors/jurisdiction.json``): verdict, level, courts and cited articles."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from smartcourt.engines.jurisdiction import (
    CaseCategory,
    Cause,
    CourtLevel,
    CourtRef,
    JurisdictionError,
    JurisdictionRequest,
    Party,
    assess_jurisdiction,
)

VECTORS = json.loads((Path(__file__).parent / "vectors" / "jurisdiction.json").read_text("utf-8"))["vectors"]


def _party(raw: list[Any]) -> Party:
    name, domicile, *rest = raw
    habitual = rest[0] if rest else None
    natural = rest[1] if len(rest) > 1 else True
    return Party(name, domicile, habitual, natural)


def build_request(raw: dict[str, Any]) -> JurisdictionRequest:
    raw = dict(raw)
    fields: dict[str, Any] = {
        "category": CaseCategory(raw.pop("category")),
        "chosen_court": CourtRef(CourtLevel(raw["chosen"][0]), raw.pop("chosen")[1]),
        "plaintiffs": tuple(_party(p) for p in raw.pop("plaintiffs", [])),
        "defendants": tuple(_party(p) for p in raw.pop("defendants", [])),
    }
    if "cause" in raw:
        fields["cause"] = Cause(raw.pop("cause"))
    if "claim_amount" in raw:
        fields["claim_amount"] = Decimal(raw.pop("claim_amount"))
    if "first_instance_court" in raw:
        level, code = raw.pop("first_instance_court")
        fields["first_instance_court"] = CourtRef(CourtLevel(level), code)
    fields.update(raw)
    return JurisdictionRequest(**fields)


@pytest.mark.parametrize("vector", VECTORS, ids=[vector["name"] for vector in VECTORS])
def test_vector(vector: dict[str, Any]) -> None:
    request = build_request(vector["request"])
    if "error" in vector:
        with pytest.raises(JurisdictionError) as info:
            assess_jurisdiction(request)
        assert (info.value.code, info.value.detail["field"]) == (
            vector["error"]["code"],
            vector["error"]["field"],
        )
        return
    expect = vector["expect"]
    result = assess_jurisdiction(request)
    assert result.competent is expect["competent"]
    for key in ("territorial_ok", "level_ok"):
        if key in expect:
            assert getattr(result, key) is expect[key]
    assert result.required_level.value == expect["level"]
    assert [[court.level.value, court.division_code] for court in result.competent_courts] == expect["courts"]
    codes = [reason.code for reason in result.reasons]
    for code in expect.get("codes", []):
        assert code in codes
    bases = {reason.code: reason.basis for reason in result.reasons}
    for code, basis in expect.get("bases", {}).items():
        assert bases[code] == basis
