"""Amounts in words (大写金额) as financial and court documents write them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def amount_in_words(amount: Decimal) -> str:
    """The amount in 大写 with 元/角/分 and 整, the way a judgment writes it in brackets.

    >>> amount_in_words(Decimal("12000"))
    '壹万贰仟元整'
    >>> amount_in_words(Decimal("100205.5"))
    '壹拾万零贰佰零伍元伍角'
    >>> amount_in_words(Decimal("0.08"))
    '捌分'
    """
    fen = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if fen < 0:
        return "负" + amount_in_words(-amount)
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    if yuan == 0 and rest:  # under one 元: 伍角, 捌分, 伍角捌分
        return (_DIGITS[jiao] + "角" if jiao else "") + (_DIGITS[cents] + "分" if cents else "")
    words = _integer_words(yuan) + "元"
    if jiao == 0 and cents == 0:
        return words + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif yuan or cents:
        words += "零"
    if cents:
        words += _DIGITS[cents] + "分"
    return words


def _integer_words(number: int) -> str:
    if number == 0:
        return "零"
    groups = []
    while number:
        number, group = divmod(number, 10_000)
        groups.append(group)
    words = ""
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(words)
            continue
        if words and (need_zero or group < 1000):
            words += "零"
        words += _group_words(group) + _BIG_UNITS[index]
        need_zero = False
    return words


def _group_words(group: int) -> str:
    words = ""
    zero = False
    for position in range(3, -1, -1):
        digit = (group // 10**position) % 10
        if digit == 0:
            zero = bool(words)
            continue
        if zero:
            words += "零"
            zero = False
        words += _DIGITS[digit] + _SMALL_UNITS[position]
    return words
