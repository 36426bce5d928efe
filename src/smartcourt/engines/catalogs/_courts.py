"""Court codes (法院代字) per 法〔2015〕137号: 最高法, 省级代字, + 2 digits, + 4 digits."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cache

from ._data import load
from .errors import CourtCodeError

__all__ = ["CourtCode", "CourtLevel", "court_name", "parse_court_code"]

SUPREME_CODE = "最高法"


class CourtLevel(enum.Enum):
    """The level of a people's court (法院层级); SPECIAL is a 专门法院."""

    SUPREME = "SUPREME"
    HIGH = "HIGH"
    INTERMEDIATE = "INTERMEDIATE"
    BASIC = "BASIC"
    SPECIAL = "SPECIAL"


@dataclass(frozen=True, slots=True)
class CourtCode:
    """A parsed 法院代字. ``level_hint`` is read from the digit pattern, not looked up.

    >>> parse_court_code("京0105")
    CourtCode(province='京', level_hint=<CourtLevel.BASIC: 'BASIC'>, digits='0105')
    >>> str(parse_court_code("京73"))
    '京73'
    """

    province: str
    level_hint: CourtLevel
    digits: str

    def __str__(self) -> str:
        return self.province + self.digits


@cache
def _provinces() -> dict[str, str]:
    provinces: dict[str, str] = load("court_codes.json")["provinces"]
    return provinces


@cache
def _special_numbers() -> frozenset[str]:
    return frozenset(load("court_codes.json")["special_numbers"])


@cache
def court_code_pattern() -> str:
    """A regex fragment matching any well-formed 法院代字 (used by the case-number parser)."""
    provinces = "".join(sorted(_provinces()))
    return rf"{SUPREME_CODE}|[{provinces}](?:\d{{4}}|\d{{2}})?"


def parse_court_code(value: str) -> CourtCode:
    """Parse a 法院代字 into province, level hint and digits.

    ``province`` is the 省级代字 (or ``最高法`` for the Supreme People's Court).

    >>> parse_court_code("最高法").level_hint
    <CourtLevel.SUPREME: 'SUPREME'>
    >>> parse_court_code("沪").level_hint
    <CourtLevel.HIGH: 'HIGH'>
    >>> parse_court_code("沪74").level_hint
    <CourtLevel.SPECIAL: 'SPECIAL'>
    >>> parse_court_code("京105")
    Traceback (most recent call last):
    ...
    smartcourt.engines.catalogs.errors.CourtCodeError: 法院代字“京105”格式错误：省级代字后应无数字、2位数字（中级法院）或4位数字（基层法院）
    """
    # 法〔2015〕137号 第四条: 最高人民法院代字为“最高法”; 高级法院为省级代字; 中级法院为省级代字加2位数字;
    # 基层法院为省级代字加4位数字.
    text = value.strip()
    if text == SUPREME_CODE:
        return CourtCode(SUPREME_CODE, CourtLevel.SUPREME, "")
    if not text or text[0] not in _provinces():
        raise CourtCodeError(
            "court_code.unknown_province",
            f"法院代字“{text}”应以最高法或省级代字（如京、沪、粤）开头",
            field="court_code",
        )
    province, digits = text[0], text[1:]
    if not re.fullmatch(r"(?:\d{2}|\d{4})?", digits, flags=re.ASCII):
        raise CourtCodeError(
            "court_code.bad_digits",
            f"法院代字“{text}”格式错误：省级代字后应无数字、2位数字（中级法院）或4位数字（基层法院）",
            field="court_code",
        )
    if not digits:
        level = CourtLevel.HIGH
    elif digits[:2] in _special_numbers():
        # 专门法院 use the numbers 71–74 in place of an intermediate-court number.
        level = CourtLevel.SPECIAL
    elif len(digits) == 2:
        level = CourtLevel.INTERMEDIATE
    else:
        level = CourtLevel.BASIC
    return CourtCode(province, level, digits)


def court_name(code: str) -> str | None:
    """The name of the SPC, a high court or a listed special court; ``None`` for other codes.

    >>> court_name("京0491")
    '北京互联网法院'
    >>> court_name("最高法")
    '最高人民法院'
    >>> court_name("京")
    '北京市高级人民法院'
    >>> court_name("京0105") is None
    True
    """
    data = load("court_codes.json")
    if code == data["supreme"]["code"]:
        return str(data["supreme"]["name"])
    if code in data["provinces"] and code != "兵":
        return f"{data['provinces'][code]}高级人民法院"
    name = data["special_courts"].get(code)
    return None if name is None else str(name)
