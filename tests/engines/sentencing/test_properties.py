"""Properties: the recommendation stays inside the law's range; a mitigating circumstance never raises it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.sentencing import (
    CaseFacts,
    Circumstance,
    SentencingError,
    circumstance_rule,
    compute_sentence,
)

AMOUNT_CRIMES = (
    "盗窃",
    "诈骗",
    "抢夺",
    "敲诈勒索",
    "职务侵占",
    "信用卡诈骗",
    "非法吸收公众存款",
    "集资诈骗",
    "合同诈骗",
)
KINDS = (
    "minor_16_18", "attempt", "accessory", "surrender", "confession", "court_plea", "meritorious",
    "restitution", "compensation_forgiveness", "compensation", "reconciliation", "custody_conduct",
    "plea_leniency", "recidivism", "prior_record", "vulnerable_victim", "disaster_period",
)  # fmt: skip
MITIGATING = tuple(k for k in KINDS if circumstance_rule(k)["direction"] < 0)

facts = st.builds(
    CaseFacts,
    charge=st.sampled_from(AMOUNT_CRIMES),
    amount=st.decimals(min_value=1, max_value=100_000_000, places=0, allow_nan=False),
)
kinds = st.lists(st.sampled_from(KINDS), max_size=6, unique=True)


def _compute(f: CaseFacts, chosen: list[str]) -> int | None:
    try:
        return compute_sentence(f, [Circumstance(k) for k in chosen]).point
    except SentencingError:
        return None


@settings(max_examples=300, deadline=None)
@given(facts, kinds)
def test_point_inside_range_and_inside_the_law(f: CaseFacts, chosen: list[str]) -> None:
    try:
        result = compute_sentence(f, [Circumstance(k) for k in chosen])
    except SentencingError:
        return
    assert result.range.low <= result.point <= result.range.high
    assert result.range.low >= 1
    assert result.range.high <= result.statutory.high
    mitigation = any(circumstance_rule(k).get("allows_mitigation") for k in chosen)
    if not mitigation:
        assert result.range.low >= result.statutory.low


@settings(max_examples=300, deadline=None)
@given(facts, kinds, st.sampled_from(MITIGATING))
def test_a_mitigating_circumstance_never_raises_the_point(
    f: CaseFacts, chosen: list[str], extra: str
) -> None:
    before = _compute(f, [k for k in chosen if k != extra])
    after = _compute(f, [k for k in chosen if k != extra] + [extra])
    if before is None or after is None:
        return
    assert after <= before


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(AMOUNT_CRIMES[:4]), st.integers(min_value=1, max_value=10_000_000))
def test_more_money_never_lowers_the_point(charge: str, amount: int) -> None:
    low = _compute(CaseFacts(charge, amount=Decimal(amount)), [])
    high = _compute(CaseFacts(charge, amount=Decimal(amount) * 2), [])
    if low is not None and high is not None:
        assert high >= low


def test_amount_in_a_province_with_a_higher_threshold_can_fall_below_it() -> None:
    national = compute_sentence(CaseFacts("盗窃", amount=Decimal(1500)))
    assert national.paragraph == "前段"
    assert _compute(CaseFacts("盗窃", amount=Decimal(1500), province="北京"), []) is None
