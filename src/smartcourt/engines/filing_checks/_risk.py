"""Filing-risk signals (立案风险自动拦截) and the limitation check: advisory for the filing officer, never blocking."""

from __future__ import annotations

import calendar as _months
import dataclasses
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from smartcourt.engines.calendar import CalendarError, is_working_day
from smartcourt.engines.filing_checks._records import (
    FilingRecord,
    FilingStatus,
    PartyRef,
    filing_similarity,
    find_duplicates,
    normalize_id_number,
    parties_match,
    policy_data,
    source,
)
from smartcourt.engines.filing_checks.errors import InvalidDateError, InvalidOptionError

__all__ = [
    "LimitationCheck",
    "RiskPolicy",
    "RiskSignal",
    "Severity",
    "WatchListEntry",
    "add_years",
    "assess_filing_risk",
    "check_limitation",
    "default_risk_policy",
]


class Severity(enum.Enum):
    """How much attention a signal deserves.

    >>> Severity.HIGH.label, Severity.HIGH.rank > Severity.INFO.rank
    ('高', True)
    """

    INFO = "info"
    WARNING = "warning"
    HIGH = "high"

    @property
    def label(self) -> str:
        """The Chinese name."""
        return {"info": "提示", "warning": "关注", "high": "高"}[self.value]

    @property
    def rank(self) -> int:
        """0 (info) to 2 (high)."""
        return {"info": 0, "warning": 1, "high": 2}[self.value]


@dataclass(frozen=True, slots=True)
class RiskSignal:
    """One advisory signal for the filing officer; ``advisory`` is always True (never blocks by itself).

    >>> RiskSignal("watch_list", Severity.HIGH, "当事人在关注名单中", "…", {}).advisory
    True
    """

    code: str
    severity: Severity
    message: str
    basis: str
    detail: Mapping[str, Any] = field(default_factory=dict)
    advisory: bool = True


@dataclass(frozen=True, slots=True)
class WatchListEntry:
    """A person or organisation the court watches (e.g. found to have filed false suits), with why.

    >>> WatchListEntry("某某", reason="曾被认定虚假诉讼").reason
    '曾被认定虚假诉讼'
    """

    name: str
    id_number: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RiskPolicy:
    """Thresholds of the signals (defaults from ``data/risk_policy.json``).

    >>> default_risk_policy().window_days, default_risk_policy().burst_count
    (30, 5)
    """

    window_days: int = 30
    burst_count: int = 5
    burst_similarity: float = 0.8
    serial_count: int = 20
    duplicate_threshold: float = 0.85
    vexatious_count: int = 2
    limitation_years: int = 3
    longest_protection_years: int = 20


def default_risk_policy() -> RiskPolicy:
    """The policy from the data file.

    >>> default_risk_policy().duplicate_threshold
    0.85
    """
    data = policy_data()
    return RiskPolicy(**{name: data[name] for name in RiskPolicy.__dataclass_fields__})


# ------------------------------------------------------------------------------------------- limitation


def add_years(start: date, years: int) -> date:
    """The corresponding day ``years`` later; the month's last day when there is none (民法典第二百零二条).

    >>> add_years(date(2024, 2, 29), 3)
    datetime.date(2027, 2, 28)
    """
    year = start.year + years
    day = min(start.day, _months.monthrange(year, start.month)[1])
    return date(year, start.month, day)


def _roll_past_holidays(day: date) -> tuple[date, bool]:
    """The day after a run of statutory rest days (民法典第二百零三条); ``False`` if the calendar has no data."""
    try:
        while not is_working_day(day):
            day += timedelta(days=1)
    except CalendarError:
        return day, False
    return day, True


@dataclass(frozen=True, slots=True)
class LimitationCheck:
    """Whether the three-year limitation (民法典第一百八十八条) looks expired on the filing date, and why.

    >>> check = check_limitation(date(2020, 3, 2), date(2025, 3, 3))
    >>> check.expired, check.end, check.days_over
    (True, datetime.date(2023, 3, 2), 732)
    """

    expired: bool
    start: date
    end: date
    days_over: int
    message: str
    basis: str
    longest_end: date | None = None


