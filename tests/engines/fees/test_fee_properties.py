"""Property tests of the fees engine (hypothesis), the property table against a slow reference from the text."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.fees import FAST_KINDS, compute_fee, fee_total_fen
from smartcourt.engines.fees._schedule import schedule

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None)
FEN = Decimal("0.01")
TABLE_KINDS = [
    "property",
    "ip",
    "enforcement",
    "preservation",
    "payment_order",
    "bankruptcy",
    "divorce",
    "personality",
]
ACCEPTANCE_WITH_AMOUNT = ["property", "ip", "divorce", "personality"]
EDGES = sorted(
    {bracket.upper for table in schedule().tables.values() for bracket in table.brackets if bracket.upper}
    | {Decimal(896000), Decimal(111640000)}  # the preservation and bankruptcy caps are reached here
)

FENS = st.integers(min_value=0, max_value=10**12)  # 0 to 100亿元
NEAR_EDGES = st.builds(
    lambda edge, offset: max(int(edge * 100) + offset, 0),
    st.sampled_from(EDGES),
    st.integers(min_value=-300, max_value=300),
)
AMOUNTS_FEN = st.one_of(FENS, NEAR_EDGES)


def _yuan(fen: int) -> Decimal:
    return Decimal(fen) / 100


def _round(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def reference_property_fee(amount: Decimal) -> Decimal:
    """Slow reference of 第十三条第(一)项, written from the text, not from the data file: walk yuan bands."""
    text = [  # (超过, 至, 比例) as printed in the regulation
        (Decimal(10000), Decimal(100000), Decimal("2.5")),
        (Decimal(100000), Decimal(200000), Decimal("2")),
        (Decimal(200000), Decimal(500000), Decimal("1.5")),
        (Decimal(500000), Decimal(1000000), Decimal("1")),
        (Decimal(1000000), Decimal(2000000), Decimal("0.9")),
        (Decimal(2000000), Decimal(5000000), Decimal("0.8")),
        (Decimal(5000000), Decimal(10000000), Decimal("0.7")),
        (Decimal(10000000), Decimal(20000000), Decimal("0.6")),
        (Decimal(20000000), None, Decimal("0.5")),
    ]
    fee = Decimal(50)  # 不超过1万元的，每件交纳50元
    for over, upto, percent in text:
        if amount > over:
            top = amount if upto is None else min(amount, upto)
            fee += (top - over) * percent / 100
    return _round(fee)


@PROPERTY_SETTINGS
@given(AMOUNTS_FEN)
def test_property_fee_matches_the_slow_reference(fen: int) -> None:
    assert compute_fee("property", _yuan(fen)).total == reference_property_fee(_yuan(fen))


@PROPERTY_SETTINGS
@given(st.sampled_from(TABLE_KINDS), AMOUNTS_FEN, AMOUNTS_FEN)
def test_fee_is_non_decreasing_in_the_amount(kind: str, a: int, b: int) -> None:
    low, high = sorted((a, b))
    smaller, larger = compute_fee(kind, _yuan(low)), compute_fee(kind, _yuan(high))
    assert smaller.subtotal <= larger.subtotal
    assert smaller.total_range.low <= larger.total_range.low
    assert smaller.total_range.high <= larger.total_range.high


@PROPERTY_SETTINGS
@given(st.sampled_from(sorted(schedule().tables)), st.integers(min_value=1, max_value=10_000))
def test_continuous_at_every_bracket_edge(table_key: str, step_fen: int) -> None:
    """Around each edge the exact subtotal moves by step × the rate on that side: no jump at the edge."""
    table = schedule().tables[table_key]
    kind = {
        "property": "property",
        "divorce_property": "divorce",
        "personality_damages": "personality",
        "enforcement": "enforcement",
        "preservation": "preservation",
    }[table_key]
    step = _yuan(step_fen)
    for below, above in zip(table.brackets, table.brackets[1:], strict=False):
        edge = below.upper
        assert edge is not None
        at = compute_fee(kind, edge).subtotal
        rate_below = Decimal(0) if below.flat is not None else below.rate
        assert rate_below is not None and above.rate is not None
        if step <= edge - below.lower:
            assert at - compute_fee(kind, edge - step).subtotal == step * rate_below
        assert compute_fee(kind, edge + step).subtotal - at == step * above.rate


@PROPERTY_SETTINGS
@given(
    st.sampled_from(ACCEPTANCE_WITH_AMOUNT + ["labour", "administrative", "other_non_property"]),
    AMOUNTS_FEN,
    st.sampled_from(
        [
            {"mediated": True},
            {"withdrawn": True},
            {"procedure": "simple"},
            {"counterclaim": True},
            {"procedure": "simple", "mediated": True},
            {"counterclaim": True, "withdrawn": True},
        ]
    ),
    st.sampled_from(["fen", "yuan"]),
)
def test_halving_never_makes_the_fee_larger_and_halves_once(
    kind: str, fen: int, grounds: dict[str, object], rounding: str
) -> None:
    full = compute_fee(kind, _yuan(fen), rounding=rounding)  # type: ignore[arg-type]
    halved = compute_fee(kind, _yuan(fen), rounding=rounding, **grounds)  # type: ignore[arg-type]
    assert halved.total_range.low <= full.total_range.low
    assert halved.total_range.high <= full.total_range.high
    quantum = FEN if rounding == "fen" else Decimal(1)
    assert halved.total_range.low == (full.base.low / 2).quantize(quantum, rounding=ROUND_HALF_UP)
    assert halved.halved is True and full.halved is False


@PROPERTY_SETTINGS
@given(AMOUNTS_FEN)
def test_the_total_is_the_sum_of_the_bracket_portions(fen: int) -> None:
    fee = compute_fee("property", _yuan(fen))
    assert fee.subtotal == sum(line.portion for line in fee.lines)
    assert fee.total == _round(sum(line.portion for line in fee.lines))
    assert sum(line.base for line in fee.lines if line.base is not None) == _yuan(fen)
    enforcement = compute_fee("enforcement", _yuan(fen))
    assert enforcement.total == _round(sum(line.portion for line in enforcement.lines))


@PROPERTY_SETTINGS
@given(AMOUNTS_FEN)
def test_capped_kinds_are_the_sum_of_portions_up_to_the_cap(fen: int) -> None:
    preservation = compute_fee("preservation", _yuan(fen))
    assert preservation.total == min(Decimal(5000), _round(sum(line.portion for line in preservation.lines)))
    bankruptcy = compute_fee("bankruptcy", _yuan(fen))
    assert bankruptcy.total == min(
        Decimal(300000), _round(sum(line.portion for line in bankruptcy.lines) / 2)
    )


@PROPERTY_SETTINGS
@given(st.sampled_from(FAST_KINDS), AMOUNTS_FEN, st.booleans())
def test_the_fast_path_equals_the_full_computation(kind: str, fen: int, halved: bool) -> None:
    halved = halved and schedule().kinds[kind].category == "acceptance"
    full = compute_fee(kind, _yuan(fen), mediated=halved)
    assert full.total is not None
    assert fee_total_fen(kind, fen, halved=halved) == int(full.total * 100)


@PROPERTY_SETTINGS
@given(st.sampled_from(["divorce", "personality"]), AMOUNTS_FEN, st.integers(min_value=0, max_value=100_000))
def test_a_court_choice_inside_the_range_lands_inside_the_range(kind: str, fen: int, choice_fen: int) -> None:
    unchosen = compute_fee(kind, _yuan(fen))
    per_case = unchosen.per_case
    assert per_case is not None
    choice = min(max(_yuan(choice_fen), per_case.low), per_case.high)
    chosen = compute_fee(kind, _yuan(fen), per_case=choice)
    assert chosen.total is not None
    assert unchosen.total_range.low <= chosen.total <= unchosen.total_range.high
