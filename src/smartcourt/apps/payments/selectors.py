"""Reads of payments and who may see them.

Staff see the orders of the cases they may see (``case_visible_queryset``); a party (or its counsel) sees
only the orders it is to pay. Anything else answers 404, like a missing order.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smartcourt.apps.accounts.models import User
from smartcourt.apps.cases.models import Case, Counsel
from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.apps.payments.error_codes import PaymentErrorCode
from smartcourt.apps.payments.models import PaymentCallback, PaymentOrder, ReliefApplication


def order_visible_queryset(*, viewer: User) -> QuerySet[PaymentOrder]:
    orders = PaymentOrder.objects.select_related("case", "payer_party")
    if not viewer.is_authenticated or not viewer.is_active:
        return orders.none()
    if viewer.is_superuser:
        return orders
    if viewer.is_court_staff:
        return orders.filter(case__in=case_visible_queryset(viewer=viewer))
    if viewer.is_public_user:
        represented = Counsel.objects.filter(user=viewer).values("party_id")
        return orders.filter(Q(payer_party__user=viewer) | Q(payer_party_id__in=represented))
    return orders.none()


def order_get(*, viewer: User, order_number: str) -> PaymentOrder:
    order = order_visible_queryset(viewer=viewer).filter(order_number=order_number).first()
    if order is None:
        raise NotFoundError(PaymentErrorCode.NOT_FOUND, "缴费单不存在")
    return order


def orders_for_case(*, viewer: User, case: Case) -> QuerySet[PaymentOrder]:
    return order_visible_queryset(viewer=viewer).filter(case=case)


def relief_visible_queryset(*, viewer: User) -> QuerySet[ReliefApplication]:
    apps = ReliefApplication.objects.select_related("case", "order", "party")
    if not viewer.is_authenticated or not viewer.is_active:
        return apps.none()
    if viewer.is_superuser:
        return apps
    if viewer.is_court_staff:
        return apps.filter(case__in=case_visible_queryset(viewer=viewer))
    return apps.filter(applicant=viewer)


def relief_get(*, viewer: User, application_id: int) -> ReliefApplication:
    app = relief_visible_queryset(viewer=viewer).filter(pk=application_id).first()
    if app is None:
        raise NotFoundError(PaymentErrorCode.NOT_FOUND, "申请不存在")
    return app


def callbacks_of(*, order: PaymentOrder) -> QuerySet[PaymentCallback]:
    return PaymentCallback.objects.filter(order_number=order.order_number).order_by("-received_at")
