"""Errors of the calendar engine.

Every error carries a machine ``code`` (stable, for the API's ``{"code", "message", "detail"}``), a Chinese
``message`` for the UI and a ``detail`` mapping with the values that caused it::

    CalendarError(ValueError)            calendar_error
    ├── InvalidPeriodError               invalid_period: a negative or empty period, a negative warning window
    ├── InvalidDateRangeError            invalid_date_range: a range ending before it starts, or before the origin
    ├── UnknownRuleError                 unknown_rule: no time-limit rule has that key
    ├── RuleNotInForceError              rule_not_in_force: the period starts before the rule took effect
    ├── ExtensionNotAllowedError         extension_not_allowed: the rule does not allow that extension
    ├── DateOutOfRangeError              date_out_of_range: a day outside the years the engine can judge
    └── RuleDataError                    rule_data_invalid: a data file beside the code is malformed

>>> err = UnknownRuleError(rule_key="civil_first_fancy")
>>> (err.code, err.message)
('unknown_rule', '未知的期限规则：civil_first_fancy')
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from smartcourt.engines.calendar._data import phrase

__all__ = [
    "CalendarError",
    "DateOutOfRangeError",
    "ExtensionNotAllowedError",
    "InvalidDateRangeError",
    "InvalidPeriodError",
    "RuleDataError",
    "RuleNotInForceError",
    "UnknownRuleError",
]


class CalendarError(ValueError):
    """Root of every error the calendar engine raises.

    Keyword arguments fill the Chinese message template of the error's ``code`` and are kept in ``detail``.

    >>> err = InvalidPeriodError(reason="期间长度为零")
    >>> (err.code, err.message, dict(err.detail))
    ('invalid_period', '期间无效：期间长度为零', {'reason': '期间长度为零'})
    >>> str(err)
    '期间无效：期间长度为零'
    """

    code: ClassVar[str] = "calendar_error"

    def __init__(self, **detail: Any) -> None:
        self.detail: Mapping[str, Any] = dict(detail)
        template = phrase("errors", self.code)
        try:
            self.message: str = template.format(**detail)
        except (KeyError, IndexError):
            self.message = template
        super().__init__(self.message)


class InvalidPeriodError(CalendarError):
    """A period is negative or empty, or a warning window is negative.

    >>> InvalidPeriodError(reason="期间长度为零").code
    'invalid_period'
    """

    code = "invalid_period"


class InvalidDateRangeError(CalendarError):
    """A date range ends before it starts, or lies wholly before the period's origin.

    >>> InvalidDateRangeError(reason="x").code
    'invalid_date_range'
    """

    code = "invalid_date_range"


class UnknownRuleError(CalendarError):
    """No time-limit rule has the key that was asked for.

    >>> UnknownRuleError(rule_key="nope").message
    '未知的期限规则：nope'
    """

    code = "unknown_rule"


class RuleNotInForceError(CalendarError):
    """The period starts before the rule that was asked for took effect.

    >>> RuleNotInForceError(rule_name="民事小额诉讼程序审限", effective_from="2022-01-01", start="2021-05-01").code
    'rule_not_in_force'
    """

    code = "rule_not_in_force"


class ExtensionNotAllowedError(CalendarError):
    """An extension is not allowed by the rule: wrong approver, too long, too many, or too late.

    >>> ExtensionNotAllowedError(reason="“行政一审简易程序审限”依法不得延长").message
    '不允许的延长：“行政一审简易程序审限”依法不得延长'
    """

    code = "extension_not_allowed"


class DateOutOfRangeError(CalendarError):
    """A day lies outside the years whose working days the engine can judge.

    >>> DateOutOfRangeError(day="1999-01-01", first=2004, last=2099).message
    '日期 1999-01-01 超出可计算范围（2004 年至 2099 年）'
    """

    code = "date_out_of_range"


class RuleDataError(CalendarError):
    """A data file beside the code is missing or malformed.

    >>> RuleDataError(reason="bad").code
    'rule_data_invalid'
    """

    code = "rule_data_invalid"
