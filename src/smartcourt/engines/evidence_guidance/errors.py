"""Errors raised by the evidence guidance engine.

Every error carries a machine ``code``, a Chinese ``message`` and the ``field`` it concerns::

    EvidenceGuidanceError(ValueError)
    ├── UnknownStageError        审判阶段未知（只能是立案审查、庭前准备、庭审）
    ├── DuplicateItemError       两项证据使用了同一标识
    └── RuleDataError            证据指引数据文件缺项或格式错误

``str(error)`` is the Chinese message.
"""

from __future__ import annotations

from smartcourt.engines._errors import FieldError

__all__ = ["DuplicateItemError", "EvidenceGuidanceError", "RuleDataError", "UnknownStageError"]


class EvidenceGuidanceError(FieldError):
    """Root of the evidence guidance engine's errors.

    >>> error = EvidenceGuidanceError("evidence_guidance.unknown_stage", "未知的审判阶段", field="stage")
    >>> (error.code, error.field, str(error))
    ('evidence_guidance.unknown_stage', 'stage', '未知的审判阶段')
    """


class UnknownStageError(EvidenceGuidanceError):
    """The stage is not one of ``filing_review`` (立案审查), ``pretrial`` (庭前准备), ``trial`` (庭审)."""


class DuplicateItemError(EvidenceGuidanceError):
    """Two evidence texts given to the contradiction detector share one key."""


class RuleDataError(EvidenceGuidanceError):
    """The checklist data file is missing an entry or is malformed."""
