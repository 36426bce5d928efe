"""电子卷宗 endpoints under ``/api/v1/casefile``: ingestion (a batch, each file refused on its own), the
catalogue and pages, full-text search, corrections, automatic checks, back-fill decisions, archive packages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from smartcourt.apps.casefile import archive, selectors, services
from smartcourt.apps.casefile.models import ArchivePackage, BackfillField, Material
from smartcourt.apps.core.errors import InvalidInputError, NotFoundError

router = Router()
MAX_REQUEST_FILE = 60 * 1024 * 1024  # the uploads engine applies the per-kind limits (50 MiB for PDF)
MAX_FILES = 50


def _material_out(m: Material) -> dict[str, Any]:
    return {
        "id": m.pk,
        "filename": m.filename,
        "title": m.title,
        "source": m.source,
        "sha256": m.sha256,
        "size": m.size,
        "media_type": m.media_type,
        "page_count": m.page_count,
        "status": m.status,
        "failure_reason": m.failure_reason,
        "text_source": m.text_source,
        "category": m.category,
        "category_name": m.category_name,
        "confidence": m.confidence,
        "category_corrected": m.category_corrected,
        "volume": m.volume,
        "position": m.position,
        "first_page": m.first_page,
        "last_page": m.last_page,
        "uploaded_by": m.uploaded_by.username,
        "uploaded_at": m.uploaded_at.isoformat(),
    }


def _package_out(p: ArchivePackage) -> dict[str, Any]:
    return {
        "id": p.pk,
        "sha256": p.sha256,
        "size": p.size,
        "archival_code": p.archival_code,
        "retention": p.retention,
        "built_at": p.built_at.isoformat(),
        "ledger_leaf_index": p.ledger_entry.leaf_index if p.ledger_entry else None,
        "receipt": p.receipt,
        "checked_at": p.checked_at.isoformat() if p.checked_at else None,
        "check_ok": p.check_ok,
        "check_problems": p.check_problems,
    }


def _case(request: HttpRequest, case_id: int) -> Any:
    return selectors.casefile_case_get(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]


@router.post("/cases/{case_id}/materials", response={201: dict[str, Any]}, summary="收入材料（可多个文件）")
def materials_add(
    request: HttpRequest,
    case_id: int,
    files: File[list[UploadedFile]],
    source: Form[str] = "SCAN",
) -> Status:
    """Each file is checked on its own: ``results`` lists the material or the Chinese reason per file."""
    case = _case(request, case_id)
    if len(files) > MAX_FILES:
        raise InvalidInputError(
            "casefile.too_many_files", f"一次最多上传 {MAX_FILES} 个文件", {"field": "files"}
        )
    results: list[dict[str, Any]] = []
    for upload in files:
        name = upload.name or "未命名文件"
        if upload.size and upload.size > MAX_REQUEST_FILE:
            results.append(
                {
                    "filename": name,
                    "ok": False,
                    "code": "file_too_large",
                    "message": f"{name}：文件过大（超过60MB）",
                }
            )
            continue
        (outcome,) = services.material_ingest_batch(
            case=case,
            files=[(name, upload.read())],
            source=source,
            actor=request.user,  # type: ignore[arg-type]
        )
        if outcome.material is not None:
            results.append({"filename": name, "ok": True, "material": _material_out(outcome.material)})
        else:
            results.append({"filename": name, "ok": False, "code": outcome.code, "message": outcome.message})
    return Status(201, {"results": results})


@router.get("/cases/{case_id}/materials", response=list[dict[str, Any]], summary="卷宗目录（按卷别和顺序）")
def materials_list(request: HttpRequest, case_id: int) -> list[dict[str, Any]]:
    return [_material_out(m) for m in selectors.material_list(case=_case(request, case_id))]


@router.get("/materials/{material_id}/pages", response=list[dict[str, Any]], summary="材料的页面与识别文字")
def pages_list(request: HttpRequest, material_id: int) -> list[dict[str, Any]]:
    material = selectors.material_get(viewer=request.user, material_id=material_id)  # type: ignore[arg-type]
    return [
        {
            "id": p.pk,
            "number": p.number,
            "text": p.text,
            "lines": p.lines,
            "width": p.width,
            "height": p.height,
            "page_number": material.first_page + p.number - 1,
        }
        for p in material.pages.defer("thumbnail")
    ]


@router.get("/cases/{case_id}/search", response=list[dict[str, Any]], summary="卷内全文检索")
def file_search(
    request: HttpRequest, case_id: int, q: str = Query(..., max_length=100)
) -> list[dict[str, Any]]:  # noqa: B008
    hits = selectors.file_search(case=_case(request, case_id), query=q)
    return [
        {"page": h.page.pk, "material": h.page.material_id, "number": h.page.number, "snippet": h.snippet}
        for h in hits
    ]


class CorrectionIn(Schema):
    reason: str = Field(..., max_length=300)
    category: str | None = Field(None, max_length=40)
    position: int | None = Field(None, ge=1, le=9999)


@router.post("/materials/{material_id}/corrections", response=dict[str, Any], summary="更正类别或顺序")
def material_correct(request: HttpRequest, material_id: int, payload: CorrectionIn) -> dict[str, Any]:
    material = selectors.material_get(viewer=request.user, material_id=material_id)  # type: ignore[arg-type]
    corrected = services.material_correct(
        material=material,
        actor=request.user,  # type: ignore[arg-type]
        reason=payload.reason,
        category=payload.category,
        position=payload.position,
    )
    return _material_out(corrected)


@router.get("/cases/{case_id}/checks", response=list[dict[str, Any]], summary="电子卷宗自动检查")
def file_checks(request: HttpRequest, case_id: int) -> list[dict[str, Any]]:
    return [
        {"kind": i.kind, "message": i.message, "rule": i.rule, "material": i.document, "page": i.page}
        for i in selectors.file_checks(case=_case(request, case_id))
    ]


@router.get("/cases/{case_id}/backfill", response=list[dict[str, Any]], summary="提取结果与案件信息的差异")
def backfill_list(request: HttpRequest, case_id: int) -> list[dict[str, Any]]:
    return services.backfill_fields_json(list(selectors.backfill_pending(case=_case(request, case_id))))


class DecisionIn(Schema):
    decision: str = Field(..., pattern="^(accept|reject)$")


@router.post("/backfill/{field_id}", response=dict[str, Any], summary="采纳或不采纳一个提取值")
def backfill_decide(request: HttpRequest, field_id: int, payload: DecisionIn) -> dict[str, Any]:
    field = BackfillField.objects.select_related("material__case").filter(pk=field_id).first()
    if field is None:
        raise NotFoundError("casefile.not_found", "回填字段不存在")
    _case(request, field.material.case_id)
    decided = services.backfill_decide(field=field, actor=request.user, accept=payload.decision == "accept")  # type: ignore[arg-type]
    return services.backfill_fields_json([decided])[0]


class ArchiveIn(Schema):
    retention: str = Field("永久", max_length=16)


@router.post("/cases/{case_id}/archive", response={201: dict[str, Any]}, summary="生成电子档案封装包并存证")
def archive_build(request: HttpRequest, case_id: int, payload: ArchiveIn) -> Status:
    package = archive.archive_build(
        case=_case(request, case_id), actor=request.user, retention=payload.retention
    )  # type: ignore[arg-type]
    return Status(201, _package_out(package))


@router.post("/cases/{case_id}/archive/check", response=dict[str, Any], summary="检查电子档案完整性与存证")
def archive_check(request: HttpRequest, case_id: int) -> dict[str, Any]:
    package = selectors.package_latest(case=_case(request, case_id))
    if package is None:
        raise NotFoundError("casefile.no_package", "该案尚未生成电子档案")
    return _package_out(archive.archive_check(package=package, actor=request.user))  # type: ignore[arg-type]
