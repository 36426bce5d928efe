"""Vectors: profiles read from hand-written facts, and fixed deviation checks."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from smartcourt.engines.similar import build_profile, check_deviation, outcome_distribution, quantile

VECTORS = json.loads((Path(__file__).parent / "vectors" / "profiles.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["facts"][:12])
def test_profile_vectors(case: dict) -> None:
    profile = build_profile(case["facts"], charges=case.get("given"), cause=case.get("cause", ""))
    assert list(profile.charges[:1]) == case["charges"][:1]
    assert profile.charge_source == (
        "record" if case.get("given") else "predicted" if case["charges"] else ""
    )
    assert sorted(profile.element_kinds) == sorted(case["elements"])
    assert sorted(profile.circumstance_kinds) == sorted(case["circumstances"])
    assert profile.amount == (Decimal(case["amount"]) if case["amount"] else None)
    for feature in profile.elements + profile.circumstances:
        if feature.span is not None:
            assert case["facts"][feature.span[0] : feature.span[1]] == feature.text


@pytest.mark.parametrize(
    ("draft", "outcomes", "warn", "direction", "percentile"),
    [
        (12, [6, 8, 10, 12, 12, 14, 18, 24], False, "within", 50.0),
        (3, [6, 8, 10, 12, 12, 14, 18, 24], True, "below", 0.0),
        (36, [6, 8, 10, 12, 12, 14, 18, 24], True, "above", 100.0),
        (20, [20, 20, 20, 20, 20], False, "within", 50.0),
    ],
)
def test_deviation_vectors(
    draft: float, outcomes: list[float], warn: bool, direction: str, percentile: float
) -> None:
    check = check_deviation(draft, outcomes)
    assert (check.warn, check.direction, check.percentile) == (warn, direction, percentile)
    assert check.distribution is not None and check.distribution.n == len(outcomes)


def test_quantiles_match_numpy_linear() -> None:
    import numpy as np

    data = [3.0, 7.0, 7.5, 12.0, 40.0, 41.0]
    for q in (0.0, 0.1, 0.25, 0.5, 0.9, 1.0):
        assert quantile(data, q) == pytest.approx(float(np.quantile(data, q)))
    d = outcome_distribution(data)
    assert sum(b.count for b in d.bins) == len(data)
