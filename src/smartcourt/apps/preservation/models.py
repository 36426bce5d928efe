"""Preservation (保全) applications: before a case (诉前保全, linked to the case later) or in a case, the property
to preserve, the guarantee (cash, property or an insurer's electronic letter), the ruling and the fee.

States and their rules are in ``rules.py``; writes go through ``services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Stage(models.TextChoices):
    PRE_SUIT = "PRE_SUIT", "诉前保全"
    IN_LITIGATION = "IN_LITIGATION", "诉讼中保全"


class PreservationStatus(models.TextChoices):
    SUBMITTED = "SUBMITTED", "已提交"
    ACCEPTED = "ACCEPTED", "已受理"
    GRANTED = "GRANTED", "裁定准予保全"
    REFUSED = "REFUSED", "裁定驳回申请"
    WITHDRAWN = "WITHDRAWN", "已撤回"


class GuaranteeKind(models.TextChoices):
    NONE = "NONE", "未提供担保"
    CASH = "CASH", "现金担保"
    PROPERTY = "PROPERTY", "财产担保"
    ELECTRONIC = "ELECTRONIC", "电子保函"


class PropertyKind(models.TextChoices):
    DEPOSIT = "DEPOSIT", "银行存款"
    REAL_ESTATE = "REAL_ESTATE", "不动产"
    VEHICLE = "VEHICLE", "车辆"
    EQUITY = "EQUITY", "股权"
    OTHER = "OTHER", "其他财产"


class PreservationApplication(models.Model):
    number = models.CharField("申请编号", max_length=32, unique=True)
    court = models.ForeignKey("courts.Court", verbose_name="法院", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        "cases.Case", verbose_name="案件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stage = models.CharField("阶段", max_length=16, choices=Stage.choices)
    urgent = models.BooleanField("情况紧急", default=False)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="提交人", on_delete=models.PROTECT, related_name="+"
    )
    applicant_name = models.CharField("申请人", max_length=100)
    respondent_name = models.CharField("被申请人", max_length=100)
    reason = models.TextField("事实与理由", max_length=3000)
    amount = models.DecimalField("请求保全数额（元）", max_digits=16, decimal_places=2)
    status = models.CharField(
        "状态", max_length=16, choices=PreservationStatus.choices, default=PreservationStatus.SUBMITTED
    )
    guarantee_kind = models.CharField("担保方式", max_length=16, choices=GuaranteeKind.choices)
    guarantee_amount = models.DecimalField("担保数额（元）", max_digits=16, decimal_places=2, default=0)
    guarantee_required = models.DecimalField(
        "应提供担保数额（元）", max_digits=16, decimal_places=2, default=0
    )
    guarantee_note = models.CharField("担保说明", max_length=300, blank=True)
    guarantee_hash = models.CharField("担保材料哈希", max_length=80, blank=True)
    ledger_leaf_index = models.BigIntegerField("司法链叶序号", null=True, blank=True)
    ledger_receipt = models.JSONField("司法链存证回执", default=dict, blank=True)
    fee_amount = models.DecimalField("申请费（元）", max_digits=12, decimal_places=2, default=0)
    fee_computation = models.JSONField("申请费计算", default=dict, blank=True)
    fee_order_number = models.CharField("缴费单号", max_length=32, blank=True)
    submitted_at = models.DateTimeField("提交时间")
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ruling_due_at = models.DateTimeField("裁定期限", null=True, blank=True)
    ruling_basis = models.CharField("裁定期限依据", max_length=300, blank=True)
    ruled_at = models.DateTimeField("裁定时间", null=True, blank=True)
    ruled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ruling_reason = models.CharField("裁定理由", max_length=1000, blank=True)

    class Meta:
        verbose_name = "保全申请"
        verbose_name_plural = "保全申请"
        ordering = ("-submitted_at", "-pk")
        indexes = [models.Index(fields=["court", "status"], name="preserv_court_status")]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="preserv_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(stage="PRE_SUIT") | models.Q(case__isnull=False),
                name="preserv_case_in_suit",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def ruled_in_time(self) -> bool | None:
        if self.ruled_at is None or self.ruling_due_at is None:
            return None
        return self.ruled_at <= self.ruling_due_at


class PreservationProperty(models.Model):
    application = models.ForeignKey(
        PreservationApplication, on_delete=models.CASCADE, related_name="properties"
    )
    kind = models.CharField("财产类型", max_length=16, choices=PropertyKind.choices)
    description = models.CharField("财产描述", max_length=300)
    amount = models.DecimalField("数额/价值（元）", max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = "保全财产"
        verbose_name_plural = "保全财产"
        ordering = ("application", "pk")
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="preserv_prop_positive")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.description}"


class GuaranteeLetterRecord(models.Model):
    """The electronic guarantee letter as submitted, and the insurer's verification of it."""

    application = models.OneToOneField(
        PreservationApplication, on_delete=models.CASCADE, related_name="letter"
    )
    letter_number = models.CharField("保函编号", max_length=40, unique=True)
    insurer_code = models.CharField("保险机构编码", max_length=20)
    insurer_name = models.CharField("保险机构", max_length=100)
    amount = models.DecimalField("担保金额（元）", max_digits=16, decimal_places=2)
    valid_from = models.DateField("生效日")
    valid_until = models.DateField("到期日")
    data = models.JSONField("保函原文")
    sha256 = models.CharField("哈希", max_length=64)
    verified_at = models.DateTimeField("核验时间")

    class Meta:
        verbose_name = "电子保函"
        verbose_name_plural = "电子保函"

    def __str__(self) -> str:
        return self.letter_number
