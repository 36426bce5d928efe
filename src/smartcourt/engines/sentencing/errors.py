"""Errors raised by the sentencing engine.

Every error carries a machine ``code`` (``"sentencing.unsupported_crime"``), a Chinese ``message`` that says
what is missing or unsupported, and the ``field`` it concerns::

    SentencingError(ValueError)
    ├── UnsupportedCrimeError            罪名不在量刑指导意见的常见犯罪之列，或该情形指导意见未规定量刑起点
    ├── MissingFactError                 确定量刑起点或基准刑所需的事实缺失（数额、数量、伤情……）
    ├── BelowThresholdError              数额或数量未达到定罪标准
    ├── UnsupportedCircumstanceError     情节未知，或指导意见未规定其调节比例
    ├── ContradictoryCircumstancesError  互相矛盾的情节（如未成年与已满七十五周岁）
    └── RuleDataError                    规则数据文件缺项或格式错误

``str(error)`` is the Chinese message; catch :class:`SentencingError` to handle any of them. The engine never
makes up a number: whenever one of these applies, it raises instead of recommending.
"""

from __future__ import annotations

from smartcourt.engines._errors import FieldError

__all__ = [
    "BelowThresholdError",
    "ContradictoryCircumstancesError",
    "MissingFactError",
    "RuleDataError",
    "SentencingError",
    "UnsupportedCircumstanceError",
    "UnsupportedCrimeError",
]


class SentencingError(FieldError):
    """Root of the sentencing engine's errors.

    >>> error = SentencingError("sentencing.missing_fact", "缺少盗窃数额", field="amount")
    >>> (error.code, error.field, str(error))
    ('sentencing.missing_fact', 'amount', '缺少盗窃数额')
    """


class UnsupportedCrimeError(SentencingError):
    """The charge is not one of the guideline's common crimes, or the guideline sets no starting point."""


class MissingFactError(SentencingError):
    """A fact needed for the starting point or the baseline (amount, drug weight, injury grade …) is missing."""


class BelowThresholdError(SentencingError):
    """The amount or quantity is below the threshold that makes the conduct a crime."""


class UnsupportedCircumstanceError(SentencingError):
    """An unknown circumstance, or one for which the guideline gives no percentage."""


class ContradictoryCircumstancesError(SentencingError):
    """Two circumstances that cannot both hold (a minor aged 75, 自首 and its absence …)."""


class RuleDataError(SentencingError):
    """A rule data file is missing an entry or is malformed."""
