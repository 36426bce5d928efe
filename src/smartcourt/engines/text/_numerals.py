"""Chinese, Arabic and mixed numerals to :class:`decimal.Decimal`."""

from __future__ import annotations

import functools
import re
import warnings
from decimal import Decimal, InvalidOperation

import cn2an

from .errors import NumeralError

# Capital (大写) and variant forms are mapped to the ordinary ones before parsing.
_VARIANTS = str.maketrans(
    {
        "壹": "一",
        "贰": "二",
        "貳": "二",
        "叁": "三",
        "參": "三",
        "肆": "四",
        "伍": "五",
        "陆": "六",
        "陸": "六",
        "柒": "七",
        "捌": "八",
        "玖": "九",
        "拾": "十",
        "佰": "百",
        "仟": "千",
        "萬": "万",
        "億": "亿",
        "兩": "两",
        "〇": "零",
        "○": "零",
    }
)
CN_DIGITS = "零〇○一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖兩"
CN_UNITS = "十百千万亿拾佰仟萬億廿卅"
_ARABIC = r"(?>\d{1,3}(?:[,，]\d{3})++(?!\d)(?:\.\d+)?|\d++(?:\.\d++)?)"
_CN = f"[{CN_DIGITS}{CN_UNITS}]"
#: A numeral run: Arabic, Chinese or mixed (``1.2万``, ``1万2千``, ``一千二百三十四点五``). Arabic pieces are
#: atomic and only follow a Chinese character, so a run of digits is never split two ways (no backtracking blow-up).
NUMBER = rf"(?:{_ARABIC}|{_CN})(?:{_CN}|(?<=[{CN_UNITS}]){_ARABIC})*+(?:点[{CN_DIGITS}]+)?"
#: Put before NUMBER so that a match never starts inside a numeral run (which would make scans quadratic).
NUMBER_START = rf"(?:(?<![\d.])(?=\d)|(?<!{_CN})(?={_CN}))"
NUMBER_RE = re.compile(NUMBER)

_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
_TOKEN_RE = re.compile(r"\d+(?:\.\d+)?|.")
_ALL_DIGITS_RE = re.compile(r"[0-9零一二三四五六七八九]+")


def canonical(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to an exponent: 12000.0 -> 12000, 240.00 -> 240.

    >>> canonical(Decimal("1823.60"))
    Decimal('1823.6')
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def parse_number(text: str) -> Decimal:
    """Read one numeral; raise :class:`NumeralError` when it is not one.

    >>> parse_number("一千二百三十四"), parse_number("1.2万"), parse_number("壹万贰仟"), parse_number("30,000")
    (Decimal('1234'), Decimal('12000'), Decimal('12000'), Decimal('30000'))
    """
    raw = text.strip().replace(",", "").replace("，", "").translate(_VARIANTS)
    raw = raw.replace("廿", "二十").replace("卅", "三十")
    if not raw:
        raise NumeralError("empty numeral")
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", raw):
            return canonical(Decimal(raw))
        if _ALL_DIGITS_RE.fullmatch(raw) and len(raw) > 1 and not raw.isdigit():
            # Digit by digit, as in years: 二零一九 -> 2019.
            return Decimal("".join(str(_DIGIT_VALUE.get(c, c)) for c in raw))
        if not any(c.isdigit() for c in raw):
            return _parse_chinese(raw)
        return _parse_mixed(raw)
    except (InvalidOperation, ValueError, KeyError, IndexError) as exc:
        raise NumeralError(f"not a numeral: {text!r}") from exc


def _parse_chinese(raw: str) -> Decimal:
    if raw[0] in _BIG or raw[0] in "百千":
        raise NumeralError(f"numeral starts with a unit: {raw!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cn2an.cn2an(raw, "normal")
    return canonical(Decimal(str(value)))


def _parse_mixed(raw: str) -> Decimal:
    """Arabic digits combined with Chinese units: 1.2万, 1万2千, 3千5百."""
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    last_small = 10**5
    last_big = 10**9
    for token in _TOKEN_RE.findall(raw):
        if token[0].isdigit():
            if number is not None:
                raise NumeralError(f"two numbers in a row: {raw!r}")
            number = Decimal(token)
        elif token in _DIGIT_VALUE:
            if number is not None:
                raise NumeralError(f"two numbers in a row: {raw!r}")
            number = Decimal(_DIGIT_VALUE[token])
        elif token in _SMALL:
            unit = _SMALL[token]
            if unit >= last_small:
                raise NumeralError(f"units out of order: {raw!r}")
            section += (Decimal(1) if number is None else number) * unit
            number, last_small = None, unit
        elif token in _BIG:
            unit = _BIG[token]
            if unit >= last_big or (number is None and section == 0 and total == 0):
                raise NumeralError(f"units out of order: {raw!r}")
            total = (total + section + (number or 0)) * unit
            section, number, last_small, last_big = Decimal(0), None, 10**5, unit
        else:
            raise NumeralError(f"not a numeral character {token!r} in {raw!r}")
    return canonical(total + section + (number or 0))


@functools.lru_cache(maxsize=8192)
def try_parse_number(text: str) -> Decimal | None:
    """Like :func:`parse_number`, but ``None`` instead of an error.

    >>> try_parse_number("两千"), try_parse_number("千千")
    (Decimal('2000'), None)
    """
    try:
        return parse_number(text)
    except NumeralError:
        return None
    except Exception:  # cn2an raises bare errors on some inputs; the public API must not.
        return None
