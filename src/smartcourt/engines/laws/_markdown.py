"""Parsing the LawRefBook markdown format into article records.

The format: ``# title`` (a 民法典 part adds a second ``# 编名``), the issuance lines, ``<!-- INFO END -->``,
then the body: ``##``/``###``/``####`` headings for 编、章、节, articles starting ``第X条`` on their own line,
one line per 款, and 项 lines starting ``（一）``.
"""

from __future__ import annotations

import re
from datetime import date

from ._numbers import NUMERAL, numeral_value
from ._types import Article, Paragraph, ParsedLaw
from .errors import ArticleNumberError, LawParseError

INFO_END = "<!-- INFO END -->"
# "第一百二十八 条侦查人员……" (a stray space in the 刑事诉讼法 source) still starts an article.
_ARTICLE_LINE = re.compile(rf"^第({NUMERAL})(?:条(?:之({NUMERAL}))?(?:[\s\u3000]+|$)|[\s\u3000]+条)(.*)$")
_ITEM_LINE = re.compile(r"^[（(][一二三四五六七八九十百0-9]+[）)]")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_IN_FORCE_FROM = re.compile(r"自(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|公布之日)起施行")


def parse_date(text: str) -> date | None:
    """The first ``YYYY年M月D日`` date in ``text``, or ``None``.

    >>> parse_date("2021年1月1日 施行")
    datetime.date(2021, 1, 1)
    """
    match = _DATE.search(text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _header_dates(header: list[str], body: list[str]) -> tuple[date | None, date | None]:
    issued: date | None = None
    effective: date | None = None
    for line in header:
        day = parse_date(line)
        if day is None:
            continue
        if line.rstrip("）) 　").endswith("施行"):
            effective = day
        elif issued is None or day > issued:
            issued = day
    if effective is None:
        for line in reversed(body):
            match = _IN_FORCE_FROM.search(line)
            if match is None:
                continue
            if match.group(1) == "公布之日":
                effective = issued
            else:
                day = parse_date(match.group(1))
                # An amended law keeps its original "自…起施行" line: it only dates this text if it is later.
                if day is not None and (issued is None or day >= issued):
                    effective = day
            break
    return issued, effective


def parse_law_markdown(text: str) -> ParsedLaw:
    """Parse one markdown law file into its title, dates and articles.

    Raises :class:`LawParseError` when the ``# title`` or the ``<!-- INFO END -->`` line is missing.

    >>> law = parse_law_markdown('''# 示例法
    ...
    ... 2020年1月2日 通过
    ...
    ... 2020年3月1日 施行
    ...
    ... <!-- INFO END -->
    ...
    ... ## 第一章 总则
    ...
    ... 第一条 为了示例，制定本法。
    ...
    ... 第一条之一 有下列情形之一的，适用本法：
    ...
    ... （一）甲；
    ...
    ... （二）乙。
    ...
    ... 前款规定以外的，不适用本法。
    ... ''')
    >>> law.title, law.issued, law.effective
    ('示例法', datetime.date(2020, 1, 2), datetime.date(2020, 3, 1))
    >>> [(a.number, a.suffix, a.chapter, len(a.paragraphs)) for a in law.articles]
    [(1, 0, '第一章 总则', 1), (1, 1, '第一章 总则', 2)]
    >>> law.articles[1].paragraphs[0].items
    ('（一）甲；', '（二）乙。')
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    if INFO_END not in lines:
        raise LawParseError("markdown.no_info_end", "缺少“<!-- INFO END -->”行")
    end = lines.index(INFO_END)
    titles = [line[2:].strip() for line in lines[:end] if line.startswith("# ")]
    if not titles or not titles[0]:
        raise LawParseError("markdown.no_title", "缺少“# 标题”行")
    header = [line for line in lines[:end] if line and not line.startswith("#")]
    body = lines[end + 1 :]
    issued, effective = _header_dates(header, body)

    headings: dict[int, str] = {}
    articles: list[Article] = []
    number = suffix = 0
    chapter = ""
    paragraphs: list[Paragraph] = []
    open_article = False

    def close() -> None:
        if open_article:
            articles.append(Article(number, suffix, chapter, tuple(paragraphs)))

    for line in body:
        if not line:
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            name = " ".join(line[level:].split())
            headings = {k: v for k, v in headings.items() if k < level}
            if name:
                headings[level] = name
            close()
            open_article = False
            continue
        match = _ARTICLE_LINE.match(line)
        if match is not None:
            try:
                new_number = numeral_value(match.group(1))
                new_suffix = numeral_value(match.group(2)) if match.group(2) else 0
            except ArticleNumberError:
                match = None
        if match is not None:
            close()
            number, suffix = new_number, new_suffix
            chapter = " / ".join(headings[k] for k in sorted(headings))
            rest = match.group(3).strip()
            paragraphs = [Paragraph(rest)] if rest else []
            open_article = True
            continue
        if not open_article:
            continue
        if _ITEM_LINE.match(line) and paragraphs:
            last = paragraphs[-1]
            paragraphs[-1] = Paragraph(last.text, (*last.items, line))
        else:
            paragraphs.append(Paragraph(line))
    close()
    return ParsedLaw(
        title=titles[0],
        part=titles[1] if len(titles) > 1 else "",
        header=tuple(header),
        issued=issued,
        effective=effective,
        articles=tuple(articles),
    )
