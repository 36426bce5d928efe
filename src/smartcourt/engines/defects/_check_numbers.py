"""Case numbers (法〔2015〕137号 《关于人民法院案件案号的若干规定》) and amounts in figures against words."""

from __future__ import annotations

import re
from decimal import Decimal

from smartcourt.engines import catalogs, text
from smartcourt.engines.defects._document import Document
from smartcourt.engines.defects._types import Defect, DefectKind, DocumentContext, Severity
from smartcourt.engines.defects._words import amount_in_words

CASE_NUMBER_RULE = "《最高人民法院关于人民法院案件案号的若干规定》（法〔2015〕137号）：案号由（收案年度）、法院代字、类型代字、案件编号和“号”组成"
AMOUNT_RULE = "裁判文书中阿拉伯数字金额与其大写金额应当一致（《人民法院民事裁判文书制作规范》（法〔2016〕221号）关于数字用法的要求）"
_CANDIDATE = re.compile(
    r"[（(〔\[［]\s*(?:19|20)\d{2}\s*[）)〕\]］]\s*[\u4e00-\u9fff]{1,3}\d{0,4}[\u4e00-\u9fff]{1,6}\d{1,6}号?"
)
_HEADER_PARAGRAPHS = 6
_UPPER = set("零壹贰叁肆伍陆柒捌玖拾佰仟")


def check_case_numbers(document: Document, context: DocumentContext) -> list[Defect]:
    """Malformed case numbers anywhere; in the header, a number that differs from the case's own."""
    defects: list[Defect] = []
    own_found = False
    for index, paragraph in enumerate(document.paragraphs):
        for match in _CANDIDATE.finditer(paragraph):
            raw = match.group()
            compact = re.sub(r"\s+", "", raw)
            try:
                parsed = catalogs.parse_case_number(compact)
            except catalogs.CaseNumberError as exc:
                defects.append(
                    _defect(index, match.start(), match.end(), raw, f"案号格式错误：{exc.message}")
                )
                continue
            canonical = str(parsed)
            if compact != canonical:
                defects.append(
                    _defect(
                        index, match.start(), match.end(), raw, "案号应使用全角圆括号，且不含空格", canonical
                    )
                )
            if index < _HEADER_PARAGRAPHS and not own_found:
                own_found = True
                if context.case_number and canonical != _canonical(context.case_number):
                    defects.append(
                        _defect(
                            index,
                            match.start(),
                            match.end(),
                            raw,
                            f"文书案号{canonical}与本案案号{context.case_number}不一致",
                            _canonical(context.case_number),
                            severity=Severity.ERROR,
                        )
                    )
    return defects


def _canonical(number: str) -> str:
    try:
        return str(catalogs.parse_case_number(number))
    except catalogs.CaseNumberError:
        return number


def _defect(
    index: int,
    start: int,
    end: int,
    raw: str,
    message: str,
    suggestion: str | None = None,
    *,
    severity: Severity = Severity.ERROR,
) -> Defect:
    return Defect(
        DefectKind.CASE_NUMBER, severity, index, start, end, raw, message, CASE_NUMBER_RULE, suggestion
    )


def check_amounts(document: Document) -> list[Defect]:
    """An amount in figures next to its amount in words (大写) that does not match it."""
    defects: list[Defect] = []
    for index, paragraph in enumerate(document.paragraphs):
        found = text.extract_money(paragraph)
        for first, second in zip(found, found[1:], strict=False):
            gap = paragraph[first.span[1] : second.span[0]]
            if len(gap) > 6 or not re.search(
                r"[（(]|大写", gap + paragraph[second.span[0] - 4 : second.span[0]]
            ):
                continue
            words, figures = (first, second) if _is_upper(first.text) else (second, first)
            if not _is_upper(words.text) or _is_upper(figures.text):
                continue
            if words.amount != figures.amount:
                correct = amount_in_words(Decimal(figures.amount))
                defects.append(
                    Defect(
                        DefectKind.AMOUNT,
                        Severity.ERROR,
                        index,
                        words.span[0],
                        words.span[1],
                        words.text,
                        f"大写金额{words.text}（{words.amount}元）与小写金额{figures.text}（{figures.amount}元）不一致",
                        AMOUNT_RULE,
                        correct,
                        {"figures": str(figures.amount), "words": str(words.amount)},
                    )
                )
    return defects


def _is_upper(value: str) -> bool:
    return any(char in _UPPER for char in value)
