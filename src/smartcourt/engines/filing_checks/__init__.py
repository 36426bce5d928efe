"""Checks before and during filing review: duplicate filings, filing-risk signals, limitation, the review clock.

Pure functions over data the filing app passes in. Every risk signal is advisory — explained in Chinese with
its basis for the filing officer, never blocking by itself (立案登记制). The review clock follows
《最高人民法院关于人民法院登记立案若干问题的规定》第七条、第八条 with the periods computed by ``engines.calendar``.

>>> from datetime import date
>>> earlier = FilingRecord("(2025)沪0104民初7号", date(2025, 1, 6), FilingStatus.REGISTERED,
...     (PartyRef("原告甲"),), (PartyRef("被告乙"),), "判令被告支付货款20万元")
>>> now = FilingRecord("W-1", date(2025, 2, 1), FilingStatus.DRAFT,
...     (PartyRef("原告甲"),), (PartyRef("被告乙"),), "判令被告支付货款20万元。")
>>> [(s.code, s.severity.value, s.advisory) for s in assess_filing_risk(now, history=[earlier])]
[('duplicate_filing', 'high', True)]
"""

from smartcourt.engines.filing_checks._records import (
    DuplicateMatch,
    FilingRecord,
    FilingStatus,
    PartyRef,
    claim_similarity,
    find_duplicates,
    normalize_id_number,
    normalize_party_name,
    parties_match,
)
from smartcourt.engines.filing_checks._review import CorrectionRequest, ReviewClock, ReviewState, review_clock
from smartcourt.engines.filing_checks._risk import (
    LimitationCheck,
    RiskPolicy,
    RiskSignal,
    Severity,
    WatchListEntry,
    add_years,
    assess_filing_risk,
    check_limitation,
    default_risk_policy,
)
from smartcourt.engines.filing_checks.errors import (
    FilingChecksError,
    InvalidCorrectionError,
    InvalidDateError,
    InvalidOptionError,
)

__all__ = [
    "CorrectionRequest",
    "DuplicateMatch",
    "FilingChecksError",
    "FilingRecord",
    "FilingStatus",
    "InvalidCorrectionError",
    "InvalidDateError",
    "InvalidOptionError",
    "LimitationCheck",
    "PartyRef",
    "ReviewClock",
    "ReviewState",
    "RiskPolicy",
    "RiskSignal",
    "Severity",
    "WatchListEntry",
    "add_years",
    "assess_filing_risk",
    "check_limitation",
    "claim_similarity",
    "default_risk_policy",
    "find_duplicates",
    "normalize_id_number",
    "normalize_party_name",
    "parties_match",
    "review_clock",
]
