"""LawBench 3-7: the total amount of the crime in a criminal judgment's facts.

The rules: every sum in yuan is read with its clause; sums that are not the crime's (fines, compensation,
resale prices, unit prices, seized or returned money, sums only claimed in a lie or quoted speech) are
dropped; a stated grand total in a summing-up sentence (综上…, 以非法占有为目的…, 作案三次…) wins; otherwise
a 共计/合计 sum replaces the items of its own sentence, or the items just before it that add up to it, and
the rest is added up. When the text states the facts twice (the indictment, then 经审理查明), only one
telling counts, and a sum restated within a sentence (转账4000元…将4000元用于…) counts once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from smartcourt.engines.text import Money, extract_money, normalize_text

from ._tasks import register

_CLAUSE_END = re.compile(r"[，。；：,;:\n！？]")
_SENTENCE_END = re.compile(r"[。；;\n！？]")
# A sum is never the crime's when its clause names a fine, a repayment, a unit price, a fee …
_HARD_EXCLUDE = re.compile(
    r"罚金|罚款|赔偿|退[赔赃还回清出缴]|发还|返还|归还|偿还|还款|还给|谅解|损失费|好处费|报酬|工资|"
    r"每[袋组个斤克只件条瓶包盒箱张块台部支把公斤千克吨人次]|单价|均价|诉讼费|受理费|悬赏|奖励|补偿|医疗费|丧葬费|"
    r"误工费|鉴定费|手续费|维修[^，。；]{0,6}费|修理费|余额|余款|得赃款|分得|分给|分了|剩余|除去|扣除|欠条|缴交|预缴|面值"
)
# … and usually not when it names a resale, a seizure, a loan, a deposit, a withdrawal or a pretext (谎称,
# 告知), unless a taking verb or 价值 comes just before it.
_SOFT_EXCLUDE = re.compile(
    r"扣押|查扣|查获|起获|缴获|追缴|追回|冻结|卖|变卖|出售|售价|销赃|典当|抵押|收购|回收|兑换了?|换取|得款|获利|"
    r"借款|欠款|借给|缴纳|交纳|押金|保证金|虚构|谎称|声称|佯称|告知|告诉|[^人]称|说"
)
_RESALE_LEFT = re.compile(
    r"以(?![及上下后前来便免致为])(?![^，。；]*(?:为由|名义|方式|手段))[^，。；]{0,10}$"
)
_EXCLUDE_RIGHT = re.compile(
    r"^[^，。；（(]{0,6}(?:的价格|价格卖|卖给|卖与|出售|变卖|销赃|典当|抵押给|的好处费|的罚金|面值)"
    r"|^[^，。；（(]{0,12}(?:扣押|发还|返还|退还)"
    r"|^[^，。；]{0,2}作为[^，。；]{0,12}(?:报酬|好处费|酬劳)"
)
_RESCUE = re.compile(r"(?:价值|盗得|窃得|盗走|窃取)[^，。；]{0,3}$|(?:骗取|骗得|骗走)[^，。；]{0,12}$")
_OVERRIDE = re.compile(
    r"(?:认定取值为|取值为|核定为|认定犯罪数额为|认定盗窃数额为|认定诈骗数额为|实际(?:得款|获得|骗得|盗得|窃得|取得))"
    r"[^，。；]{0,3}$"
)
_ASIDE = re.compile(r"^(?:本院)?(?:另查明|还查明|另外查明|此外|另[，,])")
_FACTS_START = re.compile(r"经审理查明|本院查明|经审查查明|审理查明")
_JUDGMENT_PART = re.compile(r"本院认为|判决如下|裁定如下")
# 被告人伍元金 is a name, not five yuan: a bare Chinese numeral right after a role word.
_ROLE_BEFORE = re.compile(r"(?:被告人|被害人|犯罪嫌疑人|证人|同案人)$")
_NAME_LIKE = re.compile(r"[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+元$")
# A sentence that sums the whole case up: its total is the answer when it covers every other sum.
_SUMMARY = re.compile(
    r"综上|以非法占有为目的|作案[\d一二两三四五六七八九十]+[次起]|共计[盗骗窃诈]|总价值|总金额|总额|累计[盗骗窃诈]"
)
# Numbered items (1、 2. 一、) before a total make it the total of one item, not of the case.
_NUMBERED_ITEM = re.compile(r"(?:^|[\n。；：:])\s*\d{1,2}[、.．]")
_GRAND_TOTAL_LEFT = re.compile(
    r"(?:共计|合计|总计|累计|总价值|总金额|总额|[盗骗窃诈][取得走]?)[^，。；]{0,8}$"
)
# A restatement refers back: 将4000元用于…, 上述…, 其中…
# 经鉴定，香烟价值300元: a valuation sentence may restate an item told before.
_VALUATION_HEAD = re.compile(r"\s*经[^，。；]{0,20}(?:鉴定|认定)")
_REFERENCE = re.compile(r"将|上述|该|前述|其中|即|所[盗骗窃得]|被[盗骗窃]|[盗骗窃][取得走]的")


@dataclass(slots=True)
class _Sum:
    """One kept sum with what the folding needs to know about it."""

    value: Decimal
    is_total: bool
    sentence: int
    context: str
    enumerated: bool
    refers_back: bool
    approximate: bool


def _clause_left(text: str, start: int, limit: int = 40) -> str:
    begin = start
    while begin > 0 and start - begin < limit and not _CLAUSE_END.match(text[begin - 1]):
        begin -= 1
    return text[begin:start]


def _sentence_start(text: str, pos: int) -> int:
    begin = pos
    while begin > 0 and not _SENTENCE_END.match(text[begin - 1]):
        begin -= 1
    return begin


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


def _in_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a short “…” (quoted speech, not a fact)."""
    before = text[max(_sentence_start(text, pos), pos - 30) : pos]
    opened = before.rfind("“")
    return opened != -1 and "”" not in before[opened:] and "”" in text[pos : pos + 30]


