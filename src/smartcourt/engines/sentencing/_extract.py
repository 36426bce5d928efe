"""Circumstances and facts from the fact text, each with its span, via :mod:`smartcourt.engines.text`."""

from __future__ import annotations

import re
from decimal import Decimal

from smartcourt.engines.text import (
    Money,
    extract_money,
    extract_quantities,
    normalize_text,
    parse_number,
)

from ._compute import _drug_thresholds
from ._types import CaseFacts, Circumstance, Span

__all__ = ["extract_circumstances", "extract_facts"]

_NEGATION = re.compile(
    r"(?:不构成|不属于?|不能认定为?|不予认定|不认定|没有|无|未|不成立|不具有|否认|是否|辩称|提出)[^，。；]{0,4}$"
)
# Circumstance id → pattern; the first match that is not negated is the evidence. Order matters for
# the exclusive ones (重大立功 before 立功).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "surrender",
        re.compile(r"自首|主动投案|自动投案|投案自首|主动到[^，。；]{0,8}(?:公安|派出所)[^，。；]{0,6}投案"),
    ),
    ("confession", re.compile(r"如实供述|坦白|供认不讳|如实交代")),
    (
        "court_plea",
        re.compile(
            r"当庭(?:自愿)?认罪|庭审中(?:自愿)?认罪|对(?:公诉机关)?指控的(?:犯罪)?事实(?:及罪名)?(?:无异议|予以供认|供认不讳)"
        ),
    ),
    ("plea_leniency", re.compile(r"认罪认罚|认罪、认罚|具结书")),
    ("major_meritorious", re.compile(r"重大立功")),
    ("meritorious", re.compile(r"(?<!重大)立功表现|有立功|构成立功|系立功")),
    (
        "compensation_forgiveness",
        re.compile(r"(?:赔偿|赔付|补偿|退赔)[^。；]{0,40}谅解|谅解[^。；]{0,20}(?:赔偿|赔付)"),
    ),
    ("reconciliation", re.compile(r"刑事和解|达成(?:了)?和解|和解协议")),
    ("forgiveness", re.compile(r"谅解")),
    (
        "compensation",
        re.compile(
            r"(?:积极|已|主动)?赔偿(?:了)?(?:被害人|被害方|受害人|其)?[^。；，]{0,12}(?:经济)?损失|已赔偿|积极赔偿"
        ),
    ),
    (
        "restitution",
        re.compile(
            r"退赃|退赔|退还[^，。；]{0,6}(?:赃款|赃物|钱款|款项)|退缴|(?:赃款|赃物|财物)[^，。；]{0,6}(?:已)?(?:发还|返还|退还|追回)"
        ),
    ),
    ("recidivism", re.compile(r"累犯")),
    (
        "prior_record",
        re.compile(r"曾(?:因|于)[^。；]{0,40}(?:判处|刑事处罚|有期徒刑|拘役|缓刑)|有前科|前科劣迹"),
    ),
    ("attempt", re.compile(r"未遂|未得逞|意志以外的原因")),
    ("accessory", re.compile(r"从犯|起次要作用|起辅助作用|次要作用")),
    ("minor_12_16", re.compile(r"已满(?:十二|十四|12|14)周岁(?:不满|未满)(?:十六|16)周岁")),
    (
        "minor_16_18",
        re.compile(r"已满(?:十六|16)周岁(?:不满|未满)(?:十八|18)周岁|(?:作案|犯罪)时(?:系|为|尚)?未成年人?"),
    ),
    ("elderly_intentional", re.compile(r"已满(?:七十五|75)周岁")),
    ("drug_repeat", re.compile(r"毒品再犯")),
    ("detention_beating", re.compile(r"(?:殴打|侮辱|捆绑)")),
)
_CRIME_ONLY = {"drug_repeat": "走私、贩卖、运输、制造毒品", "detention_beating": "非法拘禁"}
_EXCLUSIVE = (
    ("compensation_forgiveness", ("forgiveness", "compensation")),
    ("reconciliation", ("forgiveness", "compensation")),
    ("major_meritorious", ("meritorious",)),
    ("minor_12_16", ("minor_16_18",)),
    ("surrender", ("court_plea",)),
    ("confession", ("court_plea",)),
    ("recidivism", ("prior_record",)),
)


