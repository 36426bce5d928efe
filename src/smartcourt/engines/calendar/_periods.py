"""Statutory periods (期间): where a period of days, months or years ends.

The rules (民事诉讼法第八十五条, 刑事诉讼法第一百零五条, 行诉法解释第四十八条): the starting day is not counted;
a period of months or years ends on the corresponding day of the final month, or on that month's last day
when it has no such day (民法典第二百零二条); in criminal matters a period starting on a month's last day ends
on the final month's last day (刑诉法解释第二百零二条第一款). When the last day is a 法定休假日 (read, as courts
do, as any non-working day, weekends included) the period ends on the first working day after it, except for
criminal periods while the accused is in custody (刑事诉讼法第一百零五条第四款但书).

>>> end = period_end(date(2025, 7, 1), months=3)
>>> end.date, end.unadjusted
(datetime.date(2025, 10, 9), datetime.date(2025, 10, 1))
"""

from __future__ import annotations

import calendar as _stdcalendar
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from smartcourt.engines.calendar._data import load_json, phrase
from smartcourt.engines.calendar._holidays import (
    HolidaySource,
    classify_day,
    fallback_document_number,
    supported_years,
)
from smartcourt.engines.calendar.errors import DateOutOfRangeError, InvalidPeriodError

__all__ = [
    "Period",
    "PeriodEnd",
    "ProceduralLaw",
    "days_between",
    "naive_end",
    "period_end",
    "roll_forward",
]


class ProceduralLaw(enum.Enum):
    """The procedure law whose 期间 rules apply.

    >>> ProceduralLaw("criminal")
    <ProceduralLaw.CRIMINAL: 'criminal'>
    """

    CIVIL = "civil"
    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"


@dataclass(frozen=True, slots=True)
class Period:
    """A length of time in years, months and days; every part is a non-negative integer.

    Months and years are applied first (calendar arithmetic), then days.

    >>> Period(months=1, days=15).label
    '1 个月 15 日'
    >>> Period(months=6) + Period(months=6)
    Period(years=0, months=12, days=0)
    """

    years: int = 0
    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        for field in ("years", "months", "days"):
            value = getattr(self, field)
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidPeriodError(
                    reason=phrase("reasons", "negative").format(field=field, value=value)
                )
            if value < 0:
                raise InvalidPeriodError(
                    reason=phrase("reasons", "negative").format(field=field, value=value)
                )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Period:
        """A period from ``{"years": .., "months": .., "days": ..}`` with missing parts zero.

        >>> Period.from_mapping({"days": 30})
        Period(years=0, months=0, days=30)
        """
        return cls(
            years=int(data.get("years", 0)), months=int(data.get("months", 0)), days=int(data.get("days", 0))
        )

    @property
    def total_months(self) -> int:
        """Years and months together, in months."""
        return self.years * 12 + self.months

    @property
    def is_zero(self) -> bool:
        """True when every part is zero."""
        return self.years == 0 and self.months == 0 and self.days == 0

    @property
    def label(self) -> str:
        """The period in Chinese, e.g. ``6 个月`` or ``30 日``."""
        units = load_json("phrases.json")["period_units"]
        parts = [
            str(units[field]).format(n=getattr(self, field))
            for field in ("years", "months", "days")
            if getattr(self, field)
        ]
        return str(units["joiner"]).join(parts) if parts else str(units["zero"])

    def __add__(self, other: Period) -> Period:
        return Period(self.years + other.years, self.months + other.months, self.days + other.days)


@dataclass(frozen=True, slots=True)
class PeriodEnd:
    """Where a period ends, how, and from which holiday source the last day was judged.

    ``unadjusted`` is the last day before any move past a holiday; ``date`` is the day the period ends.

    >>> end = period_end(date(2024, 11, 30), months=3)
    >>> (end.date, end.holiday_source.value)
    (datetime.date(2025, 2, 28), 'official')
    """

    date: dt.date
    unadjusted: dt.date
    basis: tuple[str, ...]
    holiday_source: HolidaySource


def _citations(law: ProceduralLaw, topic: str) -> str:
    from smartcourt.engines.calendar._rules import citation_text

    pairs = load_json("time_limits.json")["period_rules"][law.value][topic]
    return citation_text(pairs)


def _out_of_range(day: date | str) -> DateOutOfRangeError:
    first, last = supported_years()
    return DateOutOfRangeError(day=str(day), first=first, last=last)


