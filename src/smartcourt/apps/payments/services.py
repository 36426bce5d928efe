"""Writes of payments: orders (amount from the fee engine, or given), provider callbacks (verified, idempotent),
receipts, refunds, and 缓交/减交/免交 applications and decisions.

Every write is one transaction; the order row is locked (``SELECT … FOR UPDATE``) before its state changes,
and the next state comes from ``rules.next_status``. Notifications go out after commit.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.models import Case, CaseCategory, Counsel, Party, PartyKind, PartyRole
from smartcourt.apps.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    NotPermittedError,
    from_engine_error,
)
from smartcourt.apps.payments import rules
from smartcourt.apps.payments.documents import receipt_docx
from smartcourt.apps.payments.error_codes import PaymentErrorCode
from smartcourt.apps.payments.models import (
    CallbackOutcome,
    PaymentCallback,
    PaymentKind,
    PaymentOrder,
    Receipt,
    Refund,
    ReliefApplication,
    ReliefKind,
    ReliefStatus,
)
from smartcourt.apps.payments.providers import CallbackError, provider_get
from smartcourt.engines.fees import FeeError, compute_fee

_CENT = Decimal("0.01")
_MAX_AMOUNT = Decimal("999999999999.99")
# 诉讼费用交纳办法 第二十二条第一款: 自接到交纳诉讼费用通知次日起7日内交纳.
PAYMENT_DAYS = 7
# A callback older (or newer) than this is refused: a replay of a captured callback cannot be used later.
CALLBACK_WINDOW = timedelta(minutes=15)
_PAYER_ROLES = (
    PartyRole.PLAINTIFF,
    PartyRole.APPLICANT,
    PartyRole.APPELLANT,
    PartyRole.ENFORCEMENT_APPLICANT,
)
_FEE_KIND_BY_CATEGORY = {
    CaseCategory.ADMINISTRATIVE: "administrative",
    CaseCategory.ENFORCEMENT: "enforcement",
    CaseCategory.PRESERVATION: "preservation",
    CaseCategory.BANKRUPTCY: "bankruptcy",
}


def _may_handle(actor: User | None, case: Case) -> bool:
    """Court staff of the case's court who handle cases or fees (not 信息中心)."""
    return bool(
        actor is not None
        and actor.is_authenticated
        and actor.is_court_staff
        and actor.role != Role.IT_ADMIN
        and actor.court_id == case.court_id
    )


def _require_handler(actor: User | None, case: Case, what: str) -> None:
    if not _may_handle(actor, case):
        raise NotPermittedError(PaymentErrorCode.NOT_PERMITTED, f"只有本院工作人员可以{what}")


def _money(value: Any, field: str) -> Decimal:
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise InvalidInputError(PaymentErrorCode.BAD_AMOUNT, "金额须为数字（元）", {"field": field}) from None
    if not amount.is_finite() or amount < 0 or amount > _MAX_AMOUNT:
        raise InvalidInputError(
            PaymentErrorCode.BAD_AMOUNT, "金额须为不小于 0 的有效数字（元）", {"field": field}
        )
    if amount != amount.quantize(_CENT):
        raise InvalidInputError(PaymentErrorCode.BAD_AMOUNT, "金额最多精确到分（两位小数）", {"field": field})
    return amount.quantize(_CENT)


def _default_payer(case: Case) -> Party | None:
    for role in _PAYER_ROLES:
        party = case.parties.filter(role=role).order_by("pk").first()
        if party is not None:
            return party
    return case.parties.order_by("pk").first()


def _new_number(prefix: str) -> str:
    return f"{prefix}{timezone.localdate():%Y%m%d}{secrets.randbelow(10**10):010d}"


