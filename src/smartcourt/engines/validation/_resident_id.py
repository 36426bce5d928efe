"""居民身份证号码 (GB 11643-1999) and 港澳台居民居住证号码: parse, check, upgrade."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal

from stdnum.cn import ric

from ._divisions import get_division
from ._normalize import normalize_code
from .errors import IdNumberError

__all__ = [
    "IdNumberInfo",
    "compute_id_check_digit",
    "upgrade_id_number",
    "validate_id_number",
    "validate_residence_permit",
]

Sex = Literal["M", "F"]

# A project data-quality bound, not a legal rule: GB 11643's own example is born 1880-01-01.
_EARLIEST_BIRTH = datetime.date(1870, 1, 1)

# 《港澳台居民居住证申领发放办法》(国办发〔2018〕81号) 第五条: 公民身份号码的地址码
# 香港居民用 810000、澳门居民用 820000、台湾居民用 830000.
_RESIDENCE_PERMIT_AREAS = {"810000": "香港特别行政区", "820000": "澳门特别行政区", "830000": "台湾地区"}

_DIGITS17 = re.compile(r"\d{17}")
_DIGITS15 = re.compile(r"\d{15}")


@dataclass(frozen=True, slots=True)
class IdNumberInfo:
    """What a valid identity number says about its holder.

    >>> validate_id_number("11010519491231002X")
    IdNumberInfo(number='11010519491231002X', birth_date=datetime.date(1949, 12, 31), sex='F', area_code='110105', area_name='朝阳区', legacy=False)
    """

    number: str
    birth_date: datetime.date
    sex: Sex
    area_code: str
    area_name: str
    legacy: bool


def compute_id_check_digit(body: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits.

    Requires ``body`` to be 17 ASCII digits.

    >>> compute_id_check_digit("11010519491231002")
    'X'
    """
    # GB 11643-1999 第5.2条 / 第7条: 校验码按 ISO 7064:1983 MOD 11-2 计算.
    if not _DIGITS17.fullmatch(body):
        raise IdNumberError("id_number.bad_format", "居民身份证号码本体码应为17位数字", field="id_number")
    return str(ric.calc_check_digit(body + "0"))


def upgrade_id_number(value: str) -> str:
    """Turn a valid 15-digit legacy number into its 18-digit form.

    >>> upgrade_id_number("110105491231002")
    '11010519491231002X'
    """
    number = normalize_code(value)
    if len(number) != 15:
        raise IdNumberError(
            "id_number.bad_length", f"待升位的居民身份证号码应为15位，实为{len(number)}位", field="id_number"
        )
    validate_id_number(number)
    # GB 11643-1999 附录: 15位号码升位时在出生年份前补“19”，并在末尾加校验码.
    body = number[:6] + "19" + number[6:]
    return body + compute_id_check_digit(body)


def validate_id_number(value: str, *, today: datetime.date | None = None) -> IdNumberInfo:
    """Check a 居民身份证号码 (18-digit, or 15-digit legacy) and return what it encodes.

    Input is normalised first: whitespace removed, full-width digits folded to ASCII, ``x`` upper-cased.
    ``today`` enables the "birth date not in the future" check; ``None`` skips it (engines never read the
    clock). The area code must be one that any GB/T 2260 revision ever listed.

    >>> validate_id_number("４４０５２４１８８００１０１００１４").birth_date
    datetime.date(1880, 1, 1)
    >>> validate_id_number("440524800101001").legacy
    True
    >>> validate_id_number("11010519491231002X", today=datetime.date(1949, 12, 30))
    Traceback (most recent call last):
    ...
    smartcourt.engines.validation.errors.IdNumberError: 居民身份证号码中的出生日期1949-12-31晚于今天1949-12-30
    """
    number = normalize_code(value)
    if len(number) == 18:
        return _validate_18(number, today=today, residence_permit=False)
    if len(number) == 15:
        return _validate_15(number, today=today)
    raise IdNumberError(
        "id_number.bad_length",
        f"居民身份证号码应为18位（或15位旧号码），实为{len(number)}位",
        field="id_number",
    )


def validate_residence_permit(value: str, *, today: datetime.date | None = None) -> IdNumberInfo:
    """Check a 港澳台居民居住证 number: GB 11643 form with area code 810000, 820000 or 830000.

    >>> validate_residence_permit("810000199001010019").area_name
    '香港特别行政区'
    """
    number = normalize_code(value)
    if len(number) != 18:
        raise IdNumberError(
            "residence_permit.bad_length",
            f"港澳台居民居住证号码应为18位，实为{len(number)}位",
            field="id_number",
        )
    return _validate_18(number, today=today, residence_permit=True)


