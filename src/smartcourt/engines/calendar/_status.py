"""Deadline status: how a time limit stands on a given day (the caller passes ``today``; no clock is read).

>>> deadline_status(date(2025, 10, 9), today=date(2025, 10, 1)).level
<DeadlineLevel.DUE_SOON: 'due_soon'>
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from smartcourt.engines.calendar._data import phrase
from smartcourt.engines.calendar._time_limits import TimeLimit
from smartcourt.engines.calendar.errors import InvalidPeriodError

__all__ = ["DeadlineLevel", "DeadlineStatus", "deadline_status"]


class DeadlineLevel(enum.Enum):
    """How near or past its deadline a time limit is.

    >>> DeadlineLevel.OVERDUE.label
    '已超期'
    """

    NORMAL = "normal"
    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        """The Chinese name of the level."""
        return phrase("deadline_level", self.value)


@dataclass(frozen=True, slots=True)
class DeadlineStatus:
    """The status of a deadline on ``today``: at most one of ``days_remaining`` and ``days_overdue`` is non-zero.

    >>> s = deadline_status(date(2025, 10, 9), today=date(2025, 10, 12))
    >>> (s.level.label, s.days_remaining, s.days_overdue)
    ('已超期', 0, 3)
    """

    level: DeadlineLevel
    deadline: date
    today: date
    days_remaining: int
    days_overdue: int


def deadline_status(limit: TimeLimit | date, *, today: date, warn_days: int = 15) -> DeadlineStatus:
    """The status of ``limit`` (a :class:`TimeLimit` or a deadline date) on ``today``.

    ``DUE_TODAY`` on the deadline itself, ``DUE_SOON`` when 1 to ``warn_days`` calendar days remain,
    ``OVERDUE`` after it, ``NORMAL`` otherwise. Requires ``warn_days >= 0`` (``InvalidPeriodError``).

    >>> deadline_status(date(2025, 10, 9), today=date(2025, 10, 9)).level
    <DeadlineLevel.DUE_TODAY: 'due_today'>
    >>> deadline_status(date(2025, 10, 9), today=date(2025, 9, 1)).days_remaining
    38
    """
    if isinstance(warn_days, bool) or not isinstance(warn_days, int) or warn_days < 0:
        raise InvalidPeriodError(reason=phrase("reasons", "warn_days_negative").format(value=warn_days))
    deadline = limit.deadline if isinstance(limit, TimeLimit) else limit
    remaining = (deadline - today).days
    if remaining < 0:
        level = DeadlineLevel.OVERDUE
    elif remaining == 0:
        level = DeadlineLevel.DUE_TODAY
    elif remaining <= warn_days:
        level = DeadlineLevel.DUE_SOON
    else:
        level = DeadlineLevel.NORMAL
    return DeadlineStatus(
        level=level,
        deadline=deadline,
        today=today,
        days_remaining=max(remaining, 0),
        days_overdue=max(-remaining, 0),
    )
