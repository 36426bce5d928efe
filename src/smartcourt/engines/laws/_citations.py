"""Finding article citations in text and resolving them against the corpus."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from ._corpus import Corpus, article_status
from ._numbers import NUMERAL, numeral_value
from ._types import ArticleStatus, Citation
from .errors import ArticleNumberError

_BOOK = r"《(?:[^《》\n]|《[^《》\n]{0,60}》){1,100}》"
_CONTEXT = r"本法|同法|该法|上述法律|前述法律|本解释|该解释|本规定|该规定|本办法"
# 同法/本法 inside a name (劳动合同法, 合同法, 基本法, 根本法) is not a back-reference.
_NOT_CONTEXT = r"(?<![合基根])"
_ONE_ITEM = rf"[（(]?\s*{NUMERAL}\s*[）)]?"
# 第（一）项, （一）项, 第一项, and lists: 第（一）、（三）项; 第一、三款.
_ITEM = rf"(?:第\s*(?P<{{0}}>{_ONE_ITEM}(?:\s*、\s*{_ONE_ITEM})*)\s*项|(?P<{{1}}>[（(]\s*{NUMERAL}\s*[）)](?:\s*、\s*[（(]\s*{NUMERAL}\s*[）)])*)\s*项)"
_PARAGRAPHS = rf"{NUMERAL}(?:\s*、\s*{NUMERAL})*"
_ARTICLE = (
    rf"第\s*(?P<a>{NUMERAL})\s*条(?:\s*之\s*(?P<s>[{NUMERAL[1:-2]}]+))?"
    rf"(?:\s*第\s*(?P<p>{_PARAGRAPHS})\s*款)?(?:\s*{_ITEM.format('i', 'i2')})?"
)
_PARAGRAPH = rf"第\s*(?P<pp>{_PARAGRAPHS})\s*款(?:\s*{_ITEM.format('pi', 'pi2')})?"
_LONE_ITEM = _ITEM.format("li", "li2")
_SEPARATOR = re.compile(r"\s*(?:[、，,]|以及|和|及|与|或者|或)?\s*")
_RANGE = re.compile(r"\s*(?:至|到|—|－|-|~|～)\s*")


@cache
def _pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    bare = rf"(?P<alias>{names})(?=\s*第)" if names else r"(?!x)x"
    return re.compile(
        rf"(?P<book>{_BOOK})|{_NOT_CONTEXT}(?P<ctx>{_CONTEXT})(?=\s*第)|{bare}|(?P<art>{_ARTICLE})|(?P<para>{_PARAGRAPH})"
        rf"|(?P<item>{_LONE_ITEM})"
    )


_NUMBERS = re.compile(NUMERAL)


def _numbers(match: re.Match[str], *groups: str) -> list[int | None]:
    """The numbers a 款 or 项 group lists (``一、三`` → [1, 3]); ``[None]`` when the group is absent."""
    for group in groups:
        value = match.group(group)
        if value:
            return [numeral_value(n) for n in _NUMBERS.findall(value)]
    return [None]


def _aliases(corpus: Corpus) -> tuple[str, ...]:
    names = {a for law in corpus.laws.values() for a in law.aliases if len(a) >= 2}
    names |= {law.title for law in corpus.laws.values()}
    return tuple(sorted(names))


def _unknown(named: str) -> ArticleStatus:
    """The status of an article of a law the corpus does not hold (``named`` as the text wrote it)."""
    title = named if named.startswith("《") else f"《{named}》"
    return ArticleStatus(False, None, "unknown_law", f"法律库未收录{title}")


def _status(corpus: Corpus, citation: Citation, on: date | None) -> ArticleStatus:
    if citation.law_id is None:
        return citation.status
    law = corpus.laws[citation.law_id]
    first = article_status(law, citation.article, citation.suffix, citation.paragraph, citation.item, on=on)
    if citation.article_end is None or not first.exists:
        return first
    last = article_status(law, citation.article_end, citation.suffix_end, on=on)
    if not last.exists or (first.in_force and not last.in_force):
        return last
    return first


def find_citations_in(
    text: str, corpus: Corpus, *, on: date | None = None, context_law: str | None = None
) -> list[Citation]:
    """All article citations in ``text`` (see :func:`smartcourt.engines.laws.find_citations`)."""
    if not isinstance(text, str) or not text:
        return []
    found: list[Citation] = []
    law_text = ""
    law_span: tuple[int, int] | None = None
    law_id: str | None = None
    context = corpus.lookup(context_law) if context_law else None
    # 同法/该法… mean the last law named, whether or not the corpus holds it.
    last_named: tuple[str | None, str] = (context.id, context.title) if context else (None, "")
    named = ""
    previous = ""  # "law", "cite" or ""
    previous_end = 0
    for match in _pattern(_aliases(corpus)).finditer(text):
        gap = text[previous_end : match.start()]
        kind = match.lastgroup or ""
        if kind in {"book", "alias", "ctx"}:
            law_text = match.group(0)
            law_span = (match.start(), match.end())
            if kind == "ctx":
                law_id, named = last_named
            else:
                law = corpus.lookup(law_text)
                law_id = law.id if law else None
                named = law_text
                last_named = (law_id, law_text)
            previous, previous_end = "law", match.end()
            continue
        try:
            follows_law = previous == "law" and gap.strip() in {"", "的"}
            chained = previous == "cite" and _SEPARATOR.fullmatch(gap) is not None
            is_range = previous == "cite" and kind == "art" and _RANGE.fullmatch(gap) is not None
            span = (match.start(), match.end())
            if kind == "art" and (follows_law or chained or is_range):
                article = numeral_value(match.group("a"))
                suffix = numeral_value(match.group("s")) if match.group("s") else 0
                if is_range and found and found[-1].article_end is None and found[-1].paragraph is None:
                    head = found[-1]
                    found[-1] = replace(
                        head,
                        span=(head.span[0], span[1]),
                        raw=text[head.span[0] : span[1]],
                        article_end=article,
                        suffix_end=suffix,
                    )
                else:
                    found.extend(
                        Citation(
                            span=span,
                            raw=match.group(0),
                            law_text=law_text,
                            law_span=law_span,
                            law_id=law_id,
                            law_title=corpus.laws[law_id].title if law_id else None,
                            article=article,
                            suffix=suffix,
                            paragraph=paragraph,
                            item=item,
                            status=_unknown(named or law_text),
                        )
                        for paragraph in _numbers(match, "p")
                        for item in _numbers(match, "i", "i2")
                    )
            elif kind in {"para", "item"} and chained and found:
                head = found[-1]
                if kind == "para":
                    pairs = [(p, i) for p in _numbers(match, "pp") for i in _numbers(match, "pi", "pi2")]
                else:
                    pairs = [(head.paragraph, i) for i in _numbers(match, "li", "li2")]
                found.extend(
                    replace(head, span=span, raw=match.group(0), paragraph=p, item=i, article_end=None)
                    for p, i in pairs
                )
            else:
                previous, previous_end = "", match.end()
                continue
        except ArticleNumberError:
            previous, previous_end = "", match.end()
            continue
        previous, previous_end = "cite", match.end()
    return [replace(c, status=_status(corpus, c, on)) for c in found]
