"""LawBench 3-7: the total amount of the crime in a criminal judgment's facts.

The rules: every sum in yuan is read with its clause; sums that are not the crime's (fines, compensation,
resale prices, unit prices, seized or returned money) are dropped; a 共计/合计 sum replaces the items just
before it that add up to it, or becomes the grand total when it covers everything said so far; the rest is
added up. When the text states the facts twice (the indictment, then 经审理查明), only one telling counts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from smartcourt.engines.text import Money, extract_money, normalize_text

from ._tasks import register

_CLAUSE_END = re.compile(r"[，。；：,;:\n！？]")
_SENTENCE_END = re.compile(r"[。；;\n！？]")
# A sum is never the crime's when its clause names a fine, a repayment, a unit price …
_HARD_EXCLUDE = re.compile(
    r"罚金|罚款|赔偿|退[赔赃还回清出缴]|发还|返还|归还|偿还|还款|谅解|损失费|好处费|报酬|工资|保证金|押金|"
    r"每[袋组个斤克只件条瓶包盒箱张块台部支把公斤千克吨人次]|单价|均价|诉讼费|受理费|悬赏|奖励|补偿|医疗费|丧葬费|"
    r"误工费|鉴定费|手续费|余额|得赃款|分得|分给|分了|剩余"
)
# … and rarely when it names a resale, a seizure or a loan, unless 价值 or a taking verb comes just before.
_SOFT_EXCLUDE = re.compile(
    r"扣押|查扣|缴获|追缴|追回|冻结|卖|变卖|出售|售价|销赃|典当|抵押|收购|回收|兑换了?|得款|获利|借款|欠款|借给|缴纳|交纳"
)
_RESALE_LEFT = re.compile(r"以(?![^，。；]*(?:为由|名义|方式|手段))[^，。；]{0,10}$")
_EXCLUDE_RIGHT = re.compile(
    r"^[^，。；]{0,6}(?:的价格|价格卖|卖给|卖与|出售|变卖|销赃|典当|抵押给|的好处费|的罚金|作为报酬)"
)
_RESCUE = re.compile(r"(?:价值|骗取|骗得|盗得|窃得|盗走|窃取)[^，。；]{0,3}$")
_OVERRIDE = re.compile(r"(?:认定取值为|取值为|核定为|认定犯罪数额为|认定盗窃数额为|认定诈骗数额为)$")
_ASIDE = re.compile(r"^(?:另查明|还查明|另外查明|此外)")
_FACTS_START = re.compile(r"经审理查明|本院查明|经审查查明|审理查明")
_JUDGMENT_PART = re.compile(r"本院认为|判决如下|裁定如下")


def _clause_left(text: str, start: int) -> str:
    begin = start
    while begin > 0 and start - begin < 40 and not _CLAUSE_END.match(text[begin - 1]):
        begin -= 1
    return text[begin:start]


def _sentence_start(text: str, pos: int) -> int:
    begin = pos
    while begin > 0 and not _SENTENCE_END.match(text[begin - 1]):
        begin -= 1
    return begin


def _is_crime_sum(text: str, money: Money) -> bool:
    left = _clause_left(text, money.span[0])
    if _HARD_EXCLUDE.search(left):
        return False
    if _ASIDE.match(text[_sentence_start(text, money.span[0]) :].lstrip()):
        return False
    right = text[money.span[1] : money.span[1] + 12]
    if _SOFT_EXCLUDE.search(left) or _RESALE_LEFT.search(left) or _EXCLUDE_RIGHT.search(right):
        return bool(_RESCUE.search(left))
    return True


class _Sum:
    """One kept sum with what the folding needs to know about it."""

    __slots__ = ("context", "is_total", "sentence", "value")

    def __init__(self, value: Decimal, is_total: bool, sentence: int, context: str) -> None:
        self.value, self.is_total, self.sentence, self.context = value, is_total, sentence, context


def _fold(sums: list[_Sum]) -> list[Decimal]:
    """Add items up, letting each stated total replace the items that sum to it (before or after it)."""
    items: list[_Sum] = []
    absorb_next: Decimal | None = None  # a total's breakdown that follows it
    pending: list[_Sum] = []
    seen: list[_Sum] = []
    for current in sums:
        earlier = list(seen)
        seen.append(current)
        if absorb_next is not None and not current.is_total:
            pending.append(current)
            running = sum((p.value for p in pending), Decimal(0))
            if running == absorb_next:
                absorb_next, pending = None, []
                continue
            if running < absorb_next:
                continue
            items.extend(pending)
            absorb_next, pending = None, []
            continue
        items.extend(pending)
        absorb_next, pending = None, []
        running = Decimal(0)
        absorbed = False
        for k in range(len(items) - 1, -1, -1):
            running += items[k].value
            if running == current.value and (current.is_total or k < len(items) - 1):
                items = items[:k] + [current]
                absorbed = True
                break
            if running > current.value:
                break
        if absorbed:
            continue
        duplicate = any(
            i.value == current.value and i.sentence != current.sentence and i.context != current.context
            for i in earlier
        )
        if duplicate and not current.is_total:
            continue
        items.append(current)
        if current.is_total:
            absorb_next = current.value
    items.extend(pending)
    return [i.value for i in items]


def crime_amount(question: str) -> Decimal | None:
    """The crime's total in yuan, or ``None`` when the text names no sum.

    >>> crime_amount("盗得现金500元，手机一部价值1200元，后以300元的价格卖给他人。")
    Decimal('1700')
    """
    text = normalize_text(question).text
    end = _JUDGMENT_PART.search(text)
    if end is not None:
        text = text[: end.start()]
    facts = _FACTS_START.search(text)
    found = [m for m in extract_money(text) if m.amount > 0]
    if facts is not None:
        later = [m for m in found if m.span[0] > facts.end()]
        if any(_is_crime_sum(text, m) for m in later):
            found = later
    for m in found:
        if _OVERRIDE.search(_clause_left(text, m.span[0])):
            return m.amount
    kept = [
        _Sum(m.amount, m.is_total, _sentence_start(text, m.span[0]), _clause_left(text, m.span[0])[-4:])
        for m in found
        if _is_crime_sum(text, m)
    ]
    if not kept:
        return found[0].amount if found else None
    if kept[0].is_total and all(k.value <= kept[0].value for k in kept):
        return kept[0].value
    return sum(_fold(kept), Decimal(0))


def format_amount(value: Decimal) -> str:
    """An amount as the metric reads it: digits only, no separators, no 万.

    >>> format_amount(Decimal("3895.10")), format_amount(Decimal("12000"))
    ('3895.1', '12000')
    """
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


@register("3-7")
def predict_crime_amount(item: Mapping[str, object]) -> str:
    """``[金额]N元<eoa>`` with a single number, or the empty answer when there is no sum."""
    question = str(item.get("question", ""))
    value = crime_amount(question)
    return "" if value is None else f"[金额]{format_amount(value)}元<eoa>"
