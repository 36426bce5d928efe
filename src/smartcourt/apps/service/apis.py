"""Electronic service endpoints: confirm an address, serve a document, read it (the read receipt), record a
bounce, and the proof's ledger receipt. Staff act on their court's cases; a party sees only its own records.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from smartcourt.apps.cases.models import Party
from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import InvalidInputError, NotFoundError
from smartcourt.apps.service import selectors, services
from smartcourt.apps.service.error_codes import ServiceErrorCode
from smartcourt.apps.service.models import ServiceAddress, ServiceRecord

router = Router()


class AddressIn(Schema):
    party_id: int
    channel: str = Field(max_length=8)
    address: str = Field(default="", max_length=200)
    consent_basis: str = Field(max_length=16)
    confirmed_method: str = Field(max_length=8)


class AddressOut(Schema):
    id: int
    party_id: int
    channel: str
    address: str
    consent_basis: str
    confirmed_method: str
    confirmed_at: datetime


class ServeIn(Schema):
    case_id: int
    party_id: int
    title: str = Field(max_length=200)
    text: str = Field(default="", max_length=100_000)
    file_name: str = Field(default="", max_length=200)
    file_base64: str = Field(default="", max_length=28_000_000)
    channel: str = Field(default="", max_length=8)


class RecordOut(Schema):
    id: int
    case_id: int
    party_id: int
    title: str
    channel: str
    status: str
    status_label: str
    document_sha256: str
    reached_at: datetime | None
    first_read_at: datetime | None
    served_at: datetime | None
    served_rule: str
    failure_reason: str
    postal_address: str
    proof_sha256: str
    has_receipt: bool
    proof: dict[str, str] | None

    @staticmethod
    def resolve_proof(obj: ServiceRecord) -> dict[str, str] | None:
        from smartcourt.apps.service.documents import proof_data

        return proof_data(obj) if obj.proof else None

    @staticmethod
    def resolve_status_label(obj: ServiceRecord) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_has_receipt(obj: ServiceRecord) -> bool:
        return bool(obj.ledger_receipt)


class BounceIn(Schema):
    reason: str = Field(default="", max_length=400)


def _case_and_party(request: HttpRequest, case_id: int, party_id: int) -> tuple[Any, Party]:
    case = case_visible_queryset(viewer=request.user).filter(pk=case_id).first()
    if case is None:
        raise NotFoundError(ServiceErrorCode.NOT_FOUND, "案件不存在")
    party = case.parties.filter(pk=party_id).first()
    if party is None:
        raise InvalidInputError(ServiceErrorCode.BAD_PARTY, "受送达人不是本案当事人", {"field": "party_id"})
    return case, party


@router.post("/addresses", response={201: AddressOut}, summary="确认电子送达地址")
def address_confirm(request: HttpRequest, payload: AddressIn) -> Status[ServiceAddress]:
    party = Party.objects.filter(pk=payload.party_id).first()
    if party is None or not case_visible_queryset(viewer=request.user).filter(pk=party.case_id).exists():
        raise NotFoundError(ServiceErrorCode.NOT_FOUND, "当事人不存在")
    return Status(
        201,
        services.service_address_confirm(
            party=party,
            channel=payload.channel,
            address=payload.address,
            consent_basis=payload.consent_basis,
            confirmed_method=payload.confirmed_method,
            actor=request.user,
        ),
    )


@router.get("/records", response=list[RecordOut], summary="送达记录")
def records(request: HttpRequest, case_id: int | None = None) -> Any:
    qs = selectors.record_visible_queryset(viewer=request.user)
    return qs.filter(case_id=case_id)[:500] if case_id else qs[:500]


@router.post("/records", response={201: RecordOut}, summary="送达文书")
def serve(request: HttpRequest, payload: ServeIn) -> Status[ServiceRecord]:
    case, party = _case_and_party(request, payload.case_id, payload.party_id)
    try:
        data = base64.b64decode(payload.file_base64, validate=True) if payload.file_base64 else b""
    except (binascii.Error, ValueError):
        raise InvalidInputError(
            ServiceErrorCode.NO_DOCUMENT, "文书文件须为 Base64 编码", {"field": "file_base64"}
        ) from None
    return Status(
        201,
        services.document_serve(
            case=case,
            party=party,
            actor=request.user,
            title=payload.title,
            text=payload.text,
            file_name=payload.file_name,
            file_data=data,
            channel=payload.channel,
        ),
    )


@router.get("/records/{record_id}", response=RecordOut, summary="送达记录（受送达人查阅即阅读回执）")
def record(request: HttpRequest, record_id: int) -> ServiceRecord:
    found = selectors.record_get(viewer=request.user, record_id=record_id)
    return services.service_read_record(record=found, reader=request.user, source="api")


@router.post("/records/{record_id}/bounce", response=RecordOut, summary="登记退信，转邮寄送达")
def bounce(request: HttpRequest, record_id: int, payload: BounceIn) -> ServiceRecord:
    found = selectors.record_get(viewer=request.user, record_id=record_id)
    return services.service_bounce_record(record=found, reason=payload.reason, actor=request.user)


@router.get("/records/{record_id}/receipt", response=dict[str, Any], summary="送达回证的司法链回执")
def receipt(request: HttpRequest, record_id: int) -> Any:
    import json

    found = selectors.record_get(viewer=request.user, record_id=record_id)
    if not found.ledger_receipt:
        raise NotFoundError(ServiceErrorCode.NOT_FOUND, "尚无送达回证回执")
    return json.loads(found.ledger_receipt)
