"""Payment orders, the sandbox provider's signed callbacks, receipts, refunds and 缓减免, through services
and the API."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.notifications.models import Message
from smartcourt.apps.payments import services
from smartcourt.apps.payments.models import (
    CallbackOutcome,
    OrderStatus,
    PaymentCallback,
    PaymentOrder,
    Receipt,
    Refund,
    ReliefStatus,
)
from smartcourt.apps.payments.providers import SandboxProvider
from smartcourt.apps.payments.selectors import order_get

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _signed(order: PaymentOrder, **overrides):
    sandbox = SandboxProvider()
    body = sandbox.callback_body(
        order_number=overrides.pop("order_number", order.order_number),
        amount=overrides.pop("amount", order.amount),
        paid_at=overrides.pop("paid_at", timezone.now()),
        **overrides,
    )
    return body, sandbox.sign(body)


def test_order_amount_from_fee_engine_with_computation_kept(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    # 第十三条: 50 + (100000-10000) × 2.5% = 2300
    assert order.amount == Decimal("2300.00")
    assert order.status == OrderStatus.PENDING
    assert order.computation["fee_kind"] == "property"
    assert [line["article"] for line in order.computation["lines"]] == [
        "第十三条第(一)项",
        "第十三条第(一)项",
    ]
    assert order.due_on == timezone.localdate() + timedelta(days=7)
    assert order.payer_party.user == world.litigant
    inbox = Message.objects.get(recipient=world.litigant)
    assert inbox.event == "payment_order_created"
    assert "2300.00" in inbox.body


def test_simple_procedure_is_halved(world):
    c = __import__("tests.apps.factories", fromlist=["register_civil"]).register_civil(
        world, claim_amount="100000"
    )
    order = services.payment_order_create(case=c, actor=None)
    assert order.amount == Decimal("1150.00")
    assert order.computation["halved"] is True


@pytest.mark.parametrize("amount", ["-1", "abc", "1.234", "0"])
def test_bad_amount_refused_nothing_saved(world, case, amount):
    with pytest.raises(InvalidInputError) as err:
        services.payment_order_create(case=case, actor=world.filer, amount=amount)
    assert err.value.detail["field"] == "amount"
    assert PaymentOrder.objects.count() == 0


def test_only_staff_of_the_court_issue_orders(world, case):
    for actor in (world.other_judge, world.litigant, world.it_admin):
        with pytest.raises(NotPermittedError):
            services.payment_order_create(case=case, actor=actor)
    assert PaymentOrder.objects.count() == 0


def test_signed_callback_pays_once_with_receipt(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    body, sig = _signed(order)
    result = services.payment_callback_handle(provider="sandbox", body=body, signature=sig)
    assert (result.outcome, result.applied) == (CallbackOutcome.ACCEPTED, True)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    receipt = Receipt.objects.get(order=order)
    assert receipt.amount == Decimal("2300.00")
    assert receipt.receipt_number.startswith("PJ")
    data = receipt.document.read()
    assert data[:2] == b"PK"
    import hashlib

    assert hashlib.sha256(data).hexdigest() == receipt.sha256
    # replayed: same body, same signature: nothing changes, no second receipt
    again = services.payment_callback_handle(provider="sandbox", body=body, signature=sig)
    assert (again.outcome, again.applied) == (CallbackOutcome.DUPLICATE, False)
    assert Receipt.objects.count() == 1
    assert list(PaymentCallback.objects.order_by("pk").values_list("outcome", flat=True)) == [
        CallbackOutcome.ACCEPTED,
        CallbackOutcome.DUPLICATE,
    ]


def test_forged_callback_rejected_and_recorded(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    body, _ = _signed(order)
    forged = SandboxProvider(secret=b"not-the-key").sign(body)
    with pytest.raises(NotPermittedError):
        services.payment_callback_handle(provider="sandbox", body=body, signature=forged)
    tampered = body.replace(b'"2300.00"', b'"0.01"')
    with pytest.raises(NotPermittedError):
        services.payment_callback_handle(
            provider="sandbox", body=tampered, signature=SandboxProvider().sign(body)
        )
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING
    assert set(PaymentCallback.objects.values_list("outcome", flat=True)) == {CallbackOutcome.FORGED}


def test_stale_replay_and_second_payment_and_mismatch_rejected(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    old_body, old_sig = _signed(order, paid_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(InvalidInputError):
        services.payment_callback_handle(provider="sandbox", body=old_body, signature=old_sig)
    wrong_body, wrong_sig = _signed(order, amount=Decimal("1.00"))
    with pytest.raises(ConflictError):
        services.payment_callback_handle(provider="sandbox", body=wrong_body, signature=wrong_sig)
    body, sig = _signed(order)
    services.payment_callback_handle(provider="sandbox", body=body, signature=sig)
    other_body, other_sig = _signed(order)  # another transaction for the same order
    with pytest.raises(ConflictError):
        services.payment_callback_handle(provider="sandbox", body=other_body, signature=other_sig)
    unknown_body, unknown_sig = _signed(order, order_number="JF000")
    with pytest.raises(NotFoundError):
        services.payment_callback_handle(provider="sandbox", body=unknown_body, signature=unknown_sig)
    assert Receipt.objects.count() == 1
    assert list(PaymentCallback.objects.order_by("pk").values_list("outcome", flat=True)) == [
        CallbackOutcome.STALE,
        CallbackOutcome.MISMATCH,
        CallbackOutcome.ACCEPTED,
        CallbackOutcome.CONFLICT,
        CallbackOutcome.UNKNOWN_ORDER,
    ]


def test_callback_api_forged_and_replayed(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    body, sig = _signed(order)
    client = Client()
    bad = client.post(
        "/api/v1/payments/callbacks/sandbox",
        body,
        content_type="application/json",
        HTTP_X_PAYMENT_SIGNATURE="00",
    )
    assert bad.status_code == 403
    assert bad.json()["code"] == "payments.forged_callback"
    ok = client.post(
        "/api/v1/payments/callbacks/sandbox",
        body,
        content_type="application/json",
        HTTP_X_PAYMENT_SIGNATURE=sig,
    )
    assert ok.status_code == 200
    assert ok.json()["result"] == "ACCEPTED"
    replay = client.post(
        "/api/v1/payments/callbacks/sandbox",
        body,
        content_type="application/json",
        HTTP_X_PAYMENT_SIGNATURE=sig,
    )
    assert replay.json() == {
        "result": "DUPLICATE",
        "applied": False,
        "message": "该笔缴费已入账，重复通知已忽略",
        "order_number": order.order_number,
    }
    assert Receipt.objects.count() == 1


def test_sandbox_page_pays_and_receipt_downloads(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    client = _client(world.litigant)
    page = client.get(f"/payments/sandbox/{order.order_number}/")
    assert page.status_code == 200
    assert "确认支付 2300.00 元" in page.content.decode()
    done = client.post(f"/payments/sandbox/{order.order_number}/")
    assert done.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    detail = client.get(f"/payments/orders/{order.order_number}/").content.decode()
    assert order.receipt.receipt_number in detail
    download = client.get(f"/payments/orders/{order.order_number}/receipt.docx")
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:2] == b"PK"


@pytest.mark.parametrize("who", ["stranger", "lawyer", "other_judge", "it_admin"])
def test_others_get_404(world, case, who):
    order = services.payment_order_create(case=case, actor=world.filer)
    user = getattr(world, who)
    assert _client(user).get(f"/payments/orders/{order.order_number}/").status_code == 404
    assert _client(user).get(f"/api/v1/payments/orders/{order.order_number}").status_code == 404
    assert _client(user).post(f"/payments/sandbox/{order.order_number}/").status_code == 404
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING


def test_halving_refund_after_mediation_once(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    services.sandbox_pay(order=order, payer=world.litigant)
    refund = services.refund_halving(order=order, actor=world.judge, ground="mediated")
    assert refund.amount == Decimal("1150.00")
    assert "第十五条" in refund.rule
    order.refresh_from_db()
    assert (order.status, order.refunded_amount) == (OrderStatus.PARTIALLY_REFUNDED, Decimal("1150.00"))
    with pytest.raises(InvalidInputError):
        services.refund_halving(order=order, actor=world.judge, ground="withdrawn")
    services.refund_create(
        order=order, actor=world.judge, reason="驳回起诉", rule=services.REFUND_RULES["refused"]
    )
    order.refresh_from_db()
    assert (order.status, order.refunded_amount) == (OrderStatus.REFUNDED, Decimal("2300.00"))
    with pytest.raises(ConflictError):
        services.refund_create(order=order, actor=world.judge, amount="1", reason="再退")
    assert Refund.objects.count() == 2


def test_refund_checks(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    with pytest.raises(ConflictError):  # not paid
        services.refund_create(order=order, actor=world.judge, reason="x")
    services.sandbox_pay(order=order, payer=world.litigant)
    with pytest.raises(InvalidInputError):
        services.refund_create(order=order, actor=world.judge, amount="2300.01", reason="多退")
    with pytest.raises(InvalidInputError):
        services.refund_create(order=order, actor=world.judge, amount="10", reason="  ")
    with pytest.raises(NotPermittedError):
        services.refund_create(order=order, actor=world.litigant, amount="10", reason="自己退")
    assert Refund.objects.count() == 0


def test_relief_reduce_exempt_defer(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    app = services.relief_apply(
        case=case,
        applicant=world.litigant,
        kind="REDUCE",
        ground="第四十六条第一项",
        reason="遭受洪灾，生活困难",
        order=order,
    )
    with pytest.raises(InvalidInputError):  # 第四十六条第二款: not below 30%
        services.relief_decide(application=app, actor=world.judge, granted=True, reduction_percent=20)
    with pytest.raises(NotPermittedError):
        services.relief_decide(application=app, actor=world.other_judge, granted=True, reduction_percent=50)
    decided = services.relief_decide(application=app, actor=world.judge, granted=True, reduction_percent=40)
    assert decided.status == ReliefStatus.GRANTED
    order.refresh_from_db()
    assert order.amount == Decimal("1380.00")
    with pytest.raises(ConflictError):
        services.relief_decide(application=app, actor=world.judge, granted=False, reason="重复")
    refused = services.relief_apply(
        case=case, applicant=world.litigant, kind="DEFER", ground="其他", reason="暂时困难", order=order
    )
    with pytest.raises(InvalidInputError):  # a refusal needs written reasons (第四十八条第三款)
        services.relief_decide(application=refused, actor=world.judge, granted=False)
    services.relief_decide(
        application=refused, actor=world.judge, granted=False, reason="不符合第四十七条情形"
    )
    exempt = services.relief_apply(
        case=case,
        applicant=world.litigant,
        kind="EXEMPT",
        ground="第四十五条第一项",
        reason="无固定生活来源",
        order=order,
    )
    services.relief_decide(application=exempt, actor=world.judge, granted=True)
    order.refresh_from_db()
    assert (order.status, order.amount) == (OrderStatus.EXEMPTED, Decimal("0.00"))
    assert Message.objects.filter(recipient=world.litigant, event="relief_decided").count() == 3


def test_exemption_only_for_natural_persons(world):
    from smartcourt.apps.cases.models import Party
    from tests.apps.factories import company, person, register_civil

    c = register_civil(world, parties=(company("PLAINTIFF"), person("DEFENDANT")))
    Party.objects.filter(case=c, role="PLAINTIFF").update(user=world.litigant)
    with pytest.raises(InvalidInputError) as err:
        services.relief_apply(
            case=c, applicant=world.litigant, kind="EXEMPT", ground="其他", reason="公司困难"
        )
    assert "自然人" in err.value.message
    with pytest.raises(NotFoundError):
        services.relief_apply(
            case=c, applicant=world.stranger, kind="DEFER", ground="其他", reason="不是当事人"
        )


def test_api_order_create_and_bad_input(world, case):
    client = _client(world.filer)
    ok = client.post("/api/v1/payments/orders", {"case_id": case.pk}, content_type="application/json")
    assert ok.status_code == 201
    assert ok.json()["amount"] == "2300.00"
    assert ok.json()["computation"]["total"] == "2300.00"
    bad = client.post(
        "/api/v1/payments/orders", {"case_id": case.pk, "amount": "-5"}, content_type="application/json"
    )
    assert bad.status_code == 422
    ranged = client.post(
        "/api/v1/payments/orders",
        {"case_id": case.pk, "fee_kind": "divorce"},
        content_type="application/json",
    )
    assert ranged.status_code == 400
    assert ranged.json()["code"] == "payments.fee_range"
    assert (
        _client(world.stranger)
        .post("/api/v1/payments/orders", {"case_id": case.pk}, content_type="application/json")
        .status_code
        == 404
    )
    assert PaymentOrder.objects.count() == 1


def test_case_panel_staff_and_party(world, case):
    services.payment_order_create(case=case, actor=world.filer)
    staff = _client(world.judge).get(f"/payments/cases/{case.pk}/panel/").content.decode()
    assert "开具缴费单" in staff
    party = _client(world.litigant).get(f"/payments/cases/{case.pk}/panel/").content.decode()
    assert "开具缴费单" not in party and "缴费</a>" in party
    assert _client(world.stranger).get(f"/payments/cases/{case.pk}/panel/").status_code == 404
    assert _client(world.litigant).post(f"/payments/cases/{case.pk}/panel/").status_code == 403


def test_order_visible_to_payer_only(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    assert order_get(viewer=world.litigant, order_number=order.order_number) == order
    defendant_user = world.stranger
    from smartcourt.apps.cases.models import Party

    Party.objects.filter(case=case, role="DEFENDANT").update(user=defendant_user)
    with pytest.raises(NotFoundError):
        order_get(viewer=defendant_user, order_number=order.order_number)


def test_time_window_uses_the_clock(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    body, sig = _signed(order)
    with time_machine.travel(timezone.now() + timedelta(minutes=20)), pytest.raises(InvalidInputError):
        services.payment_callback_handle(provider="sandbox", body=body, signature=sig)
    assert json.loads(body)["order_number"] == order.order_number


def test_state_machine_table():
    from smartcourt.apps.payments import rules

    assert rules.next_status(OrderStatus.PENDING, "pay") == OrderStatus.PAID
    assert rules.next_status(OrderStatus.DEFERRED, "pay") == OrderStatus.PAID
    assert rules.next_status(OrderStatus.PAID, "refund_full") == OrderStatus.REFUNDED
    for status, action in [
        (OrderStatus.PAID, "pay"),
        (OrderStatus.CANCELLED, "pay"),
        (OrderStatus.EXEMPTED, "refund_partial"),
        (OrderStatus.REFUNDED, "refund_partial"),
        (OrderStatus.PAID, "cancel"),
        (OrderStatus.PENDING, "refund_full"),
    ]:
        with pytest.raises(ConflictError) as err:
            rules.next_status(status, action)
        assert err.value.code == "payments.illegal_transition"


def test_staff_cannot_pay_in_the_sandbox_and_cancel_stops_payment(world, case):
    order = services.payment_order_create(case=case, actor=world.filer)
    with pytest.raises(NotPermittedError):
        services.sandbox_pay(order=order, payer=world.judge)
    services.payment_order_cancel(order=order, actor=world.filer, reason="开单错误")
    body, sig = _signed(order)
    with pytest.raises(ConflictError):
        services.payment_callback_handle(provider="sandbox", body=body, signature=sig)
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert Receipt.objects.count() == 0
