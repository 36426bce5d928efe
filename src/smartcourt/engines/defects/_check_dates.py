"""Dates that do not exist, a signing date before the hearing or the filing, and the appeal period stated."""

from __future__ import annotations

import re
from datetime import date

from smartcourt.engines import text
from smartcourt.engines.defects._document import Document
from smartcourt.engines.defects._types import Defect, DefectKind, DocumentContext, Severity

DATE_RULE = "文书中的日期应当真实存在，落款日期不得早于立案、开庭等诉讼活动的日期"
_CN_DIGITS = "〇一二三四五六七八九"
# Appeal periods: 民事诉讼法（2023年修正）第一百七十一条 (判决十五日、裁定十日); 行政诉讼法第八十五条 (the same);
# 刑事诉讼法第二百三十条 (判决十日、裁定五日).
_PERIODS = {
    ("民事", "判决书"): (15, "《中华人民共和国民事诉讼法》第一百七十一条"),
    ("民事", "裁定书"): (10, "《中华人民共和国民事诉讼法》第一百七十一条"),
    ("行政", "判决书"): (15, "《中华人民共和国行政诉讼法》第八十五条"),
    ("行政", "裁定书"): (10, "《中华人民共和国行政诉讼法》第八十五条"),
    ("刑事", "判决书"): (10, "《中华人民共和国刑事诉讼法》第二百三十条"),
    ("刑事", "裁定书"): (5, "《中华人民共和国刑事诉讼法》第二百三十条"),
}
_APPEAL = re.compile(
    r"(?:送达之日起|接到判决书的第二日起|接到裁定书的第二日起)([一二三四五六七八九十\d]{1,3})日内"
)
_SIGNING = re.compile(
    r"^\s*[二〇一二三四五六七八九零○\d]{4}\s*年\s*[一二三四五六七八九十\d]{1,2}\s*月\s*[一二三四五六七八九十\d]{1,3}\s*日\s*$"
)


def check_dates(document: Document, context: DocumentContext) -> list[Defect]:
    """Impossible dates; the signing date against the case's judgment date and against earlier events."""
    defects: list[Defect] = []
    events: list[tuple[int, text.DateMention, str]] = []
    for index, paragraph in enumerate(document.paragraphs):
        for mention in text.extract_dates(paragraph):
            if mention.relative:  # 次日, 当日 …: nothing to check on its own
                continue
            if mention.reason:
                defects.append(
                    _date_defect(index, mention, f"日期{mention.text}不存在", severity=Severity.ERROR)
                )
                continue
            window = paragraph[mention.span[1] : mention.span[1] + 12]
            for word in ("立案", "受理", "开庭", "审理"):
                if word in window:
                    events.append((index, mention, word))
                    break
    signing = _signing_date(document)
    if signing is None:
        return defects
    sign_index, signed_on = signing
    if context.judgment_date and signed_on != context.judgment_date:
        defects.append(
            Defect(
                DefectKind.DATE,
                Severity.ERROR,
                sign_index,
                0,
                len(document.paragraphs[sign_index]),
                document.paragraphs[sign_index],
                f"落款日期{signed_on.isoformat()}与案件记录的裁判日期{context.judgment_date.isoformat()}不一致",
                DATE_RULE,
                _chinese_date(context.judgment_date),
            )
        )
    for index, mention, word in events:
        when = _as_date(mention)
        if when and when > signed_on:
            defects.append(
                _date_defect(
                    index,
                    mention,
                    f"{word}日期{mention.text}晚于落款日期{signed_on.isoformat()}",
                    severity=Severity.ERROR,
                )
            )
    return defects


def check_periods(document: Document) -> list[Defect]:
    """The appeal period stated in the closing paragraph against the statute for this kind of document."""
    if not document.kind:
        return []
    branch = document.kind[:2]
    form = "判决书" if "判决书" in document.kind else "裁定书" if "裁定书" in document.kind else None
    if form is None or (branch, form) not in _PERIODS:
        return []
    days, source = _PERIODS[(branch, form)]
    defects = []
    for index, paragraph in enumerate(document.paragraphs):
        if "上诉" not in paragraph:
            continue
        for match in _APPEAL.finditer(paragraph):
            stated = _small_number(match.group(1))
            if stated is not None and stated != days:
                defects.append(
                    Defect(
                        DefectKind.PERIOD,
                        Severity.ERROR,
                        index,
                        match.start(1),
                        match.end(1),
                        match.group(1),
                        f"{document.kind}的上诉期限应为{days}日，文书写作{stated}日",
                        source,
                        _chinese_small(days),
                    )
                )
    return defects


def _signing_date(document: Document) -> tuple[int, date] | None:
    for index in range(len(document.paragraphs) - 1, max(-1, len(document.paragraphs) - 15), -1):
        paragraph = document.paragraphs[index]
        if _SIGNING.match(paragraph):
            mentions = text.extract_dates(paragraph)
            if mentions and not mentions[0].reason:
                when = _as_date(mentions[0])
                if when:
                    return index, when
    return None


def _as_date(mention: text.DateMention) -> date | None:
    if mention.year and mention.month and mention.day:
        try:
            return date(mention.year, mention.month, mention.day)
        except ValueError:
            return None
    return None


def _date_defect(index: int, mention: text.DateMention, message: str, *, severity: Severity) -> Defect:
    return Defect(
        DefectKind.DATE, severity, index, mention.span[0], mention.span[1], mention.text, message, DATE_RULE
    )


def _small_number(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if value == "十":
        return 10
    if value.startswith("十"):
        return 10 + digits.get(value[1], 0)
    if value.endswith("十"):
        return digits.get(value[0], 0) * 10
    if "十" in value:
        tens, ones = value.split("十")
        return digits.get(tens, 0) * 10 + digits.get(ones, 0)
    return digits.get(value) if len(value) == 1 else None


def _chinese_small(number: int) -> str:
    names = "零一二三四五六七八九"
    if number < 10:
        return names[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[ones] if ones else "")


def _chinese_date(value: date) -> str:
    year = "".join(_CN_DIGITS[int(d)] for d in str(value.year))
    return f"{year}年{_chinese_small(value.month)}月{_chinese_small(value.day)}日"