def _is_crime_sum(text: str, money: Money) -> bool:
    left = _clause_left(text, money.span[0])
    if _HARD_EXCLUDE.search(left) or (_ROLE_BEFORE.search(left) and _NAME_LIKE.match(money.text)):
        return False
    if _ASIDE.match(text[_sentence_start(text, money.span[0]) :].lstrip()):
        return False
    if _in_quotes(text, money.span[0]):
        return False
    right = text[money.span[1] : money.span[1] + 16]
    if _SOFT_EXCLUDE.search(left) or _RESALE_LEFT.search(left) or _EXCLUDE_RIGHT.search(right):
        return bool(_RESCUE.search(left))
    return True


def _enumerated(text: str, previous: Money | None, money: Money) -> bool:
    """Whether ``money`` continues a 、-list whose previous item is ``previous`` (…15000元、6000元)."""
    if previous is None:
        return False
    between = text[previous.span[1] : money.span[0]]
    return "、" in between and not _CLAUSE_END.search(between)


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
        if current.is_total and "价值" in current.context:
            same = [i for i in items if i.sentence == current.sentence and not i.is_total]
            if same and sum((i.value for i in same), Decimal(0)) <= current.value:
                items = [i for i in items if i not in same] + [current]
                continue
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
        if not current.is_total and _is_restatement(current, earlier):
            continue
        items.append(current)
        if current.is_total:
            absorb_next = current.value
    items.extend(pending)
    return [i.value for i in items]


def _is_restatement(current: _Sum, earlier: list[_Sum]) -> bool:
    """The same sum told again, with a word that refers back (将, 上述, 其中, 所盗)."""
    return current.refers_back and any(
        i.value == current.value and i.context != current.context for i in earlier
    )


def _grand_total(text: str, kept: list[tuple[Money, _Sum]]) -> Decimal | None:
    """A total stated in a summing-up sentence that is at least every other kept sum."""
    best: Decimal | None = None
    for money, s in kept:
        start = money.span[0]
        sentence = text[_sentence_start(text, start) : _sentence_end(text, start)]
        if not _SUMMARY.search(sentence) or not _GRAND_TOTAL_LEFT.search(_clause_left(text, start, 60)):
            continue
        if all(other.value <= s.value for _, other in kept) and (best is None or s.value > best):
            best = s.value
    first_money, first = kept[0]
    if (
        best is None
        and first.is_total
        and all(s.value <= first.value for _, s in kept)
        and not _NUMBERED_ITEM.search(text, 0, first_money.span[0])
    ):
        best = first.value  # a lead total before the items: 多次盗窃，价值共计…元，具体分述如下
    if best is None:
        return None
    items = [s for _, s in kept if s.value != best]
    covered = sum((s.value for s in items if not s.is_total), Decimal(0))
    exact = [s for _, s in kept if s.value == best]
    if exact and exact[0].approximate and best <= covered <= best * Decimal("1.1"):
        return covered  # 1600余元 stated, the items add up to 1625元
    return best


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
    kept: list[tuple[Money, _Sum]] = []
    previous: Money | None = None
    previous_kept = previous_refers = False
    for m in found:
        enumerated = _enumerated(text, previous, m)
        keep = previous_kept if enumerated else _is_crime_sum(text, m)
        left = _clause_left(text, m.span[0])
        sentence_head = text[_sentence_start(text, m.span[0]) : m.span[0]]
        refers = (
            previous_refers
            if enumerated
            else bool(_REFERENCE.search(left) or _VALUATION_HEAD.match(sentence_head))
        )
        if keep:
            kept.append(
                (
                    m,
                    _Sum(
                        m.amount,
                        m.is_total,
                        _sentence_start(text, m.span[0]),
                        left[-4:],
                        enumerated,
                        refers,
                        m.approximate,
                    ),
                )
            )
        previous, previous_kept, previous_refers = m, keep, refers
    if not kept:
        return found[0].amount if found else None
    grand = _grand_total(text, kept)
    if grand is not None:
        return grand
    return sum(_fold([s for _, s in kept]), Decimal(0))


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
