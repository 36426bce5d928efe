"""Pages of payments: my orders, an order (pay, receipt, refund, 缓减免), the sandbox checkout, the case panel.

Views shape input and output only; a :class:`DomainError` becomes a Chinese message.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.payments import rules, selectors, services
from smartcourt.apps.payments.models import OrderStatus, PaymentKind, ReliefKind


def _error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)


@login_required
def my_orders(request: HttpRequest) -> HttpResponse:
    orders = selectors.order_visible_queryset(viewer=request.user)[:200]
    return render(request, "payments/my_orders.html", {"orders": orders})


@login_required
def order_detail(request: HttpRequest, order_number: str) -> HttpResponse:
    try:
        order = selectors.order_get(viewer=request.user, order_number=order_number)
    except DomainError as exc:
        return _error(request, exc)
    staff = services._may_handle(request.user, order.case)
    return render(
        request,
        "payments/order_detail.html",
        {
            "order": order,
            "staff": staff,
            "payable": order.status in rules.PAYABLE and not staff,
            "refundable": staff and order.status in rules.REFUNDABLE,
            "receipt": getattr(order, "receipt", None),
            "refunds": order.refunds.order_by("created_at"),
            "reliefs": selectors.relief_visible_queryset(viewer=request.user).filter(order=order),
            "relief_kinds": ReliefKind.choices,
            "callbacks": selectors.callbacks_of(order=order)[:20] if staff else [],
            "lines": order.computation.get("lines", []),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sandbox(request: HttpRequest, order_number: str) -> HttpResponse:
    """The local sandbox provider's checkout page (stands in for a bank's)."""
    try:
        order = selectors.order_get(viewer=request.user, order_number=order_number)
        if request.method == "POST":
            result = services.sandbox_pay(order=order, payer=request.user)
            messages.success(request, result.message)
            return redirect("payments:order_detail", order_number=order.order_number)
    except DomainError as exc:
        return _error(request, exc)
    return render(request, "payments/sandbox.html", {"order": order})


@login_required
def receipt_download(request: HttpRequest, order_number: str) -> HttpResponse:
    try:
        order = selectors.order_get(viewer=request.user, order_number=order_number)
    except DomainError as exc:
        return _error(request, exc)
    receipt = getattr(order, "receipt", None)
    if receipt is None or not receipt.document:
        raise Http404("票据不存在")
    return FileResponse(
        receipt.document.open("rb"),
        as_attachment=True,
        filename=f"{receipt.receipt_number}.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@login_required
@require_POST
def refund(request: HttpRequest, order_number: str) -> HttpResponse:
    try:
        order = selectors.order_get(viewer=request.user, order_number=order_number)
        ground = request.POST.get("ground", "")
        if ground in ("mediated", "withdrawn"):
            r = services.refund_halving(order=order, actor=request.user, ground=ground)
        else:
            r = services.refund_create(
                order=order,
                actor=request.user,
                amount=request.POST.get("amount", "").strip() or None,
                reason=request.POST.get("reason", "")[:300],
                rule=services.REFUND_RULES.get(ground, ""),
            )
        messages.success(request, f"已退费 {r.amount} 元（退费单号 {r.refund_number}）")
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("payments:order_detail", order_number=order_number)


@login_required
@require_POST
def relief_apply(request: HttpRequest, order_number: str) -> HttpResponse:
    try:
        order = selectors.order_get(viewer=request.user, order_number=order_number)
        services.relief_apply(
            case=order.case,
            applicant=request.user,
            kind=request.POST.get("kind", ""),
            ground=request.POST.get("ground", "")[:200],
            reason=request.POST.get("reason", "")[:2000],
            order=order,
        )
        messages.success(request, "司法救助申请已提交，等待法院审查")
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("payments:order_detail", order_number=order_number)


@login_required
@require_POST
def relief_decide(request: HttpRequest, application_id: int) -> HttpResponse:
    app = None
    try:
        app = selectors.relief_get(viewer=request.user, application_id=application_id)
        percent = request.POST.get("reduction_percent", "").strip()
        until = request.POST.get("deferred_until", "").strip()
        services.relief_decide(
            application=app,
            actor=request.user,
            granted=request.POST.get("granted") == "1",
            reason=request.POST.get("reason", "")[:1000],
            reduction_percent=int(percent) if percent.isdigit() else None,
            deferred_until=date.fromisoformat(until) if until else None,
        )
        messages.success(request, "已作出决定")
    except ValueError:
        messages.error(request, "缓交期限须为日期（YYYY-MM-DD）")
    except DomainError as exc:
        messages.error(request, exc.message)
    if app is not None and app.order is not None:
        return redirect("payments:order_detail", order_number=app.order.order_number)
    return redirect("payments:my_orders")


@login_required
@require_http_methods(["GET", "POST"])
def case_panel(request: HttpRequest, case_id: int) -> HttpResponse:
    """The 缴费 panel on the case page: staff see every order and issue new ones; a party its own."""
    case = case_visible_queryset(viewer=request.user).filter(pk=case_id).first()
    if case is None:
        raise Http404("案件不存在")
    staff = services._may_handle(request.user, case)
    if request.method == "POST":
        if not staff:
            return HttpResponse("只有本院工作人员可以开具缴费单", status=403)
        try:
            services.payment_order_create(
                case=case,
                kind=request.POST.get("kind", PaymentKind.ACCEPTANCE_FEE),
                actor=request.user,
                amount=request.POST.get("amount", "").strip() or None,
                fee_kind=request.POST.get("fee_kind", "").strip(),
            )
        except DomainError as exc:
            return render(
                request,
                "payments/_case_panel.html",
                _panel_context(request, case, staff) | {"error": exc.message},
            )
    return render(request, "payments/_case_panel.html", _panel_context(request, case, staff))


def _panel_context(request: HttpRequest, case: object, staff: bool) -> dict[str, object]:
    return {
        "case": case,
        "staff": staff,
        "orders": selectors.orders_for_case(viewer=request.user, case=case),  # type: ignore[arg-type]
        "kinds": PaymentKind.choices,
        "payable": (OrderStatus.PENDING, OrderStatus.DEFERRED),
    }
