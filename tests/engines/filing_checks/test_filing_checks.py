"""Filing checks: duplicates, risk signals, limitation and the review clock, with hand-checked dates."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from smartcourt.engines.filing_checks import (
    CorrectionRequest,
    FilingRecord,
    FilingStatus,
    InvalidCorrectionError,
    InvalidDateError,
    InvalidOptionError,
    PartyRef,
    ReviewState,
    RiskPolicy,
    Severity,
    WatchListEntry,
    assess_filing_risk,
    check_limitation,
    claim_similarity,
    find_duplicates,
    review_clock,
)
from smartcourt.engines.validation import make_id_number

ID_A = make_id_number(random.Random(11), area_code="110105", birth_date=date(1980, 5, 4))
ID_B = make_id_number(random.Random(22), area_code="310104", birth_date=date(1975, 1, 9))
LOAN = "判令被告偿还借款本金100000元及自2023年1月1日起按年利率3.65%计算的利息"


def filing(
    ref: str,
    on: date,
    status: FilingStatus = FilingStatus.SUBMITTED,
    *,
    plaintiff: PartyRef | None = None,
    defendant: PartyRef | None = None,
    claims: str = LOAN,
    facts: str = "",
) -> FilingRecord:
    return FilingRecord(
        ref,
        on,
        status,
        (plaintiff or PartyRef("原告甲", ID_A),),
        (defendant or PartyRef("被告乙", ID_B),),
        claims,
        facts=facts,
        claim_amount=Decimal("100000"),
    )


# ------------------------------------------------------------------------------------------ duplicates


def test_duplicate_of_a_decided_case_cites_127_5_and_247() -> None:
    earlier = filing("(2024)京0105民初100号", date(2024, 3, 1), FilingStatus.DECIDED)
    [match] = find_duplicates(filing("W", date(2025, 1, 2), FilingStatus.DRAFT), [earlier])
    assert (match.reference, match.similarity, match.roles_swapped) == ("(2024)京0105民初100号", 1.0, False)
    assert (
        match.basis
        == "《民事诉讼法》（2023年修正）第一百二十七条第五项；《民诉法解释》（2022年修正）第二百四十七条"
    )
    assert "告知原告申请再审" in match.explanation
    assert match.party_matches == ("原告甲（证件号码一致）", "被告乙（证件号码一致）")


def test_same_id_different_spelling_of_name_still_matches() -> None:
    earlier = filing("F1", date(2025, 1, 1), plaintiff=PartyRef("原 告 甲", ID_A.lower()))
    assert len(find_duplicates(filing("W", date(2025, 1, 2)), [earlier])) == 1


def test_same_name_different_id_is_another_person() -> None:
    other = make_id_number(random.Random(33), area_code="440305", birth_date=date(1990, 2, 2))
    earlier = filing("F1", date(2025, 1, 1), plaintiff=PartyRef("原告甲", other))
    assert find_duplicates(filing("W", date(2025, 1, 2)), [earlier]) == ()


def test_roles_swapped_are_the_same_parties() -> None:
    earlier = filing(
        "F1", date(2025, 1, 1), plaintiff=PartyRef("被告乙", ID_B), defendant=PartyRef("原告甲", ID_A)
    )
    [match] = find_duplicates(filing("W", date(2025, 1, 2)), [earlier])
    assert match.roles_swapped is True
    assert "原被告地位互换" in match.explanation


def test_different_claims_are_not_duplicates() -> None:
    earlier = filing("F1", date(2025, 1, 1), claims="判令解除双方签订的房屋租赁合同并腾退房屋")
    assert find_duplicates(filing("W", date(2025, 1, 2)), [earlier]) == ()


@pytest.mark.parametrize("status", [FilingStatus.DRAFT, FilingStatus.REJECTED, FilingStatus.WITHDRAWN])
def test_drafts_refusals_and_withdrawals_are_not_duplicates(status: FilingStatus) -> None:
    assert find_duplicates(filing("W", date(2025, 1, 2)), [filing("F1", date(2025, 1, 1), status)]) == ()


def test_threshold_must_be_a_fraction() -> None:
    with pytest.raises(InvalidOptionError):
        find_duplicates(filing("W", date(2025, 1, 2)), [], threshold=1.5)


def test_similarity_ignores_punctuation_and_width() -> None:
    assert claim_similarity("判令被告偿还１００元。", "判令被告偿还 100 元") == 1.0


# ---------------------------------------------------------------------------------------------- risk


def test_burst_of_near_identical_claims_against_different_defendants() -> None:
    history = [
        filing(
            f"F{i}",
            date(2025, 3, i),
            defendant=PartyRef(f"借款人{i}"),
            claims=LOAN.replace("100000", f"10000{i}"),
        )
        for i in range(1, 9)
    ]
    candidate = filing("W", date(2025, 3, 20), FilingStatus.DRAFT, defendant=PartyRef("借款人99"))
    [signal] = assess_filing_risk(candidate, history=history)
    assert (signal.code, signal.severity, signal.advisory) == ("burst_filings", Severity.WARNING, True)
    assert signal.detail["count"] == 9
    assert signal.basis.startswith(
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2020年第二次修正）第十八条第四项"
    )


def test_burst_outside_the_window_is_not_counted() -> None:
    history = [filing(f"F{i}", date(2024, 12, i), defendant=PartyRef(f"借款人{i}")) for i in range(1, 9)]
    assert (
        assess_filing_risk(filing("W", date(2025, 3, 20), defendant=PartyRef("借款人99")), history=history)
        == ()
    )


def test_serial_filer_any_content() -> None:
    history = [
        filing(f"F{i}", date(2025, 3, 1), defendant=PartyRef(f"某{i}"), claims=f"第{i}号合同纠纷{i * 7919}")
        for i in range(25)
    ]
    policy = RiskPolicy(burst_count=100)
    codes = [
        s.code
        for s in assess_filing_risk(
            filing("W", date(2025, 3, 2), claims="离婚"), history=history, policy=policy
        )
    ]
    assert codes == ["serial_filer"]


def test_watch_list_by_id_is_high_and_by_name_only_is_warning() -> None:
    watch = [WatchListEntry("被告乙", ID_B, "曾参与虚假诉讼"), WatchListEntry("原告甲", None, "名单仅有姓名")]
    signals = assess_filing_risk(filing("W", date(2025, 3, 2)), watch_list=watch)
    assert [(s.code, s.severity, s.detail["role"]) for s in signals] == [
        ("watch_list", Severity.HIGH, "被告"),
        ("watch_list", Severity.WARNING, "原告"),
    ]
    assert "可能同名" in signals[1].message


def test_limitation_signal_is_advisory_and_cites_193_and_219() -> None:
    [signal] = assess_filing_risk(filing("W", date(2025, 3, 3)), knew_on=date(2021, 6, 1))
    assert (signal.code, signal.severity) == ("limitation_expired", Severity.WARNING)
    assert "第一百九十三条" in signal.basis and "第二百一十九条" in signal.basis
    assert "仍应受理" in signal.message


def test_vexatious_repeat_after_refusals() -> None:
    history = [
        filing("F1", date(2024, 1, 1), FilingStatus.REJECTED),
        filing("F2", date(2024, 6, 1), FilingStatus.REJECTED),
    ]
    codes = [s.code for s in assess_filing_risk(filing("W", date(2025, 3, 3)), history=history)]
    assert codes == ["vexatious_repeat"]


def test_refiled_after_withdrawal_is_only_information() -> None:
    history = [filing("F1", date(2025, 1, 1), FilingStatus.WITHDRAWN)]
    [signal] = assess_filing_risk(filing("W", date(2025, 3, 3)), history=history)
    assert (signal.code, signal.severity) == ("refiled_after_withdrawal", Severity.INFO)
    assert signal.basis == "《民诉法解释》（2022年修正）第二百一十四条"


def test_duplicate_pending_is_warning_registered_is_high() -> None:
    pending = assess_filing_risk(filing("W", date(2025, 3, 3)), history=[filing("F1", date(2025, 3, 1))])
    registered = assess_filing_risk(
        filing("W", date(2025, 3, 3)), history=[filing("F1", date(2025, 3, 1), FilingStatus.REGISTERED)]
    )
    assert [(s.code, s.severity) for s in pending] == [("duplicate_filing", Severity.WARNING)]
    assert [(s.code, s.severity) for s in registered] == [("duplicate_filing", Severity.HIGH)]


def test_clean_filing_has_no_signal() -> None:
    assert assess_filing_risk(filing("W", date(2025, 3, 3)), knew_on=date(2024, 1, 1)) == ()


# ---------------------------------------------------------------------------------------- limitation


@pytest.mark.parametrize(
    ("knew_on", "filed_on", "end", "expired"),
    [
        (date(2022, 3, 3), date(2025, 3, 3), date(2025, 3, 3), False),  # last day itself is in time (Monday)
        (date(2022, 3, 3), date(2025, 3, 4), date(2025, 3, 3), True),
        (date(2021, 2, 28), date(2024, 2, 28), date(2024, 2, 28), False),
        (
            date(2020, 2, 29),
            date(2023, 3, 1),
            date(2023, 2, 28),
            True,
        ),  # no 29 Feb in 2023: month end (第二百零二条)
        (
            date(2022, 10, 1),
            date(2025, 10, 8),
            date(2025, 10, 9),
            False,
        ),  # 2025-10-01..08 holiday: next day (第二百零三条)
        (date(2022, 5, 10), date(2025, 5, 12), date(2025, 5, 12), False),  # Saturday 10th → Monday 12th
    ],
)
def test_limitation_dates_by_hand(knew_on: date, filed_on: date, end: date, expired: bool) -> None:
    check = check_limitation(knew_on, filed_on)
    assert (check.end, check.expired) == (end, expired)


def test_interruption_restarts_the_period() -> None:
    check = check_limitation(
        date(2019, 1, 10), date(2024, 12, 31), interruptions=[date(2022, 1, 10), date(2030, 1, 1)]
    )
    assert (check.start, check.end, check.expired) == (date(2022, 1, 10), date(2025, 1, 10), False)


def test_twenty_year_longest_protection() -> None:
    check = check_limitation(date(2023, 1, 3), date(2025, 1, 3), harmed_on=date(2004, 12, 1))
    assert (check.expired, check.longest_end) == (True, date(2024, 12, 1))


def test_limitation_dates_out_of_order() -> None:
    with pytest.raises(InvalidDateError):
        check_limitation(date(2025, 1, 2), date(2025, 1, 1))


# ------------------------------------------------------------------------------------------ review clock


def test_on_the_spot_or_seven_days() -> None:
    clock = review_clock(date(2025, 9, 26), today=date(2025, 9, 26))
    assert (clock.state, clock.deadline, clock.days_left) == (ReviewState.RUNNING, date(2025, 10, 9), 13)
    assert clock.basis[0].endswith("第二条第二款）")


@pytest.mark.parametrize(
    ("kind", "deadline"),
    [
        ("civil", date(2025, 3, 10)),
        ("administrative", date(2025, 3, 10)),
        ("private_prosecution", date(2025, 3, 18)),
        ("enforcement_objection", date(2025, 3, 18)),
        ("third_party_revocation", date(2025, 4, 2)),
    ],
)
def test_review_periods_by_kind(kind: str, deadline: date) -> None:
    assert review_clock(date(2025, 3, 3), today=date(2025, 3, 3), kind=kind).deadline == deadline


def test_correction_stops_then_restarts_in_full() -> None:
    corrections = [CorrectionRequest(date(2025, 3, 5), date(2025, 3, 19), corrected_on=date(2025, 3, 12))]
    clock = review_clock(date(2025, 3, 3), today=date(2025, 3, 13), corrections=corrections)
    assert (clock.state, clock.clock_start, clock.deadline, clock.days_left) == (
        ReviewState.RUNNING,
        date(2025, 3, 12),
        date(2025, 3, 19),
        6,
    )
    assert any("第七条第二款" in line for line in clock.basis)


def test_awaiting_correction_has_no_deadline() -> None:
    clock = review_clock(
        date(2025, 3, 3),
        today=date(2025, 3, 19),
        corrections=[CorrectionRequest(date(2025, 3, 5), date(2025, 3, 19))],
    )
    assert (clock.state, clock.deadline, clock.days_left) == (ReviewState.AWAITING_CORRECTION, None, None)


def test_correction_lapsed() -> None:
    clock = review_clock(
        date(2025, 3, 3),
        today=date(2025, 3, 20),
        corrections=[CorrectionRequest(date(2025, 3, 5), date(2025, 3, 19))],
    )
    assert clock.state is ReviewState.CORRECTION_LAPSED
    assert clock.basis[-1].endswith("第七条第三款）")


def test_overdue_means_register_first() -> None:
    clock = review_clock(date(2025, 3, 3), today=date(2025, 3, 11))
    assert (clock.state, clock.days_left) == (ReviewState.OVERDUE, -1)
    assert clock.basis[-1].endswith("第八条第二款）")


def test_decision_timed_against_the_deadline() -> None:
    on_time = review_clock(date(2025, 3, 3), today=date(2025, 4, 1), decided_on=date(2025, 3, 10))
    late = review_clock(date(2025, 3, 3), today=date(2025, 4, 1), decided_on=date(2025, 3, 11))
    assert (on_time.state, on_time.on_time, late.on_time) == (ReviewState.DECIDED, True, False)


def test_second_correction_request_is_warned() -> None:
    corrections = [
        CorrectionRequest(date(2025, 3, 4), date(2025, 3, 11), corrected_on=date(2025, 3, 6)),
        CorrectionRequest(date(2025, 3, 7), date(2025, 3, 14), corrected_on=date(2025, 3, 10)),
    ]
    clock = review_clock(date(2025, 3, 3), today=date(2025, 3, 11), corrections=corrections)
    assert (clock.clock_start, clock.deadline) == (date(2025, 3, 10), date(2025, 3, 17))
    assert clock.warnings[0].startswith("补正应当一次性书面告知")


@pytest.mark.parametrize(
    ("corrections", "error"),
    [
        ([CorrectionRequest(date(2025, 3, 1), date(2025, 3, 9))], InvalidCorrectionError),
        ([CorrectionRequest(date(2025, 3, 5), date(2025, 3, 4))], InvalidCorrectionError),
        (
            [CorrectionRequest(date(2025, 3, 5), date(2025, 3, 9), corrected_on=date(2025, 3, 4))],
            InvalidCorrectionError,
        ),
        (
            [
                CorrectionRequest(date(2025, 3, 4), date(2025, 3, 9)),
                CorrectionRequest(date(2025, 3, 5), date(2025, 3, 9)),
            ],
            InvalidCorrectionError,
        ),
    ],
)
def test_bad_corrections(corrections: list[CorrectionRequest], error: type[Exception]) -> None:
    with pytest.raises(error):
        review_clock(date(2025, 3, 3), today=date(2025, 3, 6), corrections=corrections)


def test_bad_kind_and_dates() -> None:
    with pytest.raises(InvalidOptionError):
        review_clock(date(2025, 3, 3), today=date(2025, 3, 3), kind="appeal")
    with pytest.raises(InvalidDateError):
        review_clock(date(2025, 3, 3), today=date(2025, 3, 2))


def test_dates_beyond_the_calendar_are_a_typed_error() -> None:
    with pytest.raises(InvalidDateError):
        review_clock(date(2100, 1, 1), today=date(2100, 1, 2))
