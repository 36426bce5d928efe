"""Vector tests of the calendar engine: inputs and expected outputs in ``vectors/*.json``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from smartcourt.engines.calendar import (
    Approver,
    CalendarError,
    DateRange,
    DeadlineLevel,
    Extension,
    FilingKind,
    HolidaySource,
    ProceduralLaw,
    TimeLimit,
    classify_day,
    compute_time_limit,
    deadline_status,
    filing_review_deadline,
    holiday_source,
    is_statutory_holiday,
    is_working_day,
    period_end,
)

VECTORS = Path(__file__).parent / "vectors"


def _load(name: str) -> dict[str, Any]:
    content: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return content


def _d(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [
        str(case.get("id") or case.get("day") or case.get("received_on") or i) for i, case in enumerate(cases)
    ]


HOLIDAYS = _load("holidays.json")
PERIODS = _load("periods.json")
LIMITS = _load("time_limits.json")
FILING = _load("filing.json")
STATUS = _load("status.json")


@pytest.mark.parametrize("case", HOLIDAYS["cases"], ids=_ids(HOLIDAYS["cases"]))
def test_holiday_vectors(case: dict[str, Any]) -> None:
    day = date.fromisoformat(case["day"])
    info = classify_day(day)
    assert (info.kind.value, info.holiday_name, info.in_lieu, info.source.value) == (
        case["kind"],
        case["name"],
        case["in_lieu"],
        case["source"],
    )
    assert is_working_day(day) is case["working"]
    assert is_statutory_holiday(day) is case["statutory_holiday"]
    assert holiday_source(day) is HolidaySource(case["source"])


@pytest.mark.parametrize("case", HOLIDAYS["errors"], ids=_ids(HOLIDAYS["errors"]))
def test_holiday_error_vectors(case: dict[str, Any]) -> None:
    with pytest.raises(CalendarError) as info:
        classify_day(date.fromisoformat(case["day"]))
    assert info.value.code == case["error"]


def _period(case: dict[str, Any]) -> Any:
    return period_end(
        date.fromisoformat(case["start"]),
        days=case.get("days", 0),
        months=case.get("months", 0),
        years=case.get("years", 0),
        law=ProceduralLaw(case.get("law", "civil")),
        in_custody=case.get("in_custody", False),
    )


@pytest.mark.parametrize("case", PERIODS["cases"], ids=_ids(PERIODS["cases"]))
def test_period_vectors(case: dict[str, Any]) -> None:
    end = _period(case)
    assert (end.date.isoformat(), end.unadjusted.isoformat(), end.holiday_source.value) == (
        case["date"],
        case["unadjusted"],
        case["source"],
    )


@pytest.mark.parametrize("case", PERIODS["errors"], ids=_ids(PERIODS["errors"]))
def test_period_error_vectors(case: dict[str, Any]) -> None:
    with pytest.raises(CalendarError) as info:
        _period(case)
    assert info.value.code == case["error"]


def _limit(case: dict[str, Any]) -> TimeLimit:
    suspensions = [
        DateRange(date.fromisoformat(s), date.fromisoformat(e), reason)
        for s, e, reason in case.get("suspensions", [])
    ]
    extensions = [
        Extension(Approver(approver), months=months, days=days, approved_on=_d(approved_on))
        for approver, months, days, approved_on in case.get("extensions", [])
    ]
    return compute_time_limit(
        case["rule"],
        registered_on=date.fromisoformat(case["registered_on"]),
        suspensions=suspensions,
        extensions=extensions,
        in_custody=case.get("in_custody", False),
    )


@pytest.mark.parametrize("case", LIMITS["cases"], ids=_ids(LIMITS["cases"]))
def test_time_limit_vectors(case: dict[str, Any]) -> None:
    limit = _limit(case)
    assert (
        limit.deadline.isoformat(),
        limit.base_deadline.isoformat(),
        limit.suspended_days,
        limit.holiday_source.value,
    ) == (case["deadline"], case["base_deadline"], case["suspended_days"], case["source"])
    assert limit.rule.key == case["rule"]
    if "basis" in case:
        assert list(limit.basis) == case["basis"]


@pytest.mark.parametrize("case", LIMITS["errors"], ids=_ids(LIMITS["errors"]))
def test_time_limit_error_vectors(case: dict[str, Any]) -> None:
    with pytest.raises(CalendarError) as info:
        _limit(case)
    assert info.value.code == case["error"]


@pytest.mark.parametrize(
    "case", FILING["cases"], ids=[f"{c['kind']}-{c['received_on']}" for c in FILING["cases"]]
)
def test_filing_vectors(case: dict[str, Any]) -> None:
    limit = filing_review_deadline(date.fromisoformat(case["received_on"]), kind=FilingKind(case["kind"]))
    assert limit.deadline.isoformat() == case["deadline"]
    assert limit.rule.key == f"filing_review_{case['kind']}"


@pytest.mark.parametrize(
    "case", STATUS["cases"], ids=[f"{c['today']}-{c['warn_days']}" for c in STATUS["cases"]]
)
def test_status_vectors(case: dict[str, Any]) -> None:
    status = deadline_status(
        date.fromisoformat(case["deadline"]),
        today=date.fromisoformat(case["today"]),
        warn_days=case["warn_days"],
    )
    assert (status.level, status.days_remaining, status.days_overdue) == (
        DeadlineLevel(case["level"]),
        case["remaining"],
        case["overdue"],
    )


@pytest.mark.parametrize("case", STATUS["errors"], ids=["negative-warn-days"])
def test_status_error_vectors(case: dict[str, Any]) -> None:
    with pytest.raises(CalendarError) as info:
        deadline_status(
            date.fromisoformat(case["deadline"]),
            today=date.fromisoformat(case["today"]),
            warn_days=case["warn_days"],
        )
    assert info.value.code == case["error"]
