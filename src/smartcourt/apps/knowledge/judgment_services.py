"""Writing the judgment corpus and keeping the search index in step with the database.

* ``judgment_create``: one text → one :class:`Judgment`, parsed by the legal text engine; idempotent by the
  text's hash. The index is updated by a background task after the commit.
* ``judgment_import``: JSON lines, plain text and .docx files (or folders of them).
* ``search_index`` / ``search_index_rebuild`` / ``search_index_check``: the tantivy index at
  ``settings.SEARCH_INDEX_DIR``; a corrupt index is detected on opening and rebuilt from the database.
"""

from __future__ import annotations

import json
import logging
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.knowledge.error_codes import SearchErrorCode
from smartcourt.apps.knowledge.judgment_fields import content_hash, judgment_fields
from smartcourt.apps.knowledge.judgment_models import Judgment
from smartcourt.apps.knowledge.models import Article, Law
from smartcourt.config import env
from smartcourt.engines.search import IndexCorruptError, IndexDoc, IndexHealth, SearchIndex

logger = logging.getLogger(__name__)

TEXT_KEYS = ("text", "full_text", "fullText", "content", "qw", "query", "fact")
EDITABLE = frozenset(
    [
        "title", "case_number", "court", "court_level", "region", "year", "decided_on", "case_type",
        "procedure", "document_type", "cause", "charges", "terms", "term_months", "fine_amount", "amounts",
        "amount", "cited_articles", "facts", "is_guiding", "external_id",
    ]
)  # fmt: skip
MAX_FILE_BYTES = 200 * 1024 * 1024
MIN_TEXT = 20
_BATCH = 500


@dataclass(frozen=True)
class FileFailure:
    """A file (or a line of one) that was not imported, and why (in Chinese)."""

    file: str
    reason: str


