"""One entry point for every identity document type a party may present."""

from __future__ import annotations

import datetime
import enum

from ._credit_code import CreditCodeInfo, validate_credit_code
from ._documents import (
    DocumentInfo,
    validate_foreign_permanent_resident,
    validate_hk_macao_permit,
    validate_other_document,
    validate_passport,
    validate_taiwan_permit,
)
from ._resident_id import IdNumberInfo, validate_id_number, validate_residence_permit
from .errors import UnknownIdTypeError

__all__ = ["IdType", "IdentityInfo", "validate_identity"]

IdentityInfo = IdNumberInfo | CreditCodeInfo | DocumentInfo


class IdType(enum.Enum):
    """The identity document types a party can present (证件类型)."""

    RESIDENT_ID = "resident_id"  # 居民身份证
    CREDIT_CODE = "credit_code"  # 统一社会信用代码
    PASSPORT = "passport"  # 护照
    HK_MACAO_PERMIT = "hk_macao_permit"  # 港澳居民来往内地通行证
    TAIWAN_PERMIT = "taiwan_permit"  # 台湾居民来往大陆通行证
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"  # 港澳台居民居住证
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"  # 外国人永久居留身份证
    OTHER = "other"  # 其他证件


def validate_identity(
    id_type: IdType | str, value: str, *, today: datetime.date | None = None
) -> IdentityInfo:
    """Validate ``value`` as a document of ``id_type`` (an :class:`IdType` or its value string).

    ``today`` is passed to the checks that compare a birth date with the present; ``None`` skips them.

    >>> validate_identity(IdType.RESIDENT_ID, "11010519491231002X").sex
    'F'
    >>> validate_identity("credit_code", "91110000600037341L").authority
    '工商'
    >>> validate_identity("driving_licence", "123")
    Traceback (most recent call last):
    ...
    smartcourt.engines.validation.errors.UnknownIdTypeError: 证件类型“driving_licence”不是可识别的证件类型
    """
    try:
        kind = id_type if isinstance(id_type, IdType) else IdType(id_type)
    except ValueError:
        raise UnknownIdTypeError(
            "id_type.unknown", f"证件类型“{id_type}”不是可识别的证件类型", field="id_type"
        ) from None
    if kind is IdType.RESIDENT_ID:
        return validate_id_number(value, today=today)
    if kind is IdType.HMT_RESIDENCE_PERMIT:
        return validate_residence_permit(value, today=today)
    if kind is IdType.CREDIT_CODE:
        return validate_credit_code(value)
    if kind is IdType.PASSPORT:
        return validate_passport(value)
    if kind is IdType.HK_MACAO_PERMIT:
        return validate_hk_macao_permit(value)
    if kind is IdType.TAIWAN_PERMIT:
        return validate_taiwan_permit(value)
    if kind is IdType.FOREIGN_PERMANENT_RESIDENT:
        return validate_foreign_permanent_resident(value)
    return validate_other_document(value)
