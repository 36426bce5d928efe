"""LawBench 2-6: named entities of theft judgments (CAIL2021 信息抽取), ten types, one line per type.

The answer lists every mention of a type in order of appearance, joined by 、 (the metric compares bags of
characters per type, so a name told twice is listed twice).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from smartcourt.engines.text import EntityKind, extract_entities, extract_money, normalize_text

from ._tasks import register

SUSPECT = "犯罪嫌疑人"
VICTIM = "受害人"
STOLEN_MONEY = "被盗货币"
VALUE = "物品价值"
PROCEEDS = "盗窃获利"
GOODS = "被盗物品"
TOOL = "作案工具"
TIME = "时间"
PLACE = "地点"
ORGANIZATION = "组织机构"
TYPES = (SUSPECT, VICTIM, STOLEN_MONEY, VALUE, PROCEEDS, GOODS, TOOL, TIME, PLACE, ORGANIZATION)

_SUSPECT_ROLES = {"被告人", "犯罪嫌疑人", "原审被告人", "上诉人"}
_VICTIM_ROLES = {"被害人", "被害单位", "失主", "车主", "店主", "报案人"}
_VICTIM_RIGHT = re.compile(
    r"^(?:停放|经营|家|的|所有|放在|放置|存放|租住|居住|住处|店|身上|处|支付宝|微信|银行卡|手机|钱包|挎包)"
)
_VICTIM_LEFT = re.compile(
    r"(?:盗窃|窃取|盗走|窃得|盗得|偷走|扒窃|从|将|趁|把|被|发还|退还|返还|发还给|退赔|赔偿|谅解)$"
)
_VALUE_LEFT = re.compile(r"(?:价值|价格|价|鉴定|认定|估价)[^，。；]{0,8}$")
_PROCEEDS_LEFT = re.compile(
    r"(?:获利|得款|卖得|销赃得?|得赃款|售得|卖了|价格卖|价格销售|变卖得?)[^，。；]{0,6}$|以$"
)
_CASH_LEFT = re.compile(
    r"(?:现金|人民币|钱款|转至|转走|转账|取走|取出|盗走|窃得|盗得|窃取|偷走|盗窃|扒窃|骗取|内有|装有)[^，。；]{0,8}$"
)
_REFERENCE = re.compile(
    r"(?<![未无])(?:该|被盗的?|所盗的?|涉案被盗的?|盗窃的|上述)"
    r"(?:[^，。；、的]{0,4}?)"
    r"(?:电动自行车|电瓶车|电动车|摩托车|自行车|三轮车|轿车|汽车|车辆|手机|电脑|笔记本|电瓶|蓄电池|电池|物品|财物|赃物|"
    r"手表|项链|戒指|香烟|钱包|挎包|背包|手提包|衣服|电缆线|电缆|电线|铜线|首饰|车)"
    r"(?=[，。；、价已被等和及系经在均）)销卖送拿藏交放丢带用骑开推]|$)"
)
_GOODS_OWNER = re.compile(r"^.*(?:停放|放在|放于|放置|存放|安装|挂在|摆放)[^的]*的")
_GOODS_DROP = re.compile(r"^(?:完成|未遂|作案|犯罪|数额|行为|所得|财物$)|\d元|人民币|现金|零钱")
_GOODS_TAIL = re.compile(r"[（(](?:经鉴定|价值|无法|鉴定).*$|均$")


def _clean_goods(raw: str) -> list[str]:
    """Split a goods phrase on 和/及 and drop owners, prices and cash."""
    text = _GOODS_OWNER.sub("", raw)
    text = _GOODS_TAIL.sub("", text).lstrip("的")
    pieces = [p for p in re.split(r"[和及]", text) if p]
    return [p for p in pieces if not _GOODS_DROP.search(p)]


def _question(item: Mapping[str, object]) -> str:
    text = str(item.get("question", ""))
    return text.split("句子:", 1)[1] if text.startswith("句子:") else text


def _role_of_bare_name(text: str, start: int, end: int, known: dict[str, str]) -> str:
    name = text[start:end]
    if name in known:
        return known[name]
    if _VICTIM_RIGHT.match(text[end : end + 4]) or _VICTIM_LEFT.search(text[max(0, start - 4) : start]):
        return VICTIM
    return SUSPECT


def entities_by_type(sentence: str) -> dict[str, list[str]]:
    """The mentions of each LawBench type in one sentence, in order.

    >>> entities_by_type("被告人张某某窃得被害人李某某手机一部。")[SUSPECT]
    ['张某某']
    """
    text = normalize_text(sentence).text
    found: dict[str, list[tuple[int, str]]] = {t: [] for t in TYPES}
    known: dict[str, str] = {}
    entities = extract_entities(text)
    for e in entities:
        if e.kind is EntityKind.PERSON and e.role:
            if e.role in _SUSPECT_ROLES:
                known.setdefault(e.text, SUSPECT)
            elif e.role in _VICTIM_ROLES:
                known.setdefault(e.text, VICTIM)
    money_spans = [m.span for m in extract_money(text)]
    for e in entities:
        start, end = e.span
        if e.kind is EntityKind.PERSON:
            if e.role in _SUSPECT_ROLES:
                found[SUSPECT].append((start, e.text))
            elif e.role in _VICTIM_ROLES:
                found[VICTIM].append((start, e.text))
            elif not e.role:
                found[_role_of_bare_name(text, start, end, known)].append((start, e.text))
        elif e.kind is EntityKind.ORGANIZATION:
            found[ORGANIZATION].append((start, e.text))
        elif e.kind is EntityKind.TIME:
            found[TIME].append((start, e.text))
        elif e.kind is EntityKind.PLACE:
            found[PLACE].append((start, e.text))
        elif e.kind is EntityKind.TOOL:
            found[TOOL].append((start, e.text))
        elif e.kind is EntityKind.STOLEN_GOODS:
            if any(s <= start < t for s, t in money_spans):
                continue
            for piece in _clean_goods(e.text):
                found[GOODS].append((start + e.text.find(piece), piece))
    goods_starts = {s for s, _ in found[GOODS]}
    for m in _REFERENCE.finditer(text):
        if m.start() not in goods_starts and not any(s <= m.start() < s + len(g) for s, g in found[GOODS]):
            found[GOODS].append((m.start(), m.group(0)))
    for money in extract_money(text):
        start, end = money.span
        left = text[max(0, start - 12) : start]
        if _PROCEEDS_LEFT.search(left):
            found[PROCEEDS].append((start, money.text))
        elif _VALUE_LEFT.search(left):
            found[VALUE].append((start, money.text))
        elif _CASH_LEFT.search(left) or money.text.startswith("人民币"):
            cash = "现金" + money.text if left.endswith("现金") else money.text
            found[STOLEN_MONEY].append((start, cash))
    return {t: [v for _, v in sorted(found[t])] for t in TYPES if found[t]}


@register("2-6")
def predict_entities(item: Mapping[str, object]) -> str:
    """One ``类型:值、值`` line per type found; no line for a type with no mention."""
    by_type = entities_by_type(_question(item))
    lines = []
    for etype, values in by_type.items():
        cleaned = [re.sub(r"\s+", "", v) for v in values]
        cleaned = [v for v in cleaned if v]
        if cleaned:
            lines.append(f"{etype}:{'、'.join(cleaned)}")
    return "\n".join(lines)
