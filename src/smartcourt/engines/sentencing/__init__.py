"""Sentencing under 《最高人民法院 最高人民检察院关于常见犯罪的量刑指导意见（试行）》(法发〔2021〕21号).

The method of 二: 量刑起点 from the basic facts → 基准刑 by amounts, counts and consequences → the
circumstances of 三 (first class multiplied first, the others added and subtracted) → kept within the
statutory range of the applicable 刑法 paragraph, 减轻处罚 as 刑法第六十三条 allows → 宣告刑, probation
(刑法第七十二条) and fine. Crime rules (四) and thresholds live in ``data/*.json`` with their sources.

>>> from decimal import Decimal
>>> from smartcourt.engines.sentencing import CaseFacts, Circumstance, compute_sentence
>>> r = compute_sentence(CaseFacts("盗窃", amount=Decimal("40000")), [Circumstance("surrender")])
>>> r.paragraph, r.point, r.declared
('中段', 32, '有期徒刑二年八个月')

Facts and circumstances come from the text with their spans (:func:`extract_circumstances`,
:func:`extract_facts`); charges and articles from :func:`predict_charges`. Whenever a crime is not covered
or a fact is missing, a :class:`SentencingError` says so: the engine never makes up a number.
"""

from ._charges import (
    ChargePrediction,
    Evidence,
    PenaltyRange,
    applicable_range,
    circumstance_articles,
    predict_articles,
    predict_charges,
    statutory_penalty,
    statutory_ranges,
)
from ._combine import CombinedRange, combined_range
from ._compute import (
    amount_thresholds,
    circumstance_kinds,
    circumstance_rule,
    compute_sentence,
    flag_name,
    flag_names,
    supported_crimes,
)
from ._extract import extract_circumstances, extract_facts
from ._types import (
    CaseFacts,
    Circumstance,
    FineRange,
    ProbationAssessment,
    Recommendation,
    SentenceRange,
    Span,
    Step,
)
from .errors import (
    BelowThresholdError,
    ContradictoryCircumstancesError,
    MissingFactError,
    RuleDataError,
    SentencingError,
    UnsupportedCircumstanceError,
    UnsupportedCrimeError,
)

__all__ = [
    "CombinedRange",
    "BelowThresholdError",
    "CaseFacts",
    "ChargePrediction",
    "Circumstance",
    "ContradictoryCircumstancesError",
    "Evidence",
    "FineRange",
    "MissingFactError",
    "PenaltyRange",
    "ProbationAssessment",
    "Recommendation",
    "RuleDataError",
    "SentenceRange",
    "SentencingError",
    "Span",
    "Step",
    "UnsupportedCircumstanceError",
    "UnsupportedCrimeError",
    "amount_thresholds",
    "applicable_range",
    "circumstance_articles",
    "circumstance_kinds",
    "circumstance_rule",
    "combined_range",
    "compute_sentence",
    "extract_circumstances",
    "extract_facts",
    "flag_name",
    "flag_names",
    "predict_articles",
    "predict_charges",
    "statutory_penalty",
    "statutory_ranges",
    "supported_crimes",
]