def extract_circumstances(text: str, charge: str | None = None) -> tuple[Circumstance, ...]:
    """The sentencing circumstances the text states, each with its span (``text[start:end]``).

    A mention negated just before it (不构成自首, 未取得谅解) is skipped. The judge may add, remove or change
    any of them before :func:`compute_sentence`.

    >>> text = "被告人到案后如实供述，退赔被害人损失并取得谅解。不构成自首。"
    >>> [(c.kind, c.text) for c in extract_circumstances(text)]
    [('confession', '如实供述'), ('restitution', '退赔'), ('compensation_forgiveness', '退赔被害人损失并取得谅解')]
    """
    norm = normalize_text(text if isinstance(text, str) else "")
    plain = norm.text
    found: dict[str, Circumstance] = {}
    for kind, pattern in _PATTERNS:
        crime = _CRIME_ONLY.get(kind)
        if crime is not None and (charge or "").removesuffix("罪") != crime:
            continue
        for match in pattern.finditer(plain):
            left = plain[max(0, match.start() - 12) : match.start()]
            if _NEGATION.search(left):
                continue
            span = norm.original_span(match.start(), match.end())
            found[kind] = Circumstance(kind, span, text[span[0] : span[1]])
            break
    for winner, losers in _EXCLUSIVE:
        if winner in found:
            for loser in losers:
                found.pop(loser, None)
    return tuple(sorted(found.values(), key=lambda c: c.span or (0, 0)))


_INJURY = re.compile(r"重伤一级|重伤二级|轻伤一级|轻伤二级|轻微伤|重伤|轻伤")
_INJURY_KIND = {
    "重伤一级": "serious_1",
    "重伤二级": "serious_2",
    "轻伤一级": "light_1",
    "轻伤二级": "light_2",
    "轻微伤": "minor",
    "重伤": "serious_2",
    "轻伤": "light_2",
}
_LISTED = re.compile(r"[、和及]|以及")
_YEAR = re.compile(r"(?<!\d)((?:19[89]|20[0-9])\d)年")
_RANK = ("minor", "light_2", "light_1", "serious_2", "serious_1")
_DEATHS = re.compile(
    r"(?:致|造成)([一二三四五六七八九十两\d]+)人(?:当场)?死亡|(?:当场|经抢救无效|抢救无效)死亡"
)
_COUNT = re.compile(r"(?:共|先后|累计|合计|连续|分别)[^，。；]{0,6}?([一二三四五六七八九十两\d]+)次|多次")
_AMOUNT_LEFT = re.compile(
    r"(?:价值|骗取|骗得|盗得|窃得|盗走|窃取|抢走|抢得|劫得|勒索|侵占|吸收|透支|共计|合计|总计|累计|金额|数额)[^，。；]{0,6}$"
)
_FLAGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "home_invasion",
        re.compile(r"入户|(?:进入|窜入|潜入|闯入)[^，。；]{0,12}(?:家中|住处|住宅|卧室|家里)|翻窗|撬门"),
    ),
    ("armed", re.compile(r"携带(?:凶器|刀具|匕首|管制刀具)|持刀")),
    ("pickpocketing", re.compile(r"扒窃")),
    ("hit_and_run", re.compile(r"逃逸|逃离(?:事故)?现场")),
    ("traffic_liable", re.compile(r"(?:全部|主要)责任")),
    # 二人以上轮奸 (刑法第二百三十六条第三款第四项): two or more men each rape the same victim in turn
    (
        "gang_rape",
        re.compile(
            r"轮奸|(?:伙同|结伙|与)[^。；]{0,40}(?:先后|轮流|分别)[^。；]{0,10}(?:强行|强奸|奸淫|发生性关系)"
        ),
    ),
    ("child_victim", re.compile(r"幼女|不满十四周岁|未满十四周岁")),
    ("public_transport", re.compile(r"公共交通工具|公交车上")),
    ("armed_affray", re.compile(r"持械|持(?:刀|棍|棒|砍刀|钢管)")),
    ("malicious_overdraft", re.compile(r"恶意透支|透支")),
)
# The paragraph the facts name in the article's own words (数额巨大, 情节特别严重 …): the prosecutor's or
# the court's finding of the 量刑幅度, read unless negated (未达到数额巨大). It only raises the paragraph
# the amounts and quantities give (the thresholds of the interpretations in force at trial may differ from
# the encoded ones: 《最高人民法院 最高人民检察院关于适用刑事司法解释时间效力问题的规定》).
_STATED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stated_especially_huge", re.compile(r"数额特别巨大")),
    ("stated_huge", re.compile(r"(?<!特别)数额巨大")),
    ("stated_especially_serious", re.compile(r"情节特别严重")),
    ("stated_serious", re.compile(r"(?<!特别)情节严重")),
)
# Conduct that itself fixes the first paragraph once the charge is established.
_CHARGE_FLAGS = {
    "危险驾驶": "dangerous_driving",
    "强奸": "rape",
    "非法拘禁": "detention",
    "抢劫": "robbery",
    "妨害公务": "obstruction",
    "聚众斗殴": "affray",
    "寻衅滋事": "provocation",
    "掩饰、隐瞒犯罪所得、犯罪所得收益": "concealing",
    "容留他人吸毒": "sheltering_drug_use",
    "引诱、容留、介绍卖淫": "prostitution",
}