def _validate_18(number: str, *, today: datetime.date | None, residence_permit: bool) -> IdNumberInfo:
    label = "港澳台居民居住证号码" if residence_permit else "居民身份证号码"
    prefix = "residence_permit" if residence_permit else "id_number"
    # GB 11643-1999 第4条: 17位数字本体码加1位校验码（0–9 或 X）.
    if not _DIGITS17.fullmatch(number[:17]):
        position = next(i for i, char in enumerate(number[:17], start=1) if not char.isdigit())
        raise IdNumberError(
            f"{prefix}.bad_format", f"{label}第{position}位应为数字（前17位均为数字）", field="id_number"
        )
    if not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError(f"{prefix}.bad_format", f"{label}第18位校验码应为数字或X", field="id_number")
    expected = compute_id_check_digit(number[:17])
    if number[17] != expected:
        raise IdNumberError(
            f"{prefix}.bad_check_digit",
            f"{label}校验码错误：按 GB 11643 第18位应为{expected}，实为{number[17]}（请核对每一位数字）",
            field="id_number",
        )
    birth = _birth_date(number[6:14], label=label, prefix=prefix, today=today)
    area_code = number[:6]
    if residence_permit:
        if area_code not in _RESIDENCE_PERMIT_AREAS:
            raise IdNumberError(
                "residence_permit.bad_area",
                f"港澳台居民居住证号码的地址码应为810000、820000或830000，实为{area_code}",
                field="id_number",
            )
        area_name = _RESIDENCE_PERMIT_AREAS[area_code]
    else:
        area_name = _area_name(area_code)
    # GB 11643-1999 第5.3条: 顺序码奇数分配给男性，偶数分配给女性.
    sex: Sex = "M" if int(number[16]) % 2 == 1 else "F"
    return IdNumberInfo(number, birth, sex, area_code, area_name, legacy=False)


def _validate_15(number: str, *, today: datetime.date | None) -> IdNumberInfo:
    # 1999年以前的15位号码: 6位地址码 + 6位出生日期(YYMMDD, 19xx年) + 3位顺序码，无校验码.
    if not _DIGITS15.fullmatch(number):
        position = next(i for i, char in enumerate(number, start=1) if not char.isdigit())
        raise IdNumberError(
            "id_number.bad_format",
            f"15位居民身份证号码第{position}位应为数字（15位均为数字）",
            field="id_number",
        )
    birth = _birth_date("19" + number[6:12], label="15位居民身份证号码", prefix="id_number", today=today)
    area_code = number[:6]
    area_name = _area_name(area_code)
    sex: Sex = "M" if int(number[14]) % 2 == 1 else "F"
    return IdNumberInfo(number, birth, sex, area_code, area_name, legacy=True)


def _birth_date(text: str, *, label: str, prefix: str, today: datetime.date | None) -> datetime.date:
    # GB 11643-1999 第5.2条: 出生日期码按 GB/T 7408 YYYYMMDD 表示.
    try:
        birth = datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise IdNumberError(
            f"{prefix}.bad_birth_date", f"{label}中的出生日期{text}不是有效日期", field="id_number"
        ) from None
    if birth < _EARLIEST_BIRTH:
        raise IdNumberError(
            f"{prefix}.bad_birth_date",
            f"{label}中的出生日期{birth.isoformat()}早于{_EARLIEST_BIRTH.isoformat()}，不可信",
            field="id_number",
        )
    if today is not None and birth > today:
        raise IdNumberError(
            f"{prefix}.future_birth_date",
            f"{label}中的出生日期{birth.isoformat()}晚于今天{today.isoformat()}",
            field="id_number",
        )
    return birth


def _area_name(area_code: str) -> str:
    # GB 11643-1999 第5.1条: 地址码按 GB/T 2260 的规定执行.
    if area_code[:2] in ("81", "82", "83"):
        raise IdNumberError(
            "id_number.residence_permit_area",
            f"地址码{area_code}是港澳台居民居住证的地址码，请将证件类型选为“港澳台居民居住证”",
            field="id_number",
        )
    division = get_division(area_code)
    if division is None:
        raise IdNumberError(
            "id_number.unknown_area",
            f"居民身份证号码的地址码{area_code}不是任何一版 GB/T 2260 行政区划代码",
            field="id_number",
        )
    return division.name
