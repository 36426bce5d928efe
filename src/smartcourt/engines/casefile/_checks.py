"""Automatic checks of an electronic case file (电子卷宗自动检查): missing documents for the case's stage,
unsigned documents, blank pages, pages out of order, and party names that differ from the case record."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smartcourt.engines import defects
from smartcourt.engines.casefile._catalogue import catalogue

RULE_COMPLETENESS = (
    "电子卷宗随案同步生成（《人民法院在线诉讼规则》第三十五条）；各阶段应有材料按卷宗目录（unverified）"
)
RULE_SIGNATURE = "裁判文书、笔录和送达回证应有署名或签收（《人民法院民事裁判文书制作规范》（法〔2016〕221号）落款要求；送达回证见民事诉讼法第八十七条）"
RULE_PAGES = "卷内材料应完整、顺序正确（《人民法院诉讼档案管理办法》，unverified）"
RULE_PARTIES = "各材料中的当事人名称应与案件信息一致"
_BLANK_CHARS = 5
_PAGE_MARK = re.compile(r"第\s*(\d{1,4})\s*页|[-—]\s*(\d{1,4})\s*[-—]\s*$", re.MULTILINE)
_SIGNATURES = {
    "judgment": ("审判", "书记员"),
    "ruling": ("审判", "书记员"),
    "mediation": ("审判", "书记员"),
    "hearing_record": ("书记员",),
    "inquiry_record": ("被询问人", "签名"),
    "proof_of_service": ("受送达人", "签"),
    "complaint": ("具状人", "起诉人"),
}


@dataclass(frozen=True)
class ReviewedDocument:
    """A catalogued document with the text of each page (OCR or extracted), for the checks."""

    id: str
    category: str
    page_texts: tuple[str, ...]
    title: str = ""


@dataclass(frozen=True)
class CaseFileIssue:
    """One finding: its kind, the document and page concerned (when one is), a Chinese message and the rule."""

    kind: str
    message: str
    rule: str
    document: str | None = None
    page: int | None = None


def check_case_file(
    *, status: str, documents: list[ReviewedDocument], parties: list[str]
) -> list[CaseFileIssue]:
    """Every issue of the case file at this case status.

    >>> docs = [ReviewedDocument("d1", "complaint", ("民事起诉状\\n原告：张三\\n被告：李四\\n具状人：张三",)),
    ...         ReviewedDocument("d2", "acceptance_notice", ("受理案件通知书", " "))]
    >>> [(i.kind, i.document, i.page) for i in check_case_file(status="REGISTERED", documents=docs, parties=["张三", "李四"])]
    [('blank_page', 'd2', 2)]
    >>> [i.message for i in check_case_file(status="CLOSED", documents=docs, parties=["张三", "李五"])][:2]
    ['卷宗缺少应诉通知书（当前阶段应有）', '卷宗缺少举证通知书（当前阶段应有）']
    """
    issues = _missing(status, documents)
    for document in documents:
        issues.extend(_blank_pages(document))
        issues.extend(_page_order(document))
        issues.extend(_unsigned(document))
        issues.extend(_party_names(document, parties))
    return issues


def _missing(status: str, documents: list[ReviewedDocument]) -> list[CaseFileIssue]:
    cat = catalogue()
    present = {d.category for d in documents}
    issues = [
        CaseFileIssue("missing_document", f"卷宗缺少{cat.get(code).name}（当前阶段应有）", RULE_COMPLETENESS)
        for code in cat.required_by_status.get(status, ())
        if code not in present
    ]
    if status in ("CLOSED", "ARCHIVED") and not present & set(cat.closing_documents):
        issues.append(
            CaseFileIssue("missing_document", "已结案件的卷宗缺少判决书、裁定书或调解书", RULE_COMPLETENESS)
        )
    return issues


def _blank_pages(document: ReviewedDocument) -> list[CaseFileIssue]:
    return [
        CaseFileIssue("blank_page", f"第{number}页为空白页或无法识别文字", RULE_PAGES, document.id, number)
        for number, text in enumerate(document.page_texts, start=1)
        if len(re.sub(r"\s", "", text)) < _BLANK_CHARS
    ]


def _page_order(document: ReviewedDocument) -> list[CaseFileIssue]:
    marks: list[tuple[int, int]] = []
    for number, text in enumerate(document.page_texts, start=1):
        found = [int(m.group(1) or m.group(2)) for m in _PAGE_MARK.finditer(text)]
        if found:
            marks.append((number, found[-1]))
    issues = []
    for (page_a, mark_a), (page_b, mark_b) in zip(marks, marks[1:], strict=False):
        if mark_b - mark_a != page_b - page_a:
            issues.append(
                CaseFileIssue(
                    "page_order",
                    f"第{page_b}页标注为第{mark_b}页，与前一页（标注第{mark_a}页）不连续，可能缺页或顺序错误",
                    RULE_PAGES,
                    document.id,
                    page_b,
                )
            )
    return issues


def _unsigned(document: ReviewedDocument) -> list[CaseFileIssue]:
    markers = _SIGNATURES.get(document.category)
    if not markers or not document.page_texts:
        return []
    tail = "\n".join(document.page_texts[-2:])
    if all(marker in tail for marker in markers[:1]) and any(marker in tail for marker in markers):
        return []
    name = catalogue().get(document.category).name
    return [
        CaseFileIssue(
            "unsigned",
            f"{name}末页未见署名或签收（{'、'.join(markers)}）",
            RULE_SIGNATURE,
            document.id,
            len(document.page_texts),
        )
    ]


def _party_names(document: ReviewedDocument, parties: list[str]) -> list[CaseFileIssue]:
    if not parties or not document.page_texts:
        return []
    header = defects.Document.from_text(document.page_texts[0])
    return [
        CaseFileIssue(
            "party_name",
            f"材料中的当事人“{name}”（{role}）与案件当事人名单不一致",
            RULE_PARTIES,
            document.id,
            1,
        )
        for _, role, name in defects.header_parties(header)
        if name not in parties
    ]