def check_limitation(
    knew_on: date,
    filed_on: date,
    *,
    interruptions: Sequence[date] = (),
    harmed_on: date | None = None,
    policy: RiskPolicy | None = None,
) -> LimitationCheck:
    """The limitation period from the day the right holder knew (or should have known) of the harm and the obligor.

    The period is three years (民法典第一百八十八条第一款), counted from the next day (第二百零一条), ending on
    the corresponding day (第二百零二条), moved past statutory rest days (第二百零三条). ``interruptions`` (a
    demand, an acknowledgement, a claim filed — 第一百九十五条) restart it from the latest one before filing.
    ``harmed_on`` adds the twenty-year longest protection (第一百八十八条第二款). An expired period never stops
    registration: the court may not raise it of its own motion (第一百九十三条) and must accept the suit
    (民诉法解释第二百一十九条).

    >>> check = check_limitation(date(2022, 5, 10), date(2025, 3, 3))
    >>> check.expired, check.end
    (False, datetime.date(2025, 5, 12))
    >>> check_limitation(date(2020, 1, 1), date(2025, 1, 1), interruptions=[date(2023, 6, 1)]).expired
    False
    """
    policy = policy or default_risk_policy()
    if knew_on > filed_on:
        raise InvalidDateError(field="knew_on", reason="知道权利受损之日晚于起诉之日")
    if harmed_on is not None and harmed_on > knew_on:
        raise InvalidDateError(field="harmed_on", reason="权利受到损害之日晚于知道之日")
    start = max([knew_on, *(day for day in interruptions if knew_on <= day <= filed_on)])
    end, rolled = _roll_past_holidays(add_years(start, policy.limitation_years))
    code = source("CIVIL_CODE")
    basis = f"{code}第一百八十八条第一款、第一百九十五条、第二百零一条至第二百零三条"
    longest_end = None
    expired = filed_on > end
    if harmed_on is not None:
        longest_end = add_years(harmed_on, policy.longest_protection_years)
        basis += "；第一百八十八条第二款"
        if filed_on > longest_end:
            expired = True
    days_over = max((filed_on - end).days, 0) if filed_on > end else 0
    if longest_end is not None and filed_on > longest_end:
        days_over = max(days_over, (filed_on - longest_end).days)
    restarted = "（自最后一次中断之日重新计算）" if start != knew_on else ""
    if expired:
        message = (
            f"诉讼时效自{start.isoformat()}起算{restarted}，至{end.isoformat()}届满，起诉时已超过 {days_over} 日；"
            "超过诉讼时效的起诉仍应受理，法院不得主动适用诉讼时效，仅供立案人员关注"
        )
    else:
        message = f"诉讼时效自{start.isoformat()}起算{restarted}，至{end.isoformat()}届满，起诉时未超过"
    if not rolled:
        message += "（该年节假日数据缺失，未顺延）"
    return LimitationCheck(expired, start, end, days_over, message, basis, longest_end)


# ------------------------------------------------------------------------------------------------ risk


def _same_plaintiff(candidate: FilingRecord, record: FilingRecord) -> bool:
    return any(parties_match(a, b) for a in candidate.plaintiffs for b in record.plaintiffs)


def _watch_hits(candidate: FilingRecord, watch_list: Sequence[WatchListEntry]) -> list[RiskSignal]:
    signals = []
    for role, parties in (("原告", candidate.plaintiffs), ("被告", candidate.defendants)):
        for party in parties:
            for entry in watch_list:
                how = parties_match(party, PartyRef(entry.name, entry.id_number))
                if how is None:
                    continue
                by_id = how == "id" and normalize_id_number(entry.id_number) is not None
                reason = f"（{entry.reason}）" if entry.reason else ""
                signals.append(
                    RiskSignal(
                        "watch_list",
                        Severity.HIGH if by_id else Severity.WARNING,
                        f"{role}{party.name}在关注名单中{reason}，"
                        f"{'证件号码一致' if by_id else '仅名称一致，可能同名，请核实身份'}",
                        f"{source('CPL')}第一百一十五条；{source('FILING_2015')}第十六条",
                        {"party": party.name, "role": role, "matched_by": how, "reason": entry.reason},
                    )
                )
    return signals


