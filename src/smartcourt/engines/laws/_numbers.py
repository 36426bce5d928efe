"""Article numbers: ``第一百三十三条之一`` ⇄ ``(133, 1)`` (cn2an does the numerals)."""

from __future__ import annotations

import re

import cn2an

from .errors import ArticleNumberError

CHINESE_DIGITS = "零〇一二三四五六七八九十百千两"
NUMERAL = rf"[{CHINESE_DIGITS}0-9０-９]+"
_ARTICLE = re.compile(rf"第?\s*({NUMERAL})\s*条(?:\s*之\s*({NUMERAL}))?")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def numeral_value(numeral: str) -> int:
    """The value of a Chinese or Arabic numeral as used in article numbers.

    >>> numeral_value("一百零五"), numeral_value("264"), numeral_value("２６４"), numeral_value("两百")
    (105, 264, 264, 200)
    """
    text = numeral.strip().translate(_FULLWIDTH)
    if not text:
        raise ArticleNumberError("article.empty", "条文序号为空")
    if text.isdigit():
        return int(text)
    try:
        value = cn2an.cn2an(text, "strict" if "两" not in text else "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        raise ArticleNumberError("article.bad_numeral", f"无法识别的数字“{numeral}”") from None
    return int(value)


def parse_article_number(text: str) -> tuple[int, int]:
    """``(number, suffix)`` of ``第X条`` or ``第X条之Y``; ``suffix`` is 0 for a plain article.

    >>> parse_article_number("第一百三十三条之一"), parse_article_number("第264条")
    ((133, 1), (264, 0))
    """
    match = _ARTICLE.fullmatch(text.strip())
    if match is None:
        raise ArticleNumberError("article.bad_form", f"“{text}”不是“第X条”或“第X条之Y”的形式")
    number = numeral_value(match.group(1))
    suffix = numeral_value(match.group(2)) if match.group(2) else 0
    if number <= 0:
        raise ArticleNumberError("article.zero", f"条文序号应大于零：“{text}”")
    return number, suffix


def format_article_number(number: int, suffix: int = 0) -> str:
    """The Chinese form of an article number, as laws print it.

    Requires ``number >= 1`` and ``suffix >= 0``.

    >>> format_article_number(133, 1), format_article_number(110), format_article_number(10)
    ('第一百三十三条之一', '第一百一十条', '第十条')
    """
    if number < 1 or suffix < 0:
        raise ArticleNumberError("article.out_of_range", f"条文序号应为正整数：{number}、{suffix}")
    text = f"第{cn2an.an2cn(number)}条"
    return f"{text}之{cn2an.an2cn(suffix)}" if suffix else text
