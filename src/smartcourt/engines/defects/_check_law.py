"""Cited laws: the article exists and was in force on the judgment date (through the laws engine)."""

from __future__ import annotations

from datetime import date

from smartcourt.engines import laws
from smartcourt.engines.defects._document import Document
from smartcourt.engines.defects._types import Defect, DefectKind, Severity

CITATION_RULE = "裁判文书引用的法律条文应当存在并在裁判时有效（《最高人民法院关于裁判文书引用法律、法规等规范性法律文件的规定》（法释〔2009〕14号））"
# 《中华人民共和国民法典》第一千二百六十条: these laws were repealed on 2021-01-01.
REPEALED_BY_CIVIL_CODE = {
    "婚姻法": "中华人民共和国婚姻法",
    "继承法": "中华人民共和国继承法",
    "民法通则": "中华人民共和国民法通则",
    "收养法": "中华人民共和国收养法",
    "担保法": "中华人民共和国担保法",
    "合同法": "中华人民共和国合同法",
    "物权法": "中华人民共和国物权法",
    "侵权责任法": "中华人民共和国侵权责任法",
    "民法总则": "中华人民共和国民法总则",
}
CIVIL_CODE_EFFECTIVE = date(2021, 1, 1)


def check_citations(document: Document, on: date | None) -> list[Defect]:
    """Each cited article that does not exist, or was not in force on ``on``, with the reason.

    An article beyond a known law's last one is an error; a law the corpus does not hold is one warning per
    law (the article cannot be checked, which says nothing about whether it exists).

    >>> doc = Document.from_text("依照《中华人民共和国劳动合同法》第九十九条、《某某条例》第三条、第四条之规定")
    >>> for d in check_citations(doc, None):
    ...     print(d.severity.value, d.message)
    error 引用的条文不存在：《中华人民共和国劳动合同法》没有第九十九条
    warning 法律库未收录《某某条例》，无法核对条文
    """
    defects: list[Defect] = []
    unknown: set[str] = set()
    for index, paragraph in enumerate(document.paragraphs):
        for citation in laws.find_citations(paragraph, on=on):
            status = citation.status
            start = citation.law_span[0] if citation.law_span else citation.span[0]
            raw = paragraph[start : citation.span[1]]
            severity = Severity.ERROR
            repealed = _repealed_civil_law(citation.law_text or "")
            if repealed and on and on >= CIVIL_CODE_EFFECTIVE:
                message = f"《{repealed}》已于2021年1月1日由《中华人民共和国民法典》第一千二百六十条废止，裁判日{on.isoformat()}不应再引用"
            elif status.reason == "unknown_law":
                if status.detail in unknown:
                    continue
                unknown.add(status.detail)
                severity = Severity.WARNING
                message = f"{status.detail}，无法核对条文"
            elif status.exists is False:
                message = f"引用的条文不存在：{status.detail or raw}"
            elif status.reason == "no_version_on_date":
                severity = Severity.WARNING
                message = f"无法核对该条文在{on.isoformat() if on else '裁判日'}的文本：{status.detail}"
            elif status.in_force is False:
                message = f"引用的条文在{on.isoformat() if on else '裁判日'}不在有效期内：{status.detail or status.reason}"
            else:
                continue
            defects.append(
                Defect(
                    DefectKind.CITATION,
                    severity,
                    index,
                    start,
                    citation.span[1],
                    raw,
                    message,
                    CITATION_RULE,
                    detail={"reason": status.reason or "repealed"},
                )
            )
    return defects


def _repealed_civil_law(law_text: str) -> str | None:
    name = law_text.strip("《》").removeprefix("中华人民共和国")
    full = REPEALED_BY_CIVIL_CODE.get(name)
    return full
