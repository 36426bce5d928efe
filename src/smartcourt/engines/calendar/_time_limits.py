"""Time limits of cases (审限, 执行期限, 立案审查期限): deadline from registration, extensions, suspensions.

The deadline is the end of the base period plus the approved extensions, counted from the day after
registration, moved later by the days that do not count (公告, 鉴定, 中止 …), then past a non-working last day.

>>> limit = compute_time_limit("civil_first_simple", registered_on=date(2025, 7, 1))
>>> (limit.base_deadline, limit.deadline)
(datetime.date(2025, 10, 9), datetime.date(2025, 10, 9))
>>> limit.basis[-1]
'届满日 2025-10-01 为法定休假日（国庆节），顺延至 2025-10-09（民事诉讼法第八十五条第三款）'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from smartcourt.engines.calendar._data import phrase
from smartcourt.engines.calendar._holidays import HolidaySource
from smartcourt.engines.calendar._periods import (
    Period,
    ProceduralLaw,
    end_lines,
    naive_end,
    roll_forward,
    start_line,
)
from smartcourt.engines.calendar._rules import (
    Approver,
    ExtensionStep,
    TimeLimitRule,
    time_limit_rule,
)
from smartcourt.engines.calendar.errors import (
    ExtensionNotAllowedError,
    InvalidDateRangeError,
    InvalidPeriodError,
    RuleNotInForceError,
)

__all__ = [
    "DateRange",
    "Extension",
    "FilingKind",
    "TimeLimit",
    "compute_time_limit",
    "filing_review_deadline",
]


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of days, e.g. an appraisal (鉴定) from ``start`` to ``end``; ``reason`` names it.

    Requires ``start <= end`` (``InvalidDateRangeError``).

    >>> DateRange(date(2025, 8, 1), date(2025, 8, 12), "鉴定期间").days
    12
    """

    start: date
    end: date
    reason: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidDateRangeError(
                reason=phrase("reasons", "range_end_before_start").format(
                    start=self.start.isoformat(), end=self.end.isoformat()
                )
            )

    @property
    def days(self) -> int:
        """The number of days in the range, both ends included."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Extension:
    """An approved extension of a time limit by ``approver``; ``approved_on`` is checked when given.

    Requires non-negative ``months`` and ``days``, not both zero (``InvalidPeriodError``).

    >>> Extension(Approver.PRESIDENT, months=6).period.label
    '6 个月'
    """

    approver: Approver
    months: int = 0
    days: int = 0
    approved_on: date | None = None

    def __post_init__(self) -> None:
        if self.period.is_zero:
            raise InvalidPeriodError(reason=phrase("reasons", "empty"))

    @property
    def period(self) -> Period:
        """The extension as a :class:`Period`."""
        return Period(months=self.months, days=self.days)


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """A computed time limit with every step of its computation in ``basis``.

    ``base_deadline`` is where the base period alone ends (moved past a holiday); ``deadline`` includes the
    extensions and the suspended days. ``holiday_source`` says how the last day was judged.

    >>> limit = compute_time_limit("enforcement", registered_on=date(2025, 3, 3))
    >>> (limit.deadline, limit.suspended_days, limit.rule.base.label)
    (datetime.date(2025, 9, 3), 0, '6 个月')
    """

    rule: TimeLimitRule
    registered_on: date
    deadline: date
    base_deadline: date
    suspended_days: int
    extensions: tuple[Extension, ...]
    extended_by: Period
    in_custody: bool
    basis: tuple[str, ...]
    holiday_source: HolidaySource


class FilingKind(enum.Enum):
    """The kind of complaint whose registration is reviewed (《登记立案规定》第八条).

    >>> FilingKind.PRIVATE_PROSECUTION.rule_key
    'filing_review_private_prosecution'
    """

    CIVIL = "civil"
    ADMINISTRATIVE = "administrative"
    PRIVATE_PROSECUTION = "private_prosecution"
    THIRD_PARTY_REVOCATION = "third_party_revocation"
    ENFORCEMENT_OBJECTION = "enforcement_objection"

    @property
    def rule_key(self) -> str:
        """The key of the time-limit rule for this kind."""
        return f"filing_review_{self.value}"


@dataclass(frozen=True, slots=True)
class _Span:
    start: date
    end: date
    reasons: tuple[str, ...]
    clipped: bool

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _merge(suspensions: Sequence[DateRange], origin: date) -> tuple[list[_Span], bool]:
    """Suspensions clipped to the days after ``origin`` and merged; also whether any overlapped or touched."""
    spans: list[_Span] = []
    for item in sorted(suspensions, key=lambda r: (r.start, r.end)):
        if not isinstance(item, DateRange):
            raise InvalidDateRangeError(reason=repr(item))
        if item.end <= origin:
            raise InvalidDateRangeError(
                reason=phrase("reasons", "range_before_start").format(
                    start=item.start.isoformat(), end=item.end.isoformat(), origin=origin.isoformat()
                )
            )
        first_counted = origin + timedelta(days=1)
        clipped = item.start < first_counted
        spans.append(_Span(max(item.start, first_counted), item.end, (item.reason,), clipped))
    merged: list[_Span] = []
    joined = False
    for span in spans:
        if merged and span.start <= merged[-1].end + timedelta(days=1):
            last = merged[-1]
            merged[-1] = _Span(
                last.start,
                max(last.end, span.end),
                last.reasons + tuple(r for r in span.reasons if r not in last.reasons),
                last.clipped or span.clipped,
            )
            joined = True
        else:
            merged.append(span)
    return merged, joined


def _apply_suspensions(
    end: date, spans: Sequence[_Span], roll: Callable[[date], date]
) -> tuple[date, int, list[tuple[_Span, bool, date]]]:
    """Move ``end`` later by every span that starts on or before the running deadline ``roll(end)``.

    Returns the new end, the days counted, and for each span whether it counted and the running deadline
    it was judged against. A span that starts while the limit runs stops the clock for all its days.
    """
    counted = 0
    decisions: list[tuple[_Span, bool, date]] = []
    for span in spans:
        running = roll(end)
        if span.start <= running:
            end += timedelta(days=span.days)
            counted += span.days
            decisions.append((span, True, running))
        else:
            decisions.append((span, False, running))
    return end, counted, decisions


def _reason_text(span: _Span) -> str:
    reasons = [r for r in span.reasons if r]
    return "、".join(reasons) if reasons else phrase("basis", "default_reason")


def _not_allowed(key: str, **values: object) -> ExtensionNotAllowedError:
    return ExtensionNotAllowedError(reason=phrase("reasons", key).format(**values), **values)


def _check_extensions(
    rule: TimeLimitRule, registered_on: date, extensions: Sequence[Extension]
) -> list[ExtensionStep]:
    """The step each extension falls under; raises ``ExtensionNotAllowedError`` on any breach of the rule."""
    law = rule.law
    steps = rule.extension_steps
    if extensions and not steps:
        raise _not_allowed("no_extension_rule", rule_name=rule.name)
    order = {step.approver: index for index, step in enumerate(steps)}
    counts: dict[Approver, int] = {}
    totals: dict[Approver, Period] = {}
    chosen: list[ExtensionStep] = []
    previous: ExtensionStep | None = None

    def longer(a: Period, b: Period) -> bool:
        return naive_end(registered_on, a, law) > naive_end(registered_on, b, law)

    for ext in extensions:
        if not isinstance(ext, Extension):
            raise InvalidPeriodError(reason=repr(ext))
        if ext.approver not in order:
            raise _not_allowed(
                "approver_not_allowed",
                rule_name=rule.name,
                approver=ext.approver.label,
                allowed="、".join(s.approver.label for s in steps),
            )
        step = steps[order[ext.approver]]
        if previous is not None and order[step.approver] < order[previous.approver]:
            raise _not_allowed(
                "approver_order", approver=step.approver.label, previous=previous.approver.label
            )
        counts[step.approver] = counts.get(step.approver, 0) + 1
        totals[step.approver] = totals.get(step.approver, Period()) + ext.period
        if step.max_times is not None and counts[step.approver] > step.max_times:
            raise _not_allowed(
                "too_many_times", approver=step.approver.label, rule_name=rule.name, max_times=step.max_times
            )
        if step.max_each is not None and longer(ext.period, step.max_each):
            raise _not_allowed(
                "exceeds_each",
                approver=step.approver.label,
                limit=step.max_each.label,
                period=ext.period.label,
            )
        if step.min_each is not None and longer(step.min_each, ext.period):
            raise _not_allowed(
                "below_min_each",
                approver=step.approver.label,
                limit=step.min_each.label,
                period=ext.period.label,
            )
        if step.max_total is not None and longer(totals[step.approver], step.max_total):
            raise _not_allowed(
                "exceeds_step_total",
                approver=step.approver.label,
                limit=step.max_total.label,
                period=totals[step.approver].label,
            )
        chosen.append(step)
        previous = step
    total = rule.base
    for ext in extensions:
        total = total + ext.period
    if rule.cap is not None and longer(total, rule.cap):
        raise _not_allowed(
            "exceeds_cap",
            rule_name=rule.name,
            cap=rule.cap.label,
            citations="、".join(c.short_text for c in rule.cap_basis),
        )
    return chosen


def compute_time_limit(
    rule_key: str,
    *,
    registered_on: date,
    suspensions: Sequence[DateRange] = (),
    extensions: Sequence[Extension] = (),
    in_custody: bool = False,
) -> TimeLimit:
    """The time limit of rule ``rule_key`` for a case registered (立案/受理) on ``registered_on``.

    ``suspensions`` are the periods that do not count (inclusive day ranges; overlapping or touching ranges
    are merged, each day counted once; days on or before ``registered_on`` are not counted; a range that
    starts after the running deadline has expired is not counted). ``extensions`` are applied in order and
    validated against the rule. ``in_custody`` (criminal rules only): the deadline is not moved past holidays
    (刑事诉讼法第一百零五条第四款但书).

    Raises ``UnknownRuleError``, ``RuleNotInForceError`` (registered before the rule took effect),
    ``ExtensionNotAllowedError``, ``InvalidDateRangeError``, ``InvalidPeriodError``, ``DateOutOfRangeError``.

    >>> limit = compute_time_limit(
    ...     "civil_first_ordinary",
    ...     registered_on=date(2025, 1, 6),
    ...     suspensions=[DateRange(date(2025, 3, 1), date(2025, 3, 12), "鉴定期间")],
    ...     extensions=[Extension(Approver.PRESIDENT, months=6)],
    ... )
    >>> (limit.base_deadline, limit.deadline, limit.suspended_days)
    (datetime.date(2025, 7, 7), datetime.date(2026, 1, 19), 12)
    >>> limit.basis[2]
    '经本院院长批准延长 6 个月（民事诉讼法第一百五十二条）'
    """
    rule = time_limit_rule(rule_key)
    if registered_on < rule.effective_from:
        raise RuleNotInForceError(
            rule_name=rule.name,
            effective_from=rule.effective_from.isoformat(),
            start=registered_on.isoformat(),
        )
    if in_custody and rule.law is not ProceduralLaw.CRIMINAL:
        raise InvalidPeriodError(reason=phrase("reasons", "custody_not_criminal"))
    extensions = tuple(extensions)
    spans, joined = _merge(suspensions, registered_on)
    steps = _check_extensions(rule, registered_on, extensions)
    law = rule.law

    def roll(day: date) -> date:
        return roll_forward(day, law, in_custody=in_custody)[0]

    def running_deadline(period: Period) -> date:
        end, _, _ = _apply_suspensions(naive_end(registered_on, period, law), spans, roll)
        return roll(end)

    basis: list[str] = [
        start_line(registered_on, rule.start_event, "、".join(c.short_text for c in rule.start_basis))
    ]
    base_end, base_lines = end_lines(registered_on, rule.base, law)
    basis.extend(base_lines)
    base_deadline, _, _ = roll_forward(base_end, law, in_custody=in_custody)

    total = rule.base
    for ext, step in zip(extensions, steps, strict=True):
        if ext.approved_on is not None:
            current = running_deadline(total)
            if ext.approved_on <= registered_on:
                raise _not_allowed(
                    "approved_before_start",
                    approved_on=ext.approved_on.isoformat(),
                    start=registered_on.isoformat(),
                )
            if ext.approved_on > current:
                raise _not_allowed(
                    "approved_after_expiry",
                    approved_on=ext.approved_on.isoformat(),
                    deadline=current.isoformat(),
                )
        total = total + ext.period
        basis.append(
            phrase("basis", "extension").format(
                approval=ext.approver.approval,
                period=ext.period.label,
                citations="、".join(c.short_text for c in step.basis),
            )
        )
    end = base_end
    if extensions:
        end, total_lines = end_lines(registered_on, total, law)
        basis.extend(total_lines)

    end, suspended, decisions = _apply_suspensions(end, spans, roll)
    if joined:
        basis.append(phrase("basis", "suspension_overlap"))
    for span, counted, running in decisions:
        if counted:
            key = "suspension_clipped" if span.clipped else "suspension"
            basis.append(
                phrase("basis", key).format(
                    reason=_reason_text(span),
                    start=span.start.isoformat(),
                    end=span.end.isoformat(),
                    days=span.days,
                )
            )
        else:
            basis.append(
                phrase("basis", "suspension_after_expiry").format(
                    reason=_reason_text(span),
                    start=span.start.isoformat(),
                    end=span.end.isoformat(),
                    deadline=running.isoformat(),
                )
            )
    if suspended:
        basis.append(phrase("basis", "suspension_total").format(days=suspended, end=end.isoformat()))

    deadline, roll_lines, source = roll_forward(end, law, in_custody=in_custody)
    basis.extend(roll_lines)
    extended_by = Period()
    for ext in extensions:
        extended_by = extended_by + ext.period
    return TimeLimit(
        rule=rule,
        registered_on=registered_on,
        deadline=deadline,
        base_deadline=base_deadline,
        suspended_days=suspended,
        extensions=extensions,
        extended_by=extended_by,
        in_custody=in_custody,
        basis=tuple(basis),
        holiday_source=source,
    )


def filing_review_deadline(received_on: date, *, kind: FilingKind = FilingKind.CIVIL) -> TimeLimit:
    """The last day to decide whether to register a complaint received on ``received_on`` (登记立案规定第八条).

    7 days for civil and administrative complaints, 15 for private prosecutions and objection suits in
    enforcement, 30 for third-party revocation suits; counted from the day after receipt.

    >>> filing_review_deadline(date(2025, 3, 3)).deadline
    datetime.date(2025, 3, 10)
    >>> filing_review_deadline(date(2025, 9, 26)).deadline       # 2025-10-03 falls in the National Day break
    datetime.date(2025, 10, 9)
    """
    return compute_time_limit(kind.rule_key, registered_on=received_on)
