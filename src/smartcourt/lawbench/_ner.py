"""LawBench 2-6: named entities of theft judgments (CAIL2021 信息抽取), ten types, one line per type.

The answer lists every mention of a type in order of appearance, joined by 、 (the metric compares bags of
characters per type, so a name told twice is listed twice).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from smartcourt.engines.text import GOODS_NOUNS, EntityKind, extract_entities, extract_money, normalize_text

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
_VICTIM_ROLES = {"被害人", "受害人", "失主", "车主", "店主", "报案人"}
_VICTIM_RIGHT = re.compile(
    r"^(?:停放|经营|家|的|所有|放在|放置|存放|租住|居住|住处|店|身上|处|支付宝|微信|银行卡|手机|钱包|挎包|户|所在|"
    r"所乘|裤兜|衣兜|口袋|包|现金|女儿|儿子|之子|之女|等人|被盗|被迫|拒绝)"
)
_VICTIM_LEFT = re.compile(
    r"(?:盗窃|窃取|盗走|窃得|盗得|偷走|扒窃|从|将|趁|把|被|发还|退还|返还|发还给|退赔|赔偿|谅解|老板|要求|对)$"
)
# 将李某某盗窃的…, 伙同王某, …将阎某某。: the actor of the theft, or the one arrested.
_SUSPECT_RIGHT = re.compile(r"^(?:盗窃的|盗走的|窃得的|所盗|伙同|结伙|驾|携带|窜至|来到|[。；]|$)")
# A sentence about arrest, surrender or detention names no time or place of the theft itself.
_ARREST = re.compile(
    r"民警|公安人员|抓获|挡获|抓住|扭送|投案|传唤|寄押|刑事拘留|被公安机关|报案|报警|到案|归案|被[。，]|被$"
)
_TAKING = re.compile(
    r"窃得|盗得|盗走|窃走|窃取|盗取|偷走|扒窃|盗窃(?![的罪案犯])|骗取|骗得|抢走|拿走|拿了|推走|骑走|开走|转走|转至|盗来"
)
# An authority named without its place (公安机关 alone) is not annotated as an organisation.
_BARE_ORGS = {"侦查机关"}
_CLAUSE_NOT_SCENE = re.compile(
    r"民警|公安|抓获|挡获|抓住|扭送|报警|投案|卖|销赃|收购|运至|运往|吊运|藏匿|藏于"
)
_VALUE_LEFT = re.compile(r"(?:价值|价格|价|鉴定|认定|估价|数额|损失费?)[^，。；]{0,8}$")
_TOTAL_PREFIX = re.compile(r"^(?:共计|合计|总计|累计|共|计)")
_CASH_WORDS = {"现金", "硬币", "零钱"}
# Money handed over under deception or duress: 打款10000元, 付给某某5000元.
_PAID_LEFT = re.compile(r"(?:打款|付给|转给|交给|交付给?|给付|转账|转款)[^，。；]{0,8}$")
# 几十元零钱, 数百元现金: an amount without digits.
_VAGUE_CASH = re.compile(r"[几数][十百千万]+元(?:零钱|现金|硬币)?")
_PROCEEDS_LEFT = re.compile(
    r"(?:获利|得款|卖得|销赃得?|得赃款|售得|卖了|价格卖|价格销售|变卖得?|分得|分给)[^，。；]{0,6}$|以$"
)
_CASH_LEFT = re.compile(
    r"(?:现金|人民币|钱款|转至|转走|转账|取走|取出|盗走|窃得|盗得|窃取|偷走|盗窃|扒窃|骗取|内有|装有)[^，。；]{0,8}$"
)
_GOODS_NOUN = "|".join(re.escape(w) for w in GOODS_NOUNS) or "(?!)"
# 该手机, 被盗的电动车, 涉案物品, 盗窃来的电瓶: a later mention of the stolen goods.
_REFERENCE = re.compile(
    rf"(?<![未无])(?P<lead>上述|所盗窃?的?|所窃的?|盗窃所得的?|涉案(?=被盗))?(?P<ref>该|被盗的?|涉案的?|盗窃来?的|盗来的)"
    rf"[^，。；、的该]{{0,20}}(?:{_GOODS_NOUN})"
)
# 涉案物品, 被盗财物: a generic word is a mention only where the goods are valued.
_GENERIC_GOODS = re.compile(r"(?:物品|财物|赃物|东西|货物)$")
_VALUED_AFTER = re.compile(r"^(?:共计|合计|均|的)?价值")
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
    if _SUSPECT_RIGHT.match(text[end : end + 4]):
        return SUSPECT
    if _VICTIM_RIGHT.match(text[end : end + 4]) or _VICTIM_LEFT.search(text[max(0, start - 4) : start]):
        return VICTIM
    return SUSPECT


def _clause(text: str, pos: int) -> str:
    """The clause (between Chinese commas and stops) around ``pos``."""
    begin = max(text.rfind(c, 0, pos) for c in "，。；,;") + 1
    ends = [i for i in (text.find(c, pos) for c in "，。；,;") if i != -1]
    return text[begin : min(ends) if ends else len(text)]


def _propagate_list_roles(text: str, persons: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names joined by 、/和 share a role: 窃得甲某某、乙某某、丙某某电瓶 makes all three victims."""
    out = list(persons)
    for _ in range(2):
        for k in range(len(out) - 1):
            (s1, e1, r1), (s2, e2, r2) = out[k], out[k + 1]
            if text[e1:s2] in ("、", "和", "及", "与") and r1 != r2 and VICTIM in (r1, r2):
                out[k], out[k + 1] = (s1, e1, VICTIM), (s2, e2, VICTIM)
    return out


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
    scene = bool(_TAKING.search(text)) or not _ARREST.search(text)
    bare: list[tuple[int, int, str]] = []
    for e in entities:
        start, end = e.span
        if e.kind is EntityKind.PERSON:
            if e.role in _SUSPECT_ROLES:
                found[SUSPECT].append((start, e.text))
            elif e.role in _VICTIM_ROLES:
                found[VICTIM].append((start, e.text))
            elif not e.role:
                bare.append((start, end, _role_of_bare_name(text, start, end, known)))
        elif (
            e.kind in (EntityKind.TIME, EntityKind.PLACE)
            and not scene
            or e.kind is EntityKind.PLACE
            and _CLAUSE_NOT_SCENE.search(_clause(text, start))
        ):
            continue
        elif e.kind is EntityKind.ORGANIZATION:
            inside = any(
                o.kind in (EntityKind.PLACE, EntityKind.STOLEN_GOODS)
                and o.span[0] <= start
                and end < o.span[1]
                for o in entities
            )
            if not inside and e.text not in _BARE_ORGS:
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
            found[GOODS].append((start, e.text))
    for start, end, role in _propagate_list_roles(text, bare):
        found[role].append((start, text[start:end]))
    goods_starts = {s for s, _ in found[GOODS]}
    for m in _REFERENCE.finditer(text):
        start = m.start("ref")
        if _GENERIC_GOODS.search(m.group(0)) and not _VALUED_AFTER.match(text[m.end() : m.end() + 4]):
            continue
        if start not in goods_starts and not any(s <= start < s + len(g) for s, g in found[GOODS]):
            found[GOODS].append((start, text[start : m.end()]))
    last_kind = ""
    last_sentence = -1
    for money in extract_money(text):
        start, end = money.span
        if text[max(0, start - 1) : start] in ("几", "数"):
            continue  # 几十元 is read below as a whole
        left = text[max(0, start - 12) : start]
        sentence_at = max(text.rfind(c, 0, start) for c in "。；;")
        if sentence_at != last_sentence:
            last_kind, last_sentence = "", sentence_at
        shown = _TOTAL_PREFIX.sub("", money.text)
        if text[max(0, start - 1) : start] == "约":
            shown = "约" + shown
        after = text[end : end + 2]
        if _PROCEEDS_LEFT.search(left):
            kind = PROCEEDS
        elif _VALUE_LEFT.search(left):
            kind = VALUE
        elif after in _CASH_WORDS:
            kind, shown = STOLEN_MONEY, shown + after
        elif _CASH_LEFT.search(text[max(0, start - 20) : start]) or money.text.startswith("人民币"):
            kind = STOLEN_MONEY
            if left.endswith("现金"):
                shown = "现金" + shown
        elif money.text.endswith("人民币") or _PAID_LEFT.search(left):
            kind = STOLEN_MONEY
        elif last_kind in (VALUE, PROCEEDS) and (money.is_total or left.endswith("其中")):
            kind = last_kind  # 共计1419元 after the items' values; 其中600元 of the proceeds
        else:
            continue
        found[kind].append((start, shown))
        last_kind = kind
    for m in _VAGUE_CASH.finditer(text):
        if _TAKING.search(_clause(text, m.start())) or _CASH_LEFT.search(
            text[max(0, m.start() - 20) : m.start()]
        ):
            found[STOLEN_MONEY].append((m.start(), m.group(0)))
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
