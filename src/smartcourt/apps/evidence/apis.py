"""Ledger endpoints: logs, heads and keys, proofs and verification are public; recording and listing
are for the court's staff; chaining the audit trail and asking witnesses are for 信息中心.

Handlers validate the shape, call one selector or service, and return a schema.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import Field

from smartcourt.apps.evidence import selectors, services, witnessing
from smartcourt.apps.evidence.models import EvidenceEntry, Ledger

router = Router()


def _b64(data: bytes) -> str:
    return base64.b64encode(bytes(data)).decode("ascii")


class LedgerOut(Schema):
    id: int
    origin: str
    court_name: str | None
    hash_algorithm: str
    size: int
    verifier_key: str

    @staticmethod
    def resolve_court_name(obj: Ledger) -> str | None:
        return obj.court.name if obj.court else None


class HeadOut(Schema):
    origin: str
    size: int
    root_hash: str
    signed_note: str
    cosigned_note: str
    previous_size: int | None
    consistency_proof: list[str]
    consistency_verified: bool


class EntryOut(Schema):
    id: int
    origin: str
    leaf_index: int
    kind: str
    kind_label: str
    leaf_hash: str
    content_hash: str
    metadata: dict[str, Any]
    tree_size: int
    recorded_by: str | None
    recorded_at: datetime

    @staticmethod
    def resolve_origin(obj: EvidenceEntry) -> str:
        return obj.ledger.origin

    @staticmethod
    def resolve_kind_label(obj: EvidenceEntry) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_leaf_hash(obj: EvidenceEntry) -> str:
        return _b64(obj.leaf_hash)

    @staticmethod
    def resolve_recorded_by(obj: EvidenceEntry) -> str | None:
        return obj.recorded_by.full_name if obj.recorded_by else None


class ReceiptOut(Schema):
    """The engine's receipt, exactly as the downloadable file (``smartcourt-ledger-receipt/v1``)."""

    entry_id: int
    receipt: dict[str, Any]


class RecordIn(Schema):
    kind: str = Field(
        ...,
        description="SIGNATURE 文书电子签名 | ENFORCEMENT 执行操作 | GUARANTEE 电子保函 | ARCHIVE 电子档案包",
    )
    content_hash: str = Field(..., max_length=140, description="sha256:<hex> 或 sm3:<hex>")
    metadata: dict[str, Any] = Field(..., description="须含 title；值为文本、数字、布尔或空")


class RecordBatchIn(Schema):
    records: list[RecordIn] = Field(..., min_length=1, max_length=1000)


class ProofOut(Schema):
    origin: str
    hashes: list[str]


class StepOut(Schema):
    level: int
    side: str
    sibling: str
    result: str


class VerificationOut(Schema):
    verified: bool
    code: str
    message: str
    origin: str
    leaf_index: int | None
    tree_size: int | None
    latest_size: int | None
    leaf_hash: str
    root_hash: str
    path: list[StepOut]
    checks: list[str]


class WitnessOutcomeOut(Schema):
    witness: str
    cosigned: bool
    status: int
    detail: str


class CountOut(Schema):
    appended: int


def _receipts(appended: list[services.Appended]) -> list[ReceiptOut]:
    import json

    return [ReceiptOut(entry_id=a.entry.pk, receipt=json.loads(a.receipt.to_json())) for a in appended]


def _head(ledger: Ledger) -> HeadOut:
    head = selectors.tree_head_latest(ledger=ledger)
    return HeadOut(
        origin=ledger.origin,
        size=head.size,
        root_hash=_b64(head.root_hash),
        signed_note=head.signed_note,
        cosigned_note=head.cosigned_note,
        previous_size=head.previous_size,
        consistency_proof=head.consistency_proof,
        consistency_verified=head.consistency_verified,
    )


@router.get("/logs", response=list[LedgerOut], auth=None, summary="账本列表（公开）")
def logs(request: HttpRequest) -> Any:
    return list(selectors.ledger_list())


@router.get("/logs/{ledger_id}/head", response=HeadOut, auth=None, summary="最新签名树头（公开）")
def head(request: HttpRequest, ledger_id: int) -> Any:
    return _head(selectors.ledger_get(ledger_id=ledger_id))


