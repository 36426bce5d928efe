"""要素式审判 endpoints under ``/api/v1/element-trial``: the element table of a case with its trial outline and
calculation, (re)building it, changing a row with a reason, the calculation figures and the judgment draft.
Errors are ``{code, message, detail}`` (``config/api.py``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.element_trial import calculations, selectors, services
from smartcourt.apps.element_trial.models import ElementEntry, ElementSheet
from smartcourt.engines import elements as eng

router = Router()


class BuildIn(Schema):
    complaint: str = ""
    answer: str = ""
    evidence: list[str] = []


class RowIn(Schema):
    reason: str
    status: str | None = None
    value: str | None = None
    note: str | None = None


class FiguresIn(Schema):
    figures: dict[str, Any]


class JudgmentIn(Schema):
    inputs: dict[str, Any] = {}


def _row_out(r: ElementEntry) -> dict[str, Any]:
    return {
        "key": r.key,
        "label": r.label,
        "value": r.value,
        "status": r.status,
        "status_label": r.get_status_display(),
        "extracted_value": r.extracted_value,
        "extracted_status": r.extracted_status,
        "defendant_position": r.defendant_position,
        "status_cue": r.status_cue,
        "basis": r.basis,
        "sources": r.sources,
        "note": r.note,
        "edited": r.edited,
    }


def _calc_out(c: eng.Calculation) -> dict[str, Any]:
    return {
        "label": c.label,
        "figure": str(c.figure),
        "steps": [
            {"label": s.label, "formula": s.formula, "value": str(s.value), "basis": s.basis} for s in c.steps
        ],
        "basis": list(c.basis),
        "warnings": list(c.warnings),
    }


def _table_out(case: Case, sheet: ElementSheet | None) -> dict[str, Any]:
    if sheet is None:
        return {"case_id": case.pk, "built": False}
    rows = selectors.sheet_rows(sheet=sheet)
    outline = selectors.sheet_outline(sheet=sheet, rows=rows)
    calc: dict[str, Any] = {"figures": sheet.figures, "results": [], "error": None}
    if sheet.figures:
        try:
            calc["results"] = [
                _calc_out(c) for c in calculations.calculate(eng.Cause(sheet.cause), sheet.figures)
            ]
        except DomainError as exc:
            calc["error"] = exc.as_body()
    return {
        "case_id": case.pk,
        "built": True,
        "cause": sheet.cause,
        "cause_label": sheet.get_cause_display(),
        "version": sheet.version,
        "text_source": sheet.text_source,
        "documents": sheet.documents,
        "notes": sheet.notes,
        "rows": [_row_out(r) for r in rows],
        "outline": {
            "confirm": list(outline.confirm),
            "focus": [
                {
                    "key": i.key,
                    "label": i.label,
                    "questions": list(i.questions),
                    "evidence": list(i.evidence),
                    "basis": list(i.basis),
                    "plaintiff_value": i.plaintiff_value,
                    "defendant_position": i.defendant_position,
                }
                for i in outline.focus
            ],
            "unmentioned": list(outline.unmentioned),
        },
        "calculation": calc,
    }


@router.get("/cases/{case_id}/table", response=dict[str, Any], summary="要素表、庭审提纲与计算")
def table_get(request: HttpRequest, case_id: int) -> dict[str, Any]:
    case = selectors.element_case_get(viewer=request.user, case_id=case_id)
    return _table_out(case, selectors.sheet_get(case=case))


@router.post("/cases/{case_id}/table", response={201: dict[str, Any]}, summary="生成或重新生成要素表")
def table_build(request: HttpRequest, case_id: int, payload: BuildIn) -> Status:
    """Texts left empty are read from the case file (起诉状, 答辩状, 证据材料)."""
    case = selectors.element_case_get(viewer=request.user, case_id=case_id)
    sheet = services.element_table_build(
        case=case,
        actor=request.user,
        complaint=payload.complaint,
        answer=payload.answer,
        evidence=payload.evidence,
    )
    return Status(201, _table_out(case, sheet))


@router.patch("/cases/{case_id}/rows/{key}", response=dict[str, Any], summary="修改一个要素（须填理由）")
def row_update(request: HttpRequest, case_id: int, key: str, payload: RowIn) -> dict[str, Any]:
    case = selectors.element_case_get(viewer=request.user, case_id=case_id)
    services.element_row_update(
        case=case,
        actor=request.user,
        key=key,
        reason=payload.reason,
        status=payload.status,
        value=payload.value,
        note=payload.note,
    )
    return _table_out(case, selectors.sheet_get(case=case))


@router.put("/cases/{case_id}/figures", response=dict[str, Any], summary="保存计算参数并计算")
def figures_save(request: HttpRequest, case_id: int, payload: FiguresIn) -> dict[str, Any]:
    case = selectors.element_case_get(viewer=request.user, case_id=case_id)
    sheet = services.element_figures_save(case=case, actor=request.user, figures=payload.figures)
    return _table_out(case, sheet)


@router.post("/cases/{case_id}/judgment", response={201: dict[str, Any]}, summary="按要素表生成判决书草稿")
def judgment_draft(request: HttpRequest, case_id: int, payload: JudgmentIn) -> Status:
    """The draft is a version in 文书制作 (``/api/v1/drafting/drafts/{id}``): defects, fixes, 存入电子卷宗."""
    case = selectors.element_case_get(viewer=request.user, case_id=case_id)
    draft = services.element_judgment_draft(case=case, actor=request.user, inputs=payload.inputs)
    return Status(201, {"draft_id": draft.pk, "version": draft.version, "warnings": draft.warnings})
