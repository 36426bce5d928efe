"""Property tests of the calendar engine (hypothesis), some against slow reference implementations."""

from __future__ import annotations

import calendar as stdcalendar
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.calendar import (
    DateRange,
    Extension,
    Period,
    ProceduralLaw,
    compute_time_limit,
    days_between,
    deadline_status,
    is_working_day,
    period_end,
    time_limit_rule,
    time_limit_rules,
)
from smartcourt.engines.calendar._periods import naive_end

RULE_KEYS = [rule.key for rule in time_limit_rules()]
EXTENDABLE = [rule.key for rule in time_limit_rules() if rule.extension_steps]
CIVIL_RANGE = st.dates(min_value=date(2022, 1, 1), max_value=date(2031, 12, 31))
LAWS = st.sampled_from(list(ProceduralLaw))

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None)


def reference_add_months(start: date, months: int, *, last_day_to_last_day: bool) -> date:
    """Slow reference: step month by month, then pick the corresponding day or the month's last day."""
    year, month = start.year, start.month
    for _ in range(months):
        month += 1
        if month == 13:
            year, month = year + 1, 1
    last = stdcalendar.monthrange(year, month)[1]
    if last_day_to_last_day and start.day == stdcalendar.monthrange(start.year, start.month)[1]:
        return date(year, month, last)
    return date(year, month, min(start.day, last))


def reference_period_end(start: date, months: int, days: int, law: ProceduralLaw) -> date:
    """Slow reference of period_end: month steps, then one day at a time, then one day at a time to work."""
    end = reference_add_months(start, months, last_day_to_last_day=law is ProceduralLaw.CRIMINAL)
    for _ in range(days):
        end += timedelta(days=1)
    while not is_working_day(end):
        end += timedelta(days=1)
    return end


@PROPERTY_SETTINGS
@given(start=CIVIL_RANGE, months=st.integers(0, 24), days=st.integers(0, 400), law=LAWS)
def test_period_end_matches_reference(start: date, months: int, days: int, law: ProceduralLaw) -> None:
    if months == 0 and days == 0:
        days = 1
    end = period_end(start, months=months, days=days, law=law)
    assert end.date == reference_period_end(start, months, days, law)
    assert is_working_day(end.date) is True
    gap = [end.unadjusted + timedelta(days=i) for i in range((end.date - end.unadjusted).days)]
    assert [d for d in gap if is_working_day(d)] == []


@PROPERTY_SETTINGS
@given(start=CIVIL_RANGE, days=st.integers(1, 1000))
def test_days_between_inverts_day_periods(start: date, days: int) -> None:
    assert days_between(start, period_end(start, days=days).unadjusted) == days


@st.composite
def suspensions(draw: st.DrawFn, registered_on: date, count: int = 3) -> list[DateRange]:
    ranges = []
    for _ in range(draw(st.integers(0, count))):
        offset = draw(st.integers(0, 400))
        length = draw(st.integers(0, 60))
        start = registered_on + timedelta(days=offset + 1)
        ranges.append(DateRange(start, start + timedelta(days=length), "鉴定期间"))
    return ranges


@st.composite
def limit_inputs(draw: st.DrawFn) -> tuple[str, date, list[DateRange], list[Extension]]:
    key = draw(st.sampled_from(RULE_KEYS))
    registered_on = draw(CIVIL_RANGE)
    extensions: list[Extension] = []
    rule = time_limit_rule(key)
    if rule.extension_steps and draw(st.booleans()):
        first = rule.extension_steps[0]
        if first.min_each is None:
            extensions.append(Extension(first.approver, days=draw(st.integers(1, 5))))
    return key, registered_on, draw(suspensions(registered_on)), extensions


@PROPERTY_SETTINGS
@given(inputs=limit_inputs())
def test_deadline_is_a_working_day_not_before_the_naive_date(
    inputs: tuple[str, date, list[DateRange], list[Extension]],
) -> None:
    key, registered_on, ranges, extensions = inputs
    limit = compute_time_limit(key, registered_on=registered_on, suspensions=ranges, extensions=extensions)
    total = limit.rule.base + limit.extended_by
    naive = naive_end(registered_on, total, limit.rule.law)
    assert is_working_day(limit.deadline) is True
    assert limit.deadline >= naive + timedelta(days=limit.suspended_days)
    assert limit.deadline >= limit.base_deadline
    assert limit.base_deadline >= naive_end(registered_on, limit.rule.base, limit.rule.law)


@PROPERTY_SETTINGS
@given(inputs=limit_inputs(), data=st.data())
def test_adding_a_suspension_never_makes_the_deadline_earlier(
    inputs: tuple[str, date, list[DateRange], list[Extension]], data: st.DataObject
) -> None:
    key, registered_on, ranges, extensions = inputs
    extra = data.draw(suspensions(registered_on, count=1).filter(bool))
    before = compute_time_limit(key, registered_on=registered_on, suspensions=ranges, extensions=extensions)
    after = compute_time_limit(
        key, registered_on=registered_on, suspensions=ranges + extra, extensions=extensions
    )
    assert after.deadline >= before.deadline
    assert after.suspended_days >= before.suspended_days


@PROPERTY_SETTINGS
@given(key=st.sampled_from(RULE_KEYS), registered_on=CIVIL_RANGE, later_by=st.integers(1, 120))
def test_deadline_is_monotonic_in_the_registration_date(key: str, registered_on: date, later_by: int) -> None:
    earlier = compute_time_limit(key, registered_on=registered_on)
    later = compute_time_limit(key, registered_on=registered_on + timedelta(days=later_by))
    assert later.deadline >= earlier.deadline
    assert later.base_deadline >= earlier.base_deadline


@PROPERTY_SETTINGS
@given(key=st.sampled_from(EXTENDABLE), registered_on=CIVIL_RANGE, days=st.integers(1, 5))
def test_an_extension_never_makes_the_deadline_earlier(key: str, registered_on: date, days: int) -> None:
    first = time_limit_rule(key).extension_steps[0]
    if first.min_each is not None:
        return
    plain = compute_time_limit(key, registered_on=registered_on)
    extended = compute_time_limit(
        key, registered_on=registered_on, extensions=[Extension(first.approver, days=days)]
    )
    assert extended.deadline >= plain.deadline
    assert extended.extended_by == Period(days=days)


@PROPERTY_SETTINGS
@given(
    key=st.sampled_from([r.key for r in time_limit_rules() if r.law is ProceduralLaw.CRIMINAL]),
    registered_on=CIVIL_RANGE,
)
def test_custody_deadline_is_the_naive_date(key: str, registered_on: date) -> None:
    limit = compute_time_limit(key, registered_on=registered_on, in_custody=True)
    assert limit.deadline == naive_end(registered_on, limit.rule.base, ProceduralLaw.CRIMINAL)


@PROPERTY_SETTINGS
@given(deadline=CIVIL_RANGE, today=CIVIL_RANGE, warn_days=st.integers(0, 60))
def test_status_days_add_up(deadline: date, today: date, warn_days: int) -> None:
    status = deadline_status(deadline, today=today, warn_days=warn_days)
    assert status.days_remaining - status.days_overdue == (deadline - today).days
    assert min(status.days_remaining, status.days_overdue) == 0