def assess_filing_risk(
    candidate: FilingRecord,
    *,
    history: Sequence[FilingRecord] = (),
    watch_list: Sequence[WatchListEntry] = (),
    knew_on: date | None = None,
    interruptions: Sequence[date] = (),
    policy: RiskPolicy | None = None,
) -> tuple[RiskSignal, ...]:
    """Signals of false, repeated or vexatious litigation for the filing officer, highest severity first.

    ``history``: earlier filings the app found for the candidate's parties. Signals: ``duplicate_filing``
    (重复起诉, 民诉法解释第二百四十七条), ``burst_filings`` (one plaintiff, many near-identical claims in the
    window; 民间借贷规定第十八条第四项), ``serial_filer`` (many filings in the window whatever their content),
    ``vexatious_repeat`` (the same claims again after refusals or judgments), ``refiled_after_withdrawal``
    (info: allowed, 民诉法解释第二百一十四条), ``watch_list``, ``limitation_expired`` (民法典第一百八十八条).
    Every signal is advisory: registration is decided by the officer under 立案登记制.

    >>> history = [
    ...     FilingRecord(f"F{i}", date(2025, 3, i), FilingStatus.SUBMITTED, (PartyRef("某小额贷款公司"),),
    ...                  (PartyRef(f"借款人{i}"),), "判令被告偿还借款本金5万元及利息")
    ...     for i in range(1, 6)
    ... ]
    >>> now = FilingRecord("W", date(2025, 3, 20), FilingStatus.DRAFT, (PartyRef("某小额贷款公司"),),
    ...                    (PartyRef("借款人9"),), "判令被告偿还借款本金6万元及利息")
    >>> [(s.code, s.severity.value) for s in assess_filing_risk(now, history=history, knew_on=date(2020, 1, 2))]
    [('burst_filings', 'warning'), ('limitation_expired', 'warning')]
    """
    policy = policy or default_risk_policy()
    if policy.window_days < 0 or not 0.0 <= policy.burst_similarity <= 1.0:
        raise InvalidOptionError(field="policy", reason="时间窗口或相似度阈值无效")
    signals: list[RiskSignal] = []
    for match in find_duplicates(candidate, history, threshold=policy.duplicate_threshold):
        severity = (
            Severity.HIGH
            if match.status in (FilingStatus.DECIDED, FilingStatus.REGISTERED)
            else Severity.WARNING
        )
        signals.append(
            RiskSignal(
                "duplicate_filing",
                severity,
                match.explanation,
                match.basis,
                {"reference": match.reference, "similarity": match.similarity, "status": match.status.value},
            )
        )
    window_start = candidate.filed_on - timedelta(days=policy.window_days)
    own = [
        record
        for record in history
        if record.reference != candidate.reference
        and record.status is not FilingStatus.DRAFT
        and _same_plaintiff(candidate, record)
    ]
    recent = [record for record in own if window_start <= record.filed_on <= candidate.filed_on]
    similar = [record for record in recent if filing_similarity(candidate, record) >= policy.burst_similarity]
    if len(similar) + 1 >= policy.burst_count:
        count = len(similar) + 1
        severity = Severity.HIGH if count >= 2 * policy.burst_count else Severity.WARNING
        signals.append(
            RiskSignal(
                "burst_filings",
                severity,
                f"同一原告在 {policy.window_days} 日内提交了 {count} 件诉讼请求高度相似（相似度≥{policy.burst_similarity:.2f}）"
                "的起诉，可能存在批量、虚假诉讼或职业放贷，请关注",
                f"{source('PRIVATE_LENDING')}第十八条第四项；{source('CPL')}第一百一十五条",
                {
                    "count": count,
                    "window_days": policy.window_days,
                    "references": [r.reference for r in similar],
                },
            )
        )
    if len(recent) + 1 >= policy.serial_count:
        signals.append(
            RiskSignal(
                "serial_filer",
                Severity.INFO,
                f"同一原告在 {policy.window_days} 日内共提交 {len(recent) + 1} 件起诉",
                f"{source('FILING_2015')}第十六条",
                {"count": len(recent) + 1, "window_days": policy.window_days},
            )
        )
    repeats = [
        record
        for record in own
        if record.status in (FilingStatus.REJECTED, FilingStatus.DECIDED)
        and any(parties_match(a, b) for a in candidate.defendants for b in record.defendants)
        and filing_similarity(candidate, record) >= policy.burst_similarity
    ]
    if len(repeats) >= policy.vexatious_count:
        signals.append(
            RiskSignal(
                "vexatious_repeat",
                Severity.WARNING,
                f"同一原告对同一被告就相似诉讼请求已被裁定不予受理或已作出裁判 {len(repeats)} 次，又再次起诉",
                f"{source('CPL_INTERP')}第二百四十七条；{source('FILING_2015')}第十六条",
                {"references": [r.reference for r in repeats]},
            )
        )
    withdrawn = [
        record
        for record in history
        if record.status is FilingStatus.WITHDRAWN
        and find_duplicates(
            candidate,
            [dataclasses.replace(record, status=FilingStatus.SUBMITTED)],
            threshold=policy.duplicate_threshold,
        )
    ]
    if withdrawn:
        signals.append(
            RiskSignal(
                "refiled_after_withdrawal",
                Severity.INFO,
                f"原告曾就相同诉讼请求起诉后撤诉（{'、'.join(r.reference for r in withdrawn)}），撤诉后再次起诉的应予受理",
                f"{source('CPL_INTERP')}第二百一十四条",
                {"references": [r.reference for r in withdrawn]},
            )
        )
    signals.extend(_watch_hits(candidate, watch_list))
    if knew_on is not None:
        check = check_limitation(knew_on, candidate.filed_on, interruptions=interruptions, policy=policy)
        if check.expired:
            signals.append(
                RiskSignal(
                    "limitation_expired",
                    Severity.WARNING,
                    check.message,
                    f"{check.basis}；{source('CIVIL_CODE')}第一百九十三条；{source('CPL_INTERP')}第二百一十九条",
                    {
                        "start": check.start.isoformat(),
                        "end": check.end.isoformat(),
                        "days_over": check.days_over,
                    },
                )
            )
    ranked = sorted(enumerate(signals), key=lambda pair: (-pair[1].severity.rank, pair[0]))
    return tuple(signal for _, signal in ranked)
