"""Similar cases (类案推送): a legal profile of the facts, neighbours ranked by lexical relevance and legal
agreement with the reason for each, result comparison (偏离度预警) and class-case report data.

Pure Python (no Django). Candidates come from the caller (the knowledge app's judgments through the search
engine); the engine profiles facts with the sentencing, text and laws engines and never makes up a number:
no candidates, too few outcomes, empty or oversized facts raise a :class:`SimilarError`.

>>> q = build_profile("被告人入户盗窃现金3000元，到案后如实供述。")
>>> c = [Candidate("j1", build_profile("被告人入户窃得现金2000元，如实供述。", charges=["盗窃"]), outcome=8)]
>>> [(n.candidate.id, n.reasons[0].label) for n in rank_similar(q, c)]
[('j1', '同罪名：盗窃罪')]
>>> check_deviation(10, [6, 8, 9, 12, 14]).warn
False
"""

from ._deviation import MIN_OUTCOMES, check_deviation, outcome_distribution, percent_rank, quantile
from ._profile import MAX_FACT_CHARS, build_profile
from ._rank import LEGAL_WEIGHTS, lexical_scores, matching_passages, rank_similar
from ._report import class_case_report, common_sentences
from ._types import (
    Bin,
    Candidate,
    CaseProfile,
    ClassCaseReport,
    Counted,
    DeviationCheck,
    Distribution,
    Feature,
    Neighbour,
    Reason,
)
from .errors import (
    EmptyFactsError,
    FactsTooLongError,
    InvalidOutcomeError,
    NoCandidatesError,
    SimilarError,
    TooFewOutcomesError,
)

__all__ = [
    "LEGAL_WEIGHTS",
    "MAX_FACT_CHARS",
    "MIN_OUTCOMES",
    "Bin",
    "Candidate",
    "CaseProfile",
    "ClassCaseReport",
    "Counted",
    "DeviationCheck",
    "Distribution",
    "EmptyFactsError",
    "FactsTooLongError",
    "Feature",
    "InvalidOutcomeError",
    "Neighbour",
    "NoCandidatesError",
    "Reason",
    "SimilarError",
    "TooFewOutcomesError",
    "build_profile",
    "check_deviation",
    "class_case_report",
    "common_sentences",
    "lexical_scores",
    "matching_passages",
    "outcome_distribution",
    "percent_rank",
    "quantile",
    "rank_similar",
]
