"""Passports, 港澳/台湾通行证, 外国人永久居留身份证 and other documents: form checks only.

These documents have no public check-digit rule except the 2023 外国人永久居留身份证, so the checks are
about shape. Each rule names its basis; where the basis is practice rather than a published standard the
comment says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum.cn import ric

from ._normalize import normalize_code
from .errors import TravelDocumentError

__all__ = [
    "DocumentInfo",
    "validate_foreign_permanent_resident",
    "validate_hk_macao_permit",
    "validate_other_document",
    "validate_passport",
    "validate_taiwan_permit",
]


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document number that has the right form, with the variant it matched.

    >>> validate_passport("e12345678")
    DocumentInfo(number='E12345678', variant='cn_ordinary_passport')
    """

    number: str
    variant: str


# 《中华人民共和国普通护照和出入境通行证签发管理办法》: 普通护照号码. Observed forms: G+8位数字
# (2012年以前签发的电子普通护照), E+8位数字 (2012年起), E+1位字母+7位数字 (E字头数字用尽后).
_CN_PASSPORT = re.compile(r"G\d{8}|E\d{8}|E[A-HJ-NP-Z]\d{7}")
# ICAO Doc 9303 Part 4: 护照号码最多9个字符记入机读区; 各国实际号码长度不一, 这里放宽为5–20位字母数字.
_GENERIC_PASSPORT = re.compile(r"[A-Z0-9]{5,20}")
# 港澳居民来往内地通行证: H(香港)或M(澳门) + 8位数字; 2013年起的卡式证件另有2位换证次数, 共10位数字.
_HK_MACAO = re.compile(r"[HM]\d{8}(?:\d{2})?")
# 台湾居民来往大陆通行证: 2015年起的卡式证件为8位数字（终身号）; 旧本式证件为10位数字.
_TAIWAN_CARD = re.compile(r"\d{8}")
_TAIWAN_BOOKLET = re.compile(r"\d{10}")
# 外国人永久居留身份证 (2017版): 15位, 前3位为国籍代码 (GB/T 2659 三字母码), 后12位数字.
_FOREIGN_PR_2017 = re.compile(r"[A-Z]{3}\d{12}")
# 外国人永久居留身份证 (2023版, 国家移民管理局公告): 18位, 首位为9, 末位按 GB 11643 (ISO 7064 MOD 11-2) 校验.
_FOREIGN_PR_2023 = re.compile(r"9\d{16}[\dX]")


def validate_passport(value: str) -> DocumentInfo:
    """Check a passport number: a Chinese ordinary passport, or any 5–20 letters and digits.

    >>> validate_passport("X1234567").variant
    'passport'
    >>> validate_passport("AB")
    Traceback (most recent call last):
    ...
    smartcourt.engines.validation.errors.TravelDocumentError: 护照号码应为5–20位字母或数字，实为“AB”
    """
    number = normalize_code(value)
    if _CN_PASSPORT.fullmatch(number):
        return DocumentInfo(number, "cn_ordinary_passport")
    if _GENERIC_PASSPORT.fullmatch(number):
        return DocumentInfo(number, "passport")
    raise TravelDocumentError(
        "passport.bad_format", f"护照号码应为5–20位字母或数字，实为“{number}”", field="passport_number"
    )


def validate_hk_macao_permit(value: str) -> DocumentInfo:
    """Check a 港澳居民来往内地通行证 number: H or M, then 8 digits (or 10 on the card form).

    >>> validate_hk_macao_permit("h12345678")
    DocumentInfo(number='H12345678', variant='hong_kong')
    >>> validate_hk_macao_permit("M1234567801").variant
    'macao'
    """
    number = normalize_code(value)
    if not _HK_MACAO.fullmatch(number):
        raise TravelDocumentError(
            "hk_macao_permit.bad_format",
            f"港澳居民来往内地通行证号码应为H或M加8位（或10位）数字，实为“{number}”",
            field="permit_number",
        )
    return DocumentInfo(number, "hong_kong" if number[0] == "H" else "macao")


def validate_taiwan_permit(value: str) -> DocumentInfo:
    """Check a 台湾居民来往大陆通行证 number: 8 digits (card, since 2015) or 10 digits (old booklet).

    >>> validate_taiwan_permit("12345678")
    DocumentInfo(number='12345678', variant='card')
    """
    number = normalize_code(value)
    if _TAIWAN_CARD.fullmatch(number):
        return DocumentInfo(number, "card")
    if _TAIWAN_BOOKLET.fullmatch(number):
        return DocumentInfo(number, "booklet")
    raise TravelDocumentError(
        "taiwan_permit.bad_format",
        f"台湾居民来往大陆通行证号码应为8位数字（卡式）或10位数字（旧本式），实为“{number}”",
        field="permit_number",
    )


def validate_foreign_permanent_resident(value: str) -> DocumentInfo:
    """Check a 外国人永久居留身份证 number: the 2017 form (15) or the 2023 form (18, starts with 9).

    >>> validate_foreign_permanent_resident("USA110190010101")
    DocumentInfo(number='USA110190010101', variant='2017')
    """
    number = normalize_code(value)
    if _FOREIGN_PR_2017.fullmatch(number):
        return DocumentInfo(number, "2017")
    if _FOREIGN_PR_2023.fullmatch(number):
        expected = ric.calc_check_digit(number)
        if number[17] != expected:
            raise TravelDocumentError(
                "foreign_permanent_resident.bad_check_digit",
                f"外国人永久居留身份证号码校验码错误：第18位应为{expected}，实为{number[17]}",
                field="permit_number",
            )
        return DocumentInfo(number, "2023")
    raise TravelDocumentError(
        "foreign_permanent_resident.bad_format",
        f"外国人永久居留身份证号码应为15位（3位字母加12位数字）或以9开头的18位，实为“{number}”",
        field="permit_number",
    )


def validate_other_document(value: str) -> DocumentInfo:
    """Accept any other document number of 1–64 printable characters (whitespace removed).

    >>> validate_other_document(" 军 字第 123 号 ").number
    '军字第123号'
    """
    number = normalize_code(value)
    if not 1 <= len(number) <= 64 or not number.isprintable():
        raise TravelDocumentError(
            "other_document.bad_format", "证件号码应为1–64个可打印字符", field="document_number"
        )
    return DocumentInfo(number, "other")
