"""Mobile and landline telephone numbers of mainland China."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from .errors import PhoneNumberError

__all__ = ["PhoneNumber", "validate_landline", "validate_mobile", "validate_phone"]

# 《电信网编号计划（2017年版）》(工信部): 移动业务号码为11位, 以13–19开头.
_MOBILE = re.compile(r"(?:\+?86|0086)?(1[3-9]\d{9})")
# 同上: 长途区号以0开头, 北京010、二位区号02x, 其余为三位 0xxx（共3–4位）; 本地号码7–8位, 首位不为0或1.
_LANDLINE = re.compile(
    r"(?:\+?86|0086)?\(?(0(?:10|2\d|[3-9]\d{2}))\)?-?([2-9]\d{6,7})(?:(?:-|转|EXT)(\d{1,6}))?"
)
_SEPARATORS = re.compile(r"[\s\u00a0\u3000]+")


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A checked telephone number; ``number`` is the canonical form.

    >>> validate_phone("+86 138 0013 8000")
    PhoneNumber(kind='mobile', number='13800138000', area_code=None, extension=None)
    >>> validate_phone("(010)65123456 转 89").number
    '010-65123456-89'
    """

    kind: Literal["mobile", "landline"]
    number: str
    area_code: str | None
    extension: str | None


def _clean(value: str) -> str:
    text = unicodedata.normalize("NFKC", value)
    return _SEPARATORS.sub("", text).replace("—", "-").upper()


def validate_mobile(value: str) -> PhoneNumber:
    """Check a mainland mobile number (``1[3-9]`` and 9 more digits, optional ``+86``).

    >>> validate_mobile("13800138000").number
    '13800138000'
    """
    text = _clean(value).replace("-", "")
    match = _MOBILE.fullmatch(text)
    if match is None:
        raise PhoneNumberError(
            "phone.bad_mobile",
            f"手机号码应为以13–19开头的11位数字（可带+86），实为“{value.strip()}”",
            field="phone",
        )
    return PhoneNumber("mobile", match.group(1), None, None)


def validate_landline(value: str) -> PhoneNumber:
    """Check a landline: 区号 (010, 02x or 0xxx) plus a 7–8 digit local number, optional extension.

    >>> validate_landline("0755-86013388")
    PhoneNumber(kind='landline', number='0755-86013388', area_code='0755', extension=None)
    """
    text = _clean(value)
    match = _LANDLINE.fullmatch(text)
    if match is None:
        raise PhoneNumberError(
            "phone.bad_landline",
            f"固定电话应为“区号-号码”形式（区号010、02X或0XXX，号码7–8位），实为“{value.strip()}”",
            field="phone",
        )
    area, local, extension = match.group(1), match.group(2), match.group(3)
    number = f"{area}-{local}" + (f"-{extension}" if extension else "")
    return PhoneNumber("landline", number, area, extension)


def validate_phone(value: str) -> PhoneNumber:
    """Check a number that may be either a mobile or a landline.

    >>> validate_phone("021-12345678")
    Traceback (most recent call last):
    ...
    smartcourt.engines.validation.errors.PhoneNumberError: 电话号码既不是有效的手机号码，也不是有效的固定电话：“021-12345678”
    """
    try:
        return validate_mobile(value)
    except PhoneNumberError:
        pass
    try:
        return validate_landline(value)
    except PhoneNumberError:
        raise PhoneNumberError(
            "phone.bad_format",
            f"电话号码既不是有效的手机号码，也不是有效的固定电话：“{value.strip()}”",
            field="phone",
        ) from None
