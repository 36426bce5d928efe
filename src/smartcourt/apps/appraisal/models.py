"""Judicial appraisal (司法鉴定): the court's roster of qualified institutions, requests (by a party or ordered by
the court), the recorded random draw that picks the institution, and the progress with its deadlines.

States and their rules are in ``rules.py``; writes go through ``services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AppraisalField(models.TextChoices):
    FORENSIC_CLINICAL = "FORENSIC_CLINICAL", "法医临床鉴定"
    FORENSIC_PATHOLOGY = "FORENSIC_PATHOLOGY", "法医病理鉴定"
    FORENSIC_PSYCHIATRY = "FORENSIC_PSYCHIATRY", "法医精神病鉴定"
    DOCUMENT = "DOCUMENT", "文书鉴定"
    TRACE = "TRACE", "痕迹鉴定"
    ELECTRONIC_DATA = "ELECTRONIC_DATA", "电子数据鉴定"
    ACCOUNTING = "ACCOUNTING", "司法会计鉴定"
    CONSTRUCTION_COST = "CONSTRUCTION_COST", "工程造价鉴定"
    CONSTRUCTION_QUALITY = "CONSTRUCTION_QUALITY", "建设工程质量鉴定"
    VALUATION = "VALUATION", "资产评估"
    MEDICAL_DAMAGE = "MEDICAL_DAMAGE", "医疗损害鉴定"


class Institution(models.Model):
    """An institution on the court's appraisal roster (名册, 人民法院对外委托司法鉴定管理规定 第三条)."""

    name = models.CharField("机构名称", max_length=100, unique=True)
    fields = models.JSONField("鉴定业务范围", default=list)
    licence_number = models.CharField("许可证号", max_length=40, blank=True)
    qualified_until = models.DateField("资质有效期至")
    region = models.CharField("所在地区（行政区划代码）", max_length=6)
    active = models.BooleanField("在册", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "鉴定机构"
        verbose_name_plural = "鉴定机构"
        ordering = ("pk",)

    def __str__(self) -> str:
        return self.name

    @property
    def field_labels(self) -> list[str]:
        return [str(AppraisalField(f).label) for f in self.fields if f in AppraisalField.values]


class Origin(models.TextChoices):
    PARTY = "PARTY", "当事人申请"
    COURT = "COURT", "法院依职权委托"


class AppraisalStatus(models.TextChoices):
    REQUESTED = "REQUESTED", "待审查"
    REFUSED = "REFUSED", "不予准许"
    ENTRUSTED = "ENTRUSTED", "已委托"
    ACCEPTED = "ACCEPTED", "已受理"
    IN_PROGRESS = "IN_PROGRESS", "鉴定中"
    SUPPLEMENT = "SUPPLEMENT", "补充材料"
    OPINION_ISSUED = "OPINION_ISSUED", "已出具意见"
    RETURNED = "RETURNED", "退回"


class AppraisalRequest(models.Model):
    number = models.CharField("编号", max_length=32, unique=True)
    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="+")
    origin = models.CharField("来源", max_length=8, choices=Origin.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请人/决定人", on_delete=models.PROTECT, related_name="+"
    )
    field = models.CharField("鉴定类别", max_length=24, choices=AppraisalField.choices)
    matter = models.TextField("鉴定事项", max_length=2000)
    status = models.CharField(
        "状态", max_length=16, choices=AppraisalStatus.choices, default=AppraisalStatus.REQUESTED
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name="鉴定机构",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    period_days = models.PositiveSmallIntegerField("鉴定期限（日）", default=30)
    entrusted_on = models.DateField("委托日", null=True, blank=True)
    due_on = models.DateField("当前节点期限", null=True, blank=True)
    due_basis = models.CharField("期限依据", max_length=300, blank=True)
    finished_on = models.DateField("完成日", null=True, blank=True)
    opinion_summary = models.CharField("鉴定意见摘要", max_length=2000, blank=True)
    time_limit_adjustment_id = models.BigIntegerField("扣除审限记录", null=True, blank=True)
    created_at = models.DateTimeField("申请时间")

    class Meta:
        verbose_name = "鉴定申请"
        verbose_name_plural = "鉴定申请"
        ordering = ("-created_at", "-pk")
        indexes = [models.Index(fields=["status", "due_on"], name="appraisal_status_due")]

    def __str__(self) -> str:
        return self.number


class AppraisalDraw(models.Model):
    """One random draw (摇号): the candidates in order, the seed, the rule that maps it to a pick, the pick,
    who drew and who witnessed. ``services.appraisal_draw_verify`` recomputes the pick from these fields."""

    request = models.ForeignKey(AppraisalRequest, on_delete=models.CASCADE, related_name="draws")
    candidates = models.JSONField("候选机构")  # [{"id": …, "name": …}] in roster order
    seed = models.CharField("随机种子", max_length=64)
    algorithm = models.CharField("抽取算法", max_length=100)
    chosen_index = models.PositiveIntegerField("抽中序号")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="+")
    operator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    witness = models.CharField("见证人", max_length=100)
    drawn_at = models.DateTimeField("摇号时间")

    class Meta:
        verbose_name = "摇号记录"
        verbose_name_plural = "摇号记录"
        ordering = ("drawn_at", "pk")

    def __str__(self) -> str:
        return f"{self.request} → {self.institution}"


class AppraisalEvent(models.Model):
    request = models.ForeignKey(AppraisalRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    occurred_at = models.DateTimeField()
    note = models.CharField("说明", max_length=1000, blank=True)

    class Meta:
        verbose_name = "鉴定进度"
        verbose_name_plural = "鉴定进度"
        ordering = ("occurred_at", "pk")

    def __str__(self) -> str:
        return f"{self.request} {self.to_status}"

    @property
    def status_label(self) -> str:
        return str(AppraisalStatus(self.to_status).label)
