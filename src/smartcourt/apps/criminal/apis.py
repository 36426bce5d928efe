"""Criminal case assistance endpoints: the sentencing assessment, its facts and overrides, the 量刑表, the
evidence checklist and the ready-for-trial mark.

Handlers validate the shape, call one selector or service, and return a schema; scoping is the selectors'.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from pydantic import Field

from smartcourt.apps.criminal import selectors, services
from smartcourt.apps.criminal.assessment import STAGE_LABELS, Assessment
from smartcourt.apps.criminal.views import table_bytes

router = Router()


class SpanOut(Schema):
    start: int
    end: int


class CircumstanceOut(Schema):
    kind: str
    name: str
    citation: str
    range: str
    text: str
    span: SpanOut | None
    percent: str
    origin: str


class FactOut(Schema):
    name: str
    label: str
    value: str
    extracted: str
    overridden: bool
    text: str


class StepOut(Schema):
    stage: str
    stage_label: str
    rule: str
    description: str
    low: float
    point: float
    high: float
    percent: float | None
    text: str
    span: SpanOut | None


class RecommendationOut(Schema):
    charge: str
    article: str
    paragraph: str
    statutory_months: list[int]
    starting_point_months: list[int]
    baseline_months: float
    range_months: list[int]
    point_months: int
    declared: str
    fine: dict[str, Any] | None
    probation: dict[str, Any] | None
    notes: list[str]
    steps: list[StepOut]


class ErrorOut(Schema):
    code: str
    message: str
    field: str


class AssessmentOut(Schema):
    case_id: int
    case_number: str
    charge: str
    facts: str
    facts_version: int
    facts_source: str
    facts_items: list[FactOut]
    circumstances: list[CircumstanceOut]
    removed_circumstances: list[CircumstanceOut]
    recommendation: RecommendationOut | None
    error: ErrorOut | None
    warnings: list[str]


def _span(span: tuple[int, int] | None) -> dict[str, int] | None:
    return {"start": span[0], "end": span[1]} if span else None


def _circ(c: Any) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "name": c.name,
        "citation": c.citation,
        "range": c.range,
        "text": c.text,
        "span": _span(c.span),
        "percent": c.percent,
        "origin": c.origin,
    }


def _assessment_out(case: Any, row: Any, a: Assessment) -> dict[str, Any]:
    rec = a.recommendation
    rec_out = None
    if rec is not None:
        rec_out = {
            "charge": rec.charge,
            "article": rec.article,
            "paragraph": rec.paragraph,
            "statutory_months": [rec.statutory.low, rec.statutory.high],
            "starting_point_months": [rec.starting_point.low, rec.starting_point.high],
            "baseline_months": float(rec.baseline),
            "range_months": [rec.range.low, rec.range.high],
            "point_months": rec.point,
            "declared": rec.declared,
            "fine": {"low": str(rec.fine.low), "high": str(rec.fine.high), "rule": rec.fine.rule}
            if rec.fine
            else None,
            "probation": {
                "eligible": rec.probation.eligible,
                "mandatory_if_conditions_met": rec.probation.mandatory_if_conditions_met,
                "reasons": list(rec.probation.reasons),
                "rule": rec.probation.rule,
            }
            if rec.probation
            else None,
            "notes": list(rec.notes),
            "steps": [
                {
                    "stage": s.stage,
                    "stage_label": STAGE_LABELS.get(s.stage, s.stage),
                    "rule": s.rule,
                    "description": s.description,
                    "low": float(s.low),
                    "point": float(s.point),
                    "high": float(s.high),
                    "percent": float(s.percent) if s.percent is not None else None,
                    "text": s.text,
                    "span": _span(s.span),
                }
                for s in rec.steps
            ],
        }
    return {
        "case_id": case.pk,
        "case_number": case.case_number,
        "charge": a.charge,
        "facts": a.facts_text,
        "facts_version": row.version if row else 0,
        "facts_source": row.facts_source if row else "",
        "facts_items": [
            {
                "name": f.name,
                "label": f.label,
                "value": f.value,
                "extracted": f.extracted,
                "overridden": f.overridden,
                "text": f.span_text,
            }
            for f in a.fact_rows
        ],
        "circumstances": [_circ(c) for c in a.circumstances],
        "removed_circumstances": [_circ(c) for c in a.removed],
        "recommendation": rec_out,
        "error": {"code": a.error_code, "message": a.error_message, "field": a.error_field}
        if a.error_message
        else None,
        "warnings": a.warnings,
    }


def _current(case: Any) -> dict[str, Any]:
    row, assessment = selectors.case_assessment(case=case)
    return _assessment_out(case, row, assessment)


@router.get("/cases/{case_id}/sentencing", response=AssessmentOut, summary="量刑评估（情节、计算步骤、建议）")
def sentencing_get(request: HttpRequest, case_id: int) -> dict[str, Any]:
    case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    return _current(case)


class FactsIn(Schema):
    facts: str = Field(..., max_length=20000, description="起诉书指控或审理查明的事实")
    province: str = Field("", max_length=20)


@router.post("/cases/{case_id}/sentencing/facts", response=AssessmentOut, summary="保存案件事实并重新计算")
def sentencing_facts_post(request: HttpRequest, case_id: int, payload: FactsIn) -> dict[str, Any]:
    case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    services.sentencing_facts_save(
        case=case, actor=request.user, facts=payload.facts, province=payload.province
    )
    return _current(case)


class OverrideIn(Schema):
    target: str = Field(..., description="FACT | CIRCUMSTANCE | CHARGE")
    name: str = Field("", max_length=40, description="事实项或情节标识（如 amount、surrender）")
    action: str = Field(..., description="SET | ADD | REMOVE | RESET")
    value: str = Field("", max_length=100)
    reason: str = Field(..., max_length=500)


@router.post("/cases/{case_id}/sentencing/overrides", response=AssessmentOut, summary="法官修正（须附理由）")
def sentencing_override_post(request: HttpRequest, case_id: int, payload: OverrideIn) -> dict[str, Any]:
    case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    services.sentencing_override_apply(
        case=case,
        actor=request.user,
        target=payload.target,
        name=payload.name,
        action=payload.action,
        value=payload.value,
        reason=payload.reason,
    )
    return _current(case)


@router.get("/cases/{case_id}/sentencing/table.docx", summary="下载量刑表（.docx）")
def sentencing_table_get(request: HttpRequest, case_id: int) -> HttpResponse:
    case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    response = HttpResponse(
        table_bytes(case),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="sentencing-table-{case.pk}.docx"'
    return response


class RequirementOut(Schema):
    key: str
    name: str
    mandatory: bool
    source: str
    source_title: str
    article: str
    verified: bool
    provided: bool
    materials: list[int]


class ContradictionOut(Schema):
    kind: str
    message: str
    first_material: int
    first_text: str
    first_span: SpanOut
    second_material: int
    second_text: str
    second_span: SpanOut


class EvidenceOut(Schema):
    stage: str
    stage_label: str
    charge: str
    covered: bool
    notes: list[str]
    items: list[RequirementOut]
    missing_for_trial: list[str]
    contradictions: list[ContradictionOut]
    ready_for_trial: bool
    missing_reason: str


def _evidence_out(case: Any) -> dict[str, Any]:
    view = selectors.case_evidence(case=case)
    return {
        "stage": view.stage,
        "stage_label": view.stage_label,
        "charge": view.checklist.charge,
        "covered": view.checklist.covered,
        "notes": list(view.checklist.notes),
        "items": [
            {
                "key": i.requirement.key,
                "name": i.requirement.name,
                "mandatory": i.requirement.mandatory,
                "source": i.requirement.source,
                "source_title": i.requirement.source_title,
                "article": i.requirement.article,
                "verified": i.requirement.verified,
                "provided": i.provided,
                "materials": [m.pk for m in i.materials],
            }
            for i in view.items
        ],
        "missing_for_trial": [r.key for r in selectors.missing_for_trial(case=case)],
        "contradictions": [
            {
                "kind": c.kind,
                "message": c.message,
                "first_material": int(c.first.item_key),
                "first_text": c.first.value.text,
                "first_span": _span(c.first.value.span),
                "second_material": int(c.second.item_key),
                "second_text": c.second.value.text,
                "second_span": _span(c.second.value.span),
            }
            for c in view.contradictions
        ],
        "ready_for_trial": bool(view.state and view.state.ready_for_trial),
        "missing_reason": view.state.missing_reason if view.state else "",
    }


@router.get("/cases/{case_id}/evidence-guidance", response=EvidenceOut, summary="证据指引清单与证据矛盾")
def evidence_get(request: HttpRequest, case_id: int) -> dict[str, Any]:
    case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    return _evidence_out(case)


class MaterialIn(Schema):
    requirement_key: str = Field("", max_length=80)
    description: str = Field(..., max_length=200)
    content: str = Field("", max_length=5000)
    reference: str = Field("", max_length=200)


@router.post("/cases/{case_id}/evidence-guidance/materials", response=EvidenceOut, summary="登记证据材料")
def evidence_material_post(request: HttpRequest, case_id: int, payload: MaterialIn) -> dict[str, Any]:
    case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    services.evidence_material_add(case=case, actor=request.user, **payload.dict())
    return _evidence_out(case)


class ReadyIn(Schema):
    reason: str = Field("", max_length=500)


@router.post("/cases/{case_id}/evidence-guidance/ready", response=EvidenceOut, summary="标记为可开庭审理")
def evidence_ready_post(request: HttpRequest, case_id: int, payload: ReadyIn) -> dict[str, Any]:
    case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    services.case_mark_ready_for_trial(case=case, actor=request.user, reason=payload.reason)
    return _evidence_out(case)
