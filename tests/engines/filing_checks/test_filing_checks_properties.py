"""Property tests of the filing checks (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.filing_checks import (
    CorrectionRequest,
    FilingChecksError,
    FilingRecord,
    FilingStatus,
    PartyRef,
    ReviewState,
    WatchListEntry,
    add_years,
    assess_filing_risk,
    check_limitation,
    claim_similarity,
    find_duplicates,
    review_clock,
)

PROPS = settings(max_examples=200, deadline=None)
TEXT = st.text(alphabet="判令被告偿还借款本金万元及利息支付货款解除合同0123456789，。 ", max_size=60)
DAYS = st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 6, 30))
NAMES = st.sampled_from(["原告甲", "被告乙", "某公司", "某某", "丙"])
PARTIES = st.lists(
    st.builds(PartyRef, NAMES, st.one_of(st.none(), st.sampled_from(["A1", "B2", "C3"]))),
    min_size=1,
    max_size=2,
)
RECORDS = st.builds(
    FilingRecord,
    st.text(alphabet="FW0123456789", min_size=1, max_size=4),
    DAYS,
    st.sampled_from(list(FilingStatus)),
    PARTIES.map(tuple),
    PARTIES.map(tuple),
    TEXT,
)


@PROPS
@given(TEXT, TEXT)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    s = claim_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert abs(s - claim_similarity(b, a)) < 1e-9


@PROPS
@given(TEXT)
def test_similarity_to_itself(a: str) -> None:
    assert claim_similarity(a, a) in (0.0, 1.0)


@PROPS
@given(RECORDS, st.lists(RECORDS, max_size=8), st.floats(min_value=0, max_value=1))
def test_duplicates_respect_the_threshold(
    candidate: FilingRecord, history: list[FilingRecord], threshold: float
) -> None:
    matches = find_duplicates(candidate, history, threshold=threshold)
    assert all(match.similarity >= threshold and match.same_parties for match in matches)
    assert [m.similarity for m in matches] == sorted((m.similarity for m in matches), reverse=True)
    assert all(
        m.status in (FilingStatus.SUBMITTED, FilingStatus.REGISTERED, FilingStatus.DECIDED) for m in matches
    )


@PROPS
@given(
    RECORDS,
    st.lists(RECORDS, max_size=12),
    st.lists(st.builds(WatchListEntry, NAMES), max_size=2),
    st.one_of(st.none(), DAYS),
)
def test_signals_are_advisory_explained_and_sorted(
    candidate: FilingRecord, history: list[FilingRecord], watch: list[WatchListEntry], knew_on: date | None
) -> None:
    try:
        signals = assess_filing_risk(candidate, history=history, watch_list=watch, knew_on=knew_on)
    except FilingChecksError as error:
        assert error.code == "invalid_date"
        return
    assert all(signal.advisory and signal.message and signal.basis for signal in signals)
    ranks = [signal.severity.rank for signal in signals]
    assert ranks == sorted(ranks, reverse=True)


@PROPS
@given(DAYS, st.integers(min_value=0, max_value=3000))
def test_limitation_expires_exactly_after_its_end(knew_on: date, offset: int) -> None:
    filed_on = knew_on + timedelta(days=offset)
    check = check_limitation(knew_on, filed_on)
    assert check.end >= add_years(knew_on, 3)
    assert check.expired is (filed_on > check.end)


@PROPS
@given(
    DAYS, st.integers(0, 40), st.integers(0, 20), st.integers(0, 30), st.one_of(st.none(), st.integers(0, 30))
)
def test_review_clock_runs_full_period_after_correction(
    received: date, ask_after: int, allowed: int, today_after: int, corrected_after: int | None
) -> None:
    requested = received + timedelta(days=ask_after)
    corrected = None if corrected_after is None else requested + timedelta(days=corrected_after)
    correction = CorrectionRequest(requested, requested + timedelta(days=allowed), corrected)
    today = requested + timedelta(days=today_after)
    clock = review_clock(received, today=today, corrections=[correction])
    if corrected is not None and corrected <= today:
        assert clock.clock_start == corrected
        assert clock.deadline is not None and clock.deadline >= corrected + timedelta(days=7)
        assert clock.state in (ReviewState.RUNNING, ReviewState.OVERDUE)
    else:
        assert clock.deadline is None
        expected = (
            ReviewState.CORRECTION_LAPSED if today > correction.due_on else ReviewState.AWAITING_CORRECTION
        )
        assert clock.state is expected
