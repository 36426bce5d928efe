"""Result comparison (偏离度预警): a draft outcome against the outcomes of the similar cases."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ._types import Bin, DeviationCheck, Distribution
from .errors import InvalidOutcomeError, NoCandidatesError, TooFewOutcomesError

__all__ = ["MIN_OUTCOMES", "check_deviation", "outcome_distribution", "percent_rank", "quantile"]

MIN_OUTCOMES = 5
_UNITS = {"term_months": "个月", "amount": "元", "ratio": ""}


def _finite(values: Sequence[float], field: str) -> list[float]:
    out = []
    for v in values:
        x = float(v)
        if not math.isfinite(x) or x < 0:
            raise InvalidOutcomeError(field)
        out.append(x)
    return out


def quantile(values: Sequence[float], q: float) -> float:
    """The ``q``-quantile (0–1) by linear interpolation between order statistics (numpy's default).

    >>> quantile([1, 2, 3, 4], 0.5), quantile([6, 12, 36], 0.1)
    (2.5, 7.2)
    """
    data = sorted(float(v) for v in values)
    if not data:
        raise NoCandidatesError("没有类案裁判结果")
    pos = min(max(q, 0.0), 1.0) * (len(data) - 1)
    low = math.floor(pos)
    high = min(low + 1, len(data) - 1)
    return round(data[low] + (data[high] - data[low]) * (pos - low), 6)


def percent_rank(values: Sequence[float], x: float) -> float:
    """The share (0–100) of ``values`` below ``x``, ties counting half.

    >>> percent_rank([6, 12, 12, 36], 12), percent_rank([6, 12], 100)
    (50.0, 100.0)
    """
    if not values:
        raise NoCandidatesError("没有类案裁判结果")
    below = sum(1 for v in values if v < x)
    equal = sum(1 for v in values if v == x)
    return round(100.0 * (below + 0.5 * equal) / len(values), 2)


def outcome_distribution(values: Sequence[float], *, bins: int = 8) -> Distribution:
    """Quantiles, mean and an equal-width histogram of the outcomes.

    Raises :class:`NoCandidatesError` when there are none and :class:`InvalidOutcomeError` for a negative or
    non-finite value.

    >>> d = outcome_distribution([6, 8, 12, 12, 24, 36], bins=3)
    >>> d.median, d.p10, d.p90, [(b.low, b.high, b.count) for b in d.bins]
    (12.0, 7.0, 30.0, [(6.0, 16.0, 4), (16.0, 26.0, 1), (26.0, 36.0, 1)])
    """
    data = sorted(_finite(values, "outcomes"))
    if not data:
        raise NoCandidatesError("没有类案裁判结果")
    lo, hi = data[0], data[-1]
    count = max(1, min(bins, len(set(data))))
    width = (hi - lo) / count if hi > lo else 1.0
    counts = [0] * count
    for v in data:
        counts[min(count - 1, int((v - lo) / width))] += 1
    histogram = tuple(
        Bin(round(lo + i * width, 6), round(lo + (i + 1) * width, 6), counts[i]) for i in range(count)
    )
    return Distribution(
        n=len(data),
        minimum=lo,
        p10=quantile(data, 0.1),
        p25=quantile(data, 0.25),
        median=quantile(data, 0.5),
        p75=quantile(data, 0.75),
        p90=quantile(data, 0.9),
        maximum=hi,
        mean=round(sum(data) / len(data), 6),
        bins=histogram,
    )


def _fmt(x: float, unit: str) -> str:
    return f"{x:,.0f}{unit}" if unit == "元" else f"{x:g}{unit}"


def check_deviation(
    draft: float,
    outcomes: Sequence[float],
    *,
    kind: str = "term_months",
    lower: float = 10,
    upper: float = 90,
    minimum: int = MIN_OUTCOMES,
) -> DeviationCheck:
    """Compare a draft outcome with the similar cases' outcomes: warn outside the ``lower``–``upper``
    percentile range (10th–90th by default).

    ``kind`` (``term_months``, ``amount``, ``ratio``) only sets the unit of the message. Raises
    :class:`NoCandidatesError` with no outcomes, :class:`TooFewOutcomesError` with fewer than ``minimum`` and
    :class:`InvalidOutcomeError` for a negative or non-finite draft: no range is ever made up.

    >>> c = check_deviation(48, [6, 8, 10, 12, 12, 14, 18, 24])
    >>> c.warn, c.direction, c.percentile, (c.low, c.high)
    (True, 'above', 100.0, (7.4, 19.8))
    >>> c.message
    '拟定结果48个月高于类案通常范围（第10–90百分位：7.4个月–19.8个月），位于第100.0百分位'
    """
    try:
        x = float(draft)
    except (TypeError, ValueError):
        raise InvalidOutcomeError("draft") from None
    if not math.isfinite(x) or x < 0:
        raise InvalidOutcomeError("draft")
    data = _finite(outcomes, "outcomes")
    if not data:
        raise NoCandidatesError("没有带裁判结果的类案，无法比较")
    if len(data) < minimum:
        raise TooFewOutcomesError(len(data), minimum)
    if not 0 <= lower < upper <= 100:
        raise InvalidOutcomeError("range")
    low, high = quantile(data, lower / 100), quantile(data, upper / 100)
    rank = percent_rank(data, x)
    direction = "below" if x < low else "above" if x > high else "within"
    unit = _UNITS.get(kind, "")
    where = {"below": "低于", "above": "高于", "within": "处于"}[direction]
    message = (
        f"拟定结果{_fmt(x, unit)}{where}类案通常范围（第{lower:g}–{upper:g}百分位："
        f"{_fmt(low, unit)}–{_fmt(high, unit)}），位于第{rank}百分位"
    )
    return DeviationCheck(
        draft=x,
        percentile=rank,
        low=low,
        high=high,
        warn=direction != "within",
        direction=direction,
        message=message,
        distribution=outcome_distribution(data),
    )
