"""文书制作 endpoints under ``/api/v1/drafting``: the document types, generation from the case, the defect
check of a draft or an uploaded .docx, one-click fixes, download and 存入电子卷宗."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from smartcourt.apps.audit.services import sensitive_read_record
from smartcourt.apps.drafting import selectors, services
from smartcourt.apps.drafting.context import INPUT_FIELDS, document_types_for
from smartcourt.apps.drafting.models import Draft
from smartcourt.engines import drafting as eng

router = Router()
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class GenerateIn(Schema):
    document_type: str
    inputs: dict[str, Any] = {}


class FixIn(Schema):
    index: int
    text: str | None = None


def _draft_out(draft: Draft, *, defects: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": draft.pk,
        "case_id": draft.case_id,
        "document_type": draft.document_type,
        "version": draft.version,
        "origin": draft.origin,
        "filename": draft.filename,
        "sha256": draft.sha256,
        "warnings": draft.warnings,
        "inputs": draft.inputs,
        "material_id": draft.material_id,
        "author": draft.author.username,
        "created_at": draft.created_at.isoformat(),
    }
    if defects:
        out["defects"] = [
            {"index": i, **d.as_dict()} for i, d in enumerate(selectors.draft_defects(draft=draft))
        ]
    return out


@router.get("/document-types", response=list[dict[str, Any]], summary="可制作的文书类型及法官填写项")
def document_types(request: HttpRequest, case_id: int | None = None) -> list[dict[str, Any]]:
    """Every type, or with ``case_id`` the types of that case's instance (二审 documents only in a 民终 case)."""
    fields = [
        {
            "key": f.key,
            "label": f.label,
            "kind": f.kind,
            **({"choices": list(f.choices)} if f.choices else {}),
        }
        for f in INPUT_FIELDS
    ]
    keys = list(eng.document_types())
    if case_id is not None:
        keys = list(document_types_for(selectors.drafting_case_get(viewer=request.user, case_id=case_id)))
    kinds = [eng.DocumentType(k) for k in keys]
    return [
        {
            "key": k.value,
            "title": k.printed_title,
            "label": k.label,
            "second_instance": k.second_instance,
            "inputs": fields,
        }
        for k in kinds
    ]


@router.post("/cases/{case_id}/drafts", response={201: dict[str, Any]}, summary="根据案件信息生成文书")
def generate(request: HttpRequest, case_id: int, payload: GenerateIn) -> Status:
    draft = services.draft_generate(
        actor=request.user, case_id=case_id, document_type=payload.document_type, inputs=payload.inputs
    )
    return Status(201, _draft_out(draft))


@router.get("/cases/{case_id}/drafts", response=list[dict[str, Any]], summary="本案文书各版本")
def draft_list(request: HttpRequest, case_id: int) -> list[dict[str, Any]]:
    case = selectors.drafting_case_get(viewer=request.user, case_id=case_id)
    return [_draft_out(d, defects=False) for d in selectors.draft_list(case=case)]


@router.post("/cases/{case_id}/check", response={201: dict[str, Any]}, summary="上传 .docx 检查瑕疵")
def check_upload(
    request: HttpRequest, case_id: int, file: File[UploadedFile], document_type: Form[str] = ""
) -> Status:
    """The file is kept as a version (so its defects can be fixed one by one); the answer lists its defects."""
    draft = services.draft_upload(
        actor=request.user,
        case_id=case_id,
        data=file.read(),
        filename=file.name or "",
        document_type=document_type,
    )
    return Status(201, _draft_out(draft))


@router.get("/drafts/{draft_id}", response=dict[str, Any], summary="一个版本及其瑕疵")
def draft_detail(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    return _draft_out(selectors.draft_get(viewer=request.user, draft_id=draft_id))


@router.get("/drafts/{draft_id}/docx", summary="下载 .docx")
def draft_docx(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(viewer=request.user, draft_id=draft_id)
    sensitive_read_record(  # the document carries the parties' personal data: each download is logged
        actor=request.user,
        obj=draft,
        field="docx",
        case_id=draft.case_id,
        remote_addr=request.META.get("REMOTE_ADDR"),
        channel="api",
    )
    return HttpResponse(bytes(draft.docx), content_type=DOCX_TYPE)


@router.post("/drafts/{draft_id}/fix", response={201: dict[str, Any]}, summary="一键修正一个瑕疵")
def fix(request: HttpRequest, draft_id: int, payload: FixIn) -> Status:
    """Applies defect ``index``'s suggestion → a new version, re-checked."""
    draft = selectors.draft_get(viewer=request.user, draft_id=draft_id)
    fixed = services.draft_fix(actor=request.user, draft=draft, index=payload.index, text=payload.text)
    return Status(201, _draft_out(fixed))


@router.post("/drafts/{draft_id}/store", response=dict[str, Any], summary="存入电子卷宗（定稿）")
def store(request: HttpRequest, draft_id: int) -> dict[str, Any]:
    draft = selectors.draft_get(viewer=request.user, draft_id=draft_id)
    return _draft_out(services.draft_store(actor=request.user, draft=draft), defects=False)