@dataclass
class JudgmentImportResult:
    """Counts of one import: new judgments, texts already present, their ids, and what failed."""

    imported: int = 0
    duplicates: int = 0
    ids: list[int] = field(default_factory=list)
    failures: list[FileFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


# -- the index --------------------------------------------------------------------------------------------------
_indexes: dict[Path, SearchIndex] = {}
_indexes_lock = threading.Lock()


_test_dir: Path | None = None


def search_index_dir() -> Path:
    """``settings.SEARCH_INDEX_DIR`` when set (read at each call, so a test can point it at its own folder),
    else ``SMARTCOURT_SEARCH_INDEX_DIR`` (``var/search``). Under the test settings the default is a temporary
    folder per process, so tests never write the real index and parallel workers never share a writer."""
    global _test_dir
    configured = getattr(settings, "SEARCH_INDEX_DIR", None)
    if configured:
        return Path(configured)
    if str(getattr(settings, "SETTINGS_MODULE", "")).endswith(".test"):
        if _test_dir is None:
            _test_dir = Path(tempfile.mkdtemp(prefix="smartcourt-search-test-")) / "search"
        return _test_dir
    return env.SEARCH_INDEX_DIR


def search_index(*, rebuild_if_corrupt: bool = True) -> SearchIndex:
    """The process's index at :func:`search_index_dir`; a corrupt one is rebuilt from the database first."""
    path = search_index_dir()
    with _indexes_lock:
        found = _indexes.get(path)
        if found is not None:
            return found
        try:
            index = SearchIndex(path)
        except IndexCorruptError as exc:
            if not rebuild_if_corrupt:
                raise
            logger.warning("search index at %s is corrupt (%s): rebuilding", path, exc.reason)
            index = SearchIndex.rebuild(path, _all_docs())
        _indexes[path] = index
        return index


def _forget(path: Path) -> None:
    with _indexes_lock:
        _indexes.pop(path, None)


def judgment_index_doc(judgment: Judgment, *, words: tuple[str, ...] | None = None) -> IndexDoc:
    """The index document of a judgment: its filters, the stored fields shown with a hit, its text."""
    return IndexDoc(
        kind="judgment",
        ref=judgment.pk,
        title=judgment.title,
        text=judgment.full_text,
        date=judgment.decided_on,
        court_level=judgment.court_level,
        region=judgment.region,
        year=judgment.year,
        case_type=judgment.case_type,
        cause=judgment.cause,
        charges=tuple(judgment.charges or ()),
        procedure=judgment.procedure,
        document_type=judgment.document_type,
        extra={
            "case_number": judgment.case_number,
            "court": judgment.court,
            "is_guiding": judgment.is_guiding,
        },
        words=words,
    )


def article_index_doc(article: Article) -> IndexDoc:
    """The index document of a law article (of the law's newest version)."""
    law = article.version.law
    return IndexDoc(
        kind="article",
        ref=article.pk,
        title=f"{law.title}{article.number_chinese}",
        text=article.text,
        date=article.version.effective_on or article.version.issued_on,
        extra={"law": law.title, "short_name": law.short_name, "number": article.number,
               "suffix": article.suffix, "version": article.version.label, "chapter": article.chapter_path},
    )  # fmt: skip


def _latest_articles() -> Iterator[Article]:
    for law in Law.objects.prefetch_related("versions").order_by("pk"):
        versions = list(law.versions.all())
        if not versions:
            continue
        latest = max(versions, key=lambda v: (v.issued_on is not None, v.issued_on, v.pk))
        yield from Article.objects.select_related("version__law").filter(version=latest, deleted=False)


def _all_docs() -> Iterator[IndexDoc]:
    for article in _latest_articles():
        yield article_index_doc(article)
    yield from (judgment_index_doc(j) for j in Judgment.objects.order_by("pk").iterator(chunk_size=_BATCH))


def judgment_index(*, ids: Sequence[int]) -> int:
    """Add (or replace) these judgments in the index now and stamp ``indexed_at``; returns how many."""
    wanted = sorted(set(ids))
    count = 0
    for start in range(0, len(wanted), _BATCH):
        judgments = list(Judgment.objects.filter(pk__in=wanted[start : start + _BATCH]).order_by("pk"))
        if not judgments:
            continue
        count += search_index().add(judgment_index_doc(j) for j in judgments)
        Judgment.objects.filter(pk__in=[j.pk for j in judgments]).update(indexed_at=timezone.now())
    return count


def laws_index() -> int:
    """Put the articles of every law's newest version in the index and take out every other article (an older
    version's, a deleted one's); returns how many were added. Run after each law import (``laws_index_task``)."""
    latest = list(_latest_articles())
    keep = {article.pk for article in latest}
    stale = [
        f"article:{pk}" for pk in Article.objects.values_list("pk", flat=True).iterator() if pk not in keep
    ]
    index = search_index()
    if stale:
        index.delete(stale)
    return index.add(article_index_doc(article) for article in latest)


def search_index_rebuild() -> SearchIndex:
    """Build the whole index again from the database (laws' newest versions and all judgments), then swap."""
    path = search_index_dir()
    _forget(path)
    index = SearchIndex.rebuild(path, _all_docs())
    Judgment.objects.update(indexed_at=timezone.now())
    with _indexes_lock:
        _indexes[path] = index
    return index


def search_index_check(*, repair: bool = False) -> IndexHealth:
    """Read the whole index once; with ``repair``, a corrupt index is rebuilt and checked again."""
    path = search_index_dir()
    _forget(path)
    try:
        health = SearchIndex(path).check()
    except IndexCorruptError as exc:
        health = IndexHealth(False, problem=exc.reason)
    if not health.ok and repair:
        logger.warning("search index at %s failed its check (%s): rebuilding", path, health.problem)
        health = search_index_rebuild().check()
    return health


# -- writing judgments ------------------------------------------------------------------------------------------
def _clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in EDITABLE:
            continue  # unknown keys of a JSON line (ids of other corpora, labels) are ignored, not errors
        if name in ("fine_amount", "amount") and value not in (None, ""):
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                raise InvalidInputError(
                    SearchErrorCode.BAD_JUDGMENT_FIELD, f"{name} 不是金额：{str(value)[:30]}", {"field": name}
                ) from None
        if name == "decided_on" and isinstance(value, str) and value:
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise InvalidInputError(
                    SearchErrorCode.BAD_JUDGMENT_FIELD,
                    f"裁判日期须为 YYYY-MM-DD：{value[:30]}",
                    {"field": name},
                ) from None
        if name == "charges" and isinstance(value, str):
            value = [
                c.removesuffix("罪") for c in value.replace("，", "、").replace(",", "、").split("、") if c
            ]
        if name == "external_id":
            value = str(value)[:100]
        out[name] = value
    return out


def _enqueue_index(ids: list[int]) -> None:
    from smartcourt.apps.knowledge.tasks import judgments_index_task

    try:
        judgments_index_task.enqueue(ids)
    except Exception:  # the rows are saved; `smartcourt search_index rebuild` catches up  # noqa: BLE001
        logger.exception("could not enqueue indexing of %d judgments", len(ids))


def judgment_create(
    *, text: str, source: str = "", fields: Mapping[str, Any] | None = None, index: bool = True
) -> tuple[Judgment, bool]:
    """Store one judgment read from ``text`` (``fields`` override what was read); ``(judgment, created)``.

    The same text again (ignoring whitespace) returns the stored judgment and ``False``. With ``index`` the
    index task is enqueued after the commit.
    """
    if not isinstance(text, str) or len(text.strip()) < MIN_TEXT:
        raise InvalidInputError(
            SearchErrorCode.EMPTY_JUDGMENT, f"文书内容为空或过短（少于 {MIN_TEXT} 字）", {"field": "text"}
        )
    digest = content_hash(text)
    existing = Judgment.objects.filter(content_hash=digest).first()
    if existing is not None:
        return existing, False
    values = judgment_fields(text)
    values.update(_clean_fields(fields or {}))
    values["source"] = source[:300]
    judgment = Judgment(**values)
    judgment.full_clean(exclude=["content_hash"])
    with transaction.atomic():
        judgment.save()
        if index:
            pk = judgment.pk
            transaction.on_commit(lambda: _enqueue_index([pk]))
    return judgment, True


def _docx_text(path: Path) -> str:
    import docx  # python-docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _records(path: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(where, text, fields) for each document of a file; ``where`` names the line for failures."""
    suffix = path.suffix.lower()
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError(f"文件过大（超过 {MAX_FILE_BYTES // 1024 // 1024} MB）")
    if suffix in (".jsonl", ".json", ".ndjson"):
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path.name}#{number}"
                try:
                    row = json.loads(line)
                except ValueError:
                    yield where, "", {"_error": "不是有效的 JSON"}
                    continue
                if not isinstance(row, dict):
                    yield where, "", {"_error": "每行须为 JSON 对象"}
                    continue
                text = next((row[k] for k in TEXT_KEYS if isinstance(row.get(k), str) and row[k].strip()), "")
                fields = dict(row)
                if "id" in row and "external_id" not in row:
                    fields["external_id"] = row["id"]
                yield where, text, fields
    elif suffix == ".txt":
        yield path.name, path.read_text(encoding="utf-8", errors="replace"), {}
    elif suffix == ".docx":
        yield path.name, _docx_text(path), {}
    else:
        raise ValueError(f"不支持的文件类型：{suffix or '无扩展名'}（支持 .jsonl、.txt、.docx）")


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in (".jsonl", ".json", ".ndjson", ".txt", ".docx")
            )
        else:
            yield path


