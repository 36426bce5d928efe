"""Number and date checks shared by the calculators: typed refusals, never a made-up number."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import DateOrderError, InvalidValueError, NegativeAmountError

CENT = Decimal("0.01")
_MAX = Decimal("1e15")


def amount(name: str, value: object, *, allow_zero: bool = True) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise InvalidValueError(
            field=name, reason=f"须为数字（int、Decimal 或数字字符串），收到 {type(value).__name__}"
        )
    try:
        d = Decimal(value)
    except (InvalidOperation, ValueError) as exc:
        raise InvalidValueError(field=name, reason=f"不是数字：{value}") from exc
    if not d.is_finite():
        raise InvalidValueError(field=name, reason=f"不是有限数：{value}")
    if d < 0:
        raise NegativeAmountError(field=name, value=str(value))
    if d == 0 and not allow_zero:
        raise InvalidValueError(field=name, reason="须大于零")
    if d > _MAX:
        raise InvalidValueError(field=name, reason=f"数额过大：{value}")
    return d


def percent(name: str, value: object, *, high: Decimal = Decimal("100")) -> Decimal:
    d = amount(name, value)
    if d > high:
        raise InvalidValueError(field=name, reason=f"须在0至{high}%之间，收到 {value}")
    return d


def day(name: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise InvalidValueError(field=name, reason=f"日期格式应为YYYY-MM-DD：{value}") from exc
    raise InvalidValueError(field=name, reason=f"须为日期，收到 {type(value).__name__}")


def ordered(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise DateOrderError(start=start.isoformat(), end=end.isoformat())


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """Plain notation without exponent, trailing zeros trimmed."""
    text = format(value.normalize(), "f")
    return text


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def add_months(d: dt.date, months: int) -> dt.date:
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    for day_ in (d.day, 30, 29, 28):
        try:
            return dt.date(year, month, day_)
        except ValueError:
            continue
    raise AssertionError("unreachable")
