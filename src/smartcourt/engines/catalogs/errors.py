"""Errors raised by the catalogue engine.

Every error carries a machine ``code`` (``"case_number.bad_year"``), a Chinese ``message`` that names the
field and the rule, and the ``field`` it concerns::

    CatalogError(ValueError)
    ├── UnknownCaseTypeError   案件类型代字不在《人民法院案件类型及其代字标准》中
    ├── CourtCodeError         法院代字格式错误
    ├── CaseNumberError        案号格式错误（年度、法院代字、类型代字、顺序号、“号”）
    ├── UnknownCauseError      案由不在《民事案件案由规定》目录中
    └── UnknownChargeError     罪名不在罪名目录中

``str(error)`` is the Chinese message; catch :class:`CatalogError` to handle any of them.
"""

from __future__ import annotations

from smartcourt.engines._errors import FieldError

__all__ = [
    "CaseNumberError",
    "CatalogError",
    "CourtCodeError",
    "UnknownCaseTypeError",
    "UnknownCauseError",
    "UnknownChargeError",
]


class CatalogError(FieldError):
    """Root of the catalogue engine's errors.

    >>> error = CatalogError("case_number.bad_year", "案号年度应为1949–2100", field="case_number")
    >>> (error.code, error.field, str(error))
    ('case_number.bad_year', 'case_number', '案号年度应为1949–2100')
    """


class UnknownCaseTypeError(CatalogError):
    """A 类型代字 that the 代字标准 does not define."""


class CourtCodeError(CatalogError):
    """A 法院代字 that does not have the 省级代字 + 0/2/4 digits form (or 最高法)."""


class CaseNumberError(CatalogError):
    """A 案号 that breaks 法〔2015〕137号 (its ``code`` says which part)."""


class UnknownCauseError(CatalogError):
    """A cause of action (案由) name or id that the catalogue does not hold."""


class UnknownChargeError(CatalogError):
    """A charge (罪名) name that the catalogue does not hold."""
