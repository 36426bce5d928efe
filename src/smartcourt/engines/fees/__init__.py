"""Court fees (诉讼费用) under 《诉讼费用交纳办法》 (国务院令第481号, effective 2007-04-01): pure Python.

案件受理费 (第十三条) and 申请费 (第十四条) with each bracket's portion shown, the ranges the text leaves to the
court, 减半 for 调解/撤诉 (第十五条), 简易程序 (第十六条) and 反诉 (第十八条) applied once (民诉法解释第二百零六条),
appeals (第十七条), and judicial-aid applications (第四十四条 onwards) recorded without changing the fee. The
brackets live in ``data/fee_schedule.json`` with their articles. Amounts are ``Decimal`` yuan; the text sets no
rounding, so the fee is computed exactly and rounded half up to the 分 (or to the 元, ``rounding="yuan"``).

>>> fee = compute_fee("property", "1000000")
>>> fee.total, len(fee.lines), fee.lines[-1].label
(Decimal('13800.00'), 5, '超过50万元至100万元的部分，按照1%交纳')
>>> compute_fee("property", "1000000", mediated=True).total
Decimal('6900.00')
>>> fee_total_fen("property", 100_000_000)  # the fast path: 分 in, 分 out
1380000
"""

from smartcourt.engines.fees._compute import AmountLike, compute_fee, fee_kinds, parse_amount
from smartcourt.engines.fees._fast import FAST_KINDS, fee_total_fen, fee_total_function
from smartcourt.engines.fees._schedule import FeeSource, schedule
from smartcourt.engines.fees._types import AppliedRule, FeeComputation, FeeLine, FeeRange, PerCaseFee
from smartcourt.engines.fees.errors import (
    AmountRequiredError,
    FeeError,
    FeeScheduleError,
    InvalidAmountError,
    InvalidOptionError,
    NegativeAmountError,
    PerCaseOutOfRangeError,
    ReductionNotApplicableError,
    UnknownKindError,
)

__all__ = [
    "FAST_KINDS",
    "AmountLike",
    "AmountRequiredError",
    "AppliedRule",
    "FeeComputation",
    "FeeError",
    "FeeLine",
    "FeeRange",
    "FeeScheduleError",
    "FeeSource",
    "InvalidAmountError",
    "InvalidOptionError",
    "NegativeAmountError",
    "PerCaseFee",
    "PerCaseOutOfRangeError",
    "ReductionNotApplicableError",
    "UnknownKindError",
    "compute_fee",
    "fee_kinds",
    "fee_source",
    "fee_total_fen",
    "fee_total_function",
    "parse_amount",
]


def fee_source() -> FeeSource:
    """The regulation the schedule encodes.

    >>> source = fee_source()
    >>> (source.title, source.document_number, source.effective)
    ('诉讼费用交纳办法', '国务院令第481号', '2007-04-01')
    """
    return schedule().source
