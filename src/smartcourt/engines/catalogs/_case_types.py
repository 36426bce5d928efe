"""Case types (类型代字) per 《人民法院案件类型及其代字标准》 (法〔2015〕137号附件)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cache

from ._data import load
from .errors import UnknownCaseTypeError

__all__ = ["CaseCategory", "CaseType", "ProcedureClass", "case_types", "get_case_type"]


class CaseCategory(enum.Enum):
    """The broad kind of case a 类型代字 belongs to."""

    CIVIL = "CIVIL"
    CRIMINAL = "CRIMINAL"
    ADMINISTRATIVE = "ADMINISTRATIVE"
    STATE_COMPENSATION = "STATE_COMPENSATION"
    ENFORCEMENT = "ENFORCEMENT"
    PRESERVATION = "PRESERVATION"
    JUDICIAL_ASSISTANCE = "JUDICIAL_ASSISTANCE"
    BANKRUPTCY = "BANKRUPTCY"
    OTHER = "OTHER"


class ProcedureClass(enum.Enum):
    """The procedural stage a 类型代字 denotes."""

    FIRST_INSTANCE = "FIRST_INSTANCE"
    SECOND_INSTANCE = "SECOND_INSTANCE"
    RETRIAL = "RETRIAL"
    RETRIAL_REVIEW = "RETRIAL_REVIEW"
    SPECIAL_PROCEDURE = "SPECIAL_PROCEDURE"
    ENFORCEMENT = "ENFORCEMENT"
    ENFORCEMENT_REVIEW = "ENFORCEMENT_REVIEW"
    PRESERVATION = "PRESERVATION"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class CaseType:
    """One 类型代字 with its name and classification.

    >>> get_case_type("执恢")
    CaseType(code='执恢', name='恢复执行案件', category=<CaseCategory.ENFORCEMENT: 'ENFORCEMENT'>, procedure_class=<ProcedureClass.ENFORCEMENT: 'ENFORCEMENT'>)
    """

    code: str
    name: str
    category: CaseCategory
    procedure_class: ProcedureClass


@cache
def _table() -> dict[str, CaseType]:
    return {
        row["code"]: CaseType(
            row["code"], row["name"], CaseCategory(row["category"]), ProcedureClass(row["procedure_class"])
        )
        for row in load("case_types.json")["case_types"]
    }


def case_types() -> tuple[CaseType, ...]:
    """Every known case type, in the order of the 代字标准.

    >>> [case_type.code for case_type in case_types() if case_type.category is CaseCategory.ENFORCEMENT]
    ['执', '执恢', '执保', '执异', '执复', '执监', '执协', '执他']
    """
    return tuple(_table().values())


def get_case_type(code: str) -> CaseType:
    """The case type with this 类型代字.

    >>> get_case_type("民初").procedure_class
    <ProcedureClass.FIRST_INSTANCE: 'FIRST_INSTANCE'>
    >>> get_case_type("民九")
    Traceback (most recent call last):
    ...
    smartcourt.engines.catalogs.errors.UnknownCaseTypeError: 案件类型代字“民九”不在《人民法院案件类型及其代字标准》中
    """
    # 法〔2015〕137号 第五条: 类型代字按《人民法院案件类型及其代字标准》确定.
    case_type = _table().get(code)
    if case_type is None:
        raise UnknownCaseTypeError(
            "case_type.unknown",
            f"案件类型代字“{code}”不在《人民法院案件类型及其代字标准》中",
            field="case_type",
        )
    return case_type


def case_type_codes_longest_first() -> tuple[str, ...]:
    """All codes, longest first, for longest-match parsing (``执恢`` before ``执``)."""
    return tuple(sorted(_table(), key=lambda code: (-len(code), code)))
