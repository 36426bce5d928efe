"""Statutory periods, holidays, 审限 and 执行期限 for the people's courts: pure Python, no clock reads.

Every result carries its legal basis as Chinese sentences (``basis``) and says whether the working days it
relied on came from the State Council's published arrangements or from the statutory fallback rules
(``holiday_source``). Rule data lives in ``data/time_limits.json`` and ``data/holiday_rules.json``.

>>> from datetime import date
>>> limit = compute_time_limit("civil_first_simple", registered_on=date(2025, 7, 1))
>>> limit.deadline, limit.holiday_source.value
(datetime.date(2025, 10, 9), 'official')
>>> deadline_status(limit, today=date(2025, 10, 1)).level.label
'临近届满'
>>> period_end(date(2024, 11, 30), months=3).date
datetime.date(2025, 2, 28)
>>> is_working_day(date(2025, 10, 11))
True
"""

from smartcourt.engines.calendar._holidays import (
    DayInfo,
    DayKind,
    HolidaySource,
    calendar_coverage,
    classify_day,
    holiday_source,
    is_statutory_holiday,
    is_working_day,
    next_working_day,
    supported_years,
)
from smartcourt.engines.calendar._periods import Period, PeriodEnd, ProceduralLaw, days_between, period_end
from smartcourt.engines.calendar._rules import (
    Approver,
    Citation,
    Exclusion,
    ExtensionStep,
    LegalSource,
    TimeLimitRule,
    time_limit_rule,
    time_limit_rules,
)
from smartcourt.engines.calendar._status import DeadlineLevel, DeadlineStatus, deadline_status
from smartcourt.engines.calendar._time_limits import (
    DateRange,
    Extension,
    FilingKind,
    TimeLimit,
    compute_time_limit,
    filing_review_deadline,
)
from smartcourt.engines.calendar.errors import (
    CalendarError,
    DateOutOfRangeError,
    ExtensionNotAllowedError,
    InvalidDateRangeError,
    InvalidPeriodError,
    RuleDataError,
    RuleNotInForceError,
    UnknownRuleError,
)

__all__ = [
    "Approver",
    "CalendarError",
    "Citation",
    "DateOutOfRangeError",
    "DateRange",
    "DayInfo",
    "DayKind",
    "DeadlineLevel",
    "DeadlineStatus",
    "Exclusion",
    "Extension",
    "ExtensionNotAllowedError",
    "ExtensionStep",
    "FilingKind",
    "HolidaySource",
    "InvalidDateRangeError",
    "InvalidPeriodError",
    "LegalSource",
    "Period",
    "PeriodEnd",
    "ProceduralLaw",
    "RuleDataError",
    "RuleNotInForceError",
    "TimeLimit",
    "TimeLimitRule",
    "UnknownRuleError",
    "calendar_coverage",
    "classify_day",
    "compute_time_limit",
    "days_between",
    "deadline_status",
    "filing_review_deadline",
    "holiday_source",
    "is_statutory_holiday",
    "is_working_day",
    "next_working_day",
    "period_end",
    "supported_years",
    "time_limit_rule",
    "time_limit_rules",
]
