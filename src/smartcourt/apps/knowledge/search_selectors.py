"""Reads of the judgment corpus and the search index: full-text search with facets, candidate judgments for
similar-case push, one judgment by id.

Engine errors (an unknown filter, a query too long, an empty query) become :class:`InvalidInputError` with
the engine's code; a corrupt index is rebuilt from the database and the search retried once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from smartcourt.apps.core.errors import InvalidInputError, NotFoundError
from smartcourt.apps.knowledge.error_codes import SearchErrorCode
from smartcourt.apps.knowledge.judgment_models import (
    CourtLevel,
    Judgment,
    JudgmentCaseType,
    JudgmentDocumentType,
    JudgmentProcedure,
)
from smartcourt.apps.knowledge.judgment_services import search_index, search_index_rebuild
from smartcourt.engines.search import (
    FILTER_FIELDS,
    FacetValue,
    Hit,
    IndexCorruptError,
    SearchError,
    SearchResult,
)

# Labels of the coded facet values, for the page and the API.
VALUE_LABELS: Mapping[str, Mapping[str, str]] = {
    "court_level": dict(CourtLevel.choices),
    "case_type": dict(JudgmentCaseType.choices),
    "procedure": dict(JudgmentProcedure.choices),
    "document_type": dict(JudgmentDocumentType.choices),
}
KIND_LABELS = {"judgment": "裁判文书", "article": "法条"}
MAX_PAGE = 50


@dataclass(frozen=True)
class JudgmentCandidate:
    """A judgment retrieved for a query text, with its score (higher is closer) and the query words used."""

    judgment: Judgment
    score: float
    words: tuple[str, ...]

    @property
    def id(self) -> int:
        return int(self.judgment.pk)


@dataclass(frozen=True)
class SearchPage:
    """One page of a search: hits (with highlighted passages), total, facets with labels, paging."""

    result: SearchResult
    page: int
    page_size: int

    @property
    def hits(self) -> tuple[Hit, ...]:
        return self.result.hits

    @property
    def total(self) -> int:
        return self.result.total

    @property
    def pages(self) -> int:
        return max(1, min(MAX_PAGE, -(-self.result.total // self.page_size)))

    def facets(self) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
        """``[(name, label, [(value, value label, count)])]`` in :data:`FILTER_FIELDS` order, non-empty only."""
        out = []
        for name, label in FILTER_FIELDS.items():
            values: Sequence[FacetValue] = self.result.facets.get(name, ())
            if values:
                labels = VALUE_LABELS.get(name, {})
                out.append((name, label, [(v.value, labels.get(v.value, v.value), v.count) for v in values]))
        return out


def _engine_call(call: Any) -> Any:
    """Run an index call; engine refusals become InvalidInputError, a corrupt index is rebuilt once."""
    try:
        return call(search_index())
    except IndexCorruptError:
        return call(search_index_rebuild())
    except SearchError as exc:
        raise InvalidInputError(exc.code, exc.message, {"field": exc.field}) from None


def search_run(
    *,
    query: str,
    filters: Mapping[str, Any] | None = None,
    kinds: Sequence[str] | None = None,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 20,
) -> SearchPage:
    """Search laws and judgments: words of ``query`` (jieba), ``filters`` (see FILTER_FIELDS), facets, sorting."""
    page = max(1, min(int(page), MAX_PAGE))
    page_size = max(1, min(int(page_size), 100))
    result = _engine_call(
        lambda index: index.search(
            query, filters=filters or {}, kinds=kinds or None, sort=sort, limit=page_size,
            offset=(page - 1) * page_size,
        )
    )  # fmt: skip
    return SearchPage(result=result, page=page, page_size=page_size)


def judgment_candidates(
    *,
    text: str,
    filters: Mapping[str, Any] | None = None,
    top_n: int = 30,
    exclude_ids: Sequence[int] = (),
    max_words: int = 48,
) -> list[JudgmentCandidate]:
    """The ``top_n`` judgments most like ``text`` (a case's facts) under ``filters``, best first.

    The text's most telling words (tf × idf against the index) are OR-ed and ranked by BM25; text past
    20,000 characters is ignored. Judgments deleted since they were indexed are skipped.
    """
    result: SearchResult = _engine_call(
        lambda index: index.similar(
            text, filters=filters or {}, limit=top_n, max_words=max_words,
            exclude=[f"judgment:{i}" for i in exclude_ids],
            stored=False,
        )
    )  # fmt: skip
    rows = Judgment.objects.in_bulk([h.ref for h in result.hits])
    return [
        JudgmentCandidate(judgment=rows[h.ref], score=h.score, words=result.words)
        for h in result.hits
        if h.ref in rows
    ]


def judgment_get(*, judgment_id: int) -> Judgment:
    """One judgment; :class:`NotFoundError` when there is none with that id."""
    found = Judgment.objects.filter(pk=judgment_id).first()
    if found is None:
        raise NotFoundError(
            SearchErrorCode.JUDGMENT_NOT_FOUND, f"没有编号为 {judgment_id} 的裁判文书", {"id": judgment_id}
        )
    return found
