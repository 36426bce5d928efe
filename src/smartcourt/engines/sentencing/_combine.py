"""数罪并罚: the range of the term to execute for several crimes (刑法第六十九条).

第一款: 判决宣告以前一人犯数罪的，除判处死刑和无期徒刑的以外，应当在总和刑期以下、数刑中最高刑期以上，酌情决定执行的
刑期，但是管制最高不能超过三年，拘役最高不能超过一年，有期徒刑总和刑期不满三十五年的，最高不能超过二十年，总和刑期在
三十五年以上的，最高不能超过二十五年。第二款: 数罪中有判处有期徒刑和拘役的，执行有期徒刑。
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# 第一款's caps, in months
FIXED_TERM_CAP = 20 * 12
FIXED_TERM_CAP_LONG = 25 * 12
LONG_TOTAL = 35 * 12
DETENTION_CAP = 12


@dataclass(frozen=True, slots=True)
class CombinedRange:
    """Where the executed term may lie: from ``low`` (the highest term) to ``high`` (the sum, within ``cap``);
    ``detention`` when only 拘役 is executed; ``cap_rule`` quotes the cap that applies."""

    total: int
    low: int
    high: int
    cap: int
    detention: bool
    cap_rule: str


def combined_range(terms: Sequence[tuple[int, bool]]) -> CombinedRange:
    """The range of 第六十九条 for the declared terms ``(months, is 拘役)`` of one accused (at least one).

    >>> r = combined_range([(30, False), (18, False)])
    >>> r.low, r.high, r.cap
    (30, 48, 240)
    >>> combined_range([(180, False), (180, False), (120, False)]).high
    300
    >>> r = combined_range([(5, True), (10, True)])
    >>> r.low, r.high, r.detention
    (10, 12, True)
    >>> combined_range([(8, False), (4, True)]).high  # 第二款: only 有期徒刑 is executed
    8
    """
    if not terms:
        raise ValueError("数罪并罚须有宣告刑")
    fixed = [months for months, detention in terms if not detention]
    executed = fixed or [months for months, _ in terms]
    total, low = sum(executed), max(executed)
    if not fixed:
        cap, rule = DETENTION_CAP, "拘役最高不能超过一年"
    elif total < LONG_TOTAL:
        cap, rule = FIXED_TERM_CAP, "有期徒刑总和刑期不满三十五年的，最高不能超过二十年"
    else:
        cap, rule = FIXED_TERM_CAP_LONG, "有期徒刑总和刑期在三十五年以上的，最高不能超过二十五年"
    return CombinedRange(total, low, max(low, min(total, cap)), cap, not fixed, rule)
