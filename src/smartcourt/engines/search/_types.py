"""Value types of the search engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

# The keyword filters, each a facet: name → what it holds. ``year`` is an integer; ``charge`` is many-valued.
FILTER_FIELDS: Mapping[str, str] = {
    "court_level": "法院层级",
    "region": "地域（省级）",
    "year": "年份",
    "case_type": "案件类型",
    "cause": "案由",
    "charge": "罪名",
    "procedure": "审理程序",
    "document_type": "文书类型",
}
KINDS = ("judgment", "article")
SORTS = ("relevance", "date")


@dataclass(frozen=True, slots=True)
class IndexDoc:
    """One document to index: a judgment or a law article, with its keyword fields and its original text.

    ``words`` are the body's words when the caller has segmented it already (a tuple of words, or one string of
    words separated by spaces), otherwise the index segments ``text``; ``title_words`` likewise for the title;
    ``extra`` is stored for display (case number, court, law title …) and returned with each hit.

    >>> IndexDoc(kind="judgment", ref=7, title="张某盗窃案", text="被告人张某盗窃手机", charges=("盗窃",)).uid
    'judgment:7'
    """

    kind: str
    ref: int
    title: str
    text: str
    date: dt.date | None = None
    court_level: str = ""
    region: str = ""
    year: int | None = None
    case_type: str = ""
    cause: str = ""
    charges: tuple[str, ...] = ()
    procedure: str = ""
    document_type: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)
    words: tuple[str, ...] | str | None = None
    title_words: tuple[str, ...] | str | None = None

    @property
    def uid(self) -> str:
        """``kind:ref``, unique in the index."""
        return f"{self.kind}:{self.ref}"


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of the original text with the query's words marked; highlights are relative to ``text``.

    >>> p = Passage("张某盗窃手机", (2, 8), ((2, 4),))
    >>> p.text[slice(*p.highlights[0])]
    '盗窃'
    """

    text: str
    span: Span
    highlights: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: the document's kind and id, its score (BM25, or the date key when sorted by date), its
    fields as indexed, the stored ``extra``, the original text and highlighted passages.

    >>> Hit(kind="judgment", ref=3, score=1.5, title="某案").uid
    'judgment:3'
    """

    kind: str
    ref: int
    score: float
    title: str
    text: str = ""
    fields: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    passages: tuple[Passage, ...] = ()

    @property
    def uid(self) -> str:
        """``kind:ref``."""
        return f"{self.kind}:{self.ref}"


@dataclass(frozen=True, slots=True)
class FacetValue:
    """How many matching documents have this value of a filter.

    >>> FacetValue("盗窃", 12).count
    12
    """

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A page of hits, the total number of matches, the facets and the words searched for.

    >>> SearchResult(total=0).hits
    ()
    """

    total: int
    hits: tuple[Hit, ...] = ()
    facets: Mapping[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexHealth:
    """The result of :meth:`SearchIndex.check`: ``ok`` with the number of documents, or the problem.

    >>> IndexHealth(ok=True, documents=10).problem
    ''
    """

    ok: bool
    documents: int = 0
    segments: int = 0
    problem: str = ""