def fee_compute_for_case(
    *, case: Case, fee_kind: str = "", options: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The fee engine's computation for ``case`` (the kind derived from the case unless given), as a dict."""
    kind = fee_kind or _FEE_KIND_BY_CATEGORY.get(case.category, "")
    if not kind:
        kind = "property" if case.claim_amount is not None else "other_non_property"
    kwargs: dict[str, Any] = {
        "procedure": "simple" if case.procedure in ("SIMPLE", "SMALL_CLAIMS") else "ordinary"
    }
    kwargs.update(options or {})
    try:
        result = compute_fee(kind, case.claim_amount, **kwargs)
    except FeeError as exc:
        raise from_engine_error(exc, field="fee_kind") from None
    except TypeError:
        raise InvalidInputError(PaymentErrorCode.BAD_KIND, "计费选项无效", {"field": "fee_options"}) from None
    data = result.to_dict()
    if result.total is None:
        raise InvalidInputError(
            PaymentErrorCode.FEE_RANGE,
            f"{result.kind_label}的受理费由法院在幅度内确定（{result.total_range.low}—{result.total_range.high}元），"
            "请填写金额或选定的按件收费数额",
            {"field": "amount", "low": str(result.total_range.low), "high": str(result.total_range.high)},
        )
    data["fee_kind"] = kind
    data["options"] = {k: str(v) for k, v in kwargs.items()}
    return data


def payment_order_create(
    *,
    case: Case,
    kind: str = PaymentKind.ACCEPTANCE_FEE,
    actor: User | None,
    amount: Decimal | str | None = None,
    fee_kind: str = "",
    fee_options: dict[str, Any] | None = None,
    payer: Party | None = None,
    due_on: date | None = None,
    note: str = "",
) -> PaymentOrder:
    """Issue a payment order (交纳诉讼费用通知) for ``case``; the payer is notified after commit.

    ``amount`` ``None``: computed by the fee engine from the case and kept with the order (bracket by bracket).
    ``actor`` ``None`` is the system (e.g. filing acceptance); otherwise court staff of the case's court.
    """
    if actor is not None:
        _require_handler(actor, case, "开具缴费单")
    if kind not in PaymentKind.values:
        raise InvalidInputError(PaymentErrorCode.BAD_KIND, "费用类型无效", {"field": "kind"})
    if payer is not None and payer.case_id != case.pk:
        raise InvalidInputError(PaymentErrorCode.NO_PAYER, "交费人不是本案当事人", {"field": "payer"})
    payer = payer or _default_payer(case)
    if payer is None:
        raise InvalidInputError(
            PaymentErrorCode.NO_PAYER, "案件没有当事人，无法确定交费人", {"field": "payer"}
        )
    if amount is None or str(amount).strip() == "":
        computation = fee_compute_for_case(case=case, fee_kind=fee_kind, options=fee_options)
        value = Decimal(computation["total"]).quantize(_CENT)
        used_kind = computation["fee_kind"]
    else:
        value = _money(amount, "amount")
        computation, used_kind = (
            {"given": True, "total": str(value), "note": "金额由法院工作人员填写"},
            fee_kind,
        )
    if value <= 0:
        raise InvalidInputError(PaymentErrorCode.BAD_AMOUNT, "应缴金额须大于 0", {"field": "amount"})
    now = timezone.now()
    due = due_on or (timezone.localdate() + timedelta(days=PAYMENT_DAYS))
    with acting_as(actor), transaction.atomic():
        order = PaymentOrder.objects.create(
            order_number=_new_number("JF"),
            case=case,
            kind=kind,
            payer_party=payer,
            payer_name=payer.name,
            amount=value,
            original_amount=value,
            fee_kind=used_kind[:40],
            computation=computation,
            due_on=due,
            note=note[:300],
            created_by=actor,
            created_at=now,
        )
        _notify_payer(
            order,
            "payment_order_created",
            {"kind_label": order.get_kind_display(), "amount": f"{value:.2f}", "due_on": f"{due:%Y-%m-%d}"},
        )
    return order


def _payer_users(order: PaymentOrder) -> list[User]:
    users: list[User] = []
    if order.payer_party_id is not None:
        party = order.payer_party
        assert party is not None
        if party.user_id is not None:
            users.append(party.user)  # type: ignore[arg-type]
        for c in Counsel.objects.filter(party=party, user__isnull=False).select_related("user"):
            if c.user not in users:
                users.append(c.user)  # type: ignore[arg-type]
    return users


def _notify_payer(order: PaymentOrder, event: str, context: dict[str, Any]) -> None:
    from smartcourt.apps.notifications.services import notify

    users = _payer_users(order)
    if not users:
        return
    link = reverse("payments:order_detail", args=[order.order_number])
    ctx = {"case_number": order.case.case_number, "order_number": order.order_number, **context}
    for user in users:
        notify(user=user, event=event, context=ctx, case=order.case, link=link)


def _lock(order_number: str) -> PaymentOrder:
    order = PaymentOrder.objects.select_for_update().filter(order_number=order_number).first()
    if order is None:
        raise NotFoundError(PaymentErrorCode.NOT_FOUND, "缴费单不存在")
    return order


def payment_order_cancel(*, order: PaymentOrder, actor: User, reason: str) -> PaymentOrder:
    """Withdraw an unpaid order (issued in error, or the filing was refused)."""
    _require_handler(actor, order.case, "撤销缴费单")
    if not reason.strip():
        raise InvalidInputError(PaymentErrorCode.REASON_REQUIRED, "请填写撤销理由", {"field": "reason"})
    with acting_as(actor), transaction.atomic():
        locked = _lock(order.order_number)
        locked.status = rules.next_status(locked.status, "cancel")
        locked.note = f"撤销：{reason.strip()}"[:300]
        locked.save(update_fields=["status", "note"])
    return locked


@dataclass(frozen=True)
class CallbackResult:
    outcome: str
    applied: bool
    message: str
    order_number: str = ""


def _record_callback(provider: str, body: bytes, signature: str, outcome: str, data: Any = None) -> None:
    PaymentCallback.objects.create(
        provider=provider[:20],
        order_number=getattr(data, "order_number", "")[:32],
        txn_id=getattr(data, "txn_id", "")[:64],
        nonce=getattr(data, "nonce", "")[:64],
        body=body[:8192].decode("utf-8", "replace"),
        signature=(signature or "")[:200],
        outcome=outcome,
        received_at=timezone.now(),
    )


def payment_callback_handle(*, provider: str, body: bytes, signature: str) -> CallbackResult:
    """Apply a provider's callback: verified by signature, fresh, for a known order of the same amount.

    Idempotent by order number: a callback for an order already paid by the same transaction changes
    nothing (``DUPLICATE``, so the provider may stop retrying). Every callback is recorded with its
    outcome; a refused one raises (forged 403, stale/malformed 400, unknown order 404, mismatch 409).
    """
    impl = provider_get(provider)
    if impl is None:
        raise InvalidInputError(PaymentErrorCode.BAD_PROVIDER, "未知的支付渠道", {"field": "provider"})
    try:
        data = impl.parse_callback(body=body, signature=signature)
    except CallbackError as exc:
        _record_callback(provider, body, signature, exc.outcome)
        if exc.outcome == CallbackOutcome.FORGED:
            raise NotPermittedError(PaymentErrorCode.FORGED_CALLBACK, exc.message) from None
        raise InvalidInputError(PaymentErrorCode.BAD_CALLBACK, exc.message, {"field": "body"}) from None
    now = timezone.now()
    if abs(now.timestamp() - data.timestamp) > CALLBACK_WINDOW.total_seconds():
        _record_callback(provider, body, signature, CallbackOutcome.STALE, data)
        raise InvalidInputError(
            PaymentErrorCode.STALE_CALLBACK, "回调已过有效期（可能是重放），已拒绝", {"field": "timestamp"}
        )
    if data.status != "SUCCESS":
        _record_callback(provider, body, signature, CallbackOutcome.MALFORMED, data)
        raise InvalidInputError(PaymentErrorCode.BAD_CALLBACK, "回调状态不是支付成功", {"field": "status"})
    try:
        with transaction.atomic():
            order = PaymentOrder.objects.select_for_update().filter(order_number=data.order_number).first()
            if order is None:
                raise _Refused(
                    CallbackOutcome.UNKNOWN_ORDER, NotFoundError(PaymentErrorCode.NOT_FOUND, "缴费单不存在")
                )
            if order.provider_txn_id and order.provider_txn_id == data.txn_id:
                _record_callback(provider, body, signature, CallbackOutcome.DUPLICATE, data)
                return CallbackResult(
                    CallbackOutcome.DUPLICATE, False, "该笔缴费已入账，重复通知已忽略", order.order_number
                )
            if order.status not in rules.PAYABLE:
                raise _Refused(
                    CallbackOutcome.CONFLICT,
                    ConflictError(
                        PaymentErrorCode.ALREADY_PAID,
                        f"缴费单当前为“{order.get_status_display()}”，不能再次入账",
                        {"status": order.status},
                    ),
                )
            if data.amount != order.amount:
                raise _Refused(
                    CallbackOutcome.MISMATCH,
                    ConflictError(
                        PaymentErrorCode.AMOUNT_MISMATCH,
                        f"回调金额 {data.amount} 元与应缴金额 {order.amount} 元不符",
                        {"field": "amount"},
                    ),
                )
            order.status = rules.next_status(order.status, "pay")
            order.provider, order.provider_txn_id, order.paid_at = provider, data.txn_id, now
            order.save(update_fields=["status", "provider", "provider_txn_id", "paid_at"])
            receipt = _receipt_issue(order)
            _record_callback(provider, body, signature, CallbackOutcome.ACCEPTED, data)
            _notify_payer(
                order,
                "payment_received",
                {"amount": f"{order.amount:.2f}", "receipt_number": receipt.receipt_number},
            )
    except _Refused as refused:
        _record_callback(provider, body, signature, refused.outcome, data)
        raise refused.error from None
    return CallbackResult(CallbackOutcome.ACCEPTED, True, "缴费成功", order.order_number)


class _Refused(Exception):
    def __init__(self, outcome: str, error: Exception) -> None:
        super().__init__(outcome)
        self.outcome, self.error = outcome, error


def _receipt_issue(order: PaymentOrder) -> Receipt:
    """The receipt of a just-paid order: number, record, and the .docx (stored, hashed)."""
    now = timezone.now()
    receipt = Receipt.objects.create(
        order=order,
        receipt_number=f"PJ{timezone.localdate():%Y}{order.pk:010d}",
        amount=order.amount,
        payer_name=order.payer_name,
        issued_at=now,
    )
    data = receipt_docx(order=order, receipt=receipt)
    receipt.sha256 = hashlib.sha256(data).hexdigest()
    receipt.document.save(f"{receipt.receipt_number}.docx", ContentFile(data), save=False)
    receipt.save(update_fields=["document", "sha256"])
    return receipt


def sandbox_pay(*, order: PaymentOrder, payer: User) -> CallbackResult:
    """The sandbox page's "pay" button: the sandbox signs a success callback and delivers it."""
    from smartcourt.apps.payments.providers import SandboxProvider
    from smartcourt.apps.payments.selectors import order_get

    order = order_get(viewer=payer, order_number=order.order_number)
    if not payer.is_public_user:
        raise NotPermittedError(PaymentErrorCode.NOT_PERMITTED, "缴费由当事人或其代理人在支付页面完成")
    if order.status not in rules.PAYABLE:
        rules.next_status(order.status, "pay")
    sandbox = SandboxProvider()
    body = sandbox.callback_body(order_number=order.order_number, amount=order.amount, paid_at=timezone.now())
    return payment_callback_handle(provider=sandbox.name, body=body, signature=sandbox.sign(body))


REFUND_RULES = {
    "mediated": "《诉讼费用交纳办法》第十五条（以调解方式结案的，减半交纳案件受理费）",
    "withdrawn": "《诉讼费用交纳办法》第十五条（当事人申请撤诉的，减半交纳案件受理费）",
    "remanded": "《诉讼费用交纳办法》第二十七条第一款（发回重审，退还上诉人已交纳的第二审案件受理费）",
    "refused": "《诉讼费用交纳办法》第二十七条第二款（不予受理或者驳回起诉，退还已交纳的案件受理费）",
    "transferred": "《诉讼费用交纳办法》第二十五条（涉嫌刑事犯罪移送，退还已交纳的案件受理费）",
    "reduced_claim": "《诉讼费用交纳办法》第二十一条第（二）项（减少诉讼请求数额，按减少后的数额计算退还）",
}


def refund_create(
    *, order: PaymentOrder, actor: User, amount: Decimal | str | None = None, reason: str, rule: str = ""
) -> Refund:
    """Refund ``amount`` (``None``: all that is left) of a paid order; full when nothing is left after it.

    Refunds are due within 15 days of the judgment taking effect (第五十三条第二款).
    """
    _require_handler(actor, order.case, "退费")
    if not reason.strip():
        raise InvalidInputError(PaymentErrorCode.REASON_REQUIRED, "请填写退费事由", {"field": "reason"})
    with acting_as(actor), transaction.atomic():
        locked = _lock(order.order_number)
        if locked.status not in rules.REFUNDABLE:
            rules.next_status(locked.status, "refund_partial")
        left = locked.amount - locked.refunded_amount
        value = left if amount is None or str(amount).strip() == "" else _money(amount, "amount")
        if value <= 0:
            raise InvalidInputError(
                PaymentErrorCode.NOTHING_TO_REFUND, "退费金额须大于 0", {"field": "amount"}
            )
        if value > left:
            raise InvalidInputError(
                PaymentErrorCode.REFUND_TOO_LARGE, f"退费金额不能超过可退金额 {left} 元", {"field": "amount"}
            )
        action = "refund_full" if value == left else "refund_partial"
        locked.status = rules.next_status(locked.status, action)
        refund_number = _new_number("TF")
        impl = provider_get(locked.provider)
        provider_ref = (
            impl.refund(
                order_number=locked.order_number,
                txn_id=locked.provider_txn_id,
                amount=value,
                refund_number=refund_number,
            )
            if impl is not None
            else ""
        )
        refund = Refund.objects.create(
            order=locked,
            refund_number=refund_number,
            amount=value,
            reason=reason.strip()[:300],
            rule=rule[:200],
            provider_ref=provider_ref[:64],
            created_by=actor,
            created_at=timezone.now(),
        )
        locked.refunded_amount += value
        locked.save(update_fields=["status", "refunded_amount"])
        _notify_payer(
            locked, "refund_issued", {"amount": f"{value:.2f}", "reason": refund.reason, "rule": refund.rule}
        )
    return refund


def refund_halving(*, order: PaymentOrder, actor: User, ground: str) -> Refund:
    """Refund the half of the acceptance fee after 调解 or 撤诉 (第十五条), computed by the fee engine.

    The halving applies once (民诉法解释第二百零六条): an order already halved (简易程序) refunds nothing.
    """
    if ground not in ("mediated", "withdrawn"):
        raise InvalidInputError(
            PaymentErrorCode.BAD_KIND, "减半退费的事由只能是调解或撤诉", {"field": "ground"}
        )
    if order.kind not in (PaymentKind.ACCEPTANCE_FEE, PaymentKind.APPEAL_FEE) or not order.computation.get(
        "fee_kind"
    ):
        raise InvalidInputError(
            PaymentErrorCode.BAD_KIND, "只有按计费规则计算的案件受理费可以减半退费", {"field": "order"}
        )
    options = dict(order.computation.get("options", {}))
    options.pop("mediated", None)
    options.pop("withdrawn", None)
    options[ground] = True
    kwargs: dict[str, Any] = {k: (v == "True" if v in ("True", "False") else v) for k, v in options.items()}
    try:
        halved = compute_fee(order.computation["fee_kind"], order.computation.get("amount"), **kwargs)
    except FeeError as exc:
        raise from_engine_error(exc, field="order") from None
    if halved.total is None:
        raise InvalidInputError(
            PaymentErrorCode.FEE_RANGE, "该费用由法院在幅度内确定，请按金额退费", {"field": "order"}
        )
    due = Decimal(halved.total).quantize(_CENT)
    paid_net = order.amount - order.refunded_amount
    difference = paid_net - due
    if difference <= 0:
        raise InvalidInputError(
            PaymentErrorCode.NOTHING_TO_REFUND,
            f"减半后应交 {due} 元，已交 {paid_net} 元，无需退费（减半只适用一次）",
            {"field": "ground"},
        )
    return refund_create(
        order=order,
        actor=actor,
        amount=difference,
        reason=f"{'以调解方式结案' if ground == 'mediated' else '当事人申请撤诉'}，减半交纳案件受理费（应交 {due} 元）",
        rule=REFUND_RULES[ground],
    )


# --- 缓交、减交、免交 (司法救助) ----------------------------------------------------------------------------------


def _party_of(user: User, case: Case) -> Party | None:
    party = case.parties.filter(user=user).order_by("pk").first()
    if party is not None:
        return party
    counsel = Counsel.objects.filter(case=case, user=user).select_related("party").first()
    return counsel.party if counsel is not None else None


def relief_apply(
    *,
    case: Case,
    applicant: User,
    kind: str,
    ground: str,
    reason: str,
    order: PaymentOrder | None = None,
) -> ReliefApplication:
    """A party (or its counsel) applies for 缓交/减交/免交 (第四十四条); 免交 only for natural persons."""
    party = _party_of(applicant, case) if applicant.is_authenticated else None
    if party is None:
        raise NotFoundError(PaymentErrorCode.NOT_FOUND, "案件不存在")
    if kind not in ReliefKind.values:
        raise InvalidInputError(
            PaymentErrorCode.BAD_RELIEF, "申请事项只能是缓交、减交或免交", {"field": "kind"}
        )
    if kind == ReliefKind.EXEMPT and party.kind != PartyKind.NATURAL_PERSON:
        raise InvalidInputError(
            PaymentErrorCode.BAD_RELIEF, "诉讼费用的免交只适用于自然人（第四十四条第二款）", {"field": "kind"}
        )
    if not ground.strip():
        raise InvalidInputError(PaymentErrorCode.BAD_RELIEF, "请选择申请情形", {"field": "ground"})
    if len(reason.strip()) < 4:
        raise InvalidInputError(
            PaymentErrorCode.REASON_REQUIRED, "请写明确有困难的理由（第四十八条）", {"field": "reason"}
        )
    if order is not None and (order.case_id != case.pk or order.status not in rules.PAYABLE):
        raise ConflictError(PaymentErrorCode.BAD_RELIEF, "该缴费单不能再申请司法救助", {"field": "order"})
    with acting_as(applicant), transaction.atomic():
        return ReliefApplication.objects.create(
            case=case,
            order=order,
            party=party,
            applicant=applicant,
            kind=kind,
            ground=ground.strip()[:200],
            reason=reason.strip()[:2000],
            created_at=timezone.now(),
        )


def relief_decide(
    *,
    application: ReliefApplication,
    actor: User,
    granted: bool,
    reason: str = "",
    reduction_percent: int | None = None,
    deferred_until: date | None = None,
) -> ReliefApplication:
    """Court staff decide; a grant changes the order (减交 ≥ 30%, 第四十六条第二款; 缓交 to a date; 免交).

    A refusal is explained in writing (第四十八条第三款): a reason is required.
    """
    _require_handler(actor, application.case, "审查司法救助申请")
    if not granted and not reason.strip():
        raise InvalidInputError(
            PaymentErrorCode.REASON_REQUIRED,
            "不予批准的，应当书面说明理由（第四十八条第三款）",
            {"field": "reason"},
        )
    if (
        granted
        and application.kind == ReliefKind.REDUCE
        and (reduction_percent is None or not 30 <= reduction_percent < 100)
    ):
        raise InvalidInputError(
            PaymentErrorCode.BAD_RELIEF,
            "减交比例不得低于30%，且须小于100%（第四十六条第二款）",
            {"field": "reduction_percent"},
        )
    if (
        granted
        and application.kind == ReliefKind.DEFER
        and (deferred_until is None or deferred_until <= timezone.localdate())
    ):
        raise InvalidInputError(
            PaymentErrorCode.BAD_RELIEF, "请填写今天以后的缓交期限", {"field": "deferred_until"}
        )
    with acting_as(actor), transaction.atomic():
        app = ReliefApplication.objects.select_for_update().get(pk=application.pk)
        if app.status != ReliefStatus.PENDING:
            raise ConflictError(PaymentErrorCode.BAD_RELIEF, "该申请已经审查", {"status": app.status})
        app.status = ReliefStatus.GRANTED if granted else ReliefStatus.REJECTED
        app.decided_by, app.decided_at, app.decision_reason = actor, timezone.now(), reason.strip()[:1000]
        if granted:
            app.reduction_percent = reduction_percent if app.kind == ReliefKind.REDUCE else None
            app.deferred_until = deferred_until if app.kind == ReliefKind.DEFER else None
        app.save()
        if granted and app.order_id is not None:
            order = _lock(app.order.order_number)  # type: ignore[union-attr]
            if app.kind == ReliefKind.EXEMPT:
                order.status = rules.next_status(order.status, "exempt")
                order.amount = Decimal("0.00")
            elif app.kind == ReliefKind.REDUCE:
                order.status = rules.next_status(order.status, "reduce")
                keep = Decimal(100 - int(app.reduction_percent or 0)) / 100
                order.amount = (order.original_amount * keep).quantize(_CENT, rounding=ROUND_HALF_UP)
            else:
                order.status = rules.next_status(order.status, "defer")
                order.due_on = app.deferred_until  # type: ignore[assignment]
            order.save(update_fields=["status", "amount", "due_on"])
        outcome = "准予" if granted else "不予准许"
        if app.kind == ReliefKind.REDUCE and granted:
            outcome += f"，减交 {app.reduction_percent}%"
        if app.kind == ReliefKind.DEFER and granted:
            outcome += f"，缓交至 {app.deferred_until:%Y-%m-%d}"  # type: ignore[str-format]
        from smartcourt.apps.notifications.services import notify

        notify(
            user=app.applicant,
            event="relief_decided",
            context={
                "case_number": app.case.case_number,
                "kind_label": app.get_kind_display(),
                "outcome": outcome,
                "reason": app.decision_reason,
            },
            case=app.case,
        )
    return app
