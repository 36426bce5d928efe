"""网上立案 endpoints under ``/api/v1/filings``: drafts step by step, uploads, submission and the review."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.filing import selectors, services
from smartcourt.apps.filing.models import Filing, FilingUpload

router = Router()
# Read no more than this into memory; the uploads engine applies the per-kind limits (50 MiB for PDF).
MAX_REQUEST_FILE = 60 * 1024 * 1024


class CaseStepIn(Schema):
    kind: str = ""
    court_id: int | None = None
    cause_of_action: str = ""
    connecting_point: str = "general"
    connecting_place: str = ""
    origin_court_id: int | None = None
    origin_case_number: str = ""
    receiving_court_id: int | None = None


class PartyIn(Schema):
    role: str
    kind: str = "NATURAL_PERSON"
    name: str = ""
    id_type: str = ""
    id_number: str = ""
    address: str = ""
    division_code: str = ""
    phone: str = ""
    legal_representative: str = ""


class PartiesStepIn(Schema):
    parties: list[PartyIn]


class ClaimIn(Schema):
    text: str = ""
    amount: str = ""


class ClaimsStepIn(Schema):
    claims: list[ClaimIn]
    facts_and_reasons: str = ""
    knew_on: date | None = None


class EvidenceIn(Schema):
    name: str = ""
    source: str = ""
    purpose: str = ""


class EvidenceStepIn(Schema):
    evidence: list[EvidenceIn]


class CreateIn(Schema):
    kind: str


class CorrectionIn(Schema):
    items: list[str]
    note: str = ""
    due_days: int = 15


class AcceptIn(Schema):
    procedure: str = "ORDINARY"
    fee_kind: str = ""
    per_case: str = ""


class RefuseIn(Schema):
    ruling: str


class ForwardIn(Schema):
    complete: bool = False
    legible: bool = False
    identity_confirmed: bool = False
    note: str = ""


class ReturnIn(Schema):
    reasons: list[str]
    note: str = ""


class EventOut(Schema):
    action: str
    label: str
    actor: str
    occurred_at: datetime
    deadline: date | None
    on_time: bool | None
    note: str


class UploadOut(Schema):
    id: int
    category: str
    original_name: str
    media_type: str
    size: int
    sha256: str


class FlagOut(Schema):
    kind: str
    code: str
    severity: str
    message: str
    basis: str


class FilingOut(Schema):
    id: int
    reference: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    court_id: int | None
    receiving_court_id: int | None
    sent_to_receiving_at: datetime | None
    forwarded_at: datetime | None
    return_reasons: list[str]
    received_on: date | None
    cause_of_action: str
    claim_amount: str | None
    parties: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    facts_and_reasons: str
    evidence: list[dict[str, Any]]
    uploads: list[UploadOut]
    problems: dict[str, str]
    review_deadline: date | None
    correction_items: list[str]
    case_number: str | None
    fee_notice: dict[str, Any]
    payment_order_number: str
    refusal_ruling: str
    flags: list[FlagOut]
    events: list[EventOut]


class StepOut(Schema):
    step: str
    problems: dict[str, str]


def _out(filing: Filing, viewer: Any) -> FilingOut:
    staff = viewer.is_court_staff
    return FilingOut(
        id=filing.pk,
        reference=filing.reference,
        kind=filing.kind,
        kind_label=filing.get_kind_display(),
        status=filing.status,
        status_label=filing.get_status_display(),
        court_id=filing.court_id,
        receiving_court_id=filing.receiving_court_id,
        sent_to_receiving_at=filing.sent_to_receiving_at,
        forwarded_at=filing.forwarded_at,
        return_reasons=filing.return_reasons,
        received_on=filing.received_on,
        cause_of_action=filing.cause_of_action,
        claim_amount=str(filing.claim_amount) if filing.claim_amount is not None else None,
        parties=[
            {
                "role": p.role,
                "kind": p.kind,
                "name": p.name,
                "id_type": p.id_type,
                "id_number": p.id_number,
                "address": p.address,
                "phone": p.phone,
            }
            for p in filing.parties.all()
        ],
        claims=filing.claims,
        facts_and_reasons=filing.facts_and_reasons,
        evidence=filing.evidence,
        uploads=[_upload_out(u) for u in filing.uploads.all()],
        problems=services.filing_problems(filing) if filing.status in services.EDITABLE else {},
        review_deadline=filing.review_deadline,
        correction_items=filing.correction_items,
        case_number=filing.case.case_number if filing.case else None,
        fee_notice=filing.fee_notice,
        payment_order_number=filing.payment_order_number,
        refusal_ruling=filing.refusal_ruling,
        flags=[
            FlagOut(kind=f.kind, code=f.code, severity=f.severity, message=f.message, basis=f.basis)
            for f in filing.flags.all()
        ]
        if staff
        else [],
        events=[
            EventOut(
                action=e.action,
                label=e.action_label,
                actor=e.actor.full_name,
                occurred_at=e.occurred_at,
                deadline=e.deadline,
                on_time=e.on_time,
                note=e.note,
            )
            for e in filing.events.select_related("actor")
        ],
    )


def _upload_out(u: FilingUpload) -> UploadOut:
    return UploadOut(
        id=u.pk,
        category=u.category,
        original_name=u.original_name,
        media_type=u.media_type,
        size=u.size,
        sha256=u.sha256,
    )


def _get(request: HttpRequest, filing_id: int) -> Filing:
    return selectors.filing_get(viewer=request.user, filing_id=filing_id)


@router.get("", response=list[FilingOut], summary="我的网上立案（立案法官：本院待审查）")
def filing_list(request: HttpRequest) -> list[FilingOut]:
    if request.user.is_court_staff:
        filings = selectors.review_queue(viewer=request.user)
    else:
        filings = list(selectors.filing_list_for_filer(viewer=request.user)[:200])
    return [_out(f, request.user) for f in filings]


@router.get("/receiving", response=list[FilingOut], summary="跨域立案：本院收件、待核对转交")
def receiving_list(request: HttpRequest) -> list[FilingOut]:
    return [_out(f, request.user) for f in selectors.receiving_queue(viewer=request.user)]


@router.post("", response={201: FilingOut}, summary="新建网上立案草稿")
def filing_create(request: HttpRequest, payload: CreateIn) -> Status:
    filing = services.filing_create(filer=request.user, kind=payload.kind)
    return Status(201, _out(filing, request.user))


@router.get("/{filing_id}", response=FilingOut, summary="立案申请详情")
def filing_detail(request: HttpRequest, filing_id: int) -> FilingOut:
    return _out(_get(request, filing_id), request.user)


def _step(request: HttpRequest, filing_id: int, step: str, data: dict[str, Any]) -> StepOut:
    problems = services.filing_save_step(
        filing=_get(request, filing_id), actor=request.user, step=step, data=data
    )
    return StepOut(step=step, problems=problems)


@router.put("/{filing_id}/case", response=StepOut, summary="保存：案件信息")
def step_case(request: HttpRequest, filing_id: int, payload: CaseStepIn) -> StepOut:
    return _step(request, filing_id, "case", payload.dict())


@router.put("/{filing_id}/parties", response=StepOut, summary="保存：当事人")
def step_parties(request: HttpRequest, filing_id: int, payload: PartiesStepIn) -> StepOut:
    return _step(request, filing_id, "parties", payload.dict())


@router.put("/{filing_id}/claims", response=StepOut, summary="保存：诉讼请求与事实理由")
def step_claims(request: HttpRequest, filing_id: int, payload: ClaimsStepIn) -> StepOut:
    return _step(request, filing_id, "claims", payload.dict())


@router.put("/{filing_id}/evidence", response=StepOut, summary="保存：证据清单")
def step_evidence(request: HttpRequest, filing_id: int, payload: EvidenceStepIn) -> StepOut:
    return _step(request, filing_id, "evidence", payload.dict())


@router.post("/{filing_id}/uploads", response={201: UploadOut}, summary="上传材料（PDF/JPG/PNG/DOCX）")
def upload_add(request: HttpRequest, filing_id: int, category: Form[str], file: File[UploadedFile]) -> Status:
    if file.size and file.size > MAX_REQUEST_FILE:
        raise InvalidInputError(
            "filing.upload_rejected",
            "文件过大（超过60MB）",
            {"field": "file", "upload_error": "file_too_large"},
        )
    upload = services.filing_upload_add(
        filing=_get(request, filing_id),
        actor=request.user,
        category=category,
        filename=file.name or "",
        data=file.read(),
    )
    return Status(201, _upload_out(upload))


@router.delete("/{filing_id}/uploads/{upload_id}", response={204: None}, summary="删除材料")
def upload_remove(request: HttpRequest, filing_id: int, upload_id: int) -> Status:
    upload = selectors.upload_get(viewer=request.user, filing_id=filing_id, upload_id=upload_id)
    services.filing_upload_remove(upload=upload, actor=request.user)
    return Status(204, None)


@router.post("/{filing_id}/submit", response=FilingOut, summary="提交立案申请（补正后重新提交）")
def filing_submit(request: HttpRequest, filing_id: int) -> FilingOut:
    return _out(services.filing_submit(filing=_get(request, filing_id), actor=request.user), request.user)


@router.post("/{filing_id}/correction", response=FilingOut, summary="一次性告知补正")
def filing_correction(request: HttpRequest, filing_id: int, payload: CorrectionIn) -> FilingOut:
    filing = services.filing_request_correction(
        filing=_get(request, filing_id),
        officer=request.user,
        items=payload.items,
        note=payload.note,
        due_days=payload.due_days,
    )
    return _out(filing, request.user)


@router.post("/{filing_id}/accept", response=FilingOut, summary="登记立案")
def filing_accept(request: HttpRequest, filing_id: int, payload: AcceptIn) -> FilingOut:
    filing = services.filing_accept(
        filing=_get(request, filing_id),
        officer=request.user,
        procedure=payload.procedure,
        fee_kind=payload.fee_kind,
        per_case=payload.per_case,
    )
    return _out(filing, request.user)


@router.post("/{filing_id}/refuse", response=FilingOut, summary="裁定不予受理")
def filing_refuse(request: HttpRequest, filing_id: int, payload: RefuseIn) -> FilingOut:
    filing = services.filing_refuse(
        filing=_get(request, filing_id), officer=request.user, ruling=payload.ruling
    )
    return _out(filing, request.user)


@router.post("/{filing_id}/forward", response=FilingOut, summary="跨域立案：收件法院核对后转交管辖法院")
def filing_forward(request: HttpRequest, filing_id: int, payload: ForwardIn) -> FilingOut:
    filing = services.filing_forward(
        filing=_get(request, filing_id),
        officer=request.user,
        confirmed={
            "complete": payload.complete,
            "legible": payload.legible,
            "identity_confirmed": payload.identity_confirmed,
        },
        note=payload.note,
    )
    return _out(filing, request.user)


@router.post("/{filing_id}/return", response=FilingOut, summary="跨域立案：收件法院退回材料")
def filing_return(request: HttpRequest, filing_id: int, payload: ReturnIn) -> FilingOut:
    filing = services.filing_return(
        filing=_get(request, filing_id), officer=request.user, reasons=payload.reasons, note=payload.note
    )
    return _out(filing, request.user)