def judgment_import(*, paths: Sequence[Path], source: str = "", index: bool = True) -> JudgmentImportResult:
    """Import judgments from JSON-lines, text and .docx files or folders; one bad file or line fails alone.

    Raises :class:`InvalidInputError` when a path does not exist. The new judgments are indexed by one
    background task after the import.
    """
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing or not paths:
        raise InvalidInputError(
            SearchErrorCode.BAD_JUDGMENT_PATH,
            f"路径不存在：{'、'.join(missing[:3])}" if missing else "请给出要导入的文件或目录",
            {"field": "paths", "missing": missing[:20]},
        )
    result = JudgmentImportResult()
    for path in _files(Path(p) for p in paths):
        try:
            records = list(_records(path))
        except (OSError, ValueError, UnicodeDecodeError, KeyError) as exc:
            result.failures.append(FileFailure(str(path), str(exc)[:200] or type(exc).__name__))
            continue
        except Exception as exc:  # python-docx raises its own errors on a broken .docx  # noqa: BLE001
            result.failures.append(FileFailure(str(path), f"无法读取：{type(exc).__name__}"))
            continue
        for where, text, fields in records:
            if "_error" in fields:
                result.failures.append(FileFailure(where, fields["_error"]))
                continue
            try:
                judgment, created = judgment_create(
                    text=text, source=(source or f"{path.name}")[:300], fields=fields, index=False
                )
            except InvalidInputError as exc:
                result.failures.append(FileFailure(where, exc.message))
                continue
            if created:
                result.imported += 1
                result.ids.append(judgment.pk)
            else:
                result.duplicates += 1
    if index and result.ids:
        ids = list(result.ids)
        transaction.on_commit(lambda: _enqueue_index(ids))
    return result