def _add_months(start: date, months: int, law: ProceduralLaw) -> tuple[date, str]:
    """``start`` moved by ``months`` months, and which month-end rule decided it ('', 'clipped', 'last_day')."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise _out_of_range(f"{year:04d}-{month:02d}")
    last = _stdcalendar.monthrange(year, month)[1]
    start_is_last = start.day == _stdcalendar.monthrange(start.year, start.month)[1]
    if law is ProceduralLaw.CRIMINAL and start_is_last and start.day != last:
        return date(year, month, last), "last_day"
    if start.day > last:
        return date(year, month, last), "clipped"
    return date(year, month, start.day), ""


def naive_end(start: date, period: Period, law: ProceduralLaw = ProceduralLaw.CIVIL) -> date:
    """The last day of ``period`` counted from the day after ``start``, before any holiday move.

    >>> naive_end(date(2025, 1, 31), Period(months=1))
    datetime.date(2025, 2, 28)
    >>> naive_end(date(2025, 2, 28), Period(months=1), ProceduralLaw.CRIMINAL)
    datetime.date(2025, 3, 31)
    """
    end, _ = _naive_end_with_rule(start, period, law)
    return end


def _naive_end_with_rule(start: date, period: Period, law: ProceduralLaw) -> tuple[date, str]:
    rule = ""
    end = start
    if period.total_months:
        end, rule = _add_months(start, period.total_months, law)
    try:
        end = end + timedelta(days=period.days)
    except OverflowError as exc:
        raise _out_of_range(f"{start.isoformat()}+{period.days}") from exc
    return end, rule


def roll_forward(
    day: date, law: ProceduralLaw = ProceduralLaw.CIVIL, *, in_custody: bool = False
) -> tuple[date, tuple[str, ...], HolidaySource]:
    """Move a period's last day past non-working days: the new last day, the basis lines, the source.

    >>> roll_forward(date(2025, 10, 1))[0]
    datetime.date(2025, 10, 9)
    >>> roll_forward(date(2025, 10, 1), ProceduralLaw.CRIMINAL, in_custody=True)[0]
    datetime.date(2025, 10, 1)
    """
    info = classify_day(day)
    examined = [info]
    lines: list[str] = []
    if not info.is_working_day:
        name = info.holiday_name or phrase("basis", "weekend_name")
        if in_custody:
            lines.append(
                phrase("basis", "custody_no_roll").format(
                    date=day.isoformat(), name=name, citations=_citations(law, "holiday")
                )
            )
        else:
            candidate = day
            while not examined[-1].is_working_day:
                candidate += timedelta(days=1)
                examined.append(classify_day(candidate))
            lines.append(
                phrase("basis", "holiday_roll").format(
                    date=day.isoformat(),
                    name=name,
                    new=candidate.isoformat(),
                    citations=_citations(law, "holiday"),
                )
            )
            day = candidate
    source = HolidaySource.combine(i.source for i in examined)
    if source is HolidaySource.FALLBACK:
        lines.append(_fallback_line(i.day.year for i in examined if i.source is HolidaySource.FALLBACK))
    return day, tuple(lines), source


def _fallback_line(years: Iterable[int]) -> str:
    ordered = sorted(set(years))
    return phrase("basis", "fallback").format(
        years="、".join(str(y) for y in ordered), document_number=fallback_document_number(ordered[-1])
    )


def start_line(start: date, event: str, citations: str) -> str:
    """The basis line saying the starting day is not counted.

    >>> start_line(date(2025, 7, 1), "立案", "法释〔2000〕29号第八条第一款")
    '立案日 2025-07-01 不计入，自次日起算（法释〔2000〕29号第八条第一款）'
    """
    return phrase("basis", "start_excluded").format(event=event, start=start.isoformat(), citations=citations)


def end_lines(start: date, period: Period, law: ProceduralLaw) -> tuple[date, tuple[str, ...]]:
    """The naive last day of ``period`` from ``start`` and the basis lines explaining it.

    >>> end_lines(date(2025, 1, 31), Period(months=1), ProceduralLaw.CIVIL)[1]
    ('按 1 个月计算，到期月无对应日，以该月末日 2025-02-28 为届满日（民法典第二百零二条）',)
    """
    end, rule = _naive_end_with_rule(start, period, law)
    if not period.total_months:
        return end, (phrase("basis", "period_end").format(period=period.label, end=end.isoformat()),)
    month_end, _ = _add_months(start, period.total_months, law)
    key = {"": "month_corresponding_day", "clipped": "month_clipped", "last_day": "month_last_day"}[rule]
    months = Period(years=period.years, months=period.months)
    lines = [
        phrase("basis", key).format(
            period=months.label, end=month_end.isoformat(), citations=_citations(law, "month_end")
        )
    ]
    if period.days:
        lines.append(phrase("basis", "plus_days").format(days=period.days, end=end.isoformat()))
    return end, tuple(lines)


def period_end(
    start: date,
    *,
    days: int = 0,
    months: int = 0,
    years: int = 0,
    law: ProceduralLaw = ProceduralLaw.CIVIL,
    in_custody: bool = False,
) -> PeriodEnd:
    """Where a period of ``years``, ``months`` and ``days`` beginning on ``start`` ends.

    Requires non-negative parts, not all zero (``InvalidPeriodError``); ``in_custody`` only with
    ``law=ProceduralLaw.CRIMINAL``; a last day within ``supported_years()`` (``DateOutOfRangeError``).

    >>> period_end(date(2025, 1, 31), months=1).date          # no 31 February: the month's last day
    datetime.date(2025, 2, 28)
    >>> period_end(date(2024, 1, 31), months=1).date          # leap year; 2024-02-29 is a Thursday
    datetime.date(2024, 2, 29)
    >>> period_end(date(2025, 9, 24), days=7).basis[-1]
    '届满日 2025-10-01 为法定休假日（国庆节），顺延至 2025-10-09（民事诉讼法第八十五条第三款）'
    """
    period = Period(years=years, months=months, days=days)
    if period.is_zero:
        raise InvalidPeriodError(reason=phrase("reasons", "empty"))
    if in_custody and law is not ProceduralLaw.CRIMINAL:
        raise InvalidPeriodError(reason=phrase("reasons", "custody_not_criminal"))
    first_line = start_line(start, phrase("basis", "period_start_event"), _citations(law, "start_excluded"))
    unadjusted, lines = end_lines(start, period, law)
    final, roll_lines, source = roll_forward(unadjusted, law, in_custody=in_custody)
    return PeriodEnd(
        date=final,
        unadjusted=unadjusted,
        basis=(first_line, *lines, *roll_lines),
        holiday_source=source,
    )


def days_between(start: date, end: date) -> int:
    """The number of days from ``start`` to ``end``, the starting day not counted (negative if ``end`` is earlier).

    ``days_between(d, period_end(d, days=n).unadjusted) == n`` for every ``n >= 1``.

    >>> days_between(date(2025, 8, 1), date(2025, 8, 12))
    11
    """
    return (end - start).days
