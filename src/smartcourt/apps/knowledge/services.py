"""Writing the law knowledge base: importing markdown law files and the laws engine's shipped corpus.

Both imports are idempotent: a law is keyed by its title, a version by (law, issue date), an article by
(version, number, suffix); importing again updates those rows in place and never duplicates them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.knowledge.error_codes import KnowledgeErrorCode
from smartcourt.apps.knowledge.models import Article, Law, LawVersion
from smartcourt.engines.laws import Article as EngineArticle
from smartcourt.engines.laws import Law as EngineLaw
from smartcourt.engines.laws import (
    LawError,
    LawParseError,
    load_corpus,
    normalize_law_name,
    parse_law_markdown,
)

_CHAPTER = re.compile(r"^第.+章")
_SECTION = re.compile(r"^第.+节")
_BATCH = 500


@dataclass(frozen=True)
class FileFailure:
    """A file that was not imported, and why (in Chinese)."""

    file: str
    reason: str


@dataclass
class ImportResult:
    """Counts of one import run: files (or shipped laws) imported new, updated, skipped and failed, with reasons.

    ``skipped`` are well-formed files without any ``第X条`` (a 刑法修正案 or a 决定 amends by numbered items);
    ``failures`` are files that could not be read or parsed.

    >>> result = ImportResult(imported=2, updated=1)
    >>> result.total, result.failed
    (3, 0)
    """

    imported: int = 0
    updated: int = 0
    articles: int = 0
    skipped: list[FileFailure] = field(default_factory=list)
    failures: list[FileFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def total(self) -> int:
        return self.imported + self.updated + len(self.skipped) + self.failed


class _NoArticles(Exception):
    pass


def _split_chapter(path: str) -> tuple[str, str]:
    chapter = section = ""
    for part in (p.strip() for p in path.split(" / ")):
        if _CHAPTER.match(part):
            chapter = part
        elif _SECTION.match(part):
            section = part
    return chapter, section


def _article_fields(article: EngineArticle) -> dict[str, Any]:
    chapter, section = _split_chapter(article.chapter)
    return {
        "number_chinese": article.chinese,
        "chapter_path": article.chapter,
        "chapter": chapter,
        "section": section,
        "text": article.text,
        "paragraphs": [{"text": p.text, "items": list(p.items)} for p in article.paragraphs],
        "deleted": article.deleted,
    }


_ARTICLE_FIELDS = ["number_chinese", "chapter_path", "chapter", "section", "text", "paragraphs", "deleted"]


def _sync_articles(version: LawVersion, articles: Sequence[EngineArticle], *, whole: bool) -> int:
    """Make the version's articles match ``articles``: update in place, create the new, drop the stale.

    ``whole=False`` (one part of a code, e.g. 民法典人格权编) drops stale articles only within the part's
    number range, so the other parts' articles stay.
    """
    existing = {(a.number, a.suffix): a for a in Article.objects.filter(version=version)}
    seen: set[tuple[int, int]] = set()
    to_create: list[Article] = []
    to_update: list[Article] = []
    for engine_article in articles:
        key = (engine_article.number, engine_article.suffix)
        if key in seen:  # a duplicated heading in a source file: the first text wins
            continue
        seen.add(key)
        values = _article_fields(engine_article)
        row = existing.get(key)
        if row is None:
            to_create.append(Article(version=version, number=key[0], suffix=key[1], **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            to_update.append(row)
    stale = [row.pk for key, row in existing.items() if key not in seen]
    if not whole and seen:
        low, high = min(seen), max(seen)
        stale = [row.pk for key, row in existing.items() if key not in seen and low <= key <= high]
    if stale:
        Article.objects.filter(pk__in=stale).delete()
    Article.objects.bulk_create(to_create, batch_size=_BATCH)
    Article.objects.bulk_update(to_update, _ARTICLE_FIELDS, batch_size=_BATCH)
    return len(seen)


def _upsert_law(*, title: str, defaults: dict[str, Any], aliases: Iterable[str]) -> Law:
    law, _ = Law.objects.get_or_create(
        title=title, defaults={**defaults, "name_key": normalize_law_name(title)}
    )
    changed = False
    for name, value in defaults.items():
        if value and getattr(law, name) != value:
            setattr(law, name, value)
            changed = True
    merged = list(dict.fromkeys([*law.aliases, *(a for a in aliases if a and a != title)]))
    if merged != law.aliases:
        law.aliases = merged
        changed = True
    if changed:
        law.full_clean()
        law.save()
    return law


def _upsert_version(law: Law, *, label: str, values: dict[str, Any]) -> tuple[LawVersion, bool]:
    version, created = LawVersion.objects.get_or_create(law=law, label=label, defaults=values)
    if not created and any(getattr(version, k) != v for k, v in values.items()):
        for name, value in values.items():
            setattr(version, name, value)
        version.full_clean()
        version.save()
    return version, created


def _markdown_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    # ``_index.md`` files are folder listings and READMEs describe the folder: neither is a law.
    return sorted(
        p for p in root.rglob("*.md") if p.is_file() and not p.name.startswith("_") and "README" not in p.name
    )


def _import_file(file: Path) -> tuple[bool, int]:
    """Import one markdown law file in one transaction; returns (version created?, article count)."""
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise LawParseError("markdown.not_utf8", "文件不是 UTF-8 文本") from None
    parsed = parse_law_markdown(text)
    if not parsed.articles:
        raise _NoArticles
    folder = file.parent.name
    articles: Sequence[EngineArticle] = parsed.articles
    if parsed.part:
        articles = [replace(a, chapter=f"{parsed.part} / {a.chapter}".rstrip(" /")) for a in articles]
    short = parsed.title.removeprefix("中华人民共和国")
    with transaction.atomic():
        law = _upsert_law(
            title=parsed.title,
            defaults={"folder": folder, "source": f"markdown:{folder}/{file.name}"},
            aliases=[short],
        )
        if not law.short_name:
            law.short_name = short
            law.save(update_fields=["short_name"])
        label = parsed.issued.isoformat() if parsed.issued else ""
        version, created = _upsert_version(
            law,
            label=label,
            values={
                "issued_on": parsed.issued,
                "effective_on": parsed.effective,
                # Named as the engine's corpus names it: ``刑法/刑法.md``; the parts of a code (民法典) make one
                # version, which comes from the whole folder: ``民法典/*``.
                "source_file": f"{folder}/*" if parsed.part else f"{folder}/{file.name}",
            },
        )
        count = _sync_articles(version, articles, whole=not parsed.part)
    return created, count


def law_import(*, path: Path, actor: Any = None) -> ImportResult:
    """Import every markdown law file under ``path`` (or the one file ``path``), one transaction per file.

    A file that cannot be read or parsed is reported in ``failures`` with the reason and the others go on.
    Raises :class:`InvalidInputError` (``knowledge.bad_import_path``) when ``path`` does not exist or holds no
    ``.md`` file. ``actor`` is accepted for the audit trail of future callers; imports are operator actions.

    >>> result = law_import(path=Path("../shared/data/laws/刑法"))  # doctest: +SKIP
    >>> result.imported, result.updated, len(result.skipped), result.failed, result.articles  # doctest: +SKIP
    (1, 0, 12, 0, 505)
    """
    if not path.exists():
        raise InvalidInputError(KnowledgeErrorCode.BAD_IMPORT_PATH, f"路径不存在：{path}", {"field": "path"})
    files = _markdown_files(path)
    if not files:
        raise InvalidInputError(
            KnowledgeErrorCode.BAD_IMPORT_PATH, f"路径下没有 .md 法律文件：{path}", {"field": "path"}
        )
    # A single file is named with its folder (``刑法/刑法.md``), as when its whole folder is imported.
    root = path if path.is_dir() else path.parent.parent
    result = ImportResult()
    for file in files:
        name = file.relative_to(root).as_posix()
        try:
            created, count = _import_file(file)
        except _NoArticles:
            result.skipped.append(FileFailure(name, "文件中没有“第X条”条文（如修正案、决定），未导入"))
            continue
        except LawError as exc:
            result.failures.append(FileFailure(name, str(getattr(exc, "message", None) or exc)))
            continue
        except OSError as exc:
            result.failures.append(FileFailure(name, f"无法读取文件：{exc.strerror or exc}"))
            continue
        except ValidationError as exc:
            reasons = "；".join(f"{k}：{'，'.join(v)}" for k, v in exc.message_dict.items())
            result.failures.append(FileFailure(name, f"数据不符合要求：{reasons}"))
            continue
        except DatabaseError as exc:
            result.failures.append(FileFailure(name, f"写入数据库失败：{exc}"))
            continue
        result.articles += count
        if created:
            result.imported += 1
        else:
            result.updated += 1
    _index_laws_after_commit(result)
    return result


def _index_laws_after_commit(result: ImportResult) -> None:
    """The search index follows the laws: once the import has committed, a task re-indexes the articles."""
    if result.imported or result.updated:
        from smartcourt.apps.knowledge.tasks import laws_index_task

        transaction.on_commit(laws_index_task.enqueue)


def _import_engine_law(law: EngineLaw, *, source: str) -> tuple[bool, int]:
    created_any = False
    count = 0
    with transaction.atomic():
        row = _upsert_law(
            title=law.title,
            defaults={
                "short_name": law.id,
                "kind": law.kind,
                "folder": law.versions[0].source_file.split("/")[0] if law.versions else "",
                "source": source,
                "repealed_on": law.repealed_on,
            },
            aliases=[law.id, *law.aliases],
        )
        ordered = law.versions
        for index, engine_version in enumerate(ordered):
            following = ordered[index + 1] if index + 1 < len(ordered) else None
            repealed: date | None = following.effective if following else law.repealed_on
            version, created = _upsert_version(
                row,
                label=engine_version.label,
                values={
                    "issued_on": engine_version.issued,
                    "effective_on": engine_version.effective,
                    "repealed_on": repealed,
                    "source_file": engine_version.source_file,
                },
            )
            created_any = created_any or created
            count += _sync_articles(version, engine_version.articles, whole=True)
    return created_any, count


def law_import_shipped(*, actor: Any = None) -> ImportResult:
    """Import the laws engine's shipped corpus (刑法, 民法典, the procedure laws and their interpretations).

    Counts are per law: ``imported`` when one of its versions is new, else ``updated``. Idempotent.
    """
    corpus = load_corpus()
    upstream = corpus.source
    source = f"{upstream.get('repository', 'LawRefBook/Laws')}@{str(upstream.get('commit', ''))[:12]}"
    result = ImportResult()
    for law in corpus.laws.values():
        created, count = _import_engine_law(law, source=source)
        result.articles += count
        if created:
            result.imported += 1
        else:
            result.updated += 1
    _index_laws_after_commit(result)
    return result
