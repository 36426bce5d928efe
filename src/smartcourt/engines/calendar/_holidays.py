"""Working days and statutory holidays: official arrangements where published, the statutory rules elsewhere.

For the years that ``chinese_calendar`` knows, the day is judged from the State Council's published
arrangement, 调休 included (a weekend can be a make-up working day). For later years it is judged from
《全国年节及纪念日放假办法》 (data/holiday_rules.json): weekends, the statutory festival days (lunar ones computed
offline with ``lunardate``, 清明 from the solar-term formula of ``chinese_calendar``) and the make-up day off
of article 6 for a festival day that falls on a weekend. 调休 of such a year cannot be known, so every result
says which source judged it.

>>> classify_day(date(2025, 10, 1)).holiday_name
'国庆节'
>>> classify_day(date(2025, 10, 11)).kind          # Saturday, a make-up working day
<DayKind.MAKEUP_WORKING_DAY: 'makeup_working_day'>
>>> classify_day(date(2027, 10, 1)).source
<HolidaySource.FALLBACK: 'fallback'>
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

import chinese_calendar
from chinese_calendar import constants as _official
from lunardate import LunarDate

from smartcourt.engines.calendar._data import load_json, phrase
from smartcourt.engines.calendar.errors import DateOutOfRangeError, RuleDataError

__all__ = [
    "DayInfo",
    "DayKind",
    "HolidaySource",
    "calendar_coverage",
    "classify_day",
    "holiday_source",
    "is_statutory_holiday",
    "is_working_day",
    "next_working_day",
    "supported_years",
]


class HolidaySource(enum.Enum):
    """Where a working-day judgement came from.

    >>> HolidaySource.OFFICIAL.label
    '国务院办公厅公布的放假安排'
    >>> HolidaySource.combine([HolidaySource.OFFICIAL, HolidaySource.FALLBACK])
    <HolidaySource.FALLBACK: 'fallback'>
    """

    OFFICIAL = "official"
    FALLBACK = "fallback"

    @property
    def label(self) -> str:
        """The Chinese name of the source."""
        return phrase("holiday_source", self.value)

    @staticmethod
    def combine(sources: Any) -> HolidaySource:
        """``FALLBACK`` if any of ``sources`` is, else ``OFFICIAL`` (also for no sources).

        >>> HolidaySource.combine([])
        <HolidaySource.OFFICIAL: 'official'>
        """
        return HolidaySource.FALLBACK if HolidaySource.FALLBACK in set(sources) else HolidaySource.OFFICIAL


class DayKind(enum.Enum):
    """What kind of day a date is.

    >>> DayKind.MAKEUP_WORKING_DAY.label
    '调休上班日'
    """

    WORKING_DAY = "working_day"
    REST_DAY = "rest_day"
    HOLIDAY = "holiday"
    MAKEUP_WORKING_DAY = "makeup_working_day"

    @property
    def label(self) -> str:
        """The Chinese name of the kind."""
        return phrase("day_kind", self.value)


@dataclass(frozen=True, slots=True)
class DayInfo:
    """One day judged: its kind, the festival it belongs to, and the source of the judgement.

    ``holiday_name`` is the festival of a holiday (a 调休 day off or 补假 included, ``in_lieu`` then true) or
    the festival a make-up working day is arranged for; ``None`` on ordinary days.

    >>> info = classify_day(date(2025, 10, 8))
    >>> (info.kind, info.holiday_name, info.in_lieu, info.is_working_day)
    (<DayKind.HOLIDAY: 'holiday'>, '国庆节', True, False)
    """

    day: date
    kind: DayKind
    holiday_name: str | None
    in_lieu: bool
    source: HolidaySource

    @property
    def is_working_day(self) -> bool:
        """True on working days, make-up working days on a weekend included."""
        return self.kind in (DayKind.WORKING_DAY, DayKind.MAKEUP_WORKING_DAY)

    @property
    def is_statutory_holiday(self) -> bool:
        """True on the days off of a statutory festival (its 调休 and 补假 days included)."""
        return self.kind is DayKind.HOLIDAY


def _rules() -> dict[str, Any]:
    return load_json("holiday_rules.json")


@cache
def calendar_coverage() -> tuple[int, int]:
    """The first and last year of the official published arrangements the engine holds.

    >>> calendar_coverage()
    (2004, 2026)
    """
    years = {d.year for d in _official.holidays} | {d.year for d in _official.workdays}
    return min(years), max(years)


@cache
def supported_years() -> tuple[int, int]:
    """The first and last year the engine can judge at all (official data first, fallback rules after).

    >>> supported_years()
    (2004, 2099)
    """
    first, last = _rules()["supported_years"]
    return int(first), int(last)


def _check_supported(day: date) -> None:
    first, last = supported_years()
    if not first <= day.year <= last:
        raise DateOutOfRangeError(day=day.isoformat(), first=first, last=last)


def _festival_name(english: str | None) -> str | None:
    if english is None:
        return None
    names: dict[str, str] = load_json("phrases.json")["festival_names"]
    return names.get(english, english)


def _weekend_days() -> frozenset[int]:
    return frozenset(int(d) for d in _rules()["weekend"]["days"])


def _version_for(year: int) -> dict[str, Any] | None:
    chosen: dict[str, Any] | None = None
    for version in _rules()["versions"]:
        if date.fromisoformat(version["effective"]).year <= year:
            chosen = version
    return chosen


def _resolve_day(spec: str, year: int) -> date:
    kind, _, value = spec.partition(":")
    if kind == "gregorian":
        month, day = (int(part) for part in value.split("-"))
        return date(year, month, day)
    if kind == "lunar":
        if value == "eve":
            new_year: date = LunarDate(year, 1, 1).to_solar_date()
            return new_year - timedelta(days=1)
        month, day = (int(part) for part in value.split("-"))
        solar: date = LunarDate(year, month, day).to_solar_date()
        return solar
    if kind == "solar_term":
        terms: list[tuple[date, str]] = chinese_calendar.get_solar_terms(date(year, 1, 1), date(year, 12, 31))
        for term_day, name in terms:
            if name == value:
                return term_day
    raise RuleDataError(reason=f"holiday_rules.json: cannot resolve day {spec!r} in {year}")


@cache
def _fallback_holidays(year: int, version_effective: str | None = None) -> dict[date, tuple[str, bool]]:
    """The statutory holidays of ``year`` under the rules: day -> (festival name, in lieu).

    ``version_effective`` picks a version of the rules by its effective date (for cross-checks against the
    official data); by default the version in force in ``year``.
    """
    if version_effective is None:
        version = _version_for(year)
    else:
        version = next(v for v in _rules()["versions"] if v["effective"] == version_effective)
    if version is None:
        return {}
    weekend = _weekend_days()
    legal: list[tuple[date, str]] = []
    for festival in version["festivals"]:
        for spec in festival["days"]:
            legal.append((_resolve_day(spec, year), str(festival["name"])))
    legal.sort()
    result: dict[date, tuple[str, bool]] = {}
    needs_compensation: list[tuple[date, str]] = []
    for day, name in legal:
        if day in result or day.weekday() in weekend:
            needs_compensation.append((day, name))
        if day in result:
            if name not in result[day][0].split("、"):
                result[day] = (f"{result[day][0]}、{name}", False)
        else:
            result[day] = (name, False)
    # 《全国年节及纪念日放假办法》第六条：全体公民放假的假日适逢周六、周日的，在工作日补假。
    for day, name in needs_compensation:
        candidate = day + timedelta(days=1)
        while candidate in result or candidate.weekday() in weekend:
            candidate += timedelta(days=1)
        result[candidate] = (name, True)
    return result


def fallback_document_number(year: int) -> str:
    """The 文号 of the holiday rules the fallback applies to ``year``.

    >>> fallback_document_number(2027)
    '国务院令第795号'
    """
    version = _version_for(year)
    return "" if version is None else str(version["document_number"])


@cache
def classify_day(day: date) -> DayInfo:
    """Judge ``day``: working day, weekend rest day, holiday or make-up working day, and from which source.

    Requires ``supported_years()[0] <= day.year <= supported_years()[1]``, else ``DateOutOfRangeError``.

    >>> classify_day(date(2025, 10, 9)).kind
    <DayKind.WORKING_DAY: 'working_day'>
    >>> classify_day(date(2025, 10, 12)).kind
    <DayKind.REST_DAY: 'rest_day'>
    """
    _check_supported(day)
    first, last = calendar_coverage()
    weekend = _weekend_days()
    if first <= day.year <= last:
        _, english = chinese_calendar.get_holiday_detail(day)
        name = _festival_name(english)
        if chinese_calendar.is_workday(day):
            kind = DayKind.MAKEUP_WORKING_DAY if day.weekday() in weekend else DayKind.WORKING_DAY
            return DayInfo(
                day, kind, name if kind is DayKind.MAKEUP_WORKING_DAY else None, False, HolidaySource.OFFICIAL
            )
        if name is not None:
            return DayInfo(
                day, DayKind.HOLIDAY, name, bool(chinese_calendar.is_in_lieu(day)), HolidaySource.OFFICIAL
            )
        return DayInfo(day, DayKind.REST_DAY, None, False, HolidaySource.OFFICIAL)
    holidays = _fallback_holidays(day.year)
    if day in holidays:
        name, in_lieu = holidays[day]
        return DayInfo(day, DayKind.HOLIDAY, name, in_lieu, HolidaySource.FALLBACK)
    if day.weekday() in weekend:
        return DayInfo(day, DayKind.REST_DAY, None, False, HolidaySource.FALLBACK)
    return DayInfo(day, DayKind.WORKING_DAY, None, False, HolidaySource.FALLBACK)


def is_statutory_holiday(day: date) -> bool:
    """True if ``day`` is a day off of a statutory festival (its 调休 and 补假 days included).

    Weekends that are not part of a festival break are rest days, not statutory holidays. For the source of
    the judgement use :func:`holiday_source` or :func:`classify_day`.

    >>> is_statutory_holiday(date(2025, 1, 28)), is_statutory_holiday(date(2025, 1, 26))
    (True, False)
    """
    return classify_day(day).is_statutory_holiday


def is_working_day(day: date) -> bool:
    """True if courts work on ``day``: a weekday that is no holiday, or a weekend make-up working day.

    >>> is_working_day(date(2025, 1, 26)), is_working_day(date(2025, 1, 25))   # Sunday 调休 / Saturday
    (True, False)
    """
    return classify_day(day).is_working_day


def holiday_source(day: date) -> HolidaySource:
    """Whether ``day`` is judged from official published arrangements or from the fallback rules.

    >>> holiday_source(date(2026, 5, 1)), holiday_source(date(2027, 5, 1))
    (<HolidaySource.OFFICIAL: 'official'>, <HolidaySource.FALLBACK: 'fallback'>)
    """
    return classify_day(day).source


def next_working_day(day: date) -> date:
    """The first working day strictly after ``day``.

    >>> next_working_day(date(2025, 9, 30))
    datetime.date(2025, 10, 9)
    """
    candidate = day + timedelta(days=1)
    while not classify_day(candidate).is_working_day:
        candidate += timedelta(days=1)
    return candidate
