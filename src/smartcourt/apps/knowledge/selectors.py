"""Reads of the law knowledge base: laws by name (title, short name, alias) and articles by number."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smartcourt.apps.core.errors import InvalidInputError, NotFoundError
from smartcourt.apps.knowledge.error_codes import KnowledgeErrorCode
from smartcourt.apps.knowledge.models import Article, Law, LawVersion
from smartcourt.engines.laws import (
    ArticleNumberError,
    format_article_number,
    normalize_law_name,
    parse_article_number,
)

MAX_QUERY = 100


def law_list(*, query: str = "") -> QuerySet[Law]:
    """Laws whose title or short name contains ``query`` (all laws when empty), by title."""
    laws = Law.objects.order_by("title")
    query = query.strip()[:MAX_QUERY]
    if query:
        key = normalize_law_name(query)
        laws = laws.filter(
            Q(title__icontains=query) | Q(short_name__icontains=query) | Q(name_key__icontains=key or query)
        )
    return laws


def law_get_by_name(*, name: str) -> Law:
    """The law with this title, short name or alias (``刑法``, ``《中华人民共和国刑法》``).

    Raises :class:`NotFoundError` (``knowledge.law_not_found``) when none has it.
    """
    name = name.strip()[:MAX_QUERY]
    key = normalize_law_name(name)
    found = Law.objects.filter(Q(title=name) | Q(short_name=name) | Q(name_key=key)).order_by("pk").first()
    if found is not None:
        return found
    # Aliases are few per law; a JSON ``contains`` lookup is not portable to SQLite.
    for pk, aliases in Law.objects.values_list("pk", "aliases"):
        if name in aliases or key in (normalize_law_name(a) for a in aliases):
            return Law.objects.get(pk=pk)
    raise NotFoundError(KnowledgeErrorCode.LAW_NOT_FOUND, f"法律库中没有“{name}”", {"name": name})


def law_version_latest(*, law: Law) -> LawVersion | None:
    """The version with the latest issue date (a version without a date counts as oldest)."""
    versions = list(law.versions.all())
    if not versions:
        return None
    return max(versions, key=lambda v: (v.issued_on is not None, v.issued_on, v.pk))


def article_get(*, law: Law, number: str, suffix: int = 0, version: str | None = None) -> Article:
    """An article of ``law`` by number: ``264``, ``第二百六十四条`` or ``第一百三十三条之一``.

    ``version`` is a version label (its issue date); ``None`` means the newest version. Raises
    :class:`InvalidInputError` for a number that is not one, :class:`NotFoundError` when the article is absent.
    """
    raw = number.strip()
    try:
        if raw.isdigit():
            value = int(raw)
        else:
            value, parsed_suffix = parse_article_number(raw if raw.startswith("第") else f"第{raw}")
            suffix = suffix or parsed_suffix
    except (ArticleNumberError, ValueError):
        raise InvalidInputError(
            KnowledgeErrorCode.BAD_ARTICLE_NUMBER, f"条号无法识别：{raw[:40]}", {"field": "number"}
        ) from None
    chosen = law_version_latest(law=law) if version is None else law.versions.filter(label=version).first()
    article = (
        Article.objects.select_related("version__law")
        .filter(version=chosen, number=value, suffix=suffix)
        .first()
        if chosen is not None
        else None
    )
    if article is None:
        try:
            shown = format_article_number(value, suffix)
        except (ArticleNumberError, ValueError):
            shown = raw
        where = f"（{version}版）" if version else ""
        raise NotFoundError(
            KnowledgeErrorCode.ARTICLE_NOT_FOUND,
            f"《{law.title}》{where}没有{shown}",
            {"law": law.title, "number": value, "suffix": suffix, "version": version},
        )
    return article
