"""Errors raised by the similar-case engine.

Every error carries a machine ``code`` (``"similar.empty_facts"``), a Chinese ``message`` and the ``field``
it concerns::

    SimilarError(ValueError)
    ├── EmptyFactsError          案情事实为空
    ├── FactsTooLongError        案情事实超过长度上限
    ├── NoCandidatesError        没有可比对的类案
    ├── TooFewOutcomesError      类案裁判结果不足，无法给出偏离度判断
    └── InvalidOutcomeError      拟定结果不是有效的非负数

``str(error)`` is the Chinese message. The engine never makes up a number: with no neighbours or too few
outcomes it raises instead of reporting a range.
"""

from __future__ import annotations

from smartcourt.engines._errors import FieldError

__all__ = [
    "EmptyFactsError",
    "FactsTooLongError",
    "InvalidOutcomeError",
    "NoCandidatesError",
    "SimilarError",
    "TooFewOutcomesError",
]


class SimilarError(FieldError):
    """Root of the similar-case engine's errors.

    >>> error = SimilarError("similar.empty_facts", "案情事实为空", field="facts")
    >>> (error.code, error.field, str(error))
    ('similar.empty_facts', 'facts', '案情事实为空')
    """


class EmptyFactsError(SimilarError):
    """The facts are empty or only whitespace and punctuation.

    >>> EmptyFactsError().code
    'similar.empty_facts'
    """

    def __init__(self) -> None:
        super().__init__("similar.empty_facts", "案情事实为空，无法检索类案", field="facts")


class FactsTooLongError(SimilarError):
    """The facts are longer than the engine accepts.

    >>> str(FactsTooLongError(100000, 50000))
    '案情事实过长（100000字），上限为50000字；请只提交查明事实部分'
    """

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            "similar.facts_too_long",
            f"案情事实过长（{length}字），上限为{limit}字；请只提交查明事实部分",
            field="facts",
        )
        self.length = length
        self.limit = limit


class NoCandidatesError(SimilarError):
    """There is nothing to compare with (no judgments, or none left after filtering).

    >>> NoCandidatesError().code
    'similar.no_candidates'
    """

    def __init__(self, message: str = "没有可比对的类案：裁判文书库为空或没有符合条件的文书") -> None:
        super().__init__("similar.no_candidates", message, field="candidates")


class TooFewOutcomesError(SimilarError):
    """Fewer similar cases with a known outcome than a percentile needs.

    >>> str(TooFewOutcomesError(2, 5))
    '类案中有裁判结果的仅2件，少于5件，不作偏离度判断'
    """

    def __init__(self, found: int, needed: int) -> None:
        super().__init__(
            "similar.too_few_outcomes",
            f"类案中有裁判结果的仅{found}件，少于{needed}件，不作偏离度判断",
            field="outcomes",
        )
        self.found = found
        self.needed = needed


class InvalidOutcomeError(SimilarError):
    """The draft outcome is not a finite number of zero or more.

    >>> InvalidOutcomeError("draft").field
    'draft'
    """

    def __init__(self, field: str = "draft") -> None:
        super().__init__("similar.invalid_outcome", "拟定结果应为不小于0的有效数字", field=field)
