"""The tantivy index on disk: schema, writing, searching, facets, health check and rebuild.

tantivy has no Chinese tokenizer: the body and title are segmented here (jieba with the legal dictionary, via
the text engine) and indexed as space-separated words with tantivy's ``whitespace`` tokenizer; the original
text is stored beside them for display and highlighting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import tantivy

from ._highlight import highlight
from ._tokens import index_words, key_words, query_words
from ._types import FILTER_FIELDS, KINDS, SORTS, FacetValue, Hit, IndexDoc, IndexHealth, SearchResult
from .errors import (
    BadFilterValueError,
    EmptyQueryError,
    IndexCorruptError,
    QueryTooLongError,
    UnknownFilterError,
    UnknownSortError,
)

SCHEMA_VERSION = 1
MAX_QUERY_CHARS = 2_000
MAX_SIMILAR_CHARS = 20_000
MAX_FILTER_VALUES = 20
MAX_LIMIT = 200
_MARKER = "smartcourt-search.json"
_KEYWORDS = ("court_level", "region", "case_type", "cause", "charge", "procedure", "document_type")
_TITLE_BOOST = 2.0


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("uid", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("kind", tokenizer_name="raw", index_option="basic", fast=True)
    sb.add_unsigned_field("ref", stored=True, indexed=True, fast=True)
    sb.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    for name in _KEYWORDS:
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_integer_field("date", indexed=False, fast=True)
    sb.add_bytes_field("payload", stored=True, indexed=False, fast=False)
    return sb.build()


def _date_key(value: dt.date | None) -> int:
    return value.year * 10000 + value.month * 100 + value.day if value else 0


def _joined(words: Sequence[str] | str) -> str:
    return words if isinstance(words, str) else " ".join(words)


def _document(doc: IndexDoc) -> tantivy.Document:
    out = tantivy.Document()
    out.add_text("uid", doc.uid)
    out.add_text("kind", doc.kind)
    out.add_unsigned("ref", doc.ref)
    out.add_text(
        "title", _joined(doc.title_words) if doc.title_words is not None else " ".join(index_words(doc.title))
    )
    out.add_text("body", _joined(doc.words) if doc.words is not None else " ".join(index_words(doc.text)))
    fields: dict[str, Any] = {}
    for name in _KEYWORDS:
        values = list(doc.charges) if name == "charge" else [getattr(doc, name)]
        values = [v for v in values if v]
        for v in values:
            out.add_text(name, v)
        if values:
            fields[name] = values if name == "charge" else values[0]
    if doc.year is not None:
        out.add_integer("year", doc.year)
        fields["year"] = doc.year
    out.add_integer("date", _date_key(doc.date))
    payload = {
        "kind": doc.kind,
        "title": doc.title,
        "text": doc.text,
        "fields": fields,
        "extra": dict(doc.extra),
        "date": doc.date.isoformat() if doc.date else None,
    }
    out.add_bytes("payload", json.dumps(payload, ensure_ascii=False, default=str).encode())
    return out


def check_filters(filters: Mapping[str, Any]) -> dict[str, list[str] | list[int]]:
    """Validate filters: known names only, strings up to 100 characters, years as integers; lists mean "any of".

    >>> check_filters({"charge": ["盗窃", "诈骗"], "year": "2020", "region": ""})
    {'charge': ['盗窃', '诈骗'], 'year': [2020]}
    """
    out: dict[str, list[str] | list[int]] = {}
    for name, raw in filters.items():
        if name not in FILTER_FIELDS:
            raise UnknownFilterError(name=str(name))
        values = list(raw) if isinstance(raw, list | tuple | set | frozenset) else [raw]
        values = [v for v in values if v is not None and v != ""]
        if not values:
            continue
        if len(values) > MAX_FILTER_VALUES:
            raise BadFilterValueError(name=name, value=f"{len(values)} 个取值（最多 {MAX_FILTER_VALUES} 个）")
        if name == "year":
            years = []
            for v in values:
                try:
                    year = int(v)
                except (TypeError, ValueError):
                    raise BadFilterValueError(name=name, value=v) from None
                if not 1900 <= year <= 2100 or isinstance(v, bool):
                    raise BadFilterValueError(name=name, value=v)
                years.append(year)
            out[name] = years
        else:
            bad = [v for v in values if not isinstance(v, str) or len(v) > 100]
            if bad:
                raise BadFilterValueError(name=name, value=bad[0])
            out[name] = [str(v) for v in values]
    return out


class SearchIndex:
    """A search index in one directory: ``add``, ``delete``, ``search``, ``similar``, ``check``, ``rebuild``.

    The directory is created when missing; a directory that holds something other than a readable index of
    this schema raises :class:`IndexCorruptError` (call :meth:`rebuild`). An instance notices a rebuild or a
    commit made by another process and reopens or reloads before searching.

    >>> import tempfile
    >>> index = SearchIndex(Path(tempfile.mkdtemp()) / "ix")
    >>> index.add([IndexDoc(kind="judgment", ref=1, title="张某盗窃案", text="被告人张某盗窃手机一部", charges=("盗窃",))])
    1
    >>> [(h.ref, h.fields["charge"]) for h in index.search("手机", filters={"charge": "盗窃"}).hits]
    [(1, ['盗窃'])]
    """

    def __init__(self, path: Path, *, writer_heap_mb: int = 64, writer_threads: int = 1) -> None:
        self.path = Path(path)
        self.writer_heap = writer_heap_mb * 1_000_000
        self.writer_threads = writer_threads
        self._lock = threading.RLock()
        self._stamp: tuple[int, int] = (0, 0)
        self._meta_stamp = 0
        self._index = self._open()

    # -- opening ----------------------------------------------------------------------------------------------
    def _marker_stamp(self) -> tuple[int, int]:
        try:
            st = (self.path / _MARKER).stat()
        except OSError:
            return (0, 0)
        return (st.st_ino, st.st_mtime_ns)

    def _meta_mtime(self) -> int:
        try:
            return (self.path / "meta.json").stat().st_mtime_ns
        except OSError:
            return 0

    def _open(self) -> tantivy.Index:
        self.path.mkdir(parents=True, exist_ok=True)
        marker = self.path / _MARKER
        has_files = any(
            p.name not in (".tantivy-meta.lock", ".tantivy-writer.lock") for p in self.path.iterdir()
        )
        if not has_files:
            index = tantivy.Index(_schema(), path=str(self.path), reuse=False)
            marker.write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")
        else:
            try:
                version = json.loads(marker.read_text(encoding="utf-8")).get("schema")
            except (OSError, ValueError, AttributeError):
                raise IndexCorruptError(reason=f"{_MARKER} 缺失或无法读取") from None
            if version != SCHEMA_VERSION:
                raise IndexCorruptError(reason=f"索引结构版本 {version}，需要 {SCHEMA_VERSION}")
            try:
                index = tantivy.Index.open(str(self.path))
                index.reload()
                index.searcher()
            except (OSError, ValueError, RuntimeError) as exc:
                raise IndexCorruptError(reason=str(exc)) from None
        self._stamp = self._marker_stamp()
        self._meta_stamp = self._meta_mtime()
        return index

    def _fresh(self) -> tantivy.Index:
        """The open index, reopened after a rebuild and reloaded after another process's commit."""
        with self._lock:
            if self._marker_stamp() != self._stamp:
                self._index = self._open()
            elif self._meta_mtime() != self._meta_stamp:
                self._meta_stamp = self._meta_mtime()
                try:
                    self._index.reload()
                except (OSError, ValueError, RuntimeError) as exc:
                    raise IndexCorruptError(reason=str(exc)) from None
            return self._index

    # -- writing ----------------------------------------------------------------------------------------------
    def add(self, docs: Iterable[IndexDoc], *, batch: int = 10_000, replace: bool = True) -> int:
        """Add or replace (by ``kind:ref``) documents and commit every ``batch``; returns how many were added.

        ``replace=False`` skips deleting an earlier copy (for a fresh index, where there is none).

        >>> import tempfile
        >>> SearchIndex(Path(tempfile.mkdtemp())).add([])
        0
        """
        index = self._fresh()
        count = 0
        with self._lock:
            writer = index.writer(heap_size=self.writer_heap, num_threads=self.writer_threads)
            try:
                for doc in docs:
                    if doc.kind not in KINDS:
                        raise BadFilterValueError(name="kind", value=doc.kind)
                    if replace:
                        writer.delete_documents_by_term("uid", doc.uid)
                    writer.add_document(_document(doc))
                    count += 1
                    if count % batch == 0:
                        writer.commit()
                writer.commit()
            except BaseException:
                with contextlib.suppress(Exception):
                    writer.rollback()
                raise
            finally:
                with contextlib.suppress(Exception):
                    writer.wait_merging_threads()
            index.reload()
            self._meta_stamp = self._meta_mtime()
        return count

    def delete(self, uids: Iterable[str]) -> None:
        """Remove documents by ``kind:ref``.

        >>> import tempfile
        >>> SearchIndex(Path(tempfile.mkdtemp())).delete(["judgment:1"])
        """
        index = self._fresh()
        with self._lock:
            writer = index.writer(heap_size=self.writer_heap, num_threads=1)
            try:
                for uid in uids:
                    writer.delete_documents_by_term("uid", uid)
                writer.commit()
            finally:
                with contextlib.suppress(Exception):
                    writer.wait_merging_threads()
            index.reload()
            self._meta_stamp = self._meta_mtime()

    @classmethod
    def rebuild(cls, path: Path, docs: Iterable[IndexDoc], **options: int) -> SearchIndex:
        """Build a fresh index from ``docs`` beside ``path`` and swap it in; a corrupt index is replaced.

        >>> import tempfile
        >>> target = Path(tempfile.mkdtemp()) / "ix"
        >>> SearchIndex.rebuild(target, [IndexDoc(kind="article", ref=5, title="刑法第二百六十四条", text="盗窃公私财物")]).count()
        1
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        building = path.parent / f".{path.name}.building-{os.getpid()}"
        old = path.parent / f".{path.name}.old-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        fresh = cls(building, **options)
        fresh.add(docs, replace=False)
        del fresh
        shutil.rmtree(old, ignore_errors=True)
        if path.exists():
            path.rename(old)
        building.rename(path)
        shutil.rmtree(old, ignore_errors=True)
        # A new marker inode tells other instances on this directory to reopen.
        return cls(path, **options)

    # -- reading ----------------------------------------------------------------------------------------------
    def count(self) -> int:
        """The number of documents.

        >>> import tempfile
        >>> SearchIndex(Path(tempfile.mkdtemp())).count()
        0
        """
        try:
            return int(self._fresh().searcher().num_docs)
        except (OSError, ValueError, RuntimeError) as exc:
            raise IndexCorruptError(reason=str(exc)) from None

    def check(self) -> IndexHealth:
        """Open the index and read every part of it (postings, fast fields, stored documents) once.

        >>> import tempfile
        >>> SearchIndex(Path(tempfile.mkdtemp())).check().ok
        True
        """
        try:
            with self._lock:
                self._index = self._open()
            searcher = self._index.searcher()
            total = int(searcher.num_docs)
            everything = tantivy.Query.all_query()
            counted = searcher.search(everything, limit=1, count=True)
            if counted.count != total:  # type: ignore[attr-defined]
                return IndexHealth(False, total, searcher.num_segments, "文档计数不一致")
            step = max(1, total // 50)
            sample = searcher.search(everything, limit=min(total, 2000)).hits if total else []
            for i, (_score, address) in enumerate(sample):
                if i % step == 0:
                    json.loads(bytes(searcher.doc(address).get_first("payload") or b"{}"))
            searcher.aggregate(
                everything, {"k": {"terms": {"field": "kind"}}, "d": {"max": {"field": "date"}}}
            )
            searcher.search(self._words_query(["被告人", "本院"]), limit=10, count=True)
            return IndexHealth(True, total, int(searcher.num_segments))
        except IndexCorruptError as exc:
            return IndexHealth(False, problem=exc.reason)
        except BaseException as exc:  # tantivy panics (pyo3 PanicException) are BaseExceptions
            if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
                raise
            return IndexHealth(False, problem=f"{type(exc).__name__}: {exc}"[:300])

    def _words_query(
        self, words: Sequence[str], weights: Sequence[float] | None = None, *, titles: bool = True
    ) -> tantivy.Query:
        schema = self._index.schema
        clauses = []
        for i, word in enumerate(words):
            weight = weights[i] if weights else 1.0
            queries = [tantivy.Query.term_query(schema, "body", word)]
            if titles:
                queries.append(
                    tantivy.Query.boost_query(tantivy.Query.term_query(schema, "title", word), _TITLE_BOOST)
                )
            for q in queries:
                clauses.append(
                    (tantivy.Occur.Should, q if weight == 1.0 else tantivy.Query.boost_query(q, weight))
                )
        return tantivy.Query.boolean_query(clauses)

    def _any_of(self, name: str, values: Sequence[str | int]) -> tantivy.Query:
        """A filter on one field: a term, or a lazy union of terms (a term-set query would build a bit set
        over the whole index on every search)."""
        schema = self._index.schema
        if len(values) == 1:
            q = tantivy.Query.term_query(schema, name, values[0])
        else:
            q = tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(schema, name, v)) for v in values]
            )
        return tantivy.Query.const_score_query(q, 0.0)

    def _filter_clauses(
        self, filters: Mapping[str, list[str] | list[int]], kinds: Sequence[str] | None
    ) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        out = [(tantivy.Occur.Must, self._any_of(name, values)) for name, values in filters.items()]
        if kinds:
            for kind in kinds:
                if kind not in KINDS:
                    raise BadFilterValueError(name="kind", value=kind)
            if set(kinds) != set(KINDS):
                out.append((tantivy.Occur.Must, self._any_of("kind", list(kinds))))
        return out

    def _hits(
        self, searcher: tantivy.Searcher, raw: list[tuple[Any, Any]], words: Sequence[str], passages: int
    ) -> tuple[Hit, ...]:
        hits = []
        for score, address in raw:
            doc = searcher.doc(address)
            payload = json.loads(bytes(doc.get_first("payload") or b"{}"))
            text = payload.get("text", "")
            hits.append(
                Hit(
                    kind=str(payload.get("kind", "")),
                    ref=int(doc.get_first("ref") or 0),
                    score=float(score),
                    title=payload.get("title", ""),
                    text=text,
                    fields={**payload.get("fields", {}), "date": payload.get("date")},
                    extra=payload.get("extra", {}),
                    passages=tuple(highlight(text, words, limit=passages)) if passages else (),
                )
            )
        return tuple(hits)

    def search(
        self,
        query: str,
        *,
        filters: Mapping[str, Any] | None = None,
        kinds: Sequence[str] | None = None,
        sort: str = "relevance",
        limit: int = 20,
        offset: int = 0,
        facets: bool = True,
        passages: int = 3,
    ) -> SearchResult:
        """Documents matching any of the query's words (BM25, title words count double) and all filters.

        An empty query with filters lists the filtered documents newest first; with neither it raises
        :class:`EmptyQueryError`. Queries over :data:`MAX_QUERY_CHARS` raise :class:`QueryTooLongError`.

        >>> import tempfile
        >>> SearchIndex(Path(tempfile.mkdtemp())).search("盗窃").total
        0
        """
        if not isinstance(query, str):
            raise BadFilterValueError(name="q", value=type(query).__name__)
        if len(query) > MAX_QUERY_CHARS:
            raise QueryTooLongError(length=len(query), limit=MAX_QUERY_CHARS)
        if sort not in SORTS:
            raise UnknownSortError(sort=str(sort))
        checked = check_filters(filters or {})
        words = query_words(query)
        if not words and not checked and not query.strip() and not kinds:
            raise EmptyQueryError()
        limit = max(1, min(int(limit), MAX_LIMIT))
        offset = max(0, min(int(offset), 10_000))
        index = self._fresh()
        clauses = self._filter_clauses(checked, kinds)
        if words:
            clauses.append((tantivy.Occur.Must, self._words_query(words)))
        elif query.strip():
            return SearchResult(total=0, words=())  # only punctuation or stop characters: nothing to match
        else:
            clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        q = tantivy.Query.boolean_query(clauses)
        try:
            searcher = index.searcher()
            if sort == "date" or not words:
                found = searcher.search(q, limit, count=True, order_by_field="date", offset=offset)
            else:
                found = searcher.search(q, limit, count=True, offset=offset)
            hits = self._hits(searcher, found.hits, words, passages)
            facet_values = self._facets(searcher, q) if facets else {}
        except (OSError, RuntimeError) as exc:
            raise IndexCorruptError(reason=str(exc)) from None
        count = int(found.count or 0)  # type: ignore[attr-defined]
        return SearchResult(total=count, hits=hits, facets=facet_values, words=tuple(words))

    def _facets(self, searcher: tantivy.Searcher, q: tantivy.Query) -> dict[str, tuple[FacetValue, ...]]:
        spec = {name: {"terms": {"field": name, "size": 30}} for name in (*_KEYWORDS, "year")}
        result = searcher.aggregate(q, spec)
        out = {}
        for name in FILTER_FIELDS:
            buckets = result.get(name, {}).get("buckets", [])
            out[name] = tuple(
                FacetValue(str(int(b["key"])) if name == "year" else str(b["key"]), int(b["doc_count"]))
                for b in buckets
            )
        return out

    def similar(
        self,
        text: str,
        *,
        filters: Mapping[str, Any] | None = None,
        kinds: Sequence[str] = ("judgment",),
        limit: int = 30,
        max_words: int = 48,
        max_postings: int = 300_000,
        exclude: Sequence[str] = (),
        passages: int = 0,
        stored: bool = True,
    ) -> SearchResult:
        """The documents most like a long text (a case's facts), under the filters, best first (no facets).

        The text's most telling words (tf × idf against the index) are taken in order, up to ``max_words`` and
        while their postings together stay under ``max_postings`` (the cost of the query; the most common
        words add little to BM25 and most to the time), weighted by tf × idf and OR-ed over the body. Text
        past :data:`MAX_SIMILAR_CHARS` is ignored, not refused; ``exclude`` drops ``kind:ref`` uids.
        ``stored=False`` returns only kind, ref and score (no stored text read: for callers that load the
        documents from their own database).

        >>> import tempfile
        >>> SearchIndex(Path(tempfile.mkdtemp())).similar("").hits
        ()
        """
        checked = check_filters(filters or {})
        if not isinstance(text, str) or not text.strip():
            return SearchResult(total=0)
        index = self._fresh()
        try:
            searcher = index.searcher()
            total = max(1, int(searcher.num_docs))
            freq: dict[str, int] = {}

            def doc_freq(word: str) -> int:
                freq[word] = int(searcher.doc_freq("body", word))
                return freq[word]

            ranked = key_words(
                index_words(text[:MAX_SIMILAR_CHARS]), doc_freq=doc_freq, num_docs=total, limit=256
            )
            keys: list[tuple[str, float]] = []
            postings = 0
            for word, weight in ranked:
                if len(keys) >= max(1, min(max_words, 256)):
                    break
                if keys and postings + freq[word] > max_postings:
                    continue
                keys.append((word, weight))
                postings += freq[word]
            if not keys:
                return SearchResult(total=0)
            words = [w for w, _ in keys]
            clauses = self._filter_clauses(checked, kinds)
            clauses.append((tantivy.Occur.Must, self._words_query(words, [s for _, s in keys], titles=False)))
            for uid in exclude:
                clauses.append((tantivy.Occur.MustNot, tantivy.Query.term_query(index.schema, "uid", uid)))
            limit = max(1, min(int(limit), MAX_LIMIT))
            found = searcher.search(tantivy.Query.boolean_query(clauses), limit, count=False)
            if stored:
                hits = self._hits(searcher, found.hits, words, passages)
            else:
                refs = searcher.fast_field_values("ref", [address for _score, address in found.hits])
                kind = kinds[0] if len(kinds) == 1 else ""
                hits = tuple(
                    Hit(kind=kind, ref=int(ref or 0), score=float(score), title="")
                    for (score, _address), ref in zip(found.hits, refs, strict=True)
                )
        except (OSError, RuntimeError) as exc:
            raise IndexCorruptError(reason=str(exc)) from None
        return SearchResult(total=len(hits), hits=hits, words=tuple(words))
