"""Errors of the filing-checks engine::

    FilingChecksError(ValueError)    filing_checks_error
    ├── InvalidDateError             invalid_date: dates out of order (today before receipt, knew after filing …)
    ├── InvalidCorrectionError       invalid_correction: a correction request out of order with the clock
    └── InvalidOptionError           invalid_option: an unknown review kind, a threshold outside 0..1

Each carries ``code``, a Chinese ``message`` and ``detail`` (``detail["field"]`` names the input).

>>> err = InvalidDateError(field="today", reason="今天早于收到诉状之日")
>>> (err.code, err.message)
('invalid_date', '日期无效：今天早于收到诉状之日')
"""

from __future__ import annotations

from typing import ClassVar

from smartcourt.engines._errors import TemplatedError

__all__ = ["FilingChecksError", "InvalidCorrectionError", "InvalidDateError", "InvalidOptionError"]


class FilingChecksError(TemplatedError):
    """Root of the filing-checks engine's errors.

    >>> InvalidOptionError(field="kind", reason="未知的审查类别：x").message
    '参数无效：未知的审查类别：x'
    """

    code: ClassVar[str] = "filing_checks_error"
    template: ClassVar[str] = "立案检查参数无效"


class InvalidDateError(FilingChecksError):
    """Dates given out of order.

    >>> InvalidDateError(field="knew_on", reason="x").code
    'invalid_date'
    """

    code = "invalid_date"
    template = "日期无效：{reason}"


class InvalidCorrectionError(FilingChecksError):
    """A correction request that does not fit the review clock.

    >>> InvalidCorrectionError(field="corrections", reason="补正期限早于通知之日").message
    '补正通知无效：补正期限早于通知之日'
    """

    code = "invalid_correction"
    template = "补正通知无效：{reason}"


class InvalidOptionError(FilingChecksError):
    """An option outside its domain.

    >>> InvalidOptionError(field="threshold", reason="阈值须在 0 到 1 之间").code
    'invalid_option'
    """

    code = "invalid_option"
    template = "参数无效：{reason}"
