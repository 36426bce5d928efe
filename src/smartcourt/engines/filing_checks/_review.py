"""The filing-review clock under 立案登记制 (《最高人民法院关于人民法院登记立案若干问题的规定》)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from smartcourt.engines.calendar import CalendarError, FilingKind, filing_review_deadline
from smartcourt.engines.filing_checks._records import source
from smartcourt.engines.filing_checks.errors import (
    InvalidCorrectionError,
    InvalidDateError,
    InvalidOptionError,
)

__all__ = ["CorrectionRequest", "ReviewClock", "ReviewState", "review_clock"]


class ReviewState(enum.Enum):
    """Where the review of a filing stands.

    >>> ReviewState.AWAITING_CORRECTION.label
    '等待补正（审查期限停止计算）'
    """

    RUNNING = "running"
    AWAITING_CORRECTION = "awaiting_correction"
    CORRECTION_LAPSED = "correction_lapsed"
    OVERDUE = "overdue"
    DECIDED = "decided"

    @property
    def label(self) -> str:
        """The Chinese name."""
        return {
            "running": "审查中",
            "awaiting_correction": "等待补正（审查期限停止计算）",
            "correction_lapsed": "逾期未补正",
            "overdue": "已超过审查期限",
            "decided": "已作出决定",
        }[self.value]


@dataclass(frozen=True, slots=True)
class CorrectionRequest:
    """A written request to correct the filing (一次性书面告知补正), its due day and when it was corrected.

    >>> CorrectionRequest(date(2025, 3, 4), date(2025, 3, 18)).corrected_on is None
    True
    """

    requested_on: date
    due_on: date
    corrected_on: date | None = None


@dataclass(frozen=True, slots=True)
class ReviewClock:
    """The review deadline as of ``today`` with each step's basis in Chinese.

    ``deadline`` is ``None`` while the clock is stopped for a correction or after it lapsed.

    >>> clock = review_clock(date(2025, 3, 3), today=date(2025, 3, 5))
    >>> clock.state.value, clock.deadline, clock.days_left
    ('running', datetime.date(2025, 3, 10), 5)
    """

    state: ReviewState
    clock_start: date | None
    deadline: date | None
    days_left: int | None
    basis: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    on_time: bool | None = None


def review_clock(
    received_on: date,
    *,
    today: date,
    kind: str = "civil",
    corrections: Sequence[CorrectionRequest] = (),
    decided_on: date | None = None,
) -> ReviewClock:
    """The state of the decision whether to register a filing received on ``received_on``.

    A filing that meets the law is registered on the spot (第二条第二款); otherwise the court decides within
    7 days for civil and administrative suits (15 for private prosecutions and enforcement-objection suits, 30
    for third-party revocation suits; 第八条第一款, computed by ``engines.calendar``). A correction request
    stops the clock; when the material comes in, the period runs again in full from that day (第七条第二款).
    Not corrected by the due day: the complaint is returned, and a ruling not to accept follows if the
    litigant insists (第七条第三款). Past the deadline without a decision the court should register first
    (第八条第二款). ``decided_on`` records the decision and whether it was on time.

    >>> clock = review_clock(date(2025, 3, 3), today=date(2025, 3, 20),
    ...     corrections=[CorrectionRequest(date(2025, 3, 5), date(2025, 3, 19), corrected_on=date(2025, 3, 17))])
    >>> clock.state.value, clock.clock_start, clock.deadline
    ('running', datetime.date(2025, 3, 17), datetime.date(2025, 3, 24))
    >>> review_clock(date(2025, 3, 3), today=date(2025, 3, 6),
    ...     corrections=[CorrectionRequest(date(2025, 3, 5), date(2025, 3, 19))]).state.value
    'awaiting_correction'
    """
    try:
        filing_kind = FilingKind(kind)
    except ValueError as exc:
        raise InvalidOptionError(field="kind", reason=f"未知的审查类别：{kind}") from exc
    if today < received_on:
        raise InvalidDateError(field="today", reason="今天早于收到诉状之日")
    if decided_on is not None and decided_on < received_on:
        raise InvalidDateError(field="decided_on", reason="决定之日早于收到诉状之日")
    rules = source("FILING_2015")
    basis = [f"{received_on.isoformat()}收到诉状；符合法律规定的，应当当场登记立案（{rules}第二条第二款）"]
    warnings: list[str] = []
    if len(corrections) > 1:
        warnings.append(
            f"补正应当一次性书面告知（{rules}第七条第一款），本案已通知补正 {len(corrections)} 次"
        )
    start = received_on
    now = decided_on or today
    for index, correction in enumerate(sorted(corrections, key=lambda c: c.requested_on)):
        if correction.requested_on < start:
            raise InvalidCorrectionError(field="corrections", reason="补正通知早于审查期间的起算日")
        if correction.due_on < correction.requested_on:
            raise InvalidCorrectionError(field="corrections", reason="补正期限早于通知之日")
        if correction.corrected_on is not None and correction.corrected_on < correction.requested_on:
            raise InvalidCorrectionError(field="corrections", reason="补正之日早于通知之日")
        basis.append(
            f"{correction.requested_on.isoformat()}书面通知补正，限{correction.due_on.isoformat()}前补正，"
            f"审查期间停止计算（{rules}第七条第一款、第二款）"
        )
        if correction.corrected_on is None or correction.corrected_on > now:
            if index != len(corrections) - 1:
                raise InvalidCorrectionError(field="corrections", reason="前一次补正尚未完成又通知补正")
            if now > correction.due_on:
                basis.append(
                    f"逾期未补正：退回诉状并记录在册；坚持起诉的，裁定不予受理（{rules}第七条第三款）"
                )
                return ReviewClock(
                    ReviewState.CORRECTION_LAPSED, None, None, None, tuple(basis), tuple(warnings)
                )
            state = ReviewState.DECIDED if decided_on is not None else ReviewState.AWAITING_CORRECTION
            return ReviewClock(state, None, None, None, tuple(basis), tuple(warnings))
        if correction.corrected_on > correction.due_on:
            warnings.append(f"补正材料于{correction.corrected_on.isoformat()}收到，晚于指定期限")
        start = correction.corrected_on
        basis.append(f"{start.isoformat()}收到补正材料，审查期间自该日起重新计算（{rules}第七条第二款）")
    try:
        limit = filing_review_deadline(start, kind=filing_kind)
    except CalendarError as exc:
        raise InvalidDateError(field="received_on", reason=exc.args[0] if exc.args else str(exc)) from exc
    basis.extend(limit.basis)
    deadline = limit.deadline
    if decided_on is not None:
        on_time = decided_on <= deadline
        basis.append(
            f"{decided_on.isoformat()}作出决定，{'在' if on_time else '超过'}审查期限（{deadline.isoformat()}）{'内' if on_time else ''}"
        )
        return ReviewClock(ReviewState.DECIDED, start, deadline, None, tuple(basis), tuple(warnings), on_time)
    if today > deadline:
        basis.append(f"法定期间内不能判定的，应当先行立案（{rules}第八条第二款）")
        return ReviewClock(
            ReviewState.OVERDUE, start, deadline, (deadline - today).days, tuple(basis), tuple(warnings)
        )
    return ReviewClock(
        ReviewState.RUNNING, start, deadline, (deadline - today).days, tuple(basis), tuple(warnings)
    )
