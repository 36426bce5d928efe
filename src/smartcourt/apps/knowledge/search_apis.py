"""Search endpoints (signed-in users) under ``/api/v1/search``: full-text search of laws and judgments with
filters, facets and highlighted passages; similar judgments for a text; one judgment with its fields.

A query parameter that is not a known filter is refused (``search.unknown_filter``) rather than ignored.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.knowledge.judgment_models import Judgment
from smartcourt.apps.knowledge.search_selectors import (
    SearchPage,
    judgment_candidates,
    judgment_get,
    search_run,
)
from smartcourt.engines.search import FILTER_FIELDS, MAX_SIMILAR_CHARS, Hit

router = Router()

_PAGING = {"q", "kind", "sort", "page", "page_size"}


class PassageOut(Schema):
    text: str
    start: int
    end: int
    highlights: list[tuple[int, int]]


class HitOut(Schema):
    kind: str
    id: int
    score: float
    title: str
    fields: dict[str, Any]
    extra: dict[str, Any]
    passages: list[PassageOut]


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    total: int
    page: int
    pages: int
    words: list[str]
    hits: list[HitOut]
    facets: dict[str, list[FacetValueOut]]


class SearchIn(Schema):
    q: str = Field("", description="检索词（最多 2000 字）")
    kind: str = Field("", description="judgment（裁判文书）或 article（法条），空为全部")
    filters: dict[str, Any] = Field(default_factory=dict, description="筛选条件：" + "、".join(FILTER_FIELDS))
    sort: str = Field("relevance", description="relevance 或 date")
    page: int = Field(1, ge=1, le=50)
    page_size: int = Field(20, ge=1, le=100)


class SimilarIn(Schema):
    text: str = Field(..., description=f"案情事实（超过 {MAX_SIMILAR_CHARS} 字的部分不参与检索）")
    filters: dict[str, Any] = Field(default_factory=dict)
    top: int = Field(30, ge=1, le=100)


class CandidateOut(Schema):
    id: int
    score: float
    title: str
    case_number: str
    court: str
    year: int | None
    charges: list[str]
    cause: str
    term_months: int | None


class JudgmentOut(Schema):
    id: int
    title: str
    case_number: str
    court: str
    court_level: str
    region: str
    year: int | None
    decided_on: date | None
    case_type: str
    procedure: str
    document_type: str
    cause: str
    charges: list[str]
    terms: list[dict[str, Any]]
    term_months: int | None
    fine_amount: Decimal | None
    amounts: list[str]
    amount: Decimal | None
    cited_articles: list[dict[str, str]]
    is_guiding: bool
    source: str
    full_text: str


def _hit_out(hit: Hit) -> HitOut:
    return HitOut(
        kind=hit.kind,
        id=hit.ref,
        score=round(hit.score, 4),
        title=hit.title,
        fields=dict(hit.fields),
        extra=dict(hit.extra),
        passages=[
            PassageOut(text=p.text, start=p.span[0], end=p.span[1], highlights=list(p.highlights))
            for p in hit.passages
        ],
    )


def _page_out(page: SearchPage) -> SearchOut:
    return SearchOut(
        total=page.total,
        page=page.page,
        pages=page.pages,
        words=list(page.result.words),
        hits=[_hit_out(h) for h in page.hits],
        facets={
            name: [FacetValueOut(value=v, label=label, count=c) for v, label, c in values]
            for name, _label, values in page.facets()
        },
    )


def _int(request: HttpRequest, name: str, default: int) -> int:
    raw = request.GET.get(name, "")
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise InvalidInputError("invalid_input", f"{name} 须为整数", {"field": name}) from None


def _kinds(kind: str) -> list[str] | None:
    return [kind] if kind else None


@router.get("", response=SearchOut, summary="全文检索（法条与裁判文书）：筛选、分面、高亮、排序")
def search(request: HttpRequest) -> SearchOut:
    """Query parameters: ``q``, ``kind``, ``sort``, ``page``, ``page_size`` and any filter of FILTER_FIELDS
    (repeat a parameter for "any of")."""
    filters: dict[str, Any] = {}
    for name in request.GET:
        if name in _PAGING:
            continue
        if name not in FILTER_FIELDS:
            raise InvalidInputError(
                "search.unknown_filter",
                f"未知的筛选条件：{name[:40]}（可用：{'、'.join(FILTER_FIELDS)}）",
                {"field": name[:40]},
            )
        values = request.GET.getlist(name)
        filters[name] = values if len(values) > 1 else values[0]
    page = search_run(
        query=request.GET.get("q", ""),
        filters=filters,
        kinds=_kinds(request.GET.get("kind", "")),
        sort=request.GET.get("sort", "relevance") or "relevance",
        page=_int(request, "page", 1),
        page_size=_int(request, "page_size", 20),
    )
    return _page_out(page)


@router.post("", response=SearchOut, summary="全文检索（请求体，适合长检索词）")
def search_post(request: HttpRequest, payload: SearchIn) -> SearchOut:
    page = search_run(
        query=payload.q,
        filters=payload.filters,
        kinds=_kinds(payload.kind),
        sort=payload.sort,
        page=payload.page,
        page_size=payload.page_size,
    )
    return _page_out(page)


@router.post("/similar", response=list[CandidateOut], summary="与一段案情最相近的裁判文书（候选）")
def similar(request: HttpRequest, payload: SimilarIn) -> list[CandidateOut]:
    found = judgment_candidates(text=payload.text, filters=payload.filters, top_n=payload.top)
    return [
        CandidateOut(
            id=c.id,
            score=round(c.score, 4),
            title=c.judgment.title,
            case_number=c.judgment.case_number,
            court=c.judgment.court,
            year=c.judgment.year,
            charges=list(c.judgment.charges),
            cause=c.judgment.cause,
            term_months=c.judgment.term_months,
        )
        for c in found
    ]


@router.get("/judgments/{judgment_id}", response=JudgmentOut, summary="裁判文书及其结构化字段")
def judgment_detail(request: HttpRequest, judgment_id: int) -> Judgment:
    return judgment_get(judgment_id=judgment_id)