def _number(text: str) -> int | None:
    value = parse_number(text.replace("两", "二"))
    return None if value is None else int(value)


def extract_facts(text: str, charge: str, *, province: str | None = None) -> CaseFacts:
    """The facts of one charge that fix its paragraph and baseline, with their spans.

    Amounts: a stated total (共计/合计) if there is one, else the sum of the sums named as the crime's
    (价值/骗取/盗得 …); drugs: the weights of the first named drug added up; injuries: the gravest grade.

    >>> f = extract_facts("被告人入户盗窃，窃得现金人民币3000元，经鉴定被害人轻伤二级。", "盗窃")
    >>> f.amount, sorted(f.flags), f.injury, f.span_of("amount")
    (Decimal('3000'), ['home_invasion'], 'light_2', (12, 20))
    """
    text = text if isinstance(text, str) else ""
    crime = charge.strip().removesuffix("罪")
    norm = normalize_text(text)
    plain = norm.text
    spans: list[tuple[str, Span]] = []
    amount: Decimal | None = None
    money = [m for m in extract_money(text) if m.amount > 0]
    totals = [m for m in money if m.is_total]
    if totals:
        best = max(totals, key=lambda m: m.amount)
        amount, spans = best.amount, [("amount", best.span)]
    else:
        named: list[Money] = []
        for m in money:
            left = text[max(0, m.span[0] - 14) : m.span[0]]
            # 价值分别为104628元、166745元: an amount listed right after a named one is named too
            listed = (
                bool(named)
                and named[-1].span[1] <= m.span[0]
                and _LISTED.fullmatch(text[named[-1].span[1] : m.span[0]])
            )
            if listed or _AMOUNT_LEFT.search(left):
                named.append(m)
        chosen = named or money[:1]
        if chosen:
            amount = sum((m.amount for m in chosen), Decimal(0))
            spans.append(("amount", chosen[0].span))
    count: int | None = None
    verbs = tuple(part[:2] for part in crime.split("、") if len(part) >= 2)
    for match in _COUNT.finditer(plain):
        if match.group(0) == "多次" and not any(v in plain[match.end() : match.end() + 8] for v in verbs):
            continue  # 多次 counts only for the crime's own act (多次盗窃), not 多次发短信 or 多次殴打
        value = 3 if match.group(0) == "多次" else _number(match.group(1) or "")
        if value is not None and (count is None or value > count):
            count = value
            spans.append(("count", norm.original_span(match.start(), match.end())))
    injury: str | None = None
    injured = 0
    for match in _INJURY.finditer(plain):
        if _NEGATION.search(plain[max(0, match.start() - 6) : match.start()]):
            continue
        kind = _INJURY_KIND[match.group(0)]
        if injury is None or _RANK.index(kind) > _RANK.index(injury):
            injury, injured = kind, 1
            spans.append(("injury", norm.original_span(match.start(), match.end())))
    deaths = 0
    for match in _DEATHS.finditer(plain):
        deaths = max(deaths, (_number(match.group(1)) or 1) if match.group(1) else 1)
        spans.append(("deaths", norm.original_span(match.start(), match.end())))
    drug: str | None = None
    grams = Decimal(0)
    blood_alcohol: Decimal | None = None
    for q in extract_quantities(text):
        if q.unit.lower().startswith("mg/100") or q.unit.startswith("毫克/100"):
            if blood_alcohol is None or q.value > blood_alcohol:
                blood_alcohol = q.value
                spans.append(("blood_alcohol", q.span))
        elif q.unit in ("克", "g", "千克", "kg", "公斤") and q.subject:
            known = _drug_thresholds(q.subject)
            if known is None or (drug is not None and known[0] != drug):
                continue
            drug = known[0]
            factor = Decimal(1000) if q.unit in ("千克", "kg", "公斤") else Decimal(1)
            grams += q.value * factor
            spans.append(("drug_grams", q.span))
    if drug is None and crime in _WEIGHED_DRUG_CRIMES:
        drug, grams, span = _named_drug_weight(text, plain)
        if span is not None:
            spans.append(("drug_grams", span))
    year: int | None = None
    year_span: Span | None = None
    for match in _YEAR.finditer(plain):  # the latest year the facts name: trial is no earlier
        if year is None or int(match.group(1)) > year:
            year, year_span = int(match.group(1)), norm.original_span(match.start(), match.end())
    if year_span is not None:
        spans.append(("year", year_span))
    flags = {flag for flag, pattern in _FLAGS if pattern.search(plain)}
    for flag, pattern in _STATED:
        for match in pattern.finditer(plain):
            if not _NEGATION.search(plain[max(0, match.start() - 12) : match.start()]):
                flags.add(flag)
                spans.append(("flags", norm.original_span(match.start(), match.end())))
                break
    if crime in _CHARGE_FLAGS:
        flags.add(_CHARGE_FLAGS[crime])
    if crime == "交通肇事" and (deaths or injury in ("serious_1", "serious_2")):
        flags.add("traffic_liable")
    return CaseFacts(
        charge=crime,
        amount=amount,
        count=count,
        injury=injury,
        injured=max(injured, 1),
        deaths=deaths,
        serious_injuries=1 if injury in ("serious_1", "serious_2") else 0,
        drug=drug,
        drug_grams=grams if drug else None,
        blood_alcohol=blood_alcohol,
        flags=frozenset(flags),
        province=province,
        spans=tuple(spans),
        year=year,
    )


