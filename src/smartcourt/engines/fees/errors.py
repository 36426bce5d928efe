"""Errors of the fees engine.

Every error carries a machine ``code`` (stable, for the API's ``{"code", "message", "detail"}``), a Chinese
``message`` for the UI and a ``detail`` mapping with the values that caused it::

    FeeError(ValueError)                 fee_error
    ├── InvalidAmountError               invalid_amount: not a number, NaN or infinite, finer than a 分, too large
    ├── NegativeAmountError              negative_amount: an amount below zero
    ├── AmountRequiredError              amount_required: the kind is computed on an amount and none was given
    ├── UnknownKindError                 unknown_kind: no fee kind has that key
    ├── PerCaseOutOfRangeError           per_case_out_of_range: a court's chosen 每件 amount outside the range
    ├── ReductionNotApplicableError      reduction_not_applicable: 减半 asked for an application fee (申请费)
    ├── InvalidOptionError               invalid_option: an unknown option value, 简易程序 on appeal, a per-case
    │                                    amount where the text gives no range
    └── FeeScheduleError                 fee_schedule_invalid: the data file beside the code is malformed

>>> err = UnknownKindError(kind="tax")
>>> (err.code, err.message)
('unknown_kind', '未知的费用种类：tax')
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, ClassVar

__all__ = [
    "AmountRequiredError",
    "FeeError",
    "FeeScheduleError",
    "InvalidAmountError",
    "InvalidOptionError",
    "NegativeAmountError",
    "PerCaseOutOfRangeError",
    "ReductionNotApplicableError",
    "UnknownKindError",
]


@cache
def _templates() -> dict[str, str]:
    text = resources.files("smartcourt.engines.fees").joinpath("data", "phrases.json").read_text("utf-8")
    templates: dict[str, str] = json.loads(text)["errors"]
    return templates


class FeeError(ValueError):
    """Root of every error the fees engine raises.

    Keyword arguments fill the Chinese message template of the error's ``code`` and are kept in ``detail``.

    >>> err = NegativeAmountError(value="-1")
    >>> (err.code, err.message, dict(err.detail))
    ('negative_amount', '金额不能为负数：-1', {'value': '-1'})
    >>> str(err)
    '金额不能为负数：-1'
    """

    code: ClassVar[str] = "fee_error"

    def __init__(self, **detail: Any) -> None:
        self.detail: Mapping[str, Any] = dict(detail)
        template = _templates().get(self.code, _templates()["fee_error"])
        try:
            self.message: str = template.format(**detail)
        except (KeyError, IndexError):
            self.message = template
        super().__init__(self.message)


class InvalidAmountError(FeeError):
    """An amount is not a number, is NaN or infinite, has more than two decimals (finer than a 分), or is too large.

    >>> InvalidAmountError(value="abc", reason="不是数字").message
    '金额无效：abc（不是数字）'
    """

    code = "invalid_amount"


class NegativeAmountError(FeeError):
    """An amount is below zero.

    >>> NegativeAmountError(value="-0.01").code
    'negative_amount'
    """

    code = "negative_amount"


class AmountRequiredError(FeeError):
    """The fee of this kind is computed on an amount and none was given.

    >>> AmountRequiredError(kind="property", kind_label="财产案件", amount_meaning="诉讼请求的金额或者价额").message
    '“财产案件”须提供金额（诉讼请求的金额或者价额）'
    """

    code = "amount_required"


class UnknownKindError(FeeError):
    """No fee kind has the key that was asked for.

    >>> UnknownKindError(kind="x").code
    'unknown_kind'
    """

    code = "unknown_kind"


class PerCaseOutOfRangeError(FeeError):
    """A court's chosen per-case amount (每件交纳标准) lies outside the range the text gives.

    >>> PerCaseOutOfRangeError(value="301", low="50", high="300").message
    '每件交纳标准 301 元不在法定幅度 50 元至 300 元之内'
    """

    code = "per_case_out_of_range"


class ReductionNotApplicableError(FeeError):
    """减半 (第十五条, 第十六条, 第十八条) was asked for a fee it does not apply to: those articles halve 案件受理费 only.

    >>> ReductionNotApplicableError(reason="申请费不适用减半").message
    '申请费不适用减半'
    """

    code = "reduction_not_applicable"


class InvalidOptionError(FeeError):
    """An option has an unknown value, options contradict each other (简易程序 on appeal), or a per-case amount
    was given where the text gives no range.

    >>> InvalidOptionError(reason="未知的审理程序：fast").message
    '参数无效：未知的审理程序：fast'
    """

    code = "invalid_option"


class FeeScheduleError(FeeError):
    """The fee schedule beside the code is missing or malformed.

    >>> FeeScheduleError(reason="no tables").code
    'fee_schedule_invalid'
    """

    code = "fee_schedule_invalid"
