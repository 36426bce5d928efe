"""How documents write dates, amounts, numbering and citations (法〔2016〕221号《人民法院民事裁判文书制作规范》).

The 规范 writes dates in the body in Arabic numerals and the signing date (落款) in Chinese numerals with 〇;
amounts in Arabic numerals with 元, and in words (大写) where a sum is to be paid or enforced.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from smartcourt.engines.defects import amount_in_words

_CN_DIGITS = "〇一二三四五六七八九"
_CN_SMALL = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """A small count or ordinal in Chinese numerals (一 to 九十九), as item numbers and periods are written.

    >>> [chinese_number(n) for n in (1, 10, 15, 21, 30)]
    ['一', '十', '十五', '二十一', '三十']
    """
    if not 0 <= number < 100:
        return str(number)
    if number < 10:
        return _CN_SMALL[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else _CN_SMALL[tens]) + "十" + (_CN_SMALL[ones] if ones else "")


def chinese_date(value: date) -> str:
    """The signing date in Chinese numerals, the year digit by digit with 〇 (法〔2016〕221号, 落款).

    >>> chinese_date(date(2024, 3, 1))
    '二〇二四年三月一日'
    >>> chinese_date(date(2030, 12, 31))
    '二〇三〇年十二月三十一日'
    """
    year = "".join(_CN_DIGITS[int(d)] for d in str(value.year))
    return f"{year}年{chinese_number(value.month)}月{chinese_number(value.day)}日"


def body_date(value: date) -> str:
    """A date in the body, in Arabic numerals without leading zeros.

    >>> body_date(date(2024, 1, 5))
    '2024年1月5日'
    """
    return f"{value.year}年{value.month}月{value.day}日"


def money(amount: Decimal, *, words: bool = False) -> str:
    """An amount in yuan as documents write it; with ``words`` the 大写 follows in brackets.

    >>> money(Decimal("2300.00"))
    '2300元'
    >>> money(Decimal("1150.5"), words=True)
    '1150.50元（大写：壹仟壹佰伍拾元伍角）'
    """
    quantized = amount.quantize(Decimal("0.01"))
    figures = f"{quantized:.0f}" if quantized == quantized.to_integral_value() else f"{quantized:.2f}"
    text = f"{figures}元"
    if words:
        text += f"（大写：{amount_in_words(quantized)}）"
    return text


def numbered(items: tuple[str, ...] | list[str], *, style: str = "chinese") -> list[str]:
    """Items numbered 一、二、 (判项, ``style="chinese"``) or 1. 2. (诉讼请求, ``style="arabic"``), each ending
    in ；and the last in 。; a single 判项 takes no number.

    >>> numbered(["被告偿还借款", "驳回原告的其他诉讼请求。"])
    ['一、被告偿还借款；', '二、驳回原告的其他诉讼请求。']
    >>> numbered(["准许原告撤诉"])
    ['准许原告撤诉。']
    """
    cleaned = [item.strip().rstrip("。；;，,") for item in items]
    out = []
    for index, item in enumerate(cleaned):
        end = "。" if index == len(cleaned) - 1 else "；"
        if len(cleaned) == 1 and style == "chinese":
            out.append(item + end)
        elif style == "chinese":
            out.append(f"{chinese_number(index + 1)}、{item}{end}")
        else:
            out.append(f"{index + 1}.{item}{end}")
    return out


_CITATION = re.compile(r"^(《[^》]+》)(.+)$")


def join_citations(citations: tuple[str, ...] | list[str]) -> str:
    """Cited articles joined the way 依照…规定 writes them: articles of one law with 、, laws with ，.

    >>> join_citations(["《中华人民共和国民法典》第六百六十七条", "《中华人民共和国民法典》第六百七十五条",
    ...                 "《中华人民共和国民事诉讼法》第六十七条"])
    '《中华人民共和国民法典》第六百六十七条、第六百七十五条，《中华人民共和国民事诉讼法》第六十七条'
    """
    groups: list[tuple[str, list[str]]] = []
    for citation in citations:
        match = _CITATION.match(citation.strip())
        law, article = (match.group(1), match.group(2)) if match else ("", citation.strip())
        if groups and groups[-1][0] == law and law:
            groups[-1][1].append(article)
        else:
            groups.append((law, [article]))
    return "，".join(law + "、".join(articles) for law, articles in groups)


def join_names(names: list[str] | tuple[str, ...]) -> str:
    """Names joined with 、.

    >>> join_names(["张三", "李四"])
    '张三、李四'
    """
    return "、".join(names)
