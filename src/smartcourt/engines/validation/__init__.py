"""Identity data-quality rules: ID numbers, credit codes, travel documents and phone numbers.

>>> from smartcourt.engines.validation import IdType, validate_identity
>>> validate_identity(IdType.RESIDENT_ID, "11010519491231002X").birth_date
datetime.date(1949, 12, 31)

Pure Python, no Django, no clock: functions that compare with "today" take it as an argument. Errors are
:class:`~smartcourt.engines.validation.errors.IdentityError` subclasses with a ``code``, a Chinese
``message`` and a ``field``. Division codes come from ``data/gb2260_codes.tsv.gz`` (built by
``_build_divisions.py``; sources in ``data/gb2260_codes.source.json``).
"""

from __future__ import annotations

from ._credit_code import (
    CreditCodeInfo,
    compute_credit_check_char,
    compute_organization_check_char,
    validate_credit_code,
)
from ._divisions import Division, get_division
from ._documents import (
    DocumentInfo,
    validate_foreign_permanent_resident,
    validate_hk_macao_permit,
    validate_other_document,
    validate_passport,
    validate_taiwan_permit,
)
from ._generators import make_credit_code, make_id_number
from ._identity import IdentityInfo, IdType, validate_identity
from ._normalize import normalize_code
from ._phones import PhoneNumber, validate_landline, validate_mobile, validate_phone
from ._resident_id import (
    IdNumberInfo,
    compute_id_check_digit,
    upgrade_id_number,
    validate_id_number,
    validate_residence_permit,
)
from .errors import (
    CreditCodeError,
    IdentityError,
    IdNumberError,
    PhoneNumberError,
    TravelDocumentError,
    UnknownIdTypeError,
)

__all__ = [
    "CreditCodeError",
    "CreditCodeInfo",
    "Division",
    "DocumentInfo",
    "IdNumberError",
    "IdNumberInfo",
    "IdType",
    "IdentityError",
    "IdentityInfo",
    "PhoneNumber",
    "PhoneNumberError",
    "TravelDocumentError",
    "UnknownIdTypeError",
    "compute_credit_check_char",
    "compute_id_check_digit",
    "compute_organization_check_char",
    "get_division",
    "make_credit_code",
    "make_id_number",
    "normalize_code",
    "upgrade_id_number",
    "validate_credit_code",
    "validate_foreign_permanent_resident",
    "validate_hk_macao_permit",
    "validate_id_number",
    "validate_identity",
    "validate_landline",
    "validate_mobile",
    "validate_other_document",
    "validate_passport",
    "validate_phone",
    "validate_residence_permit",
    "validate_taiwan_permit",
]
