"""Required sections, party names and roles, and the operative part against the reasoning."""

from __future__ import annotations

import re
from decimal import Decimal

from smartcourt.engines import text
from smartcourt.engines.defects._document import Document
from smartcourt.engines.defects._types import Defect, DefectKind, DocumentContext, Severity

CIVIL_STYLE = "《人民法院民事裁判文书制作规范》（法〔2016〕221号）"
CRIMINAL_STYLE = "《法院刑事诉讼文书样式》（样本，最高人民法院1999年印发；unverified）"
ADMIN_STYLE = "《行政诉讼文书样式（试行）》（法〔2015〕230号；unverified）"

# Each kind's required parts: (label, any of these markers).
_SIGN = ("审判长", "审判员", "人民陪审员")
_REQUIRED: dict[str, tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]] = {
    "民事判决书": (
        CIVIL_STYLE,
        (
            ("当事人", ("原告", "上诉人", "再审申请人", "申请人")),
            ("本院认为", ("本院认为",)),
            ("裁判主文", ("判决如下",)),
            ("审判组织署名", _SIGN),
            ("书记员署名", ("书记员",)),
        ),
    ),
    "民事裁定书": (
        CIVIL_STYLE,
        (
            ("当事人", ("原告", "上诉人", "申请人", "起诉人", "再审申请人", "申请执行人")),
            ("裁判主文", ("裁定如下",)),
            ("审判组织署名", _SIGN),
            ("书记员署名", ("书记员",)),
        ),
    ),
    "民事调解书": (
        CIVIL_STYLE,
        (
            ("当事人", ("原告", "申请人", "上诉人")),
            ("调解协议", ("协议",)),
            ("审判组织署名", _SIGN),
            ("书记员署名", ("书记员",)),
        ),
    ),
    "刑事判决书": (
        CRIMINAL_STYLE,
        (
            ("控诉方", ("公诉机关", "自诉人", "抗诉机关", "原公诉机关")),
            ("被告人", ("被告人", "上诉人")),
            ("本院认为", ("本院认为",)),
            ("裁判主文", ("判决如下",)),
            ("审判组织署名", _SIGN),
            ("书记员署名", ("书记员",)),
        ),
    ),
    "行政判决书": (
        ADMIN_STYLE,
        (
            ("当事人", ("原告", "上诉人", "再审申请人")),
            ("本院认为", ("本院认为",)),
            ("裁判主文", ("判决如下",)),
            ("审判组织署名", _SIGN),
            ("书记员署名", ("书记员",)),
        ),
    ),
}
_ROLES = (
    "再审申请人",
    "起诉人",
    "被申请人",
    "申请执行人",
    "被执行人",
    "被上诉人",
    "上诉人",
    "被告人",
    "第三人",
    "申请人",
    "原告",
    "被告",
)
_ROLE_WORDS = "|".join(_ROLES)
# A second instance lists those who neither appealed nor were appealed against as 原审原告, 原审被告, 原审第三人
# (法〔2016〕221号, 民事判决书（二审维持原判或者改判用）): read as 原告, 被告, 第三人.
_HEADER_PARTY = re.compile(
    rf"^\s*(?:附带民事诉讼)?(?:原审)?({_ROLE_WORDS})(?:（[^）]{{0,20}}）)?[：:]\s*([^，,。；;（(\s]{{2,40}})"
)
_MENTION = re.compile(rf"({_ROLE_WORDS})([\u4e00-\u9fff]{{2,3}})")
_NOT_NAMES = (
    "人民",
    "公司",
    "的",
    "于",
    "向",
    "在",
    "称",
    "认为",
    "辩称",
    "诉称",
    "提出",
    "对",
    "与",
    "及",
    "均",
)
# Words that follow a role and share a surname's character (原告陈述 when a party is 陈某): never names.
_VERBS_AFTER_ROLE = frozenset(
    [
        "陈述",
        "陈明",
        "陈列",
        "方面",
        "方称",
        "方提",
        "一方",
        "主张",
        "代理",
        "提交",
        "提供",
        "申请",
        "要求",
        "同意",
        "放弃",
        "表示",
        "承认",
        "否认",
        "举证",
        "质证",
        "未到",
        "到庭",
        "签收",
        "签名",
        "支付",
        "偿还",
        "返还",
        "赔偿",
        "负担",
        "承担",
        "交纳",
        "预交",
        "诉请",
        "起诉",
        "上诉",
        "答辩",
        "补充",
        "确认",
        "撤回",
        "认可",
        "另行",
        "自愿",
        "当庭",
    ]
)
_OPERATIVE_START = re.compile(r"(判决|裁定)如下")
# The costs line closes the operative part; a second instance writes 一审/二审案件受理费, and a 发回重审 ruling
# 上诉人…预交的二审案件受理费…予以退回 (诉讼费用交纳办法第二十七条).
_OPERATIVE_END = re.compile(
    r"^\s*(如不服|(?:[一二]审)?案件受理费|上诉人[^。]{0,60}?预交的二审案件受理费|审\s*判|本判决|本裁定|人民陪审员|书\s*记\s*员)"
)