@router.get(
    "/logs/{ledger_id}/public-key", auth=None, summary="账本验证公钥（公开，verify --public-key 所读格式）"
)
def public_key(request: HttpRequest, ledger_id: int) -> HttpResponse:
    ledger = selectors.ledger_get(ledger_id=ledger_id)
    return HttpResponse(ledger.verifier_key + "\n", content_type="text/plain; charset=utf-8")


@router.get("/logs/{ledger_id}/proof/inclusion", response=ProofOut, auth=None, summary="包含证明（公开）")
def inclusion(request: HttpRequest, ledger_id: int, leaf_index: int, tree_size: int) -> Any:
    ledger = selectors.ledger_get(ledger_id=ledger_id)
    proof = selectors.proof_inclusion(ledger=ledger, leaf_index=leaf_index, tree_size=tree_size)
    return ProofOut(origin=ledger.origin, hashes=[_b64(p) for p in proof])


@router.get("/logs/{ledger_id}/proof/consistency", response=ProofOut, auth=None, summary="一致性证明（公开）")
def consistency(request: HttpRequest, ledger_id: int, first: int, second: int) -> Any:
    ledger = selectors.ledger_get(ledger_id=ledger_id)
    proof = selectors.proof_consistency(ledger=ledger, first=first, second=second)
    return ProofOut(origin=ledger.origin, hashes=[_b64(p) for p in proof])


@router.post(
    "/logs/{ledger_id}/witness", response=list[WitnessOutcomeOut], summary="请求见证节点联署最新树头"
)
def witness(request: HttpRequest, ledger_id: int) -> Any:
    ledger = selectors.ledger_get(ledger_id=ledger_id)
    return witnessing.tree_head_witness(ledger=ledger, actor=request.user)


@router.get("/entries", response=list[EntryOut], summary="存证记录（本院）")
@paginate(LimitOffsetPagination)
def entries(request: HttpRequest, kind: str = "") -> Any:
    return selectors.entry_list(viewer=request.user, kind=kind)


@router.post(
    "/records", response={201: list[ReceiptOut]}, summary="存证：电子签名、执行操作、电子保函、档案包"
)
def records(request: HttpRequest, payload: RecordBatchIn) -> Any:
    items = [
        services.RecordInput(kind=r.kind, content_hash=r.content_hash, metadata=r.metadata)
        for r in payload.records
    ]
    return Status(201, _receipts(services.evidence_record(actor=request.user, records=items)))


@router.post("/files", response={201: list[ReceiptOut]}, summary="存证：电子证据文件（只存哈希与元数据）")
def files(
    request: HttpRequest,
    file: File[UploadedFile],
    title: Form[str] = "",
    case_number: Form[str] = "",
) -> Any:
    metadata = {k: v for k, v in (("title", title[:200]), ("case_number", case_number[:60])) if v}
    upload = services.FileInput(name=file.name or "", data=file.read(), metadata=metadata)
    return Status(201, _receipts(services.evidence_file_record(actor=request.user, files=[upload])))


@router.get("/entries/{entry_id}/receipt", summary="下载回执（JSON 文件）")
def receipt(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(viewer=request.user, entry_id=entry_id)
    return receipt_response(entry)


def receipt_response(entry: EvidenceEntry) -> HttpResponse:
    """The receipt as a file: ``receipt-<leaf index>.json``, exactly ``Receipt.to_json()`` and a newline."""
    body = selectors.entry_receipt(entry=entry).to_json() + "\n"
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="receipt-{entry.leaf_index}.json"'
    return response


@router.post("/verify", response=VerificationOut, auth=None, summary="验证回执和/或文件（公开）")
def verify(
    request: HttpRequest,
    receipt: UploadedFile | None = File(None),  # noqa: B008 (ninja's parameter marker)
    file: UploadedFile | None = File(None),  # noqa: B008
) -> Any:
    result = selectors.receipt_verify(
        receipt_text=receipt.read() if receipt is not None else None,
        data=file.read() if file is not None else None,
    )
    return result


@router.post("/audit-trail/chain", response=CountOut, summary="将审计记录上链（信息中心）")
def chain_audit(request: HttpRequest) -> Any:
    return CountOut(appended=services.audit_trail_chain(actor=request.user))
