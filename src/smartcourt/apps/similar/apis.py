"""Similar-case push endpoints (court staff): the similar judgments of facts or of a case with the reasons,
the deviation check of a draft outcome and the class-case report data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from smartcourt.apps.similar import selectors, services

router = Router()


class SearchIn(Schema):
    facts: str = Field(..., max_length=200_000)
    charges: list[str] | None = None
    cause: str = Field("", max_length=100)
    top: int = Field(10, ge=1, le=50)
    filters: dict[str, Any] | None = None


class DeviationIn(Schema):
    kind: str = "term_months"
    draft: float


def _check_staff(request: HttpRequest) -> None:
    selectors._check_staff(request.user)  # type: ignore[arg-type]


@router.post("/search", summary="按案情事实检索类案")
def similar_search(request: HttpRequest, payload: SearchIn) -> dict[str, Any]:
    """The top similar judgments of the facts, each with its reasons, and the profile of the facts."""
    _check_staff(request)
    result = selectors.similar_find(
        facts=payload.facts,
        charges=payload.charges,
        cause=payload.cause,
        top=payload.top,
        filters=payload.filters,
    )
    return {"profile": selectors.profile_data(result.profile), "results": selectors.neighbour_rows(result)}


@router.get("/cases/{case_id}", summary="案件的类案推送")
def similar_case(request: HttpRequest, case_id: int, top: int = 10) -> dict[str, Any]:
    """The similar judgments of a case (its facts and recorded charges or cause)."""
    _, result = selectors.similar_for_case(viewer=request.user, case_id=case_id, top=max(1, min(top, 50)))  # type: ignore[arg-type]
    return {"profile": selectors.profile_data(result.profile), "results": selectors.neighbour_rows(result)}


@router.post("/cases/{case_id}/deviation", summary="拟定结果偏离度检查")
def similar_deviation(request: HttpRequest, case_id: int, payload: DeviationIn) -> dict[str, Any]:
    """Compare a draft outcome with the similar judgments' outcomes; ``warn`` outside the 10th–90th percentile."""
    row = services.outcome_check_create(
        actor=request.user, case_id=case_id, kind=payload.kind, draft=payload.draft
    )  # type: ignore[arg-type]
    return {
        "id": row.pk,
        "kind": row.kind,
        "draft": float(row.draft),
        "percentile": row.percentile,
        "low": row.low,
        "high": row.high,
        "warn": row.warn,
        "direction": row.direction,
        "message": row.message,
        "distribution": row.distribution,
    }


@router.get("/cases/{case_id}/report", summary="类案分析报告数据")
def similar_report(request: HttpRequest, case_id: int) -> dict[str, Any]:
    """Outcome distribution, common circumstances, elements, cited articles and reasoning of the similar cases."""
    _, result = selectors.similar_for_case(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]
    return selectors.report_context(result=result)
