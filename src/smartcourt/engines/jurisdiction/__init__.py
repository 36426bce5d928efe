"""Jurisdiction of a filing (管辖): territorial (地域管辖) and level (级别管辖), each reason with its article.

Civil first instance under 《民事诉讼法》（2023年修正）第十八条至第三十六条 and 《民诉法解释》; enforcement under
第二百三十五条; administrative first instance under 《行政诉讼法》第十四条至第二十一条. Places are GB/T 2260
division codes checked by ``engines.validation``; level thresholds are data (``data/rules.json``) with their
source, those not in the law corpus marked unverified.

>>> from decimal import Decimal
>>> request = JurisdictionRequest(
...     CaseCategory.CIVIL_FIRST, CourtRef(CourtLevel.BASIC, "110105"),
...     defendants=(Party("被告乙", "110108"),), cause=Cause.REAL_ESTATE, property_place="110105",
...     agreed_court_place="110108")
>>> result = assess_jurisdiction(request)
>>> result.competent, result.reasons[0].exclusive, result.reasons[1].code
(True, True, 'agreement_vs_exclusive')
"""

from smartcourt.engines.jurisdiction._assess import (
    LevelThreshold,
    assess_jurisdiction,
    level_thresholds,
    required_level,
)
from smartcourt.engines.jurisdiction._types import (
    CaseCategory,
    Cause,
    CompetentCourt,
    CourtLevel,
    CourtRef,
    Ground,
    JurisdictionAssessment,
    JurisdictionRequest,
    LevelDecision,
    Party,
)
from smartcourt.engines.jurisdiction.errors import (
    InvalidAmountError,
    JurisdictionError,
    MissingFactError,
    UnknownDivisionError,
)

__all__ = [
    "CaseCategory",
    "Cause",
    "CompetentCourt",
    "CourtLevel",
    "CourtRef",
    "Ground",
    "InvalidAmountError",
    "JurisdictionAssessment",
    "JurisdictionError",
    "JurisdictionRequest",
    "LevelDecision",
    "LevelThreshold",
    "MissingFactError",
    "Party",
    "UnknownDivisionError",
    "assess_jurisdiction",
    "level_thresholds",
    "required_level",
]
