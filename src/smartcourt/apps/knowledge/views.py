"""Web pages of the knowledge base: full-text search of laws and judgments, one judgment.

Views shape input and output only; a refused query (too long, unknown filter) is a Chinese message on the page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.knowledge.search_selectors import KIND_LABELS, judgment_get, search_run
from smartcourt.engines.search import FILTER_FIELDS, MAX_QUERY_CHARS, Hit, Passage

SORT_LABELS = {"relevance": "相关度", "date": "日期（新→旧）"}


def _marked(passage: Passage) -> list[tuple[str, bool]]:
    """The passage as (text, highlighted) pieces; the template escapes each piece."""
    pieces, at = [], 0
    for start, end in passage.highlights:
        if start > at:
            pieces.append((passage.text[at:start], False))
        pieces.append((passage.text[start:end], True))
        at = end
    if at < len(passage.text):
        pieces.append((passage.text[at:], False))
    return pieces


def _row(hit: Hit) -> dict[str, Any]:
    return {
        "hit": hit,
        "kind_label": KIND_LABELS.get(hit.kind, hit.kind),
        "passages": [_marked(p) for p in hit.passages],
        "snippet": "" if hit.passages else hit.text[:160],
    }


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    g = request.GET
    query = g.get("q", "")
    kind = g.get("kind", "") if g.get("kind", "") in KIND_LABELS else ""
    sort = g.get("sort", "relevance") if g.get("sort") in SORT_LABELS else "relevance"
    filters = {name: g.get(name, "") for name in FILTER_FIELDS if g.get(name, "")}
    page_number = int(g["page"]) if g.get("page", "").isdigit() else 1
    context: dict[str, Any] = {
        "q": query[:MAX_QUERY_CHARS],
        "kind": kind,
        "sort": sort,
        "filters": filters,
        "kinds": KIND_LABELS,
        "sorts": SORT_LABELS,
        "max_query": MAX_QUERY_CHARS,
        "searched": bool(query.strip() or filters or kind),
    }
    if context["searched"]:
        try:
            page = search_run(query=query, filters=filters, kinds=[kind] if kind else None, sort=sort,
                              page=page_number)  # fmt: skip
        except DomainError as exc:
            context["error"] = exc.message
        else:
            base = {k: v for k, v in {"q": query, "kind": kind, "sort": sort, **filters}.items() if v}
            facets = []
            for name, label, values in page.facets():
                options = []
                for value, value_label, count in values:
                    chosen = filters.get(name) == value
                    link = (
                        {**base, name: value} if not chosen else {k: v for k, v in base.items() if k != name}
                    )
                    options.append({"label": value_label, "count": count, "chosen": chosen,
                                    "url": "?" + urlencode(link)})  # fmt: skip
                facets.append({"label": label, "options": options})
            context.update(
                page=page,
                rows=[_row(h) for h in page.hits],
                facets=facets,
                prev_url="?" + urlencode({**base, "page": page.page - 1}) if page.page > 1 else "",
                next_url="?" + urlencode({**base, "page": page.page + 1}) if page.page < page.pages else "",
                active=[
                    (FILTER_FIELDS[k], v, "?" + urlencode({x: y for x, y in base.items() if x != k}))
                    for k, v in filters.items()
                ],  # fmt: skip
            )
    return render(request, "knowledge/search.html", context)


@login_required
def judgment_page(request: HttpRequest, judgment_id: int) -> HttpResponse:
    try:
        judgment = judgment_get(judgment_id=judgment_id)
    except DomainError as exc:
        return render(request, "core/error.html", {"message": exc.message}, status=404)
    return render(request, "knowledge/judgment.html", {"judgment": judgment})
