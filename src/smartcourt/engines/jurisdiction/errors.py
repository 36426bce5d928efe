"""Errors of the jurisdiction engine::

    JurisdictionError(ValueError)    jurisdiction_error
    ├── UnknownDivisionError         unknown_division: a place's code is in no GB/T 2260 revision
    ├── MissingFactError             missing_fact: a fact the rule needs was not given (no defendant, …)
    └── InvalidAmountError           invalid_amount: a claim amount below zero, NaN or infinite

Each carries ``code``, a Chinese ``message`` and ``detail`` (``detail["field"]`` names the input).

>>> err = UnknownDivisionError(field="tort_place", value="999999")
>>> (err.code, err.message, err.detail["field"])
('unknown_division', '行政区划代码无效：999999', 'tort_place')
"""

from __future__ import annotations

from typing import ClassVar

from smartcourt.engines._errors import TemplatedError

__all__ = ["InvalidAmountError", "JurisdictionError", "MissingFactError", "UnknownDivisionError"]


class JurisdictionError(TemplatedError):
    """Root of the jurisdiction engine's errors; ``detail`` keeps the keyword arguments.

    >>> MissingFactError(field="defendants", fact="被告").message
    '缺少判断管辖所需的事实：被告'
    """

    code: ClassVar[str] = "jurisdiction_error"
    template: ClassVar[str] = "无法判断管辖"


class UnknownDivisionError(JurisdictionError):
    """A division code is in no GB/T 2260 revision.

    >>> UnknownDivisionError(field="chosen_court", value="12").code
    'unknown_division'
    """

    code = "unknown_division"
    template = "行政区划代码无效：{value}"


class MissingFactError(JurisdictionError):
    """A connecting fact the rule needs is missing.

    >>> MissingFactError(field="property_place", fact="不动产所在地").code
    'missing_fact'
    """

    code = "missing_fact"
    template = "缺少判断管辖所需的事实：{fact}"


class InvalidAmountError(JurisdictionError):
    """The claim amount is negative or not finite.

    >>> InvalidAmountError(field="claim_amount", value="-1").message
    '诉讼标的额无效：-1'
    """

    code = "invalid_amount"
    template = "诉讼标的额无效：{value}"
