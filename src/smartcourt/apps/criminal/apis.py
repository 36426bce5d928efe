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
from smartcourt.apps.criminal.assessment import STAGE_LABELS, Assessment, CombinedSentence
from smartcourt.apps.criminal.selectors import CaseSentencing
from smartcourt.apps.criminal.views import table_bytes
from smartcourt.engines.sentencing import ProbationAssessment, Recommendation

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


class ChargeItemOut(Schema):
    charge_index: int = Field(..., description="案件罪名序号（从0开始）")
    case_charge: str
    charge: str = Field(..., description="评估罪名（法官修正后）")
    charge_overridden: bool
    scope: str = Field(..., description="事实与情节的提取范围")
    facts_items: list[FactOut]
    circumstances: list[CircumstanceOut]
    removed_circumstances: list[CircumstanceOut]
    recommendation: RecommendationOut | None
    error: ErrorOut | None
    warnings: list[str]
    probation_suggested: bool = Field(
        ..., description="可以考虑缓刑（本罪评价，并经数罪并罚后刑期与累犯等复核）"
    )
    probation_note: str = Field(
        ..., description="本罪单独评价的缓刑建议不再适用的理由（刑法第六十九条、第七十二条、第七十四条）"
    )


class CombinedOut(Schema):
    rule: str
    terms: list[dict[str, Any]]
    total_months: int
    range_months: list[int]
    point_months: int
    detention: bool
    declared: str
    explanation: str
    fine: dict[str, str] | None
    probation: dict[str, Any] | None = Field(
        ..., description="按决定执行的刑期复核缓刑（刑法第六十九条、第七十二条、第七十四条）"
    )


class AccusedOut(Schema):
    accused_id: int | None = Field(..., description="被告人（当事人）编号")
    name: str
    scope_warning: str
    declared: str
    charges: list[ChargeItemOut]
    combined: CombinedOut | None = Field(..., description="数罪并罚（刑法第六十九条），一名被告人多个罪名时")
    combined_error: str
    excluded_charges: list[dict[str, Any]] = Field(..., description="法官排除（该被告人未被指控）的罪名")


class AssessmentOut(Schema):
    """The first accused's first charge at the top level (as for a single-accused case), every accused and
    charge in ``accused``."""

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
    probation_suggested: bool = Field(
        ..., description="可以考虑缓刑（本罪评价，并经数罪并罚后刑期与累犯等复核）"
    )
    probation_note: str = Field(
        ..., description="本罪单独评价的缓刑建议不再适用的理由（刑法第六十九条、第七十二条、第七十四条）"
    )
    accused: list[AccusedOut]


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


def _probation_out(p: ProbationAssessment | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "eligible": p.eligible,
        "mandatory_if_conditions_met": p.mandatory_if_conditions_met,
        "reasons": list(p.reasons),
        "rule": p.rule,
    }


def _recommendation_out(rec: Recommendation | None) -> dict[str, Any] | None:
    if rec is None:
        return None
    return {
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
        "probation": _probation_out(rec.probation),
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


def _item_out(a: Assessment) -> dict[str, Any]:
    return {
        "charge_index": a.charge_index,
        "case_charge": a.case_charge,
        "charge": a.charge,
        "charge_overridden": a.charge_overridden,
        "scope": a.scope,
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
        "recommendation": _recommendation_out(a.recommendation),
        "error": {"code": a.error_code, "message": a.error_message, "field": a.error_field}
        if a.error_message
        else None,
        "warnings": a.warnings,
        "probation_suggested": a.probation_suggested,
        "probation_note": a.probation_note,
    }


def _combined_out(c: CombinedSentence | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "rule": c.rule,
        "terms": [{"charge": charge, "months": m, "detention": d} for charge, m, d in c.terms],
        "total_months": c.total,
        "range_months": [c.low, c.high],
        "point_months": c.point,
        "detention": c.detention,
        "declared": c.declared,
        "explanation": c.explanation,
        "fine": {"low": str(c.fine_low), "high": str(c.fine_high)} if c.fine_low is not None else None,
        "probation": _probation_out(c.probation),
    }


def _assessment_out(case: Any, sentencing: CaseSentencing) -> dict[str, Any]:
    row, primary = sentencing.row, sentencing.primary
    first = _item_out(primary)
    del first["charge_index"], first["case_charge"], first["charge_overridden"], first["scope"]
    return {
        "case_id": case.pk,
        "case_number": case.case_number,
        "facts": primary.facts_text,
        "facts_version": row.version if row else 0,
        "facts_source": row.facts_source if row else "",
        **first,
        "accused": [
            {
                "accused_id": p.accused_id,
                "name": p.name,
                "scope_warning": p.scope_warning,
                "declared": p.declared,
                "charges": [_item_out(i) for i in p.items],
                "combined": _combined_out(p.combined),
                "combined_error": p.combined_error,
                "excluded_charges": [{"charge_index": i, "charge": c} for i, c in p.excluded],
            }
            for p in sentencing.accused
        ],
    }


def _current(case: Any) -> dict[str, Any]:
    return _assessment_out(case, selectors.case_sentencing(case=case))


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
    accused_id: int | None = Field(None, description="被告人（当事人）编号；默认第一被告人")
    charge_index: int = Field(0, description="案件罪名序号（从0开始）；默认第一个罪名")
    target: str = Field(..., description="FACT | CIRCUMSTANCE | CHARGE")
    name: str = Field("", max_length=40, description="事实项或情节标识（如 amount、surrender）")
    action: str = Field(..., description="SET | ADD | REMOVE | RESET")
    value: str = Field("", max_length=100)
    reason: str = Field(..., max_length=500)


@router.post(
    "/cases/{case_id}/sentencing/overrides",
    response=AssessmentOut,
    summary="法官修正（须附理由；可指定被告人与罪名）",
)
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
        accused_id=payload.accused_id,
        charge_index=payload.charge_index,
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
    charges: list[str] = Field(..., description="该证据项所属的罪名（通用证据为本案全部罪名）")
    crime: str = Field(..., description="罪名特有证据的罪名；通用证据为空")
    label: str = Field(..., description="显示名称（多个罪名时附所属罪名）")


class ChargeChecklistOut(Schema):
    charge: str
    covered: bool
    notes: list[str]


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
    """The checklist of every charge of the case, merged; ``charge`` is the first charge and ``covered``
    whether every charge has a crime-specific list (as for a single-charge case)."""

    stage: str
    stage_label: str
    charge: str
    covered: bool
    notes: list[str]
    charges: list[str] = Field(..., description="清单涵盖的本案罪名")
    charge_checklists: list[ChargeChecklistOut] = Field(..., description="各罪名是否有专门的证据指引")
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
        "charges": list(view.checklist.charges),
        "charge_checklists": [
            {"charge": c.charge, "covered": c.covered, "notes": list(c.notes)}
            for c in view.checklist.checklists
        ],
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
                "charges": list(i.charges),
                "crime": i.requirement.crime,
                "label": i.label,
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
