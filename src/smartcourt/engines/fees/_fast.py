"""The fast path: just the total, in integer 分, for the kinds computed on one table without a range.

Every rate in the tables is a whole number of per-mille (2.5% = 25‰, 0.9% = 9‰, 0.1% = 1‰), so the exact fee in
thousandths of a 分 is an integer and rounding half up to the 分 is integer arithmetic. The result equals
``compute_fee(...).total`` in 分 (a property test checks it).

>>> fee_total_fen("property", 10_000_000)
230000
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from decimal import Decimal
from functools import cache

from smartcourt.engines.fees._schedule import schedule
from smartcourt.engines.fees.errors import (
    FeeScheduleError,
    InvalidAmountError,
    NegativeAmountError,
    ReductionNotApplicableError,
    UnknownKindError,
)

__all__ = ["FAST_KINDS", "fee_total_fen", "fee_total_function"]

FAST_KINDS = ("property", "ip", "enforcement", "preservation", "payment_order", "bankruptcy")
_MAX_FEN = 10**17  # 1000万亿元, as compute_fee
_FUNCTIONS: dict[tuple[str, bool], Callable[[int], int]] = {}


def _permille(value: Decimal) -> int:
    scaled = value * 1000
    if scaled != scaled.to_integral_value():
        raise FeeScheduleError(reason=f"rate {value} is not a whole number of per-mille")
    return int(scaled)


@cache
def fee_total_function(kind: str, *, halved: bool = False) -> Callable[[int], int]:
    """A function from an amount in 分 to the fee in 分 for ``kind``, built once per kind (the hot loop's form).

    The function trusts its input: ``0 <= amount_fen <= 10**17``, an ``int`` (``fee_total_fen`` checks it).

    >>> enforce = fee_total_function("enforcement")
    >>> enforce(50_000_000), enforce(1_000_000)
    (740000, 5000)
    """
    if kind not in FAST_KINDS:
        raise UnknownKindError(kind=f"{kind}（快速计算只支持：{'、'.join(FAST_KINDS)}）")
    rule = schedule().kinds[kind]
    table = rule.with_amount.table
    if table is None:  # pragma: no cover - guarded by FAST_KINDS and the data file
        raise FeeScheduleError(reason=f"kind {kind} has no table")
    uppers: list[int] = []
    lowers: list[int] = []
    cumulative: list[int] = []  # fee at each bracket's lower edge, in thousandths of a 分
    rates: list[int] = []
    total = 0
    for bracket in table.brackets:
        lower = int(bracket.lower * 100)
        if bracket.flat is not None:
            total = int(bracket.flat * 100) * 1000
            rate = 0
        else:
            rate = _permille(bracket.rate or Decimal(0))
        lowers.append(lower)
        cumulative.append(total)
        rates.append(rate)
        if bracket.upper is not None:
            upper = int(bracket.upper * 100)
            uppers.append(upper)
            total += (upper - lower) * rate
    num, den = rule.factor or (1, 1)
    cap = None if rule.cap is None else int(rule.cap * 100)
    brackets = tuple(zip(lowers, cumulative, rates, strict=True))
    uppers_t = tuple(uppers)
    divisor = 2000 * den
    offset = 1000 * den

    def total_fen(amount_fen: int) -> int:
        lower, cum, rate = brackets[bisect_left(uppers_t, amount_fen)]
        fen = (2 * num * (cum + (amount_fen - lower) * rate) + offset) // divisor
        if cap is not None and fen > cap:
            fen = cap
        return (fen + 1) // 2 if halved else fen

    return total_fen


def fee_total_fen(kind: str, amount_fen: int, *, halved: bool = False) -> int:
    """The fee in 分 for an amount in 分: the total only, no explanation; requires ``0 <= amount_fen <= 10**17``.

    ``kind`` is one of ``FAST_KINDS``; ``halved`` applies one 减半 (第十五条/第十六条/第十八条, 案件受理费 only).

    >>> fee_total_fen("property", 100_000_000)  # 100万元 → 13,800元
    1380000
    >>> fee_total_fen("property", 100_000_000, halved=True)
    690000
    >>> fee_total_fen("preservation", 200_000_000)  # capped at 5,000元
    500000
    """
    function = _FUNCTIONS.get((kind, halved))
    if function is None:
        rule = schedule().kinds.get(kind)
        if halved and rule is not None and rule.category == "application":
            raise ReductionNotApplicableError(reason=f"“{rule.label}”的费用是申请费，不适用减半")
        function = _FUNCTIONS[(kind, halved)] = fee_total_function(kind, halved=halved)
    if type(amount_fen) is not int:
        raise InvalidAmountError(value=repr(amount_fen), reason="快速计算的金额须为以分计的整数")
    if amount_fen < 0:
        raise NegativeAmountError(value=str(amount_fen))
    if amount_fen > _MAX_FEN:
        raise InvalidAmountError(value=str(amount_fen), reason="超过可计算上限1000万亿元")
    return function(amount_fen)
