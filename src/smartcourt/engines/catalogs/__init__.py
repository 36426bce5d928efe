"""Court catalogues: case types and case numbers, court codes, causes of action, criminal charges.

>>> from smartcourt.engines.catalogs import parse_case_number
>>> parse_case_number("（2019）京0105民初1234号").case_type
'民初'

Pure Python, no Django, no clock. Rule data lives in ``data/*.json``, each file with its ``source`` and
``effective`` date; errors are :class:`~smartcourt.engines.catalogs.errors.CatalogError` subclasses with a
``code``, a Chinese ``message`` and a ``field``.
"""

from __future__ import annotations

from ._case_numbers import MIN_YEAR, CaseNumber, format_case_number, parse_case_number
from ._case_types import CaseCategory, CaseType, ProcedureClass, case_types, get_case_type
from ._causes import Cause, cause_path, causes, get_cause, search_causes
from ._charges import Charge, Provision, charges, get_charge
from ._courts import CourtCode, CourtLevel, court_name, parse_court_code
from .errors import (
    CaseNumberError,
    CatalogError,
    CourtCodeError,
    UnknownCaseTypeError,
    UnknownCauseError,
    UnknownChargeError,
)

__all__ = [
    "MIN_YEAR",
    "CaseCategory",
    "CaseNumber",
    "CaseNumberError",
    "CaseType",
    "CatalogError",
    "Cause",
    "Charge",
    "CourtCode",
    "CourtCodeError",
    "CourtLevel",
    "ProcedureClass",
    "Provision",
    "UnknownCaseTypeError",
    "UnknownCauseError",
    "UnknownChargeError",
    "case_types",
    "cause_path",
    "causes",
    "charges",
    "court_name",
    "format_case_number",
    "get_case_type",
    "get_cause",
    "get_charge",
    "parse_case_number",
    "parse_court_code",
    "search_causes",
]
