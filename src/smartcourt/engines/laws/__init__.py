"""Laws engine: the texts of the main laws and judicial interpretations, and citations to their articles.

Pure Python (no Django). The corpus ships as ``data/laws.json.xz``, built by hand from the LawRefBook markdown
in ../shared/data/laws by ``_build_corpus.py`` (its source repository and commit are in the file)::

    >>> from datetime import date
    >>> [c.raw for c in find_citations("依照《中华人民共和国刑法》第二百六十四条、第六十七条第三款之规定")]
    ['第二百六十四条', '第六十七条第三款']
    >>> check_article("刑法", 133, suffix=2, on=date(2021, 1, 1)).reason
    'not_yet_in_force'
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ._citations import find_citations_in
from ._corpus import (
    Corpus,
    article_status,
    article_text_on,
    default_corpus,
    normalize_law_name,
    read_corpus_file,
)
from ._markdown import parse_law_markdown
from ._numbers import format_article_number, parse_article_number
from ._types import Article, ArticleStatus, Change, Citation, Law, LawVersion, Paragraph, ParsedLaw
from .errors import ArticleNumberError, CorpusError, LawError, LawParseError, UnknownLawError

__all__ = [
    "Article",
    "ArticleNumberError",
    "ArticleStatus",
    "Change",
    "Citation",
    "Corpus",
    "CorpusError",
    "Law",
    "LawError",
    "LawParseError",
    "LawVersion",
    "Paragraph",
    "ParsedLaw",
    "UnknownLawError",
    "article_text",
    "check_article",
    "find_citations",
    "format_article_number",
    "load_corpus",
    "lookup_law",
    "normalize_law_name",
    "parse_article_number",
    "parse_law_markdown",
]


def load_corpus(path: Path | None = None) -> Corpus:
    """The shipped corpus (read once and cached), or the data file at ``path``.

    Raises :class:`CorpusError` if the file is missing, unreadable or of another format.

    >>> corpus = load_corpus()
    >>> corpus.source["commit"]
    '2f4c5c23716267af9dbebbbbd6cbbf732b101981'
    >>> len(corpus.lookup("民法典").latest.articles)
    1260
    """
    return default_corpus() if path is None else read_corpus_file(path)


def lookup_law(name: str, *, corpus: Corpus | None = None) -> Law:
    """The law with this full title, short name or alias; book-title marks and ``中华人民共和国`` are optional.

    Raises :class:`UnknownLawError` when no law in the corpus has that name.

    >>> lookup_law("《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》").id
    '民诉法解释'
    >>> [v.label for v in lookup_law("民事诉讼法").versions]
    ['2021-12-24', '2023-09-01']
    """
    law = (corpus or default_corpus()).lookup(name)
    if law is None:
        raise UnknownLawError("law.unknown", f"法律库中没有“{name}”")
    return law


def check_article(
    law: str,
    article: int,
    *,
    suffix: int = 0,
    paragraph: int | None = None,
    item: int | None = None,
    on: date | None = None,
    corpus: Corpus | None = None,
) -> ArticleStatus:
    """Whether an article (款, 项) of ``law`` exists in any known version, and was in force ``on`` that date.

    ``on=None`` judges against the newest version. Raises :class:`UnknownLawError` for an unknown law.

    >>> from datetime import date
    >>> check_article("刑法", 199, on=date(2016, 1, 1)).detail
    '第一百九十九条已由《中华人民共和国刑法修正案（九）》删去（自2015-11-01起）'
    >>> status = check_article("刑法", 67, paragraph=4)
    >>> status.exists, status.reason
    (False, 'no_such_paragraph')
    """
    return article_status(lookup_law(law, corpus=corpus), article, suffix, paragraph, item, on=on)


def article_text(
    law: str, article: int, *, suffix: int = 0, on: date | None = None, corpus: Corpus | None = None
) -> str | None:
    """The text of an article as in force on ``on`` (``None``: the newest text), where the corpus holds it.

    Returns ``None`` when the article does not exist, was not in force then, or its text on that date is not in
    the corpus (for 刑法: the 1997 wording of an article amended since, or one whose amendment rewrote only some
    款). Versioned laws give the text of the version in force. Raises :class:`UnknownLawError`.

    >>> from datetime import date
    >>> article_text("刑法", 133, suffix=1, on=date(2012, 1, 1)).splitlines()[0]
    '在道路上驾驶机动车追逐竞驶，情节恶劣的，或者在道路上醉酒驾驶机动车的，处拘役，并处罚金。'
    >>> article_text("刑法", 133, suffix=1, on=date(2010, 1, 1)) is None
    True
    """
    found = lookup_law(law, corpus=corpus)
    in_force = [v for v in found.versions if on is None or v.effective is None or v.effective <= on]
    if not in_force or (found.repealed_on is not None and on is not None and on >= found.repealed_on):
        return None
    record = in_force[-1].article(article, suffix)
    return article_text_on(record, on) if record is not None else None


def find_citations(
    text: str, *, on: date | None = None, context_law: str | None = None, corpus: Corpus | None = None
) -> list[Citation]:
    """Every article citation in ``text``, resolved against the corpus, in order; never raises.

    A citation needs a law before it: ``《…》``, a known short name (``刑法``, ``民诉法解释``), or ``同法``/``本法``/
    ``该法`` (the last law named, or ``context_law``); later ``、``/``，``-separated articles, 款 and 项 chain
    onto it, and ``第X条至第Y条`` is one citation with ``article_end``. ``on`` is the date the in-force
    check uses (``None``: the newest version). ``text[c.span[0]:c.span[1]] == c.raw`` for every result.

    >>> from datetime import date
    >>> text = "依照《中华人民共和国刑法》第一百三十三条之一第一款第（二）项、同法第五百条"
    >>> [(c.raw, c.law_id, c.article, c.suffix, c.paragraph, c.item, c.status.exists) for c in find_citations(text)]
    [('第一百三十三条之一第一款第（二）项', '刑法', 133, 1, 1, 2, True), ('第五百条', '刑法', 500, 0, None, None, False)]
    >>> [c.status.reason for c in find_citations("刑法第133条之二", on=date(2020, 1, 1))]
    ['not_yet_in_force']
    """
    try:
        return find_citations_in(text, corpus or default_corpus(), on=on, context_law=context_law)
    except (LawError, RecursionError, ValueError, TypeError):
        return []
