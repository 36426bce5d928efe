"""Full-text search over laws and judgments: a typed wrapper around a tantivy index on local disk.

Chinese text is segmented here (the text engine's jieba with the legal dictionary) and indexed as words with
tantivy's whitespace tokenizer; the original text is stored for display, and highlighted passages are spans
into it. Keyword filters (:data:`FILTER_FIELDS`) double as facets; results sort by relevance (BM25) or date.

>>> import tempfile
>>> from pathlib import Path
>>> index = SearchIndex(Path(tempfile.mkdtemp()))
>>> index.add([IndexDoc(kind="judgment", ref=1, title="李某诈骗案", text="被告人李某虚构事实骗取钱款", charges=("诈骗",))])
1
>>> result = index.search("骗取")
>>> result.total, result.hits[0].passages[0].text
(1, '被告人李某虚构事实骗取钱款')
"""

from ._highlight import highlight
from ._index import MAX_QUERY_CHARS, MAX_SIMILAR_CHARS, SCHEMA_VERSION, SearchIndex, check_filters
from ._tokens import index_words, key_words, query_words
from ._types import FILTER_FIELDS, KINDS, SORTS, FacetValue, Hit, IndexDoc, IndexHealth, Passage, SearchResult
from .errors import (
    BadFilterValueError,
    EmptyQueryError,
    IndexCorruptError,
    QueryTooLongError,
    SearchError,
    UnknownFilterError,
    UnknownSortError,
)

__all__ = [
    "FILTER_FIELDS",
    "KINDS",
    "MAX_QUERY_CHARS",
    "MAX_SIMILAR_CHARS",
    "SCHEMA_VERSION",
    "SORTS",
    "BadFilterValueError",
    "EmptyQueryError",
    "FacetValue",
    "Hit",
    "IndexCorruptError",
    "IndexDoc",
    "IndexHealth",
    "Passage",
    "QueryTooLongError",
    "SearchError",
    "SearchIndex",
    "SearchResult",
    "UnknownFilterError",
    "UnknownSortError",
    "check_filters",
    "highlight",
    "index_words",
    "key_words",
    "query_words",
]
