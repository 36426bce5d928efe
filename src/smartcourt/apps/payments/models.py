"""Payments of court fees: orders (with the fee engine's computation kept), provider callbacks (every one,
accepted or not), receipts (票据), refunds, and 缓交/减交/免交 (judicial aid) applications.

The order's states and their rules are in ``rules.py``.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models


class PaymentKind(models.TextChoices):
    ACCEPTANCE_FEE = "ACCEPTANCE_FEE", "案件受理费"
    APPLICATION_FEE = "APPLICATION_FEE", "申请费"
    APPEAL_FEE = "APPEAL_FEE", "上诉案件受理费"
    SUPPLEMENT = "SUPPLEMENT", "补交案件受理费"
    OTHER = "OTHER", "其他诉讼费用"


class OrderStatus(models.TextChoices):
    PENDING = "PENDING", "待缴费"
    DEFERRED = "DEFERRED", "准予缓交"
    PAID = "PAID", "已缴费"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED", "已部分退费"
    REFUNDED = "REFUNDED", "已全额退费"
    EXEMPTED = "EXEMPTED", "准予免交"
    CANCELLED = "CANCELLED", "已撤销"


class PaymentOrder(models.Model):
    order_number = models.CharField("缴费单号", max_length=32, unique=True)
    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("费用类型", max_length=20, choices=PaymentKind.choices)
    payer_party = models.ForeignKey(
        "cases.Party",
        verbose_name="交费人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    payer_name = models.CharField("交费人名称", max_length=100)
    amount = models.DecimalField("应缴金额（元）", max_digits=14, decimal_places=2)
    original_amount = models.DecimalField("核定金额（元）", max_digits=14, decimal_places=2)
    fee_kind = models.CharField("计费类别", max_length=40, blank=True)
    computation = models.JSONField("计算过程", default=dict, blank=True)
    status = models.CharField("状态", max_length=20, choices=OrderStatus.choices, default=OrderStatus.PENDING)
    due_on = models.DateField("缴费期限")
    provider = models.CharField("支付渠道", max_length=20, default="sandbox")
    provider_txn_id = models.CharField("支付流水号", max_length=64, blank=True)
    paid_at = models.DateTimeField("缴费时间", null=True, blank=True)
    refunded_amount = models.DecimalField(
        "已退金额（元）", max_digits=14, decimal_places=2, default=Decimal("0")
    )
    note = models.CharField("备注", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("开单时间")

    class Meta:
        verbose_name = "缴费单"
        verbose_name_plural = "缴费单"
        ordering = ("-created_at", "-pk")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="payorder_amount_nonneg"),
            models.CheckConstraint(
                condition=models.Q(refunded_amount__gte=0), name="payorder_refunded_nonneg"
            ),
        ]

    def __str__(self) -> str:
        return self.order_number


class CallbackOutcome(models.TextChoices):
    ACCEPTED = "ACCEPTED", "已入账"
    DUPLICATE = "DUPLICATE", "重复通知（已忽略）"
    FORGED = "FORGED", "签名无效（已拒绝）"
    STALE = "STALE", "超出有效期（已拒绝）"
    MALFORMED = "MALFORMED", "格式错误（已拒绝）"
    UNKNOWN_ORDER = "UNKNOWN_ORDER", "缴费单不存在（已拒绝）"
    MISMATCH = "MISMATCH", "金额不符（已拒绝）"
    CONFLICT = "CONFLICT", "状态冲突（已拒绝）"


class PaymentCallback(models.Model):
    """Every callback a provider sent, with what was done with it."""

    provider = models.CharField(max_length=20)
    order_number = models.CharField(max_length=32, blank=True)
    txn_id = models.CharField(max_length=64, blank=True)
    nonce = models.CharField(max_length=64, blank=True)
    body = models.TextField(max_length=8192)
    signature = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=16, choices=CallbackOutcome.choices)
    received_at = models.DateTimeField()

    class Meta:
        verbose_name = "支付回调"
        verbose_name_plural = "支付回调"
        indexes = [models.Index(fields=["order_number"], name="paycb_order")]

    def __str__(self) -> str:
        return f"{self.provider} {self.order_number} {self.outcome}"


class Receipt(models.Model):
    """The 票据 of a paid order (诉讼费用交纳办法 第五十二条): its number, amount, payer, and the document."""

    order = models.OneToOneField(PaymentOrder, on_delete=models.PROTECT, related_name="receipt")
    receipt_number = models.CharField("票据号", max_length=32, unique=True)
    amount = models.DecimalField("金额（元）", max_digits=14, decimal_places=2)
    payer_name = models.CharField("交款人", max_length=100)
    issued_at = models.DateTimeField("开具时间")
    document = models.FileField("票据文件", upload_to="payments/receipts/%Y/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = "缴费票据"
        verbose_name_plural = "缴费票据"

    def __str__(self) -> str:
        return self.receipt_number


class Refund(models.Model):
    order = models.ForeignKey(PaymentOrder, on_delete=models.PROTECT, related_name="refunds")
    refund_number = models.CharField("退费单号", max_length=32, unique=True)
    amount = models.DecimalField("退费金额（元）", max_digits=14, decimal_places=2)
    reason = models.CharField("事由", max_length=300)
    rule = models.CharField("依据", max_length=200, blank=True)
    provider_ref = models.CharField("渠道退款号", max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("退费时间")

    class Meta:
        verbose_name = "退费"
        verbose_name_plural = "退费"
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_pos")]

    def __str__(self) -> str:
        return self.refund_number


class ReliefKind(models.TextChoices):
    DEFER = "DEFER", "缓交"
    REDUCE = "REDUCE", "减交"
    EXEMPT = "EXEMPT", "免交"


class ReliefStatus(models.TextChoices):
    PENDING = "PENDING", "待审查"
    GRANTED = "GRANTED", "准予"
    REJECTED = "REJECTED", "不予准许"


class ReliefApplication(models.Model):
    """A 司法救助 application for 缓交/减交/免交 (诉讼费用交纳办法 第四十四条至第五十一条) and its decision."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    order = models.ForeignKey(
        PaymentOrder, null=True, blank=True, on_delete=models.PROTECT, related_name="relief_applications"
    )
    party = models.ForeignKey("cases.Party", on_delete=models.PROTECT, related_name="+")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("申请事项", max_length=8, choices=ReliefKind.choices)
    ground = models.CharField("申请情形", max_length=200)
    reason = models.TextField("理由", max_length=2000)
    status = models.CharField(max_length=8, choices=ReliefStatus.choices, default=ReliefStatus.PENDING)
    reduction_percent = models.PositiveSmallIntegerField("减交比例（%）", null=True, blank=True)
    deferred_until = models.DateField("缓交至", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField("决定理由", max_length=1000, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = "司法救助申请"
        verbose_name_plural = "司法救助申请"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_id}"