def check_sections(document: Document) -> list[Defect]:
    """Required parts missing for the document's kind (by its title); nothing for kinds not in the table."""
    if document.kind not in _REQUIRED:
        return []
    source, parts = _REQUIRED[document.kind]
    body = "\n".join(document.paragraphs)
    missing = [label for label, markers in parts if not any(marker in body for marker in markers)]
    return [
        Defect(
            DefectKind.SECTION,
            Severity.ERROR,
            0,
            0,
            0,
            "",
            f"{document.kind}缺少必备部分：{label}",
            source,
        )
        for label in missing
    ]


def header_parties(document: Document) -> list[tuple[int, str, str]]:
    """(paragraph, role, name) of each party line in the header, before the first line of the body.

    >>> header_parties(Document.from_text("民事判决书\\n原告：张三，男。\\n被告：某某有限公司，住所地某市。\\n本院认为……"))
    [(1, '原告', '张三'), (2, '被告', '某某有限公司')]
    """
    found: list[tuple[int, str, str]] = []
    for index, paragraph in enumerate(document.paragraphs):
        if "本院" in paragraph and found:
            break
        match = _HEADER_PARTY.match(paragraph)
        if match:
            found.append((index, match.group(1), match.group(2)))
    return found


def check_parties(document: Document, context: DocumentContext) -> list[Defect]:
    """Header parties against the case record; in the body, a role followed by a near-miss of a party's name."""
    defects: list[Defect] = []
    header = header_parties(document)
    names = {name for _, _, name in header}
    if context.parties:
        record = {party.name: party.role for party in context.parties}
        for index, role, name in header:
            start = document.paragraphs[index].find(name)
            if name not in record:
                defects.append(
                    _party(
                        index,
                        start,
                        start + len(name),
                        name,
                        f"当事人“{name}”不在本案当事人名单中",
                        Severity.ERROR,
                    )
                )
            elif record[name] != role and not _role_compatible(record[name], role):
                defects.append(
                    _party(
                        index,
                        start,
                        start + len(name),
                        name,
                        f"当事人“{name}”在本案中的诉讼地位是{record[name]}，文书写作{role}",
                        Severity.ERROR,
                    )
                )
        # a 起诉人 (a suit not accepted: 不予受理) is the only party such a document names
        pre_acceptance = any(role == "起诉人" for _, role, _ in header)
        for party in context.parties:
            if party.name not in names and header and not pre_acceptance:
                defects.append(
                    _party(
                        header[0][0],
                        0,
                        0,
                        "",
                        f"文书首部缺少本案当事人“{party.name}”（{party.role}）",
                        Severity.WARNING,
                    )
                )
    by_role: dict[str, list[str]] = {}
    for _, role, name in header:
        by_role.setdefault(role, []).append(name)
    first_body = (header[-1][0] + 1) if header else 0
    for index in range(first_body, len(document.paragraphs)):
        paragraph = document.paragraphs[index]
        for match in _MENTION.finditer(paragraph):
            role, following = match.group(1), match.group(2)
            if any(following.startswith(name) for name in names):
                continue
            if following[:2] in _VERBS_AFTER_ROLE:
                continue
            for length in (2, 3):
                candidate = following[:length]
                if len(candidate) < length or any(word in candidate for word in _NOT_NAMES):
                    continue
                near = [
                    n
                    for n in by_role.get(role, [])
                    if len(n) == length and n[0] == candidate[0] and n != candidate
                ]
                if len(near) == 1:
                    start = match.start(2)
                    defects.append(
                        _party(
                            index,
                            start,
                            start + length,
                            candidate,
                            f"{role}姓名“{candidate}”与首部的“{near[0]}”不一致",
                            Severity.WARNING,
                            near[0],
                        )
                    )
                    break
    return defects


def _role_compatible(record_role: str, written: str) -> bool:
    return record_role in written or written in record_role


def _party(
    index: int,
    start: int,
    end: int,
    raw: str,
    message: str,
    severity: Severity,
    suggestion: str | None = None,
) -> Defect:
    return Defect(
        DefectKind.PARTY,
        severity,
        index,
        start,
        end,
        raw,
        message,
        CIVIL_STYLE + "关于当事人基本情况的要求",
        suggestion,
    )


def check_operative(document: Document) -> list[Defect]:
    """Amounts in the operative part that appear nowhere in the claims, facts or reasoning before it."""
    start = next((i for i, p in enumerate(document.paragraphs) if _OPERATIVE_START.search(p)), None)
    if start is None:
        return []
    before: set[Decimal] = set()
    for paragraph in document.paragraphs[: start + 1]:
        before.update(Decimal(m.amount) for m in text.extract_money(paragraph))
    defects = []
    for index in range(start + 1, len(document.paragraphs)):
        paragraph = document.paragraphs[index]
        if _OPERATIVE_END.match(paragraph):
            break
        for money in text.extract_money(paragraph):
            if Decimal(money.amount) not in before:
                defects.append(
                    Defect(
                        DefectKind.OPERATIVE,
                        Severity.HINT,
                        index,
                        money.span[0],
                        money.span[1],
                        money.text,
                        f"判项金额{money.text}在诉讼请求、事实和理由部分没有出现，请核对判项与说理是否一致",
                        CIVIL_STYLE + "：裁判主文应当与裁判理由相一致",
                    )
                )
    return defects
