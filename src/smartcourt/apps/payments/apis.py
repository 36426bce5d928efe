"""Payment endpoints: orders (issue, read), refunds, 缓减免 applications and decisions, and the provider
callback (no session: authenticated by its HMAC signature in ``X-Payment-Signature``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.apps.payments import selectors, services
from smartcourt.apps.payments.error_codes import PaymentErrorCode
from smartcourt.apps.payments.models import PaymentOrder, Refund, ReliefApplication

router = Router()


class OrderOut(Schema):
    order_number: str
    case_id: int
    case_number: str
    kind: str
    payer_name: str
    amount: Decimal
    original_amount: Decimal
    refunded_amount: Decimal
    status: str
    status_label: str
    due_on: date
    paid_at: datetime | None
    receipt_number: str | None
    computation: dict[str, Any]

    @staticmethod
    def resolve_case_number(obj: PaymentOrder) -> str:
        return obj.case.case_number

    @staticmethod
    def resolve_status_label(obj: PaymentOrder) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_receipt_number(obj: PaymentOrder) -> str | None:
        receipt = getattr(obj, "receipt", None)
        return receipt.receipt_number if receipt is not None else None


class OrderIn(Schema):
    case_id: int
    kind: str = "ACCEPTANCE_FEE"
    amount: Decimal | None = Field(default=None, ge=0)
    fee_kind: str = Field(default="", max_length=40)
    fee_options: dict[str, Any] | None = None
    note: str = Field(default="", max_length=300)


class RefundIn(Schema):
    amount: Decimal | None = Field(default=None, gt=0)
    reason: str = Field(default="", max_length=300)
    ground: str = Field(default="", max_length=20)


class RefundOut(Schema):
    refund_number: str
    amount: Decimal
    reason: str
    rule: str
    created_at: datetime


class ReliefIn(Schema):
    case_id: int
    order_number: str | None = None
    kind: str
    ground: str = Field(max_length=200)
    reason: str = Field(max_length=2000)


class ReliefDecisionIn(Schema):
    granted: bool
    reason: str = Field(default="", max_length=1000)
    reduction_percent: int | None = Field(default=None, ge=0, le=100)
    deferred_until: date | None = None


class ReliefOut(Schema):
    id: int
    case_id: int
    kind: str
    ground: str
    status: str
    reduction_percent: int | None
    deferred_until: date | None
    decision_reason: str


class CallbackOut(Schema):
    result: str
    applied: bool
    message: str
    order_number: str


@router.get("/orders", response=list[OrderOut], summary="我能看到的缴费单")
def orders(request: HttpRequest, case_id: int | None = None) -> Any:
    qs = selectors.order_visible_queryset(viewer=request.user)
    return qs.filter(case_id=case_id)[:500] if case_id else qs[:500]


@router.get("/orders/{order_number}", response=OrderOut, summary="缴费单")
def order(request: HttpRequest, order_number: str) -> PaymentOrder:
    return selectors.order_get(viewer=request.user, order_number=order_number)


@router.post("/orders", response={201: OrderOut}, summary="开具缴费单（本院工作人员）")
def order_create(request: HttpRequest, payload: OrderIn) -> Status[PaymentOrder]:
    case = case_visible_queryset(viewer=request.user).filter(pk=payload.case_id).first()
    if case is None:
        raise NotFoundError(PaymentErrorCode.NOT_FOUND, "案件不存在")
    return Status(
        201,
        services.payment_order_create(
            case=case,
            kind=payload.kind,
            actor=request.user,
            amount=payload.amount,
            fee_kind=payload.fee_kind,
            fee_options=payload.fee_options,
            note=payload.note,
        ),
    )


@router.post("/orders/{order_number}/refunds", response={201: RefundOut}, summary="退费（本院工作人员）")
def refund(request: HttpRequest, order_number: str, payload: RefundIn) -> Status[Refund]:
    order = selectors.order_get(viewer=request.user, order_number=order_number)
    if payload.ground in ("mediated", "withdrawn"):
        return Status(201, services.refund_halving(order=order, actor=request.user, ground=payload.ground))
    return Status(
        201,
        services.refund_create(
            order=order,
            actor=request.user,
            amount=payload.amount,
            reason=payload.reason,
            rule=services.REFUND_RULES.get(payload.ground, ""),
        ),
    )


@router.post("/relief", response={201: ReliefOut}, summary="申请缓交、减交、免交")
def relief_apply(request: HttpRequest, payload: ReliefIn) -> Status[ReliefApplication]:
    case = case_visible_queryset(viewer=request.user).filter(pk=payload.case_id).first()
    if case is None:
        raise NotFoundError(PaymentErrorCode.NOT_FOUND, "案件不存在")
    order = (
        selectors.order_get(viewer=request.user, order_number=payload.order_number)
        if payload.order_number
        else None
    )
    return Status(
        201,
        services.relief_apply(
            case=case,
            applicant=request.user,
            kind=payload.kind,
            ground=payload.ground,
            reason=payload.reason,
            order=order,
        ),
    )


@router.post("/relief/{application_id}/decision", response=ReliefOut, summary="审查司法救助申请")
def relief_decide(request: HttpRequest, application_id: int, payload: ReliefDecisionIn) -> ReliefApplication:
    app = selectors.relief_get(viewer=request.user, application_id=application_id)
    return services.relief_decide(
        application=app,
        actor=request.user,
        granted=payload.granted,
        reason=payload.reason,
        reduction_percent=payload.reduction_percent,
        deferred_until=payload.deferred_until,
    )


@router.post("/callbacks/{provider}", response=CallbackOut, auth=None, summary="支付渠道回调（HMAC 签名）")
def callback(request: HttpRequest, provider: str) -> dict[str, Any]:
    result = services.payment_callback_handle(
        provider=provider, body=request.body[:8192], signature=request.headers.get("X-Payment-Signature", "")
    )
    return {
        "result": result.outcome,
        "applied": result.applied,
        "message": result.message,
        "order_number": result.order_number,
    }
