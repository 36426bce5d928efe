"""The structured fields of a judgment, read by the legal text engine (``engines.text.parse_judgment``).

Kept apart from the services so the reading can be tested and benchmarked without the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal
from typing import Any

from smartcourt.engines.text import (
    PenaltyKind,
    extract_dates,
    extract_money,
    extract_penalties,
    parse_judgment,
)

# 案号 法院代字: the first character names the province (《最高人民法院关于人民法院案件案号的若干规定》
# 法〔2015〕137号 附件2 “各级法院代字表” — unverified: written from memory, not in ../shared/data/laws).
PROVINCE_CODES = {
    "京": "北京市", "津": "天津市", "冀": "河北省", "晋": "山西省", "内": "内蒙古自治区", "辽": "辽宁省",
    "吉": "吉林省", "黑": "黑龙江省", "沪": "上海市", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "渝": "重庆市", "川": "四川省", "贵": "贵州省",
    "黔": "贵州省", "云": "云南省", "滇": "云南省", "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省",
    "青": "青海省", "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区", "兵": "新疆生产建设兵团",
}  # fmt: skip
PROVINCES = tuple(sorted(set(PROVINCE_CODES.values())))
_PROVINCE_STEMS = {p: re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", p) for p in PROVINCES}
_CASE_NUMBER = re.compile(
    r"[（(〔\[]\s*(?P<year>\d{4})\s*[）)〕\]]\s*(?P<code>[\u4e00-\u9fa5]?)\d{0,4}(?P<type>[\u4e00-\u9fa5]{1,6}?)\d+号"
)
_OPERATIVE_CHARGE = re.compile(r"犯([\u4e00-\u9fa5]{2,20}?)罪(?!所得|活动)")
_CAUSE = re.compile(r"([\u4e00-\u9fa5]{2,24}?(?:纠纷|劳动争议|人事争议))")
_CASE_TYPES = (
    ("刑", "criminal"),
    ("民", "civil"),
    ("行", "administrative"),
    ("执", "enforcement"),
    ("赔", "compensation"),
)
_DOC_TYPES = {"判决书": "judgment", "裁定书": "ruling", "调解书": "mediation", "决定书": "decision"}
_PRINCIPAL = {
    PenaltyKind.FIXED_TERM_IMPRISONMENT: "有期徒刑",
    PenaltyKind.CRIMINAL_DETENTION: "拘役",
    PenaltyKind.PUBLIC_SURVEILLANCE: "管制",
    PenaltyKind.LIFE_IMPRISONMENT: "无期徒刑",
    PenaltyKind.DEATH: "死刑",
    PenaltyKind.DEATH_WITH_REPRIEVE: "死刑缓期二年执行",
}
_DEFENDANT_ROLES = ("被告人", "上诉人", "原审被告人", "被告单位")
MAX_TEXT = 500_000


def content_hash(text: str) -> str:
    """sha256 of the text without whitespace: the same document imported twice has the same hash.

    >>> content_hash("a b") == content_hash("ab\\n")
    True
    """
    return hashlib.sha256(re.sub(r"\s+", "", text).encode()).hexdigest()


def court_level_of(court: str) -> str:
    """最高人民法院 → supreme; …高级人民法院 → high; …中级人民法院 (and 海事、知识产权法院) → intermediate; else basic.

    >>> court_level_of("杭州市中级人民法院"), court_level_of("杭州市西湖区人民法院"), court_level_of("")
    ('intermediate', 'basic', '')
    """
    if not court:
        return ""
    if court.startswith("最高人民法院"):
        return "supreme"
    if "高级人民法院" in court:
        return "high"
    if "中级人民法院" in court or "海事法院" in court or "知识产权法院" in court:
        return "intermediate"
    return "basic"


def region_of(court: str, code: str = "") -> str:
    """The province from the 案号 法院代字 (浙 → 浙江省), else from the court's name.

    >>> region_of("", "浙"), region_of("江苏省南京市中级人民法院"), region_of("某某人民法院")
    ('浙江省', '江苏省', '')
    """
    if code in PROVINCE_CODES:
        return PROVINCE_CODES[code]
    for province, stem in _PROVINCE_STEMS.items():
        if court.startswith(stem):
            return province
    return ""


def _terms(judgment: Any) -> list[dict[str, Any]]:
    """One entry per defendant named in the operative part: principal penalty, probation and fine."""
    operative = judgment.part("operative")
    if operative is None:
        return []
    text = operative.text
    names = []
    for party in judgment.parties:
        if party.role in _DEFENDANT_ROLES and party.name not in names:
            names.append(party.name)
    positions = sorted((text.find(n), n) for n in names if text.find(n) >= 0)
    if not positions:
        positions = [(0, "")]
    out = []
    for i, (start, name) in enumerate(positions):
        end = positions[i + 1][0] if i + 1 < len(positions) else len(text)
        piece = text[start:end]
        penalties = extract_penalties(piece)
        combined = piece.find("决定执行")
        if combined >= 0:
            later = [p for p in penalties if p.span[0] >= combined]
            if any(p.kind in _PRINCIPAL for p in later):
                penalties = later
        principal = next((p for p in penalties if p.kind in _PRINCIPAL), None)
        probation = next((p for p in penalties if p.kind is PenaltyKind.PROBATION), None)
        fine = next((p for p in penalties if p.kind is PenaltyKind.FINE), None)
        if principal is None and fine is None:
            continue
        out.append(
            {
                "defendant": name,
                "penalty": _PRINCIPAL[principal.kind] if principal else "",
                "months": principal.months if principal else None,
                "probation_months": probation.months if probation else None,
                "fine": str(fine.amount) if fine and fine.amount is not None else None,
                "text": principal.text if principal else fine.text if fine else "",
            }
        )
    return out


def judgment_fields(text: str) -> dict[str, Any]:
    """The model's fields read from a judgment's text (``content_hash`` and ``full_text`` included).

    >>> f = judgment_fields("杭州市西湖区人民法院\\n刑事判决书\\n（2020）浙0106刑初12号\\n公诉机关杭州市西湖区人民检察院。"
    ...     "被告人张某，男。经审理查明：被告人张某盗窃手机一部，价值人民币3000元。本院认为，依照《中华人民共和国刑法》"
    ...     "第二百六十四条之规定，判决如下：被告人张某犯盗窃罪，判处有期徒刑六个月，并处罚金人民币二千元。二〇二〇年五月六日")
    >>> f["court_level"], f["region"], f["year"], f["case_type"], f["procedure"], f["charges"], f["term_months"]
    ('basic', '浙江省', 2020, 'criminal', 'first_instance', ['盗窃'], 6)
    >>> f["cause"], f["amount"], f["decided_on"], f["terms"][0]["defendant"], f["document_type"]
    ('盗窃罪', Decimal('3000'), datetime.date(2020, 5, 6), '张某', 'judgment')
    """
    text = text[:MAX_TEXT]
    parsed = parse_judgment(text)
    number = _CASE_NUMBER.search(parsed.case_number or text[:600])
    code = number.group("code") if number else ""
    type_code = number.group("type") if number else ""
    doc_type = parsed.document_type
    case_type = "other"
    for char, value in _CASE_TYPES:
        if doc_type.startswith(
            {"刑": "刑事", "民": "民事", "行": "行政", "执": "执行", "赔": "赔偿"}[char]
        ) or (type_code.startswith(char)):
            case_type = value
            break
    if case_type == "other" and (parsed.charges or "犯" in text[:2000] and "罪" in text[:2000]):
        case_type = "criminal"
    if "再" in type_code or parsed.trial_level == "再审":
        procedure = "retrial"
    elif type_code.endswith("终") or parsed.trial_level == "二审":
        procedure = "second_instance"
    elif type_code.endswith("初") or parsed.trial_level == "一审":
        procedure = "first_instance"
    elif case_type == "enforcement":
        procedure = "enforcement"
    else:
        procedure = "other"
    facts_part = parsed.part("facts")
    facts = facts_part.text if facts_part else ""
    money = extract_money(facts[:20_000]) if facts else []
    amounts = [str(m.amount) for m in money]
    closing = parsed.part("closing")
    tail = closing.text if closing else text[-300:]
    dates = [d.date for d in extract_dates(tail[-400:]) if d.date]
    decided_on: dt.date | None = dates[-1] if dates else None
    year = int(number.group("year")) if number else (decided_on.year if decided_on else None)
    charges = list(parsed.charges)
    operative = parsed.part("operative")
    if (
        not charges and operative is not None
    ):  # the engine reads the title and indictment; the result names them too
        for m in _OPERATIVE_CHARGE.finditer(operative.text):
            if m.group(1) not in charges:
                charges.append(m.group(1))
    cause = f"{charges[0]}罪" if charges else ""
    if not cause:
        m = _CAUSE.search(text[:1500])
        cause = m.group(1) if m else ""
        # 原告甲与被告乙民间借贷纠纷: the cause follows the last party named before it.
        for name in sorted({p.name for p in parsed.parties if p.name}, key=len, reverse=True):
            at = cause.rfind(name)
            if at >= 0:
                cause = cause[at + len(name) :]
        cause = re.sub(r"^.*?(?:与|诉)(?:被告|被上诉人|被申请人)?", "", cause) if len(cause) > 12 else cause
    principal = parsed.principal_penalty
    terms = _terms(parsed) if case_type == "criminal" else []
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = first_line if len(first_line) <= 80 and first_line.endswith("书") else ""
    if not title:
        title = "".join(x for x in (parsed.court, parsed.case_number, doc_type) if x) or first_line[:60]
    return {
        "title": title[:300],
        "case_number": parsed.case_number[:100],
        "court": parsed.court[:100],
        "court_level": court_level_of(parsed.court),
        "region": region_of(parsed.court, code),
        "year": year if year and 1900 <= year <= 2100 else None,
        "decided_on": decided_on,
        "case_type": case_type,
        "procedure": procedure,
        "document_type": next((v for k, v in _DOC_TYPES.items() if doc_type.endswith(k)), "other"),
        "cause": cause[:100],
        "charges": charges,
        "terms": terms,
        "term_months": principal.months if principal and principal.kind in _PRINCIPAL else None,
        "fine_amount": parsed.fine.amount if parsed.fine and parsed.fine.amount is not None else None,
        "amounts": amounts,
        "amount": max((m.amount for m in money), default=None) if money else None,
        "cited_articles": [{"law": c.law, "article": a} for c in parsed.citations for a in c.articles],
        "facts": facts,
        "full_text": text,
        "is_guiding": "指导性案例" in text[:300] or "指导案例" in text[:300],
        "content_hash": content_hash(text),
    }


def _decimal_or_none(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value))
