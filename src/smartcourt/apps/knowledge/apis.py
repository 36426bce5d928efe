"""Law knowledge-base endpoints (signed-in users): laws by name, articles by number."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from smartcourt.apps.knowledge.selectors import article_get, law_get_by_name, law_list

router = Router()


class VersionOut(Schema):
    label: str
    issued_on: date | None
    effective_on: date | None
    repealed_on: date | None
    source_file: str


class LawOut(Schema):
    id: int
    title: str
    short_name: str
    aliases: list[str]
    kind: str
    folder: str
    source: str
    repealed_on: date | None


class LawDetailOut(LawOut):
    versions: list[VersionOut]


class ParagraphOut(Schema):
    text: str
    items: list[str]


class ArticleOut(Schema):
    law: str
    version: str
    number: int
    suffix: int
    number_chinese: str
    chapter_path: str
    chapter: str
    section: str
    text: str
    paragraphs: list[ParagraphOut]
    deleted: bool


class LawFilters(Schema):
    q: str = Field("", max_length=100, description="标题或简称包含的文字")
    limit: int = Field(50, ge=1, le=200)


class ArticleFilters(Schema):
    suffix: int = Field(0, ge=0, le=99, description="之X（第一百三十三条之一：1）")
    version: str | None = Field(None, max_length=20, description="版本（公布日期 YYYY-MM-DD），默认最新")


@router.get("", response=list[LawOut], summary="法律列表与按名称检索")
def laws(request: HttpRequest, filters: Query[LawFilters]) -> list[LawOut]:
    return [LawOut.from_orm(law) for law in law_list(query=filters.q)[: filters.limit]]


@router.get("/{name}", response=LawDetailOut, summary="法律及其版本")
def law_detail(request: HttpRequest, name: str) -> LawDetailOut:
    law = law_get_by_name(name=name)
    versions = [VersionOut.from_orm(v) for v in law.versions.order_by("issued_on", "pk")]
    return LawDetailOut(**LawOut.from_orm(law).dict(), versions=versions)


@router.get("/{name}/articles/{number}", response=ArticleOut, summary="按法律名称与条号取法条")
def article_detail(
    request: HttpRequest, name: str, number: str, filters: Query[ArticleFilters]
) -> ArticleOut:
    article = article_get(
        law=law_get_by_name(name=name), number=number, suffix=filters.suffix, version=filters.version
    )
    return ArticleOut(
        law=article.version.law.title,
        version=article.version.label,
        number=article.number,
        suffix=article.suffix,
        number_chinese=article.number_chinese,
        chapter_path=article.chapter_path,
        chapter=article.chapter,
        section=article.section,
        text=article.text,
        paragraphs=[ParagraphOut(**p) for p in article.paragraphs],
        deleted=article.deleted,
    )