_WEIGHED_DRUG_CRIMES = ("走私、贩卖、运输、制造毒品", "非法持有毒品")
_DRUG_NAMES = (
    "甲基苯丙胺",
    "冰毒",
    "麻古",
    "海洛因",
    "可卡因",
    "氯胺酮",
    "K粉",
    "摇头丸",
    "MDMA",
    "鸦片",
    "大麻",
)


def _named_drug_weight(text: str, plain: str) -> tuple[str | None, Decimal, Span | None]:
    """When no weight is tied to a drug name: the drug first named in the text and the largest weight
    given in grams (the largest, not the sum, since texts restate totals and their parts)."""
    named = [(plain.find(n), n) for n in _DRUG_NAMES if plain.find(n) >= 0]
    if not named:
        return None, Decimal(0), None
    known = _drug_thresholds(min(named)[1])
    if known is None:
        return None, Decimal(0), None
    best: tuple[Decimal, Span] | None = None
    for q in extract_quantities(text):
        if q.unit in ("克", "g", "千克", "kg", "公斤"):
            grams = q.value * (Decimal(1000) if q.unit in ("千克", "kg", "公斤") else Decimal(1))
            if best is None or grams > best[0]:
                best = (grams, q.span)
    if best is None:
        return None, Decimal(0), None
    return known[0], best[0], best[1]
