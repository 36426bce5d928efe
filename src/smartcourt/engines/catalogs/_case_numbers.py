"""Case numbers (案号) per 《最高人民法院关于人民法院案件案号的若干规定》(法〔2015〕137号)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ._case_types import case_type_codes_longest_first, get_case_type
from ._courts import SUPREME_CODE, parse_court_code
from .errors import CaseNumberError, CatalogError

__all__ = ["MIN_YEAR", "CaseNumber", "format_case_number", "parse_case_number"]

# 案号中的年度为收案年度; 人民法院自1949年起设立, so earlier years cannot occur.
MIN_YEAR = 1949
DEFAULT_MAX_YEAR = 2100

_OPEN = "(〔["
_CLOSE = ")〕]"
_WHITESPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9]+", flags=re.ASCII)


@dataclass(frozen=True, slots=True)
class CaseNumber:
    """A well-formed 案号; ``str()`` gives the canonical full-width form.

    >>> number = CaseNumber(year=2019, court_code="京0105", case_type="民初", sequence=1234)
    >>> str(number)
    '（2019）京0105民初1234号'
    >>> CaseNumber(year=2019, court_code="京0105", case_type="民初", sequence=0)
    Traceback (most recent call last):
    ...
    smartcourt.engines.catalogs.errors.CaseNumberError: 案号顺序号应为不以0开头的正整数，实为0
    """

    year: int
    court_code: str
    case_type: str
    sequence: int

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= 9999:
            raise _error("bad_year", f"案号年度应在{MIN_YEAR}年以后，实为{self.year}")
        _check_court_code(self.court_code)
        _check_case_type(self.case_type)
        if self.sequence < 1:
            raise _error("bad_sequence", f"案号顺序号应为不以0开头的正整数，实为{self.sequence}")

    def __str__(self) -> str:
        return format_case_number(self)


def format_case_number(number: CaseNumber) -> str:
    """The canonical form: full-width brackets, year, court code, case type, sequence, 号.

    >>> format_case_number(CaseNumber(2020, "最高法", "民申", 12))
    '（2020）最高法民申12号'
    """
    # 法〔2015〕137号 第二条: 案号的基本要素为收案年度、法院代字、类型代字、案件编号;
    # 第七条: 编排规格为“（”+收案年度+“）”+法院代字+类型代字+案件编号+“号”.
    return f"（{number.year}）{number.court_code}{number.case_type}{number.sequence}号"


def parse_case_number(value: str, *, max_year: int = DEFAULT_MAX_YEAR) -> CaseNumber:
    """Parse a 案号 into its four parts, or say precisely what is wrong with it.

    Accepts full-width （）, half-width () and 〔〕 around the year, full-width digits and stray spaces; the
    result is normalised (``str()`` gives full-width brackets). ``max_year`` is the latest acceptable year:
    pass ``today.year + 1`` from the caller (engines never read the clock); the default 2100 only guards
    against nonsense. The case type is matched longest-first, so ``执恢`` wins over ``执``.

    >>> parse_case_number("（2019）京0105民初1234号")
    CaseNumber(year=2019, court_code='京0105', case_type='民初', sequence=1234)
    >>> parse_case_number("(2021) 粤03 执恢 5号").case_type
    '执恢'
    >>> parse_case_number("（2019）京0105民初1234号", max_year=2018)
    Traceback (most recent call last):
    ...
    smartcourt.engines.catalogs.errors.CaseNumberError: 案号年度2019不在1949–2018之间
    """
    text = _WHITESPACE.sub("", unicodedata.normalize("NFKC", value))
    if not text:
        raise _error("empty", "案号为空")
    year, rest = _parse_year(text, max_year=max_year)
    court_code, rest = _parse_court(rest)
    case_type, rest = _parse_case_type(rest)
    sequence, rest = _parse_sequence(rest)
    # 法〔2015〕137号 第七条: 案件编号后加“号”.
    if not rest:
        raise _error("missing_hao", f"案号应以“号”结尾，顺序号{sequence}后缺少“号”")
    if not rest.startswith("号"):
        raise _error("missing_hao", f"案号应以“号”结尾，顺序号{sequence}后为“{rest[:10]}”")
    if len(rest) > 1:
        raise _error("trailing_text", f"案号“号”之后不应有其他文字：“{rest[1:11]}”")
    return CaseNumber(year, court_code, case_type, sequence)


def _error(code: str, message: str) -> CaseNumberError:
    return CaseNumberError(f"case_number.{code}", message, field="case_number")


def _parse_year(text: str, *, max_year: int) -> tuple[int, str]:
    # 法〔2015〕137号 第三条: 收案年度是收案的公历自然年, 用阿拉伯数字表示; 第七条: 置于“（）”内.
    if text[0] not in _OPEN:
        raise _error("missing_year", "案号应以括号括起的年度开头，如（2019）")
    close = _CLOSE[_OPEN.index(text[0])]
    end = text.find(close, 1)
    if end == -1:
        raise _error("missing_year", f"案号年度缺少右括号“{close}”")
    year_text = text[1:end]
    if not re.fullmatch(r"[0-9]{4}", year_text, flags=re.ASCII):
        raise _error("missing_year", f"案号括号内应为4位阿拉伯数字年度，实为“{year_text}”")
    year = int(year_text)
    if not MIN_YEAR <= year <= max_year:
        raise _error("bad_year", f"案号年度{year}不在{MIN_YEAR}–{max_year}之间")
    return year, text[end + 1 :]


def _parse_court(text: str) -> tuple[str, str]:
    # 法〔2015〕137号 第四条: 法院代字.
    if not text:
        raise _error("missing_court_code", "案号年度之后缺少法院代字")
    if text.startswith(SUPREME_CODE):
        return SUPREME_CODE, text[len(SUPREME_CODE) :]
    digits = _DIGITS.match(text, 1)
    code = text[: 1 + (len(digits.group()) if digits else 0)]
    try:
        parse_court_code(code)
    except CatalogError as error:
        raise _error("bad_court_code", f"案号中的法院代字有误：{error.message}") from None
    return code, text[len(code) :]


def _parse_case_type(text: str) -> tuple[str, str]:
    # 法〔2015〕137号 第五条: 类型代字, matched longest-first.
    run_match = re.match(r"[^0-9号]*", text, flags=re.ASCII)
    run = run_match.group() if run_match else ""
    if not run:
        raise _error("missing_case_type", "案号缺少案件类型代字（如民初、刑终、执）")
    code = next((code for code in case_type_codes_longest_first() if run.startswith(code)), None)
    if code is not None and run == code:
        return code, text[len(code) :]
    if code is not None and run[len(code) :].startswith("字"):
        raise _error("legacy_format", f"“{run}”是2016年以前的旧案号格式（…字第…号），不符合法〔2015〕137号")
    raise _error("unknown_case_type", f"案号中的案件类型代字“{run}”不在《人民法院案件类型及其代字标准》中")


def _parse_sequence(text: str) -> tuple[int, str]:
    # 法〔2015〕137号 第六条: 案件编号是收案的次序号, 用阿拉伯数字表示, 不加“第”字, 不补“0”.
    match = _DIGITS.match(text)
    if match is None:
        raise _error("missing_sequence", "案号缺少顺序号（案件编号）")
    digits = match.group()
    if digits.startswith("0"):
        raise _error("bad_sequence", f"案号顺序号应为不以0开头的正整数，实为“{digits}”")
    return int(digits), text[len(digits) :]


def _check_court_code(code: str) -> None:
    try:
        parse_court_code(code)
    except CatalogError as error:
        raise _error("bad_court_code", f"案号中的法院代字有误：{error.message}") from None


def _check_case_type(code: str) -> None:
    try:
        get_case_type(code)
    except CatalogError:
        raise _error(
            "unknown_case_type", f"案号中的案件类型代字“{code}”不在《人民法院案件类型及其代字标准》中"
        ) from None
